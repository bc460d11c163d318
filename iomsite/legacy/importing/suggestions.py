"""Tags an imported page names but does not state (a country mentioned in
passing, a theme its words speak of): kept beside the import's record of the
article, listed on Needs attention, and added or dismissed by staff. The
import itself never tags them."""

from dataclasses import dataclass

from django_countries.fields import Country

from articles.models import Article
from iomsite.models import LegacyRecord
from programmes.models import Programme

ARTICLE = Article._meta.label_lower


def report_suggestions(item, result):
    """The report's lines for the countries and programmes an article's page
    names but does not state."""
    names = [str(Country(code).name) for code in item.suggested_countries]
    if names:
        result.suggestions.append(f"countries also named: {', '.join(names)}")
    if item.suggested_programmes:
        result.suggestions.append(
            f"programmes the text speaks of: {', '.join(item.suggested_programmes)}"
        )


def remember_suggestions(article, country_codes, programmes):
    """Refresh the article's suggestions: on each import that made or changed
    it (an unchanged page keeps what staff left of them)."""
    suggestions = {}
    if country_codes:
        suggestions["countries"] = list(country_codes)
    if programmes:
        suggestions["programmes"] = [programme.pk for programme in programmes]
    _records(article).update(suggestions=suggestions)


@dataclass
class Suggestion:
    article: Article
    countries: list[Country]  # not on the article yet
    programmes: list[Programme]  # not on the article yet


def open_suggestions(article_pks=None):
    """The suggestions still open, oldest import first: a tag the article
    has already is no longer suggested."""
    records = LegacyRecord.objects.filter(model=ARTICLE).exclude(suggestions={})
    if article_pks is not None:
        records = records.filter(object_pk__in=article_pks)
    wanted = dict(
        records.order_by("imported_at", "pk").values_list("object_pk", "suggestions")
    )
    articles = Article.objects.filter(pk__in=wanted).prefetch_related("programmes")
    articles = {article.pk: article for article in articles}
    programmes = Programme.objects.in_bulk(
        {pk for tags in wanted.values() for pk in tags.get("programmes", [])}
    )
    found = []
    for pk, tags in wanted.items():
        article = articles.get(pk)
        if article is None:
            continue
        tagged = {str(code) for code in article.countries}
        tagged_programmes = {programme.pk for programme in article.programmes.all()}
        suggestion = Suggestion(
            article,
            [Country(code) for code in tags.get("countries", []) if code not in tagged],
            [
                programmes[number]
                for number in tags.get("programmes", [])
                if number in programmes and number not in tagged_programmes
            ],
        )
        if suggestion.countries or suggestion.programmes:
            found.append(suggestion)
    return found


def accept(article):
    """Tag the article with its open suggestions, then forget them; returns
    the names of the tags added."""
    added = []
    for suggestion in open_suggestions([article.pk]):
        article.countries = [*article.countries, *suggestion.countries]
        article.save()
        article.programmes.add(*suggestion.programmes)
        added = [str(country.name) for country in suggestion.countries]
        added += [str(programme) for programme in suggestion.programmes]
    dismiss(article)
    return added


def dismiss(article):
    _records(article).update(suggestions={})


def _records(article):
    return LegacyRecord.objects.filter(model=ARTICLE, object_pk=article.pk)
