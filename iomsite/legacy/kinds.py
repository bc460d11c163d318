"""The kind of a page, decided from its features rather than from the first
rule that matches: an address block with Tel/Fax, key figures, areas of action
or a country heading make an office; several dated entries make statements; a
title, a dateline and a body make news. The decision says why, for the
report."""

from __future__ import annotations

from dataclasses import dataclass

from .datelines import split_dateline
from .lines import Document
from .navigation import contact_heading, type_label
from .office_sections import Section, office_sections
from .statements import STATEMENT_DATE_RE
from .topics import country_matches

_OFFICE_FEATURES = {
    "figures": "key figures",
    "context": "a “Migration in …” text",
    "areas": "areas of action",
    "intro": "a country heading",
    "contact": "an address with Tel/Fax",
    "careers": "a careers section",
}
# Office features that only an office page has; the others (a contact or
# careers section) only count beside one of them.
_CORE = {"figures", "context", "areas", "intro"}


@dataclass(frozen=True)
class KindDecision:
    kind: str  # "news", "statements" or "office"
    reason: str
    sections: list[Section | None] | None = None


def decide_kind(document: Document) -> KindDecision:
    texts = [line.text for line in document.lines]
    dated = sum(1 for text in texts if STATEMENT_DATE_RE.match(text))
    if dated >= 2:
        return KindDecision("statements", f"statements: {dated} dated entries")
    sections = office_sections(document.lines)
    found = {section[0]: section[1] for section in reversed(sections) if section}
    office = [
        _OFFICE_FEATURES[name] + (f" “{found[name]}”" if found[name] else "")
        for name in _OFFICE_FEATURES
        if name in found
    ]
    if _is_country_name(document.title):
        office.append(f"a country's name as title “{document.title}”")
    news = _news_features(texts)
    core = len(_CORE & found.keys())
    if (core >= 2 or (core and len(office) >= 3)) and len(office) > len(news):
        return KindDecision("office", "office: " + ", ".join(office), sections)
    reason = ", ".join(news) or "a title and body text"
    if office:
        reason += f" (office features not enough: {', '.join(office)})"
    return KindDecision("news", f"news: {reason}")


def _is_country_name(text: str) -> bool:
    match = next(country_matches(text.strip()), None)
    return match is not None and match[0] == text.strip()


def _news_features(texts: list[str]) -> list[str]:
    features = []
    opening = [text for text in texts[:12] if text]
    if any(type_label(text) for text in opening):
        features.append("a type label")
    if any(split_dateline(text) for text in texts[:40] if len(text) > 60):
        features.append("a dateline")
    if any(contact_heading(text) is not None for text in texts):
        features.append("a media contact block")
    return features
