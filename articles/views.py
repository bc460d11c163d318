import operator
from functools import reduce

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import condition
from django.views.generic import DetailView
from django_filters.views import FilterView

from iomsite.publishing.cache import content_changed_at
from iomsite.publishing.languages import url_in
from iomsite.publishing.views import ForgivingPaginationMixin, PreviewMixin

from .filters import ArticleFilter, countries_include
from .models import Article

RELATED_COUNT = 3

# What an article page says about its language, by the article's language
# (a language missing here, newly added to settings.LANGUAGES, gets the
# sentences built from its name).
ONLY_AVAILABLE_IN = {
    "en": _("Only available in English"),
    "es": _("Only available in Spanish"),
    "pt": _("Only available in Portuguese"),
}
ALSO_AVAILABLE_IN = {
    "en": _("Also available in English:"),
    "es": _("Also available in Spanish:"),
    "pt": _("Also available in Portuguese:"),
}


def only_available_in(language):
    if language in ONLY_AVAILABLE_IN:
        return ONLY_AVAILABLE_IN[language]
    name = dict(settings.LANGUAGES).get(language, language)
    return _("Only available in %(language)s") % {"language": name}


def also_available_in(language):
    if language in ALSO_AVAILABLE_IN:
        return ALSO_AVAILABLE_IN[language]
    name = dict(settings.LANGUAGES).get(language, language)
    return _("Also available in %(language)s:") % {"language": name}


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

    def get_queryset(self):
        # Per request: with_translation() reads the clock.
        return super().get_queryset().with_translation()

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
                "contacts": article.contacts.shown_on_articles().select_related(
                    "office"
                ),
                "related_articles": related_articles(article),
                "show_summary": summary_adds_to_body(article),
                **language_context(article),
            }
        )
        return context


def language_context(article):
    """The language switcher's addresses, the hreflang alternates and the
    language notices of an article's page.

    The switcher goes to the article of its translation group in each
    language; without one it stays on the article, in that language's
    interface. The page says that the article is only available in its own
    language when it has no translation in the interface's language and is
    written in another. Alternates are listed for a translation group only:
    the article framed in another interface is the same text, not a
    translation.
    """
    counterparts = article.counterparts()
    language_urls = {
        code: url_in(counterparts.get(code, article), code)
        for code, _name in settings.LANGUAGES
    }
    alternate_urls = {}
    if counterparts:
        alternate_urls = {article.language: url_in(article, article.language)}
        alternate_urls |= {
            code: url_in(other, code) for code, other in counterparts.items()
        }
    current = translation.get_language()
    also_available = None
    if current in counterparts:
        other = counterparts[current]
        also_available = {
            "label": also_available_in(current),
            "article": other,
            "language": current,
            "url": url_in(other, current),
        }
    language_notice = None
    if article.language != current and current not in counterparts:
        language_notice = only_available_in(article.language)
    return {
        "language_urls": language_urls,
        "alternate_urls": alternate_urls,
        "language_notice": language_notice,
        "also_available": also_available,
    }


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
