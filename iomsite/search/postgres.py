"""Full-text search on PostgreSQL, with the GIN expression indexes of
migrations iomsite.0002 and iomsite.0005."""

import operator
from functools import reduce

from django.contrib.postgres.search import (
    SearchQuery,
    SearchVector,
    SearchVectorExact,
)
from django.db import connection, transaction
from django.db.models import Q
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

SUGGESTION_THRESHOLD = 0.4
SNIPPET_WORDS = 20
# ts_headline marks matches with these; they are escaped with the rest of the
# text, then replaced by <mark> tags. Private-use characters, removed from the
# text beforehand, so that no text can fake a mark.
START_MARK, STOP_MARK = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f"StartSel={START_MARK}, StopSel={STOP_MARK}, MaxFragments=2, "
    f'MaxWords={SNIPPET_WORDS}, MinWords=10, FragmentDelimiter=" … "'
)


def mark_headline(headline):
    """Escape a ts_headline result, then turn its sentinels into <mark>."""
    escaped = escape(headline)
    return mark_safe(
        escaped.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>")
    )


class PostgresSearch:
    """Full-text search with the GIN expression indexes of iomsite.0002 and
    iomsite.0005."""

    def vector(self, result_type, tier, language):
        """The document of ``tier`` for rows of ``language``: the expression
        of one of the indexes of migration iomsite.0002 (or 0005, for the
        Spanish texts of programmes and offices)."""
        fields = result_type.fields_up_to(tier, language)
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

    def suggestion(self, terms, result_type):
        """The words of the query each replaced by the closest word of a
        published title of ``result_type`` (in the interface's language,
        when the type has one), by trigram similarity (its title
        column needs a trigram index)."""
        words = [word for word in terms.words if len(word) >= 3]
        if not words:
            return None
        titles = result_type.queryset()
        if result_type.language_field:
            # Per language: a Spanish reader gets a Spanish word.
            titles = titles.filter(
                **{result_type.language_field: translation.get_language()}
            )
        titles_sql, titles_params = (
            titles.order_by().values(result_type.title_field).query.sql_with_params()
        )
        title = connection.ops.quote_name(
            result_type.model._meta.get_field(result_type.title_field).column
        )
        # ``%>``: the word is similar to some word of the title (pg_trgm's
        # word_similarity), answered by the trigram index on the title.
        sql = f"""
            SELECT query.word, (
                SELECT token.lexeme
                FROM (
                    SELECT published.{title} FROM ({titles_sql}) AS published
                    WHERE published.{title} %%> query.word
                    LIMIT 50
                ) AS matching
                CROSS JOIN LATERAL unnest(to_tsvector('simple', matching.{title}))
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
