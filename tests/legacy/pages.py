"""The sample pages the parser tests read, and helpers to look into the results."""

import functools
import re
from pathlib import Path

from iomsite.legacy.parsing import (
    parse_page,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"

BOLIVIA_OFFICE = "000_36b7b844e1140420.txt"
POLICIES_RELEASE = "001_4dcdd40475431c58.txt"
TRAFFICKING_RELEASE = "002_db0905a231be9f70.txt"
COURSE_RELEASE = "003_95162cf8c09813fe.txt"
STATEMENTS = "004_49ae305a080655f7.txt"

FORBIDDEN_MARKUP = re.compile(
    r"<script|<style|\son\w+=|javascript:|style=|<div|<span", re.IGNORECASE
)


@functools.cache
def parse(name):
    """Parse a fixture file once; the results are frozen, so tests share them."""
    return parse_page((FIXTURES / name).read_bytes(), filename=name)


def parse_article(name):
    page = parse(name)
    assert page.kind == "news"
    assert len(page.articles) == 1
    return page.articles[0]


def paragraphs(body_html):
    return re.findall(r"<p>(.*?)</p>", body_html)


def plain_text(body_html):
    inline_removed = re.sub(r"</?(?:a|em|strong)\b[^>]*>", "", body_html)
    return " ".join(re.sub(r"<[^>]+>", " ", inline_removed).split())
