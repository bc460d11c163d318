import sys

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.generic import RedirectView, TemplateView

from articles.models import Article
from contacts.models import Office
from programmes.models import Programme

from .editorial.language import staff_language as staff_language_page
from .legacy.importing import suggestions
from .models import StaffPreference


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_articles"] = Article.objects.published().prefetch_related(
            "programmes"
        )[:6]
        context["programmes"] = Programme.objects.published()
        offices = list(Office.objects.published().select_related("parent"))
        context["offices"] = offices
        regional = next(
            (office for office in offices if office.kind == Office.Kind.REGIONAL), None
        )
        context["regional_office"] = regional
        # The key-figures band: the regional office's checked figures.
        context["figures"] = list(regional.figures.complete()[:4]) if regional else []
        return context


class FaviconView(RedirectView):
    """/favicon.ico, asked for by browsers on pages without icon links (feeds,
    files): the static file, found through its current (hashed) name."""

    # Temporary: the hashed name changes whenever the icon does.
    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("icons/favicon.ico")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


# How long a visitor (or a proxy, or a crawler) should wait before asking again
# when the database is out of reach: about a PostgreSQL restart.
RETRY_AFTER_SECONDS = 5


def server_error(request):
    # Rendered without a request context: the page must not depend on anything
    # that could be what failed.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        # The database cannot be reached (a restart, a failover): say it is
        # temporary, so proxies and search engines retry rather than record
        # a broken page.
        response = render(None, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return render(None, "500.html", status=500)


def staff_language(request):
    """The page of iomsite.editorial.language, with the preference model."""
    return staff_language_page(request, StaffPreference, admin.site)


@require_POST
def suggested_tags(request, pk):
    """Needs attention's buttons: add an imported article's suggested tags
    ("accept") or forget them ("dismiss"); kept as a revision either way."""
    article = get_object_or_404(Article, pk=pk)
    if not request.user.has_perm("articles.change_article"):
        raise PermissionDenied
    with reversion.create_revision():
        reversion.set_user(request.user)
        if request.POST.get("action") == "accept":
            added = suggestions.accept(article)
            reversion.set_comment(gettext("Added the tags the import suggested."))
            message = gettext("“%(title)s”: added %(tags)s.") % {
                "title": article,
                "tags": ", ".join(added) or "—",
            }
        else:
            suggestions.dismiss(article)
            message = gettext("“%(title)s”: suggestions dismissed.") % {
                "title": article
            }
    messages.success(request, message)
    return redirect(f"{reverse('needs-attention')}#suggested-tags")
