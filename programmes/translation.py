"""The programme texts written in both languages (django-modeltranslation).

``title``, ``summary``, ``body`` and ``image_alt`` read the text of the active
language, or the English one when the Spanish is empty; ``title_en`` and
``title_es`` (and so on) are the stored texts. Blank titles are stored as NULL,
so that the unique constraint allows many programmes without a Spanish title.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")
    empty_values = {"title": None}
