"""The one HTML cleaner every stored body goes through (built on nh3)."""

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "a",
    "blockquote",
    "br",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "img",
    "li",
    "ol",
    "p",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str) -> str:
    """Keep only the structural markup we allow; scripts, styles, event handlers
    and ``javascript:`` URLs never survive."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def clean_html_fields(instance, name):
    """Clean the HTML field ``name`` of ``instance`` and its column in each of
    the site's languages (``body_en``, ``body_es``, …, django-modeltranslation's)."""
    setattr(instance, name, clean_html(getattr(instance, name)))
    for code, _language in settings.LANGUAGES:
        localized = f"{name}_{code.replace('-', '_')}"
        if value := getattr(instance, localized, None):
            setattr(instance, localized, clean_html(value))
