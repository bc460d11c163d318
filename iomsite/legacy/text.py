"""Text helpers shared by every reader: normalising spaces, folding for
comparison, inline HTML from plain text, sentences and summaries, and the
sanitiser every body goes through.
"""

from __future__ import annotations

import html
import re

import nh3

from ..content import sanitize

_ODD_SPACES_RE = re.compile("[\u00a0\u2007\u2009\u200a\u202f\t]")
_INVISIBLE_RE = re.compile("[\u200b\ufeff\u00ad]")
_ACCENTED_RE = re.compile("[à-ÿ]")
_UNACCENTED = dict(
    zip("àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy", strict=True)
)
MULTISPACE_RE = re.compile(r" {2,}")
WHITESPACE_RE = re.compile(r"\s+")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}")
# What the old dumps left of a mailto link: "mailto:x@iom.int">x@iom.int
MAILTO_JUNK_RE = re.compile(
    r"""["'<]*(?:a\s+href=["']?)?mailto:\s*([\w.+-]+@[\w.-]+\w)["']?\s*>?"""
    r"""\s*(?:\1(?![\w.-]))?(?:\s*</a>)?""",
    re.IGNORECASE,
)
# What an old CMS left of its markup in the dumps: inline styles, attribute
# fragments, paths of its files ("BORDER-TOP: rgb(…) 1px solid;",
# 'alt="" border="0" src=', '"/jahia/webdav/…/box.gif">').
_DEBRIS_HINT_RE = re.compile(r'=\s*"|="|\w=$|\brgb\(|\d+px\b|">|/webdav/')
_DEBRIS_RE = re.compile(
    r"""[A-Z][A-Z-]{2,}:\s*[^;"<>]*?(?:;|(?=["<>]|$))"""  # CSS declarations
    r"""|\b[\w:-]+=(?:"[^"]*"?|'[^']*'?|[^\s"'>]*)"""  # attributes, cut ones
    r"""|"?(?:https?://|/)[^\s"<>]*\.[\w/-]*[^\s"<>]*"?"""  # paths and addresses
    r"""|["'<>]+"""
)


def strip_markup_debris(text: str) -> str:
    """``text`` without the fragments of markup an old CMS left in it; ""
    when nothing but debris (or a lone button word) remains."""
    if not _DEBRIS_HINT_RE.search(text):
        return text
    rest = " ".join(_DEBRIS_RE.sub(" ", text).split())
    return rest if len(rest.split()) >= 2 or (rest and rest[0].islower()) else ""


LINKABLE_RE = re.compile(
    r"(?P<url>\b(?:https?://|www\.)[^\s<>\"']*[^\s<>\"'.,;:!?)\]])"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,})"
)


def fold(text: str) -> str:
    """Lower-case without the accents of Spanish, keeping the length."""
    text = text.lower()
    if text.isascii():
        return text
    return _ACCENTED_RE.sub(lambda match: _UNACCENTED.get(match[0], match[0]), text)


def normalise_spaces(text: str) -> str:
    """Non-breaking and other odd spaces become plain spaces; zero-width
    characters, byte-order marks and soft hyphens go."""
    if text.isascii():
        return text.replace("\t", " ")
    return _INVISIBLE_RE.sub("", _ODD_SPACES_RE.sub(" ", text))


def ends_sentence(text: str) -> bool:
    return text.rstrip("\"”’'»)]")[-1:] in (".", "!", "?", ":", "…")


def escape_text(text: str) -> str:
    return html.escape(text, quote=False)


def text_to_inline_html(text: str) -> str:
    """Escape plain text and turn the addresses in it into links."""
    if "@" not in text and "http" not in text and "www." not in text:
        return escape_text(text)
    pieces = []
    position = 0
    for match in LINKABLE_RE.finditer(text):
        pieces.append(escape_text(text[position : match.start()]))
        target = match.group()
        if match["email"]:
            href = "mailto:" + target
        elif target.startswith("www."):
            href = "https://" + target
        else:
            href = target
        pieces.append(f'<a href="{html.escape(href)}">{escape_text(target)}</a>')
        position = match.end()
    pieces.append(escape_text(text[position:]))
    return "".join(pieces)


_SENTENCE_BREAK_RE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“¿¡(]?[A-ZÁÉÍÓÚÑ0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sr sra srta st no nº u.s e.g i.e vs av ave ing lic gral prof".split()
)


def _sentences(text: str):
    """The sentences of ``text``, one by one (abbreviations and initials do not
    end a sentence)."""
    start = 0
    for match in _SENTENCE_BREAK_RE.finditer(text):
        before = text[start : match.start()].rstrip('"”’)').rstrip(".!?")
        last_word = before.rsplit(" ", 1)[-1].lower()
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if sentence := text[start : match.start()].strip():
            yield sentence
        start = match.end()
    if sentence := text[start:].strip():
        yield sentence


def first_sentence(text: str) -> str:
    return next(_sentences(text), text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an
    ellipsis when something was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def summarise(text: str, limit: int = 300) -> str:
    """The opening sentences of ``text`` that fit in ``limit`` characters."""
    summary = ""
    for sentence in _sentences(text):
        candidate = f"{summary} {sentence}".strip()
        if len(candidate) > limit:
            break
        summary = candidate
    return summary or shorten(text, limit)


# -- HTML cleaning -----------------------------------------------

# The site's own lists (iomsite.content.sanitize, which imports no Django), less what
# the parser never makes: ``<br>`` (lines are split there) and ``<h4>`` (old
# sub-headings become h2 or h3). The site's cleaner adds ``rel`` to links when
# a body is stored; the parser leaves links bare.
_ALLOWED_TAGS = sanitize.ALLOWED_TAGS - {"br", "h4"}
_ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt"},
    **{tag: sanitize.ALLOWED_ATTRIBUTES[tag] for tag in ("td", "th")},
}
ALLOWED_URL_SCHEMES = sanitize.ALLOWED_URL_SCHEMES


def clean_html(html: str) -> str:
    """Sanitise body HTML: keep only paragraphs, lists, links, images with
    their captions (figure, figcaption), tables (header and data cells, with
    their spans), emphasis, sub-headings and quotes; ``href`` on links,
    ``src`` and ``alt`` on images; http(s), mailto and tel addresses. Scripts,
    styles, event handlers and ``javascript:`` URLs never survive."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style"},
    ).strip()
