"""Site search over news, programmes, offices and contacts.

Results are ranked in three tiers, from the weights of the fields: every word
of the query in the title (A), else in the title and summary (B), else anywhere
(C); within a tier, in each model's usual order (news newest first). Tiers
rather than ``ts_rank``: on PostgreSQL each tier is one GIN expression index
(migration ``iomsite.0002``), so ranking costs no more than matching, whereas
``ts_rank`` recomputes every matching document's vector (1.2 s for a word found
in 8,000 of 100,000 articles).

On PostgreSQL the words are stemmed by the language of each article (English or
Spanish); programmes, offices and contacts are matched both in English and
without stemming ("simple"), which suits names. Snippets come from
``ts_headline``, and a query that finds little gets a "Did you mean" from
trigram similarity with the words of article titles. Elsewhere (SQLite), every
word must appear, case-insensitively, in the tier's fields.
"""

import html
import operator
import re
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorExact,
)
from django.db import connection, transaction
from django.db.models import Case, Q, Value, When
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from contacts.models import Contact, Office
from programmes.models import Programme

MAX_QUERY_LENGTH = 200
# More words than this in a query add nothing but work.
MAX_WORDS = 12
# Counting every match of a word found in half the articles costs more than
# the page; past this many, the count says "more than".
MAX_COUNTED = 1000
SUGGESTION_THRESHOLD = 0.4
# Below this many results in all, a query gets a "Did you mean" when one helps.
FEW_RESULTS = 3
SNIPPET_WORDS = 20
# ts_headline marks matches with these; they are escaped with the rest of the
# text, then replaced by <mark> tags. Private-use characters, removed from the
# text beforehand, so that no text can fake a mark.
START_MARK, STOP_MARK = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={START_MARK}, StopSel={STOP_MARK}, MaxFragments=2, "
    f'MaxWords={SNIPPET_WORDS}, MinWords=10, FragmentDelimiter=" … "'
)

WORD_RE = re.compile(r"\w+")
TAG_RE = re.compile(r"<[^>]*>")
SPACES_RE = re.compile(r"\s+")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]")


@dataclass(frozen=True)
class SearchTerms:
    """What the visitor typed, made safe to search with."""

    text: str
    truncated: bool = False

    @classmethod
    def from_input(cls, raw):
        # PostgreSQL refuses NUL characters in text; other controls mean nothing.
        text = SPACES_RE.sub(" ", CONTROL_RE.sub(" ", raw or "")).strip()
        truncated = len(text) > MAX_QUERY_LENGTH
        if truncated:
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return cls(text, truncated)

    def __bool__(self):
        return bool(self.text)

    @property
    def excludes_words(self):
        """Whether the query excludes words ("-word"), which makes matching
        the title not enough to match the whole document."""
        return bool(self.parsed[1])

    @cached_property
    def parsed(self):
        """The query read as websearch_to_tsquery reads it, less phrases:
        ``(required, excluded)``, where every group of ``required`` must match
        by one of its words ("a b or c": [["a"], ["b", "c"]]), and no word of
        ``excluded`` ("-d") may appear. Lowercased words, at most MAX_WORDS."""
        required, excluded = [], []
        either = False
        for token in self.text.lower().split():
            if token == "or":
                either = bool(required)
                continue
            words = WORD_RE.findall(token)
            if token.startswith("-"):
                excluded += words
            elif words:
                if either:
                    required[-1].append(words.pop(0))
                required += [[word] for word in words]
            either = False
        return required[:MAX_WORDS], excluded[:MAX_WORDS]

    @cached_property
    def words(self):
        """The words to find (not those excluded), without operators."""
        required, _excluded = self.parsed
        return list(dict.fromkeys(word for group in required for word in group))


@dataclass(frozen=True)
class Language:
    """Which rows are stemmed with which text-search configurations.

    ``where`` must be the predicate of the partial indexes made for them.
    """

    configs: tuple
    where: Q | None = None
    value: str | None = None


