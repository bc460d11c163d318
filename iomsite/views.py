import sys

from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.views.generic import RedirectView, TemplateView

from articles.models import Article
from contacts.models import Office
from programmes.models import Programme

from . import search


class PreviewMixin:
    """Detail views of things visitors see only once published: staff allowed
    to change them may open them before, as a preview that is never cached."""

    def can_preview(self):
        options = self.model._meta
        permission = f"{options.app_label}.change_{options.model_name}"
        user = self.request.user
        return user.is_staff and user.has_perm(permission)

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = not self.object.is_published
        return context


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the first or
    the last page instead of a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


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
        context["regional_office"] = next(
            (office for office in offices if office.kind == Office.Kind.REGIONAL), None
        )
        return context


class SearchView(TemplateView):
    """``?q=`` over every result type: the best few of each, or with
    ``?type=`` all of one type, paginated."""

    template_name = "search/search.html"
    paginate_by = 20
    preview_count = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = search.SearchTerms.from_input(self.request.GET.get("q", ""))
        result_type = search.RESULT_TYPES.get(self.request.GET.get("type", ""))
        context.update(
            terms=terms,
            result_type=result_type,
            result_types=search.RESULT_TYPES.values(),
            max_query_length=search.MAX_QUERY_LENGTH,
        )
        if not terms:
            return context
        site_search = search.SiteSearch(terms)
        context.update(
            tallies=site_search.tallies(), suggestion=site_search.suggestion()
        )
        if result_type:
            matches = search.RankedMatches(site_search, result_type)
            paginator = Paginator(matches, self.paginate_by)
            page = paginator.get_page(self.request.GET.get("page"))
            context.update(
                tally=site_search.tally(result_type),
                paginator=paginator,
                page_obj=page,
                hits=site_search.hits(result_type, page.object_list),
            )
        else:
            context["sections"] = site_search.sections(self.preview_count)
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
