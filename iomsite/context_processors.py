from django.conf import settings
from django.utils.functional import SimpleLazyObject

from contacts.models import Office
from pages.models import Page


def _offices():
    return list(Office.objects.published().select_related("parent"))


def _pages():
    return list(Page.objects.published())


def site(request):
    # Lazy: read only by the pages that show the footer (not the feeds, say).
    return {
        "SITE_NAME": settings.SITE_NAME,
        "site_offices": SimpleLazyObject(_offices),
        "site_pages": SimpleLazyObject(_pages),
    }