@dataclass(frozen=True)
class ResultType:
    slug: str
    label: str
    label_plural: str
    model: type
    # Fields by weight: A, then B, then C.
    weighted_fields: tuple
    snippet_fields: tuple = ()
    html_fields: tuple = ()
    languages: tuple = (Language(configs=("english", "simple")),)
    language_field: str | None = None
    select_related: tuple = ()
    title_field: str = "title"

    def queryset(self):
        queryset = self.model.objects.published()
        if hasattr(queryset, "rewrite"):
            # A translated model (modeltranslation) would look in the active
            # language's columns only; the indexed columns hold the English.
            queryset = queryset.rewrite(False)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset

    def fields_up_to(self, tier):
        return [field for group in self.weighted_fields[: tier + 1] for field in group]

    def language_of(self, obj):
        """The Language of one result, for its snippet."""
        if self.language_field:
            value = getattr(obj, self.language_field)
            for language in self.languages:
                if language.value == value:
                    return language
        return self.languages[0]

    def snippet_source(self, obj):
        parts = []
        for field in self.snippet_fields:
            value = getattr(obj, field) or ""
            if field in self.html_fields:
                value = html_to_text(value)
            parts.append(value)
        return CONTROL_RE.sub(" ", " ".join(part for part in parts if part))


ENGLISH = Language(configs=("english",), where=Q(language="en"), value="en")
SPANISH = Language(configs=("spanish",), where=Q(language="es"), value="es")

RESULT_TYPES = {
    result_type.slug: result_type
    for result_type in [
        ResultType(
            slug="news",
            label=_("News"),
            label_plural=_("news"),
            model=Article,
            weighted_fields=(("title",), ("summary",), ("body",)),
            snippet_fields=("summary", "body"),
            html_fields=("body",),
            languages=(ENGLISH, SPANISH),
            language_field="language",
        ),
        ResultType(
            slug="programmes",
            label=_("Programmes"),
            label_plural=_("programmes"),
            model=Programme,
            weighted_fields=(("title",), ("summary",), ("body",)),
            snippet_fields=("summary", "body"),
            html_fields=("body",),
        ),
        ResultType(
            slug="offices",
            label=_("Offices"),
            label_plural=_("offices"),
            model=Office,
            title_field="name",
            weighted_fields=(
                ("name", "city"),
                ("introduction",),
                ("migration_context", "street_address"),
            ),
            snippet_fields=("introduction", "migration_context"),
            html_fields=("migration_context",),
        ),
        ResultType(
            slug="contacts",
            label=_("Contacts"),
            label_plural=_("contacts"),
            model=Contact,
            title_field="name",
            weighted_fields=(("name",), ("role",), ("languages",)),
            select_related=("office",),
        ),
    ]
}


def html_to_text(value):
    # Bodies are sanitized HTML (iomsite.sanitize), whose tags are well formed:
    # a tag becomes a space so that words on either side stay apart.
    return SPACES_RE.sub(" ", html.unescape(TAG_RE.sub(" ", value))).strip()


class PostgresSearch:
    """Full-text search with the GIN expression indexes of iomsite.0002."""

    def vector(self, result_type, tier, language):
        """The document of ``tier`` for rows of ``language``: the expression
        of one of the indexes of migration iomsite.0002."""
        fields = result_type.fields_up_to(tier)
        return reduce(
            operator.add,
            (SearchVector(*fields, config=config) for config in language.configs),
        )

    def tier_condition(self, result_type, tier, terms):
        # Without quotes: a phrase makes PostgreSQL recheck every candidate row
        # against its document, recomputed, which takes seconds; its words are
        # still all required, and ranked higher when together in the title.
        text = terms.text.replace('"', " ")
        conditions = []
        for language in result_type.languages:
            vector = self.vector(result_type, tier, language)
            query = reduce(
                operator.or_,
                (
                    SearchQuery(text, config=config, search_type="websearch")
                    for config in language.configs
                ),
            )
            condition = Q(SearchVectorExact(vector, query))
            conditions.append(
                language.where & condition if language.where else condition
            )
        return reduce(operator.or_, conditions)

    def snippets(self, result_type, objects, terms):
        if not result_type.snippet_fields or not objects:
            return [""] * len(objects)
        documents = [result_type.snippet_source(obj) for obj in objects]
        configs = [result_type.language_of(obj).configs[0] for obj in objects]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline(item.config::regconfig, item.document, "
                "websearch_to_tsquery(item.config::regconfig, %s), %s) "
                "FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY "
                "AS item(document, config, position) ORDER BY item.position",
                [terms.text, HEADLINE_OPTIONS, documents, configs],
            )
            return [mark_headline(row[0]) for row in cursor.fetchall()]

    def suggestion(self, terms):
        """The words of the query each replaced by the closest word of a
        published article's title, by trigram similarity."""
        words = [word for word in terms.words if len(word) >= 3]
        if not words:
            return None
        titles_sql, titles_params = (
            Article.objects.published()
            .order_by()
            .values("title")
            .query.sql_with_params()
        )
        # ``%>``: the word is similar to some word of the title (pg_trgm's
        # word_similarity), answered by the trigram index on the title.
        sql = f"""
            SELECT query.word, (
                SELECT token.lexeme
                FROM (
                    SELECT published.title FROM ({titles_sql}) AS published
                    WHERE published.title %%> query.word
                    LIMIT 50
                ) AS matching
                CROSS JOIN LATERAL unnest(to_tsvector('simple', matching.title))
                    AS token
                ORDER BY similarity(token.lexeme, query.word) DESC, token.lexeme
                LIMIT 1
            )
            FROM unnest(%s::text[]) WITH ORDINALITY AS query(word, position)
            ORDER BY query.position
        """
        with transaction.atomic(), connection.cursor() as cursor:
            # The default threshold, 0.6, misses common typos ("trafiking" is
            # 0.47 from "trafficking"); set for this transaction only.
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(SUGGESTION_THRESHOLD)],
            )
            cursor.execute(sql, [*titles_params, words])
            closest = dict(cursor.fetchall())
        corrected = [closest.get(word) or word for word in terms.words]
        if corrected == terms.words:
            return None
        return " ".join(corrected)


