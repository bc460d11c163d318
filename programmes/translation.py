"""The programme texts written in every language of settings.LANGUAGES
(django-modeltranslation).

``title``, ``summary``, ``body`` and ``image_alt`` read the text of the active
language, or the English one when it is empty; ``title_en``, ``title_es``,
``title_pt`` (and so on) are the stored texts. Blank titles are stored as
NULL, so that the unique constraint allows many programmes without a Spanish
or Portuguese title.

An office's own text about a programme (``OfficeProgrammeText.body``) reads
the same way.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import OfficeProgrammeText, Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")
    empty_values = {"title": None}


@register(OfficeProgrammeText)
class OfficeProgrammeTextTranslationOptions(TranslationOptions):
    fields = ("body",)
