"""The language switcher and the hreflang alternates of public pages.

Interface pages are real pages in every language of settings.LANGUAGES: they
link each other as alternates, with the English address as x-default (as the
sitemap lists them). Article pages set ``language_urls`` and ``alternate_urls``
themselves (``articles.views.language_context``): alternates only for a
translation group, and a switcher that never leads to a page that does not
exist. A page that
sets ``language_home`` (the "page not found" page) switches to the home page.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, format_html_join

from ..publishing.languages import other_languages, path_in
from .metadata import canonical_url

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    url: str
    current: bool = False

    @property
    def name(self):
        """The language's name in that language, as a menu item: "Español"."""
        return translation.get_language_info(self.code)["name_local"].capitalize()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language of settings.LANGUAGES, in their
    order, as ``LanguageLink``s; the active language's is ``current``."""
    request = context.get("request")
    if request is None:
        return []
    explicit = context.get("language_urls") or {}
    links = []
    others = other_languages()
    for code, _name in settings.LANGUAGES:
        if code not in others:
            links.append(LanguageLink(code, request.get_full_path(), current=True))
            continue
        if code in explicit:
            url = explicit[code]
        elif context.get("language_home"):
            with translation.override(code):
                url = reverse("home")
        else:
            url = path_in(request.get_full_path(), code)
        links.append(LanguageLink(code, url))
    return links


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """``<link rel="alternate" hreflang>`` of the page in each language."""
    request = context.get("request")
    if request is None:
        return ""
    paths = context.get("alternate_urls")
    if paths is None:
        urls = {
            code: canonical_url(context, language=code)
            for code, _name in settings.LANGUAGES
        }
    else:
        urls = {code: request.build_absolute_uri(path) for code, path in paths.items()}
    if not urls:
        return ""
    if settings.LANGUAGE_CODE in urls:
        urls["x-default"] = urls[settings.LANGUAGE_CODE]
    return format_html_join(
        "\n  ",
        '<link rel="alternate" hreflang="{}" href="{}">',
        urls.items(),
    )


@register.filter
def lang_of(obj, field):
    """`` lang="en"`` when ``obj.<field>`` shows the English text on a page in
    another language, because its translation is empty (django-modeltranslation
    falls back to English), else nothing: ``<h1{{ programme|lang_of:"title" }}>``.
    """
    current = translation.get_language()
    default = settings.LANGUAGE_CODE
    if current == default or not hasattr(obj, f"{field}_{default}"):
        return ""
    if getattr(obj, f"{field}_{current}", None):
        return ""
    return format_html(' lang="{}"', default)
