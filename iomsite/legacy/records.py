"""What the parser makes of an old page: plain frozen records, and the error
that refuses a page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


class LegacyParseError(ValueError):
    """The page cannot be read; the message is one line saying why."""


@dataclass(frozen=True)
class LegacyContact:
    name: str
    role: str = ""
    office_name: str = ""
    phones: tuple[str, ...] = ()
    mobile: str = ""
    extension: str = ""
    email: str = ""
    # Further addresses the block gives the same person; the site keeps one.
    other_emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegacyArticle:
    title: str
    body_html: str
    kind: str
    language: str
    published_at: datetime.datetime | None
    date_source: str
    dateline: str = ""
    summary: str = ""
    countries: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    contacts: tuple[LegacyContact, ...] = ()
    source: str = ""
    # Named on the page, but not what it states it is about (a country
    # mentioned in passing, a theme read from the words): the report suggests
    # them, the import does not tag them.
    suggested_countries: tuple[str, ...] = ()
    suggested_programmes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegacyFigure:
    value: str
    label: str = ""
    unit: str = ""
    year: int | None = None
    source_name: str = ""
    source_url: str = ""
    # True when the page does not say what the figure counts or where it comes
    # from; such a figure must not be shown until someone completes it.
    needs_review: bool = False


@dataclass(frozen=True)
class LegacyArea:
    name: str
    body_html: str


@dataclass(frozen=True)
class LegacyOffice:
    name: str
    country: str
    city: str = ""
    address: str = ""
    phones: tuple[str, ...] = ()
    email: str = ""
    website: str = ""
    facebook: str = ""
    twitter: str = ""
    introduction: str = ""
    migration_context_html: str = ""
    figures: tuple[LegacyFigure, ...] = ()
    areas: tuple[LegacyArea, ...] = ()
    contacts: tuple[LegacyContact, ...] = ()
    source: str = ""
    language: str = "en"
    # migration_context_html in its parts, each with the areas whose text it
    # holds (an areas section's heading: all of them; an area: its own).
    context_parts: tuple[tuple[str, tuple[LegacyArea, ...]], ...] = ()

    def migration_context_without(self, areas) -> str:
        """migration_context_html without the texts of ``areas``, nor an
        areas heading left with none: the import keeps them elsewhere."""
        if not self.context_parts:
            return self.migration_context_html
        taken = set(areas)
        return "".join(
            html
            for html, held in self.context_parts
            if not (held and taken.issuperset(held))
        ).strip()


@dataclass(frozen=True)
class LegacyPage:
    kind: str
    articles: tuple[LegacyArticle, ...] = ()
    office: LegacyOffice | None = None
    # What the reader saw but could not place ("unknown section kept as body
    # text: …"), one line each; ``findings.page_warnings`` adds what the
    # records themselves show.
    warnings: tuple[str, ...] = ()
    # Why the page was read as this kind: the features found, one line.
    kind_reason: str = ""
