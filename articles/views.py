import operator
from functools import reduce

from django.db.models import Q
from django.utils.decorators import method_decorator
from django.utils.html import strip_tags
from django.views.decorators.http import condition
from django.views.generic import DetailView
from django_filters.views import FilterView

from iomsite.cache import content_changed_at
from iomsite.views import ForgivingPaginationMixin, PreviewMixin

from .filters import ArticleFilter, countries_include
from .models import Article

RELATED_COUNT = 3


class ArticleListView(ForgivingPaginationMixin, FilterView):
    """The public news list.

    An invalid filter value (``?year=abc``, ``?programme=nope``) shows the form
    with its errors and an empty list (django-filter's strict mode): showing
    everything would pretend the filter had been applied. A page number that is
    not a number, or past the end, shows the first or the last page.
    """

    filterset_class = ArticleFilter
    paginate_by = 12
    template_name = "articles/article_list.html"

    def get_queryset(self):
        return Article.objects.published().defer("body").prefetch_related("programmes")


def article_last_modified(request, slug):
    """The article's last update, or a later change to what its page shows
    (related news, programmes, contacts); None for a page visitors cannot see,
    such as a preview."""
    updated = (
        Article.objects.published().filter(slug=slug).values_list("updated", flat=True)
    ).first()
    return max(updated, content_changed_at()) if updated else None


@method_decorator(condition(last_modified_func=article_last_modified), name="get")
class ArticleDetailView(PreviewMixin, DetailView):
    model = Article
    queryset = Article.objects.prefetch_related("programmes")
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.update(
            {
                "programmes": [
                    programme
                    for programme in article.programmes.all()
                    if programme.is_published
                ],
                "contacts": article.contacts.published().select_related("office"),
                "related_articles": related_articles(article),
                "show_summary": summary_adds_to_body(article),
            }
        )
        return context


def summary_adds_to_body(article):
    """An imported summary is often the body's opening sentence: showing it
    above the body would say it twice."""
    summary = " ".join(article.summary.split()).rstrip(".…")
    opening = " ".join(strip_tags(article.body)[: len(summary) + 50].split())
    return bool(summary) and not opening.startswith(summary)


def related_articles(article, count=RELATED_COUNT):
    """Other published articles sharing a programme or a country with
    ``article``, newest first, topped up with the latest news."""
    others = (
        Article.objects.published()
        .exclude(pk=article.pk)
        .defer("body")
        .prefetch_related("programmes")
    )
    conditions = []
    programme_ids = [programme.pk for programme in article.programmes.all()]
    if programme_ids:
        # A subquery rather than a join: no duplicates, so no distinct().
        conditions.append(
            Q(
                pk__in=Article.programmes.through.objects.filter(
                    programme_id__in=programme_ids
                ).values("article_id")
            )
        )
    conditions += [countries_include(country.code) for country in article.countries]
    related = (
        list(others.filter(reduce(operator.or_, conditions))[:count])
        if conditions
        else []
    )
    if len(related) < count:
        found = [other.pk for other in related]
        related += others.exclude(pk__in=found)[: count - len(related)]
    return related
