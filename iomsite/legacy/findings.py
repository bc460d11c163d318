"""What an import of a page may lose or get wrong, in one line each, for the
report: the reader's own warnings, and what the records show (an article
without a date, a figure without a label or source, a contact without an
office, an e-mail beyond the one a contact keeps)."""

from __future__ import annotations

from textwrap import shorten

from .records import LegacyContact, LegacyPage


def page_warnings(page: LegacyPage) -> list[str]:
    warnings = list(page.warnings)
    for article in page.articles:
        if article.published_at is None:
            warnings.append(
                f"date not found: “{shorten(article.title, 70, placeholder='…')}”"
            )
        warnings.extend(contact_warnings(article.contacts))
    if page.office is not None:
        for figure in page.office.figures:
            if not figure.label:
                warnings.append(f"figure without label: {figure.value}")
            elif not (figure.source_name or figure.source_url):
                warnings.append(f"figure without source: {figure.label}")
    return list(dict.fromkeys(warnings))


def contact_warnings(contacts: tuple[LegacyContact, ...]) -> list[str]:
    warnings = []
    for contact in contacts:
        who = contact.name or contact.email
        if not contact.office_name:
            warnings.append(f"contact without office: {who}")
        for address in contact.other_emails:
            warnings.append(
                f"second e-mail not kept (one per contact): {who}, {address}"
            )
    return warnings
