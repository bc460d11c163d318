"""The matches of a visitor's query, ranked, counted and paginated."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Value, When
from django.utils.functional import cached_property

from .plain import PlainSearch
from .postgres import PostgresSearch
from .terms import SearchTerms
from .types import ResultType

# Counting every match of a word found in half the articles costs more than
# the page; past this many, the count says "more than".
MAX_COUNTED = 1000
# Below this many results in all, a query gets a "Did you mean" when one helps.
FEW_RESULTS = 3


def matching(result_type, text):
    """The condition of the objects of ``result_type`` that match ``text``,
    for the filters of other pages (the news list's ``q``)."""
    terms = SearchTerms.from_input(text)
    return backend().tier_condition(result_type, 2, terms)


def backend():
    if connection.vendor == "postgresql":
        return PostgresSearch()
    return PlainSearch()


@dataclass
class Hit:
    result_type: ResultType
    object: object
    snippet: str

    @property
    def title(self):
        return getattr(self.object, self.result_type.title_field)

    @property
    def language(self):
        """The language of the title and snippet, when known."""
        if self.result_type.language_field:
            return getattr(self.object, self.result_type.language_field)
        return None

    @property
    def url(self):
        return self.object.get_absolute_url()


@dataclass(frozen=True)
class Tally:
    result_type: ResultType
    counted: int

    @property
    def count(self):
        return min(self.counted, MAX_COUNTED)

    @property
    def more(self):
        """Whether there are more than ``count`` matches, uncounted."""
        return self.counted > MAX_COUNTED


@dataclass(frozen=True)
class Section:
    tally: Tally
    hits: list


class SiteSearch:
    """One visitor's query over the ``result_types`` the apps declare (their
    ``search.py``), handed over by the search page."""

    def __init__(self, terms, search_backend=None, result_types=()):
        self.terms = terms
        self.backend = search_backend or backend()
        self.result_types = {
            result_type.slug: result_type for result_type in result_types
        }

    def condition(self, result_type, tier):
        return self.backend.tier_condition(result_type, tier, self.terms)

    def within_tier(self, result_type, tier):
        """Published objects matching in ``tier`` or a better one, unordered.

        On PostgreSQL, when the query excludes words ("a -b"), it may hold
        objects that do not match: "a" in the title, but "b" in the body.
        """
        condition = self.condition(result_type, tier)
        return result_type.queryset().filter(condition).order_by()

    def matches(self, result_type):
        """Published objects of ``result_type`` matching the query, unordered."""
        return result_type.queryset().filter(self.condition(result_type, 2)).order_by()

    def count(self, result_type):
        """The number of matches, up to MAX_COUNTED + 1 ("more than")."""
        return self.matches(result_type)[: MAX_COUNTED + 1].count()

    @cached_property
    def counts(self):
        return {
            slug: self.count(result_type)
            for slug, result_type in self.result_types.items()
        }

    @property
    def total(self):
        return sum(self.counts.values())

    def tally(self, result_type):
        return Tally(result_type, self.counts[result_type.slug])

    def tallies(self):
        return [
            Tally(result_type, self.counts[slug])
            for slug, result_type in self.result_types.items()
        ]

    def sections(self, count):
        """For each result type with matches: its tally and best ``count`` hits."""
        return [
            Section(
                tally,
                self.hits(tally.result_type, self.ranked(tally.result_type, 0, count)),
            )
            for tally in self.tallies()
            if tally.count
        ]

    def ranked(self, result_type, start, stop):
        """Matches ``start`` to ``stop`` (excluded), best tier first, then in
        the model's order."""
        if stop <= start:
            return []
        candidates, better_tiers = self._candidates(result_type, stop)
        ordering = list(result_type.model._meta.ordering)
        if better_tiers:
            tier = Case(
                *(
                    When(
                        pk__in=result_type.queryset()
                        .filter(self.condition(result_type, better))
                        .values("pk"),
                        then=Value(better),
                    )
                    for better in better_tiers
                ),
                default=Value(len(better_tiers)),
            )
            ordering.insert(0, tier)
        return list(candidates.order_by(*ordering)[start:stop])

    def _candidates(self, result_type, stop):
        """The smallest set of objects sure to hold the first ``stop`` matches,
        and the better tiers to rank within it.

        The first ``stop`` matches all lie in the best tier holding that many:
        sorting that tier alone gives them without sorting every match (a word
        found in half the articles is in the titles of a tenth).
        """
        if not self.terms.excludes_words:
            in_a, in_a_or_b = self._tier_sizes(result_type, stop)
            if in_a >= stop:
                return self.within_tier(result_type, 0), []
            if in_a_or_b >= stop:
                return self.within_tier(result_type, 1), [0]
        return self.matches(result_type), [0, 1]

    def _tier_sizes(self, result_type, limit):
        """How many matches are in tier A, and in A or B, counting to ``limit``
        at most: one query."""
        parts, params = [], []
        for tier in (0, 1):
            subquery = self.within_tier(result_type, tier).values("pk")[:limit]
            sql, subquery_params = subquery.query.sql_with_params()
            parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS tier_{tier})")
            params.extend(subquery_params)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            return cursor.fetchone()

    def hits(self, result_type, objects):
        objects = list(objects)
        snippets = self.backend.snippets(result_type, objects, self.terms)
        return [
            Hit(result_type, obj, snippet)
            for obj, snippet in zip(objects, snippets, strict=True)
        ]

    def suggestion(self):
        """A corrected query, when this one finds little and the correction
        finds more of the result type whose titles suggest words (news)."""
        source = next(
            (kind for kind in self.result_types.values() if kind.suggests), None
        )
        if source is None or self.total >= FEW_RESULTS:
            return None
        suggested = self.backend.suggestion(self.terms, source)
        if not suggested:
            return None
        better = SiteSearch(SearchTerms.from_input(suggested), self.backend)
        if better.count(source) <= self.counts[source.slug]:
            return None
        return suggested


class RankedMatches:
    """The matches of one result type as a Paginator wants them: a count and
    slices, each slice one ranked query."""

    def __init__(self, search, result_type):
        self.search = search
        self.result_type = result_type

    def count(self):
        return min(self.search.counts[self.result_type.slug], MAX_COUNTED)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("RankedMatches only supports slices.")
        start, stop, _step = key.indices(self.count())
        return self.search.ranked(self.result_type, start, stop)
