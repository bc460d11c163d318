"""Old addresses (django.contrib.redirects): moved ones answer a permanent
redirect; retired ones, whose redirect has an empty new path, answer 410 Gone
with a page of ours (templates/410.html) rather than Django's empty response.

Like every redirect, a retired address applies only where no page of the site
answers (a 404): unpublish or delete a page before marking its address gone.
"""

from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.shortcuts import render


def page_gone(request):
    return render(request, "410.html", status=410)


class RetiredAddressMiddleware(RedirectFallbackMiddleware):
    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is not response and answer.status_code == 410:
            return page_gone(request)
        return answer
