from django.conf import settings
from django.utils.functional import SimpleLazyObject

from contacts.models import Office


def _offices():
    return list(Office.objects.published().select_related("parent"))


def site(request):
    # Lazy: read only by the pages that show the footer (not the feeds, say).
    return {
        "SITE_NAME": settings.SITE_NAME,
        "site_offices": SimpleLazyObject(_offices),
    }
