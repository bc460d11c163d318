"""The site's languages in public pages' URLs (English unprefixed, Spanish under /es/).

Interface pages (home, lists, programmes, offices, search) exist in both
languages at the same path, with and without the /es/ prefix. An article is
written in one language; it may be paired with its translation in the other
(``Article.translation_of``). See ``iomsite.templatetags.bilingual`` for the
language switcher and the hreflang alternates.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def other_languages(current=None):
    """The codes of the site's languages but ``current`` (the active one)."""
    current = current or translation.get_language()
    return [code for code, _name in settings.LANGUAGES if code != current]


def url_in(obj, language):
    """``obj.get_absolute_url()`` with the prefix of ``language``."""
    with translation.override(language):
        return obj.get_absolute_url()


def path_in(path, language):
    """The same page in ``language`` (its query string kept), or ``path`` when
    it is no page of ours."""
    return translate_url(path, language)
