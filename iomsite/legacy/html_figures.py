"""Images of saved pages with their captions and credits, as ``<figure>``
lines: an HTML ``<figure>``, Drupal's image field with its caption element, or
an image followed by a caption or a "Photo: IOM/Name" credit line.

A figure line's text is its caption (credit included), its inline HTML the
``<img>`` and, when there is a caption, a ``<figcaption>``; the importer falls
back on that caption as a paragraph when it cannot bring the image along.
"""

from __future__ import annotations

import re

from .lines import Line
from .text import fold

# Classes of the elements that hold an image's caption or credit: Drupal 7's
# image field caption, Drupal 8's caption filter, WordPress, theme fields.
CAPTION_CLASS_RE = re.compile(
    r"(?:^|[-_])(?:caption|captions|credits?|photo-?credits?|legend|leyenda)(?:$|[-_])"
)
# "Photo: IOM/Name", "Foto: © OIM 2019", "Photo credit: …", "Crédito: …", "© IOM"
# (matched on the folded text: lower case, no accents).
_CREDIT_RE = re.compile(
    r"^\(?\s*(?:©|\(c\)\s"
    r"|(?:photos?|fotos?|fotografias?|images?|imagen(?:es)?|pictures?)"
    r"(?:\s+(?:credits?|creditos?|by|por|de))?\s*[:©]"
    r"|(?:credits?|creditos?)\s*:)"
)
_IMAGE_RE = re.compile(r"<img\b[^>]*>")
_EMPTY_LINK_RE = re.compile(r"<a\b[^>]*>\s*</a>")
_CAPTION_LIMIT = 300


def is_credit(text: str) -> bool:
    return len(text) <= 200 and bool(_CREDIT_RE.match(fold(text)))


def figure_line(image: str, caption_text: str, caption_html: str, block: int) -> Line:
    caption_html = _EMPTY_LINK_RE.sub("", caption_html).strip()
    figcaption = f"<figcaption>{caption_html}</figcaption>" if caption_html else ""
    return Line(caption_text, image + figcaption, block=block, tag="figure")


def _lone_image(line: Line) -> str:
    """The ``<img>`` of a line that holds only an image (perhaps in a link to
    its large version), else ""."""
    if line.text or line.tag not in ("p", "figure") or line.html is None:
        return ""
    if line.tag == "figure":
        return "" if "<figcaption>" in line.html else line.html
    images = _IMAGE_RE.findall(line.html)
    return images[0] if len(images) == 1 else ""


def _is_caption(line: Line) -> bool:
    """A caption element, a credit line, or a short line all in italics."""
    if not line.text or len(line.text) > _CAPTION_LIMIT:
        return False
    if line.tag == "caption" or is_credit(line.text):
        return True
    inline = line.inline_html
    return (
        line.tag == "p"
        and inline.startswith("<em>")
        and inline.endswith("</em>")
        and inline.count("<em>") == 1
    )


def _add_to_caption(figure: Line, line: Line) -> None:
    image, caption = figure.html.split("<figcaption>")
    caption = caption.removesuffix("</figcaption>")
    figure.text = f"{figure.text} {line.text}"
    figure.html = f"{image}<figcaption>{caption} {line.inline_html}</figcaption>"


def gather_figures(lines: list[Line]) -> list[Line]:
    """Join each lone image with the caption and credit lines that follow it.
    Caption elements left without an image are plain paragraphs."""
    gathered: list[Line] = []
    for line in lines:
        previous = gathered[-1] if gathered else None
        if previous is not None and _is_caption(line):
            image = _lone_image(previous)
            if image:
                gathered[-1] = figure_line(
                    image, line.text, line.inline_html, previous.block
                )
                continue
            if (
                previous.tag == "figure"
                and "<figcaption>" in previous.html
                and is_credit(line.text)
            ):
                _add_to_caption(previous, line)
                continue
        if line.tag == "caption":
            line.tag = "p"
        gathered.append(line)
    return gathered
