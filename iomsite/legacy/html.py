"""Saved Drupal HTML pages reduced to the lines of their main content, with
their inline markup, so they go through the same rules as text dumps.

Here: telling HTML from text, finding the main content (the node's article,
its body field) and reading the head (title, date, canonical address);
``html_lines`` walks that content into lines, with ``html_tables`` and
``html_figures`` for tables and captioned images.
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup, Tag

from .dates import DATE_LABEL_RE, more_precise, parse_date, parse_iso_datetime
from .html_figures import gather_figures
from .html_lines import HtmlLines, is_boilerplate
from .html_refusals import refusal
from .lines import Document, Line
from .news import url_path
from .text import WHITESPACE_RE, normalise_spaces

_HTML_START_RE = re.compile(
    r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<meta\s|"
    r"<title>|<article[\s>]|<div[\s>]|<p[\s>])",
    re.IGNORECASE,
)
_HTML_TAG_RE = re.compile(
    r"</?(?:html|head|body|div|p|article|span|a|h[1-6]|ul|li|br|meta|title|script)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_SCRIPT_LIKE_RE = re.compile(
    r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.IGNORECASE | re.DOTALL,
)
_TITLE_SUFFIX_RE = re.compile(
    r"\s+[|–—-]\s+(?:IOM|OIM|International Organization for Migration|"
    r"Organización Internacional)[^|]*$"
)


def looks_like_html(text: str, filename: str) -> bool:
    if _HTML_START_RE.match(text[:2048]):
        return True
    tags = len(_HTML_TAG_RE.findall(text[:8192]))
    return tags >= 5 or (filename.lower().endswith((".html", ".htm")) and tags >= 1)


_LINK_RE = re.compile(r"<a\b[^>]*>.*?</a>", re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")


def only_links(lines: list[Line]) -> bool:
    """Whether the content is a menu or a listing: several lines, nearly all of
    their text the text of links."""
    texts = [line for line in lines if line.text]
    if len(texts) < 3:
        return False
    total = sum(len(line.text) for line in texts)
    outside = sum(
        len(html.unescape(_TAG_RE.sub("", _LINK_RE.sub("", line.inline_html))).strip())
        for line in texts
    )
    return outside < total * 0.1


def _is_body_field(tag: Tag) -> bool:
    """Drupal's body field: ``field-name-body`` (7), ``field--name-body`` (8+)."""
    names = tag.get("class") or ()
    return "field-name-body" in names or "field--name-body" in names


_COUNTRY_NODE_RE = re.compile(r"^node-(?:type-)?(?:country|office)|^node--type-country")


def _is_country_node(tag: Tag) -> bool:
    names = tag.get("class") or ()
    return "node" in names and any(_COUNTRY_NODE_RE.match(name) for name in names)


def _is_date_element(tag: Tag) -> bool:
    return tag.name == "time" or "date-display-single" in (tag.get("class") or ())


def _main_container(soup: BeautifulSoup) -> Tag:
    articles = [
        article
        for article in soup.find_all("article")
        if not any(
            is_boilerplate(parent)
            for parent in article.parents
            if isinstance(parent, Tag) and parent.name != "[document]"
        )
    ]
    full = [a for a in articles if "teaser" not in " ".join(a.get("class") or ())]
    articles = full or articles
    if articles:
        if len(articles) == 1:
            return articles[0]
        return max(articles, key=lambda article: len(article.get_text()))
    # A country's node (Drupal 7 "node-country"): its facts table and contact
    # field stand beside the body field, so the whole node is the content.
    country_node = soup.find(_is_country_node)
    if country_node is not None and country_node.find(_is_body_field) is not None:
        return country_node
    for candidate in (
        soup.find("main"),
        soup.find(attrs={"role": "main"}),
        soup.find(id="content"),
        soup.find(class_="region-content"),
        soup.find(class_="field-name-body"),
    ):
        if candidate is not None and candidate.get_text(strip=True):
            return candidate
    items = soup.find_all(class_=("field-item", "field__item"))
    if items:
        return max(items, key=lambda item: len(item.get_text()))
    return soup.body or soup


_ARTICLE_TAG_RE = re.compile(r"<(/?)article\b[^>]*>", re.IGNORECASE)
_BODY_TAG_RE = re.compile(r"<body\b", re.IGNORECASE)
_DATE_ELEMENT_RE = re.compile(
    r"<(span|div|time)\b[^>]*(?:\bdate-display-single\b|\bdatetime=)[^>]*>[^<]*</\1>",
    re.IGNORECASE,
)


def _markup_to_parse(page: str) -> str:
    """The part of a page worth building a tree for: without scripts, styles
    and comments, and, when the page has exactly one top-level ``<article>``,
    only its head, that article and a date element found outside it. Menus,
    sidebars and footers are then skipped without being parsed at all."""
    page = _SCRIPT_LIKE_RE.sub(" ", page)
    depth = 0
    start = -1
    found: tuple[int, int] | None = None
    for match in _ARTICLE_TAG_RE.finditer(page):
        if not match[1]:
            if depth == 0:
                if found is not None:
                    return page  # several articles: let the full parse choose
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                found = (start, match.end())
    if found is None:
        return page
    body = _BODY_TAG_RE.search(page)
    head = page[: body.start()] if body and body.start() < found[0] else ""
    article = page[found[0] : found[1]]
    date = ""
    if _DATE_ELEMENT_RE.search(article) is None:
        outside = _DATE_ELEMENT_RE.search(page)
        date = outside.group() if outside else ""
    return f"{head}<body>{article}{date}</body>"


def document_from_html(text: str) -> Document:
    soup = BeautifulSoup(_markup_to_parse(text), "html.parser")
    head = soup.head or soup
    meta: dict[str, str] = {}
    canonical = ""
    for tag in head.find_all(("meta", "link")):
        if tag.name == "link":
            if not canonical and "canonical" in (tag.get("rel") or []):
                canonical = tag.get("href") or ""
            continue
        key = (tag.get("property") or tag.get("name") or "").lower()
        if key and key not in meta:
            meta[key] = (tag.get("content") or "").strip()
    page_title = head.title.get_text(" ", strip=True) if head.title else ""
    stated = None
    date_element = soup.find(_is_date_element)
    if date_element is not None:
        stamp = date_element.get("content") or date_element.get("datetime") or ""
        stated = parse_iso_datetime(stamp) if stamp else None
        if stated is None:
            shown = date_element.get_text(" ", strip=True)
            label = DATE_LABEL_RE.match(shown)
            stated = parse_date(label["value"] if label else shown)
    stated = more_precise(
        stated,
        parse_iso_datetime(
            meta.get("article:published_time") or meta.get("dcterms.date", "")
        ),
    )

    container = _main_container(soup)
    collector = HtmlLines(
        read_headers=container.name == "article", body=container.find(_is_body_field)
    )
    collector.walk_block(container)
    title = (
        collector.first_heading
        or meta.get("og:title", "")
        or _TITLE_SUFFIX_RE.sub("", page_title)
    )
    if not title and (heading := soup.find("h1")) is not None:
        title = heading.get_text(" ", strip=True)
    title = WHITESPACE_RE.sub(" ", normalise_spaces(title)).strip()
    return Document(
        refusal=refusal(soup, container, collector.lines, title) or "",
        lines=gather_figures(collector.lines),
        is_html=True,
        title=title,
        source=url_path(canonical) or url_path(meta.get("og:url", "")),
        stated_date=stated,
    )
