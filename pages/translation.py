"""The pages' texts in every language of the site (django-modeltranslation):
``title`` and ``body`` read the active language's, or the English."""

from modeltranslation.translator import TranslationOptions, register

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
