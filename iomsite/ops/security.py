"""Small security helpers the settings point at."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


def client_ip_address(request):
    """The address a request comes from, for django-axes' login throttling.

    Without proxies of ours in front (``TRUSTED_PROXY_COUNT = 0``) it is the
    connection's address: an ``X-Forwarded-For`` header is then written by the
    client and must not be believed. With N proxies, each appends the address it
    received the request from, so the client's is the N-th from the right; the
    ones further left are again the client's own claims.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            address.strip()
            for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if address.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response, credentials):
    """The page django-axes shows instead of logging in, once locked out."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "admin/locked_out.html",
        {"minutes": minutes, "title": _("Logging in is blocked for a while")},
        status=429,
    )
