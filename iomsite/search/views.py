from django.core.paginator import Paginator
from django.views.generic import TemplateView

from .results import RankedMatches, SiteSearch
from .terms import MAX_QUERY_LENGTH, SearchTerms


class SearchView(TemplateView):
    """``?q=`` over every result type: the best few of each, or with
    ``?type=`` all of one type, paginated."""

    template_name = "search/search.html"
    paginate_by = 20
    preview_count = 5
    result_types = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = SearchTerms.from_input(self.request.GET.get("q", ""))
        by_slug = {result_type.slug: result_type for result_type in self.result_types}
        result_type = by_slug.get(self.request.GET.get("type", ""))
        context.update(
            terms=terms,
            result_type=result_type,
            result_types=self.result_types,
            max_query_length=MAX_QUERY_LENGTH,
        )
        if not terms:
            return context
        site_search = SiteSearch(terms, result_types=self.result_types)
        context.update(
            tallies=site_search.tallies(), suggestion=site_search.suggestion()
        )
        if result_type:
            matches = RankedMatches(site_search, result_type)
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
