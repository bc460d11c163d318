"""The office texts written in every language of settings.LANGUAGES
(django-modeltranslation).

``name``, ``introduction`` and ``migration_context`` read the text of the
active language, or the English one when it is empty. Blank names are stored
as NULL, so that the unique constraint allows many offices without a Spanish
or Portuguese name.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Office


@register(Office)
class OfficeTranslationOptions(TranslationOptions):
    fields = ("name", "introduction", "migration_context")
    empty_values = {"name": None}
