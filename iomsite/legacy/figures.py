"""Key figures of an office page: a value with its label, unit, year and
source, however the page lays them out."""

from __future__ import annotations

import dataclasses
import re

from .lines import Line
from .navigation import PUNCTUATION_ONLY_RE
from .records import LegacyFigure
from .text import LINKABLE_RE

_FIGURE_RE = re.compile(
    r"^(?P<currency>USD|US\$|U\$S|EUR|€|\$)?\s*"
    r"(?P<number>[-+−–]?\d(?:[\d.,]*\d)?)\s*"
    r"(?P<magnitude>(?:mil\s+)?millones|mill[oó]n|millions?|billions?|bn|"
    r"thousand|mil)?\b\s*"
    r"(?P<unit>.*?)\s*(?:\((?P<year>(?:19|20)\d{2})\))?$",
    re.IGNORECASE,
)
_SOURCE_LINE_RE = re.compile(r"^(?:source|fuente)s?\s*:\s*(?P<value>.+)$", re.I)
_YEAR_SUFFIX_RE = re.compile(r"\s*[,(]?\s*\b((?:19|20)\d{2})\)?$")


# "Population (2015)", "Remittances (2014 estimate)": the year in the label.
_LABEL_YEAR_RE = re.compile(r"\s*\(((?:19|20)\d{2})(?:\s+[a-z]+)?\)\s*$")


def _parse_figure(text: str) -> LegacyFigure | None:
    label = ""
    label_year = None
    if ":" in text and not re.match(r"^[\d\s.,:-]+$", text):
        label, _, text = text.partition(":")
        label, text = label.strip(), text.strip()
        if year_match := _LABEL_YEAR_RE.search(label):
            label_year = int(year_match[1])
            label = label[: year_match.start()].strip()
    match = _FIGURE_RE.match(text)
    if match is None:
        return None
    value = match["number"].replace("−", "-").replace("–", "-")
    if match["magnitude"]:
        value = f"{value} {match['magnitude']}"
    unit = match["unit"].strip()
    year = int(match["year"]) if match["year"] else None
    if year is None and (year_match := _YEAR_SUFFIX_RE.search(unit)):
        year = int(year_match[1])
        unit = unit[: year_match.start()].strip(" ,")
    if match["currency"]:
        unit = f"{match['currency']} {unit}".strip()
    return LegacyFigure(value=value, label=label, unit=unit, year=year or label_year)


def _table_texts(lines: list[Line]) -> list[str]:
    """The lines of a figures section, a facts table's rows as "Label: value"
    lines."""
    texts = []
    for line in lines:
        if not line.rows:
            texts.append(line.text)
            continue
        for row in line.rows:
            cells = [cell.strip() for cell in row if cell.strip()]
            if len(cells) == 2:
                texts.append(f"{cells[0].rstrip(' :')}: {cells[1]}")
            else:
                texts.append(" ".join(cells))
    return texts


def _split_source(value: str) -> tuple[str, str, int | None]:
    """(name, address, year) of a figure's source line ("UN DESA, 2020")."""
    value = value.strip()
    year = None
    if year_match := _YEAR_SUFFIX_RE.search(value):
        year = int(year_match[1])
        value = value[: year_match.start()].strip(" ,;")
    url = LINKABLE_RE.search(value)
    if url is None or not url["url"]:
        return value, "", year
    address = url[0] if url[0].startswith("http") else "https://" + url[0]
    return value.replace(url[0], "").strip(" ,;:-–()"), address, year


def _with_source(figure: LegacyFigure, name, address, year) -> LegacyFigure:
    if not (figure.source_name or figure.source_url):
        figure = dataclasses.replace(figure, source_name=name, source_url=address)
    if figure.year is None and year is not None:
        figure = dataclasses.replace(figure, year=year)
    return figure


def parse_figures(lines: list[Line]) -> tuple[LegacyFigure, ...]:
    """The figures of ``read_figures``, without the facts."""
    return read_figures(lines)[0]


def read_figures(lines: list[Line]):
    """Key figures, one value per line. A label is only taken when the page
    states it: on the value's line (``Label: value``), or on a line of its own
    next to the value. Which neighbour a label line belongs to is read from
    the section's first line: a section that opens with a label puts labels
    above their values, one that opens with a value puts them below. A
    "Source:" line (with its year, if any) applies to the figures above it
    that have none. A figure without label or source is flagged
    ``needs_review``. A table's rows that hold no figure ("Languages:
    Spanish") are facts, returned as text: (figures, facts)."""
    facts: list[str] = []
    texts = [
        text
        for text in _table_texts(lines)
        if text and not PUNCTUATION_ONLY_RE.match(text)
    ]
    table_rows = {
        f"{cells[0].strip().rstrip(' :')}: {cells[1].strip()}"
        for line in lines
        for cells in line.rows
        if len(cells) == 2
    }
    sources = [_SOURCE_LINE_RE.match(text) for text in texts]
    parsed = [
        None if source else _parse_figure(text)
        for text, source in zip(texts, sources, strict=True)
    ]
    labels_below = next(
        (
            figure is not None
            for figure, source in zip(parsed, sources, strict=True)
            if not source
        ),
        False,
    )
    figures: list[LegacyFigure] = []
    pending_label = ""
    for text, source, figure in zip(texts, sources, parsed, strict=True):
        if source:
            found = _split_source(source["value"])
            figures = [_with_source(figure, *found) for figure in figures]
            pending_label = ""
            continue
        if figure is None and text in table_rows:
            facts.append(text)
            continue
        if figure is None:
            label = text if len(text) <= 120 else ""
            if labels_below and figures and not figures[-1].label and label:
                figures[-1] = dataclasses.replace(figures[-1], label=label)
            else:
                pending_label = label
            continue
        if pending_label and not figure.label:
            figure = dataclasses.replace(figure, label=pending_label)
        pending_label = ""
        figures.append(figure)
    return tuple(
        dataclasses.replace(
            figure,
            needs_review=not figure.label
            or not (figure.source_name or figure.source_url),
        )
        for figure in figures
    ), facts
