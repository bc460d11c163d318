"""Bounds on what a visitor (or an editor) may search for.

Each word of a filter's search is one more condition on the query: a
thousand words made a contact search run until the database gave up (a 503
for the visitor, an error logged for each request). Every search parameter of
the site goes through ``QueryField``: at most ``MAX_QUERY_LENGTH`` characters
and ``MAX_QUERY_WORDS`` words, control characters removed, and a form error
(a 400 from the API) beyond that, before any query is made.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import without_controls

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12


def query_problem(text):
    """Why ``text`` is not a search the site runs, or ``""``."""
    if len(text) > MAX_QUERY_LENGTH or len(text.split()) > MAX_QUERY_WORDS:
        return _(
            "Search for at most %(words)d words (%(length)d characters): the "
            "fewer, the more is found."
        ) % {"words": MAX_QUERY_WORDS, "length": MAX_QUERY_LENGTH}
    return ""


class QueryField(forms.CharField):
    def to_python(self, value):
        return without_controls(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if problem := query_problem(value):
            raise ValidationError(problem, code="query_too_long")


class QueryFilter(django_filters.CharFilter):
    """A filter's search text, bounded (``QueryField``)."""

    field_class = QueryField