class PlainSearch:
    """Word matching for databases without full-text search (SQLite): every
    group of words must appear, case-insensitively, in the tier's fields, and
    no excluded word anywhere."""

    def tier_condition(self, result_type, tier, terms):
        required, excluded = terms.parsed
        if not required:
            return Q(pk__in=[])

        def found(words, fields):
            return reduce(
                operator.or_,
                (
                    Q(**{f"{field}__icontains": word})
                    for word in words
                    for field in fields
                ),
            )

        condition = reduce(
            operator.and_,
            (found(group, result_type.fields_up_to(tier)) for group in required),
        )
        if excluded:
            condition &= ~found(excluded, result_type.fields_up_to(2))
        return condition

    def snippets(self, result_type, objects, terms):
        return [
            highlight(result_type.snippet_source(obj), terms.words)
            if result_type.snippet_fields
            else ""
            for obj in objects
        ]

    def suggestion(self, terms):
        return None


def mark_headline(headline):
    """Escape a ts_headline result, then turn its sentinels into <mark>."""
    escaped = escape(headline)
    return mark_safe(
        escaped.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
    )


def highlight(text, words, length=SNIPPET_WORDS):
    """A window of ``text`` around the first of ``words``, HTML-escaped, with
    each occurrence of the words in <mark>."""
    if not text:
        return ""
    tokens = text.split(" ")
    lowered = [token.lower() for token in tokens]
    first = next(
        (
            index
            for index, token in enumerate(lowered)
            if any(word in token for word in words)
        ),
        0,
    )
    start = max(0, first - length // 3)
    window = " ".join(tokens[start : start + length])
    pattern = (
        re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
        if words
        else None
    )
    parts, position = [], 0
    for match in pattern.finditer(window) if pattern else ():
        parts.append(escape(window[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(window[position:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if start + length < len(tokens) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def matching(slug, text):
    """The condition of the objects of result type ``slug`` that match
    ``text``, for the filters of other pages (the news list's ``q``)."""
    terms = SearchTerms.from_input(text)
    return backend().tier_condition(RESULT_TYPES[slug], 2, terms)


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
    """One visitor's query over every result type."""

    def __init__(self, terms, search_backend=None):
        self.terms = terms
        self.backend = search_backend or backend()

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
            slug: self.count(result_type) for slug, result_type in RESULT_TYPES.items()
        }

    @property
    def total(self):
        return sum(self.counts.values())

    def tally(self, result_type):
        return Tally(result_type, self.counts[result_type.slug])

    def tallies(self):
        return [
            Tally(result_type, self.counts[slug])
            for slug, result_type in RESULT_TYPES.items()
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
        finds more news."""
        if self.total >= FEW_RESULTS:
            return None
        suggested = self.backend.suggestion(self.terms)
        if not suggested:
            return None
        news = RESULT_TYPES["news"]
        better = SiteSearch(SearchTerms.from_input(suggested), self.backend)
        if better.count(news) <= self.counts["news"]:
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
