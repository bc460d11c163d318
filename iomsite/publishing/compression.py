"""Compression of the site's responses on the wire, mindful of BREACH.

BREACH recovers a secret from a compressed response that also reflects what an
attacker sends (a search query, a filter). The public pages hold no secret for
an anonymous visitor, so they are compressed; a response is sent as it is when
it may hold one: a CSRF token was put in it (a form that posts, the admin's
login), or the visitor is signed in (staff previews and the admin show
personal data and tokens). Django's GZipMiddleware also pads what it
compresses with a random number of bytes, which blunts the attack further.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


def may_hold_a_secret(request, response):
    # A page that rendered a CSRF token (a new one, or one renewed) sets the
    # CSRF cookie.
    if settings.CSRF_COOKIE_NAME in response.cookies:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if may_hold_a_secret(request, response):
            return response
        return super().process_response(request, response)
