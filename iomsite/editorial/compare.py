"""A readable comparison of two versions of a text in "History": the body's
HTML as the paragraphs a reader sees, compared paragraph by paragraph."""

import difflib
import html
import re

from django.utils.html import format_html, format_html_join, strip_tags

# Where a block of the page ends: each becomes a line of its own.
BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|tr|table|ul|ol)>|<br\s*/?>", re.I)
LIST_ITEM = re.compile(r"<li[^>]*>", re.I)
CELL_END = re.compile(r"</t[dh]>", re.I)


def text_of_html(value):
    """The lines a reader sees of an HTML body."""
    value = LIST_ITEM.sub("• ", value or "")
    value = CELL_END.sub(" | ", value)
    value = BLOCK_END.sub("\n", value)
    lines = (html.unescape(strip_tags(line)).strip() for line in value.splitlines())
    return [line for line in lines if line]


def text_diff(lines1, lines2):
    """The two versions line by line: removed lines, added ones and (for
    context) those kept, as the compare page's ``<pre class="highlight">``."""
    rows = []
    matcher = difflib.SequenceMatcher(a=lines1, b=lines2, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [("span", " ", line) for line in lines1[i1:i2]]
            continue
        rows += [("del", "-", line) for line in lines1[i1:i2]]
        rows += [("ins", "+", line) for line in lines2[j1:j2]]
    body = format_html_join(
        "\n", "<{0}>{1} {2}</{0}>", ((tag, sign, line) for tag, sign, line in rows)
    )
    return format_html('<pre class="highlight text-diff">{}</pre>', body)
