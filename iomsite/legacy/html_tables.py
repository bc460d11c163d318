"""Tables of saved pages kept as tables: header and data cells with their
inline markup and spans, without styles or layout attributes.

A table that only lays a page out (one row or one column and no header cell,
or cells holding several paragraphs, lists or other tables) is not data: its
cells are read as paragraphs instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import Tag

# (text, inline HTML, number of lines) of an element's content.
InlineReader = Callable[[Tag], tuple[str, str, int]]

_BOLD_ONLY_RE = re.compile(r"^<strong>((?:(?!</?strong>).)*)</strong>$", re.DOTALL)
_LAYOUT_CONTENT = ("table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote")


@dataclass(frozen=True)
class Table:
    caption: str  # inline HTML of <caption>, kept as a paragraph before it
    text: str
    html: str  # what goes inside <table>
    rows: tuple[tuple[str, ...], ...] = ()  # the cells' texts, row by row


@dataclass
class _Cell:
    header: bool
    html: str
    spans: str


def _spans(cell: Tag) -> str:
    spans = []
    for name in ("colspan", "rowspan"):
        value = str(cell.get(name) or "").strip()
        if value.isdigit() and 1 < int(value) <= 100:
            spans.append(f' {name}="{int(value)}"')
    return "".join(spans)


def read_table(table: Tag, inline: InlineReader) -> Table | None:
    """The table as data, or None when it only lays the page out."""
    if table.find(_LAYOUT_CONTENT) is not None:
        return None
    rows: list[tuple[bool, list[_Cell]]] = []
    texts = []
    row_texts = []
    for row in table.find_all("tr"):
        cells = []
        for cell in row.find_all(("td", "th"), recursive=False):
            text, html, line_count = inline(cell)
            if line_count > 1:
                return None  # paragraphs in a cell: a layout table
            texts.append(text)
            cells.append(_Cell(cell.name == "th", html, _spans(cell)))
        if cells:
            rows.append((row.parent.name == "thead", cells))
            row_texts.append(tuple(texts[len(texts) - len(cells) :]))
    if not rows or not any(texts):
        return None
    has_header = any(cell.header for _, cells in rows for cell in cells)
    columns = max(len(cells) for _, cells in rows)
    if not has_header and (len(rows) < 2 or columns < 2):
        return None
    head = [cells for in_head, cells in rows if in_head]
    body = [cells for in_head, cells in rows if not in_head]
    if not head and body:
        first = body[0]
        if all(cell.header for cell in first):
            head = [body.pop(0)]
        elif not has_header and all(_BOLD_ONLY_RE.match(cell.html) for cell in first):
            # The old editor's header row: bold data cells.
            for cell in first:
                cell.header, cell.html = True, _BOLD_ONLY_RE.match(cell.html)[1]
            head = [body.pop(0)]
    for cells in head:
        for cell in cells:
            cell.header = True
    parts = []
    if head:
        parts.append(f"<thead>{''.join(_row(cells) for cells in head)}</thead>")
    if body:
        parts.append(f"<tbody>{''.join(_row(cells) for cells in body)}</tbody>")
    caption = ""
    if (element := table.find("caption")) is not None:
        caption = inline(element)[1]
    text = " ".join(text for text in texts if text)
    return Table(caption, text, "".join(parts), tuple(row_texts))


def _row(cells: list[_Cell]) -> str:
    return "<tr>" + "".join(_cell(cell) for cell in cells) + "</tr>"


def _cell(cell: _Cell) -> str:
    name = "th" if cell.header else "td"
    return f"<{name}{cell.spans}>{cell.html}</{name}>"
