"""Site search over news, programmes, offices and contacts.

Results are ranked in three tiers, from the weights of the fields: every word
of the query in the title (A), else in the title and summary (B), else anywhere
(C); within a tier, in each model's usual order (news newest first). Tiers
rather than ``ts_rank``: on PostgreSQL each tier is one GIN expression index
(migrations ``iomsite.0002`` and ``0005``), so ranking costs no more than
matching, whereas ``ts_rank`` recomputes every matching document's vector
(1.2 s for a word found in 8,000 of 100,000 articles).

On PostgreSQL the words are stemmed by the language of each article (English or
Spanish); the English texts of programmes and offices, and contacts, are matched
both in English and without stemming ("simple"), which suits names, and the
Spanish texts of programmes and offices (their ``*_es`` columns) in Spanish.
Snippets come from ``ts_headline``, and a query that finds little gets a "Did
you mean" from trigram similarity with the words of article titles. Elsewhere
(SQLite), every word must appear, case-insensitively, in the tier's fields, in
either language.

The modules: ``terms`` (the query), ``types`` (what a result type is: the
apps declare theirs in their ``search.py``), ``postgres`` and ``plain`` (the
two backends), ``results`` (ranking, counts and pages), ``views`` (the search
page, handed the result types by ``iomsite.urls``).
"""

from .plain import PlainSearch, highlight
from .postgres import (
    HEADLINE_OPTIONS,
    SNIPPET_WORDS,
    START_MARK,
    STOP_MARK,
    SUGGESTION_THRESHOLD,
    PostgresSearch,
    mark_headline,
)
from .results import (
    FEW_RESULTS,
    MAX_COUNTED,
    Hit,
    RankedMatches,
    Section,
    SiteSearch,
    Tally,
    backend,
    matching,
)
from .terms import MAX_QUERY_LENGTH, MAX_WORDS, SearchTerms, html_to_text
from .types import Language, ResultType

__all__ = [
    "FEW_RESULTS",
    "HEADLINE_OPTIONS",
    "MAX_COUNTED",
    "MAX_QUERY_LENGTH",
    "MAX_WORDS",
    "SNIPPET_WORDS",
    "START_MARK",
    "STOP_MARK",
    "SUGGESTION_THRESHOLD",
    "Hit",
    "Language",
    "PlainSearch",
    "PostgresSearch",
    "RankedMatches",
    "ResultType",
    "SearchTerms",
    "Section",
    "SiteSearch",
    "Tally",
    "backend",
    "highlight",
    "html_to_text",
    "mark_headline",
    "matching",
]
