"""Line icons of our own for the programmes, drawn on a 24-pixel grid.

``{% programme_icon programme.slug %}`` writes an inline, decorative SVG: the
first keyword found in the slug picks the icon, a globe otherwise.
"""

from django import template
from django.utils.html import format_html

register = template.Library()

# (keyword in the slug, path data)
ICONS = [
    ("trafficking", "M12 3l7 3v5c0 5-3 8-7 10-4-2-7-5-7-10V6z M9 12l2 2 4-4"),
    ("labour", "M4 8h16v11H4z M9 8V5h6v3 M4 13h16"),
    ("return", "M4 12a8 8 0 1 0 3-6 M4 3v4h4 M12 8v4l3 2"),
    ("development", "M4 19h16 M6 15l4-4 3 3 6-6 M15 8h4v4"),
    (
        "integration",
        "M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z "
        "M3 19c0-3 2-5 5-5s5 2 5 5 M11 19c0-3 2-5 5-5s5 2 5 5",
    ),
    ("climate", "M5 19c0-8 6-13 14-14-1 8-6 14-14 14z M5 19l7-7"),
    ("emergenc", "M12 4l9 16H3z M12 10v4 M12 17v.5"),
    ("research", "M4 5h7v14H4z M13 5h7v14h-7 M6 9h3 M15 9h3"),
    ("policy", "M4 5h7v14H4z M13 5h7v14h-7 M6 9h3 M15 9h3"),
]
GLOBE = (
    "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z M3 12h18 M12 3c3 3 3 15 0 18 "
    "M12 3c-3 3-3 15 0 18"
)


def icon_path(slug):
    return next((path for keyword, path in ICONS if keyword in slug), GLOBE)


@register.simple_tag
def programme_icon(slug, size=32):
    return format_html(
        '<svg width="{}" height="{}" viewBox="0 0 24 24" fill="none" '
        'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
        'stroke-linejoin="round" aria-hidden="true" focusable="false">'
        '<path d="{}"/></svg>',
        size,
        size,
        icon_path(slug or ""),
    )
