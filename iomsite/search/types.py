"""What a result type is: its model, its fields by weight, and the
text-search configurations of its documents. The apps declare theirs in their
``search.py``."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation

from .terms import CONTROL_RE, html_to_text


@dataclass(frozen=True)
class Language:
    """One document of a result type: which rows, which columns, stemmed with
    which text-search configurations.

    ``where`` must be the predicate of the partial indexes made for it;
    ``weighted_fields``, when given, replaces the result type's own (the
    Spanish columns of a translated model); ``value`` names the language, as
    stored in the result type's ``language_field`` or as the interface's.
    """

    configs: tuple
    where: Q | None = None
    value: str | None = None
    weighted_fields: tuple | None = None


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
    # Whether the words of its titles make the "Did you mean" of a query that
    # finds little (on PostgreSQL, the title needs a trigram index).
    suggests: bool = False

    def queryset(self):
        queryset = self.model.objects.published()
        if hasattr(queryset, "rewrite"):
            # A translated model (modeltranslation) would look in the active
            # language's columns only; the search names the columns itself
            # (the untranslated ones hold the English).
            queryset = queryset.rewrite(False)
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        return queryset

    def fields_up_to(self, tier, language=None):
        """The fields of ``tier`` and the better ones, of ``language``'s
        document (by default the result type's own fields)."""
        weighted = (language and language.weighted_fields) or self.weighted_fields
        return [field for group in weighted[: tier + 1] for field in group]

    def all_fields_up_to(self, tier):
        """The fields of ``tier`` and the better ones, of every document."""
        fields = self.fields_up_to(tier)
        for language in self.languages:
            fields += self.fields_up_to(tier, language)
        return list(dict.fromkeys(fields))

    def language_of(self, obj):
        """The Language of one result, for its snippet: the result's own, or
        the interface's when the result has its snippet text in it."""
        if self.language_field:
            value = getattr(obj, self.language_field)
        else:
            value = translation.get_language()
            own = [f"{field}_{value}" for field in self.snippet_fields]
            if not any(getattr(obj, field, None) for field in own):
                value = None
        for language in self.languages:
            if value and language.value == value:
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


# PostgreSQL's text-search configuration of each language of the site.
CONFIGS = {"en": "english", "es": "spanish", "pt": "portuguese"}

ENGLISH = Language(configs=("english",), where=Q(language="en"), value="en")
SPANISH = Language(configs=("spanish",), where=Q(language="es"), value="es")
PORTUGUESE = Language(configs=("portuguese",), where=Q(language="pt"), value="pt")
# Articles: each stemmed in its own language.
ARTICLE_LANGUAGES = (ENGLISH, SPANISH, PORTUGUESE)
# Programmes and offices: the English texts (the untranslated columns) stemmed
# in English and not at all, which suits names; their texts in another
# language (the ``*_es``, ``*_pt`` columns of modeltranslation) stemmed in it.
BOTH = Language(configs=("english", "simple"))


def translated_texts(*weighted_fields):
    """The documents of the translated texts of a model, one per language of
    CONFIGS but English."""
    return tuple(
        Language(
            configs=(config,),
            value=code,
            weighted_fields=tuple(
                tuple(f"{field}_{code}" for field in group) for group in weighted_fields
            ),
        )
        for code, config in CONFIGS.items()
        if code != "en"
    )
