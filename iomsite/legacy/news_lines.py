"""The lines of a news page sorted into what they are: the type label and its
reach line ("News" / "Global"), the title, date lines, metadata lines, the
template's chrome, and the body; then the body's end: the contact block,
closing sections ("Context") and the footers.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .chrome_lines import template_line
from .contacts import read_contact_block
from .datelines import split_dateline
from .dates import DATE_LABEL_RE, MONTH_AND_YEAR_RE, parse_date
from .lines import Document, Line
from .navigation import (
    METADATA_RE,
    PUNCTUATION_ONLY_RE,
    contact_heading,
    footer_kind,
    is_scope_line,
    type_label,
)
from .records import LegacyContact
from .text import ends_sentence, fold
from .topics import PROGRAMMES, find_countries, find_programmes


@dataclass
class Metadata:
    """What the Drupal metadata lines (Region-Country, Themes, Press Release
    Type, …) say about an article: what the page states, not guesses."""

    countries: list[str] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    press_release: bool = False
    feature: bool = False
    # The kind a type-label line above the title names, which wins.
    labelled_kind: str = ""
    label: str = ""

    def add(self, label: str, value: str) -> None:
        label = fold(label)
        value = value.strip()
        if label.startswith(("press release", "tipo de comunicado")):
            self.press_release = True
            if re.search(r"feature|story|historia|reportaje", value, re.IGNORECASE):
                self.feature = True
        elif label.startswith(("region", "pais")):
            self.countries.extend(find_countries(value))
        elif label.startswith(("theme", "tema", "related")) and value:
            folded = fold(value)
            self.programmes.extend(name for name in PROGRAMMES if fold(name) in folded)
            self.programmes.extend(find_programmes(value))


def _is_metadata_value(text: str) -> bool:
    return len(text) <= 60 and text.count(" ") < 6 and not ends_sentence(text)


@dataclass
class NewsParts:
    title: str
    stated_date: datetime.datetime | None
    metadata: Metadata
    body: list[Line]
    warnings: list[str]
    # Lines of the template dropped where they stood, for the report.
    chrome: list[str] = field(default_factory=list)


# "Date Publish" alone on its line, the date on the next one.
_BARE_DATE_LABEL_RE = re.compile(
    r"^(?:date(?:\s+publish(?:ed)?)?|fecha(?:\s+de\s+publicaci[oó]n)?|"
    r"published|publicado|posted)\s*:?$",
    re.IGNORECASE,
)


def split_news_lines(document: Document, month_first: bool) -> NewsParts:
    """Sort a news page's lines into title, date lines, type-label and
    metadata lines (a label with its value, or a label line followed by short
    value lines), template chrome and body. The title is the first line that
    is none of the others, unless the HTML gave one; date-only lines count as
    dates until the body starts, read in ``month_first`` order unless their
    label says."""
    parts = NewsParts(document.title, None, Metadata(), [], [])
    title_line_seen = not document.is_html
    metadata = parts.metadata
    pending_label = ""
    pending_values = 0
    awaiting_date = False
    previous = ""
    after_label = False
    for line in document.lines:
        text = line.text
        if not text:
            if parts.body or "<img" in (line.html or ""):
                parts.body.append(line)  # a lead image opens the body
            continue
        before, previous = previous, text
        if line.chrome:
            # A value under a metadata label ("Themes:" / "Peru") is what the
            # page states, even when other pages of the run repeat it.
            if pending_label and pending_values < 8 and _is_metadata_value(text):
                metadata.add(pending_label, text)
                pending_values += 1
                continue
            parts.chrome.append(text)
            continue
        found = template_line(text, before)
        if found is not None:
            if found.date is not None and parts.stated_date is None:
                parts.stated_date = found.date
            for label, value in found.fields:
                metadata.add(label, value)
            parts.chrome.append(text)
            continue
        metadata_match = METADATA_RE.match(text)
        if pending_label and metadata_match is None:
            if pending_values < 8 and _is_metadata_value(text):
                metadata.add(pending_label, text)
                pending_values += 1
                continue
            pending_label = ""
        if metadata_match:
            metadata.add(metadata_match["label"], metadata_match["value"] or "")
            if not metadata_match["value"]:
                pending_label, pending_values = metadata_match["label"], 0
            continue
        label_match = DATE_LABEL_RE.match(text)
        if label_match or awaiting_date:
            # The label's language decides, as it frames the date.
            value = label_match["value"] if label_match else text
            label = fold(label_match["label"]) if label_match else ""
            spanish = label.startswith(("fecha", "publicado", "actualizado"))
            date = parse_date(value, month_first=not spanish and month_first)
            if label_match and not spanish:
                date = parse_date(value, month_first=True)
            awaiting_date = False
            if date is not None:
                parts.stated_date = parts.stated_date or date
                continue
        if not parts.body and _BARE_DATE_LABEL_RE.match(text):
            awaiting_date = True
            continue
        if not parts.body:
            if PUNCTUATION_ONLY_RE.match(text):
                continue
            if after_label and is_scope_line(text):
                after_label = False
                continue
            after_label = False
            date = parse_date(text, month_first=month_first)
            if date is not None:
                parts.stated_date = parts.stated_date or date
                continue
            if MONTH_AND_YEAR_RE.match(text):
                parts.warnings.append(f"date without a day, not used: {text}")
                continue
            if not metadata.labelled_kind and (kind := type_label(text)):
                if not parts.title or title_line_seen is False:
                    metadata.labelled_kind, metadata.label = kind, text
                    after_label = True
                    continue
            if not title_line_seen and parts.title and fold(text) == fold(parts.title):
                title_line_seen = True
                continue
            if not parts.title and _could_be_title(text, month_first):
                parts.title = text
                continue
        parts.body.append(line)
    return parts


def _could_be_title(text: str, month_first: bool) -> bool:
    """A title line: at most 300 characters (the field's length), not a
    paragraph (several sentences, or a dateline opening it)."""
    if len(text) > 300 or split_dateline(text, month_first) is not None:
        return False
    return not (text.endswith(".") and len(text) > 120)


@dataclass
class BodyEnd:
    body: list[Line]
    contacts: list[LegacyContact]
    # Text after the contact block that is not a closing section, for the
    # report: it is not the article's, but it is not dropped without a word.
    dropped: list[str] = field(default_factory=list)


def cut_contacts_and_footers(body: list[Line]) -> BodyEnd:
    """The body without its contact block, buttons and footers, and the
    contacts. A closing section ("Context") is kept, before or after the
    contact block; what follows a footer (related news) is dropped."""
    end = BodyEnd([], [])
    index = 0
    skip_box_title = section_open = False
    while index < len(body):
        line = body[index]
        text = line.text
        index += 1
        if not text:
            end.body.append(line)
            continue
        if skip_box_title:
            skip_box_title = False
            if len(text) <= 120 and not ends_sentence(text):
                continue
        kind = footer_kind(text)
        if kind == "end" and (end.body or end.contacts):
            break
        if kind == "button":
            # "Related Link" above the name of a publication: a link box.
            skip_box_title = fold(text).startswith("related link")
            continue
        rest = contact_heading(text)
        if rest is not None and not end.contacts:
            found, used = read_contact_block(
                [rest, *(following.text for following in body[index:])]
            )
            if found:
                end.contacts = found
                index += used - 1
                continue
        section_open = section_open or kind == "section"
        if end.contacts and not section_open:
            end.dropped.append(text)
            continue
        end.body.append(line)
    return end
