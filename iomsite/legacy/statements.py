"""Pages of dated statements: one article per "Date: dd/mm/yyyy" entry."""

from __future__ import annotations

import re

from .datelines import drop_visible_prefix, take_dateline
from .dates import parse_date
from .lines import Line, blocks_html, build_blocks
from .navigation import TRAILER_RE, is_footer
from .news import first_summary
from .records import LegacyArticle, LegacyPage, LegacyParseError
from .text import first_sentence, fold, shorten
from .topics import detect_language, find_countries, find_programmes

STATEMENT_DATE_RE = re.compile(
    r"^(?P<label>date|fecha)\s*:\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})\s*$",
    re.IGNORECASE,
)


def _take_headline(blocks) -> str:
    """The statement's first sentence, whole, as its title (the field takes
    300 characters), and out of the body, which goes on after it; a longer
    sentence is cut at a word for the title and stays in the body."""
    first = blocks[0]
    sentence = first_sentence(first.texts[0])
    rest = first.texts[0][len(sentence) :].strip()
    title = sentence  # whole, with its full stop: a sentence, not a cut
    if len(title) > 300 or first.tag != "p" or len(first.texts) != 1:
        return shorten(title.rstrip("."), 300)
    if rest:
        first.texts[0] = rest
        first.htmls[0] = drop_visible_prefix(first.htmls[0], len(sentence))
    elif len(blocks) > 1:
        blocks.pop(0)
    return title


def parse_statements(lines: list[Line], is_html: bool) -> LegacyPage:
    """A page of dated statements. Each statement is titled with its first
    sentence: the page heading is the same for all of them."""
    starts = [i for i, line in enumerate(lines) if STATEMENT_DATE_RE.match(line.text)]
    articles = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        body = []
        for line in lines[start + 1 : end]:
            if is_footer(line.text):
                break
            if not TRAILER_RE.match(line.text):
                body.append(line)
        blocks = build_blocks(body, is_html)
        if not blocks:
            continue
        date_match = STATEMENT_DATE_RE.match(lines[start].text)
        month_first = fold(date_match["label"]) == "date"
        published_at = parse_date(date_match["date"], month_first=month_first)
        dateline, _ = take_dateline(blocks)
        body_text = "\n".join(block.text for block in blocks)
        title = _take_headline(blocks)
        articles.append(
            LegacyArticle(
                title=title,
                body_html=blocks_html(blocks),
                kind="statement",
                language=detect_language(body_text),
                published_at=published_at,
                date_source="stated" if published_at else "unknown",
                dateline=dateline,
                summary=first_summary(blocks),
                countries=tuple(find_countries(body_text)),
                programmes=tuple(find_programmes(body_text)),
            )
        )
    if not articles:
        raise LegacyParseError("the statements page has no statement text")
    return LegacyPage(kind="statements", articles=tuple(articles))
