"""Word matching for databases without full-text search (SQLite)."""

import operator
import re
from functools import reduce

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .postgres import SNIPPET_WORDS


class PlainSearch:
    """Every group of words must appear, case-insensitively, in the tier's
    fields (in English or in Spanish), and no excluded word anywhere."""

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

        fields = result_type.all_fields_up_to(tier)
        condition = reduce(operator.and_, (found(group, fields) for group in required))
        if excluded:
            condition &= ~found(excluded, result_type.all_fields_up_to(2))
        return condition

    def snippets(self, result_type, objects, terms):
        return [
            highlight(result_type.snippet_source(obj), terms.words)
            if result_type.snippet_fields
            else ""
            for obj in objects
        ]

    def suggestion(self, terms, result_type):
        return None


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
