"""The real page of dated statements."""

import datetime

import pytest

from .pages import (
    STATEMENTS,
    paragraphs,
    parse,
    plain_text,
)


class TestStatements:
    """004: three dated statements on one page."""

    @pytest.fixture
    def page(self):
        return parse(STATEMENTS)

    def test_three_statements_with_month_first_dates(self, page):
        assert page.kind == "statements"
        assert [item.published_at for item in page.articles] == [
            datetime.datetime(2018, 3, 16),
            datetime.datetime(2016, 6, 8),
            datetime.datetime(2011, 6, 21),
        ]
        assert {item.kind for item in page.articles} == {"statement"}
        assert {item.date_source for item in page.articles} == {"stated"}
        assert {item.source for item in page.articles} == {""}
        assert {item.language for item in page.articles} == {"en"}

    def test_titles_are_the_whole_first_sentence_taken_from_the_body(self, page):
        # Issue 17: not cut at 120 characters with "…" and repeated as the
        # body; a sentence longer than the field (300) is cut and kept whole
        # in the body.
        first, second, third = page.articles
        assert first.title == (
            "IOM is committed to promoting the orderly, safe, regular and "
            "responsible migration and mobility of people in Latin America."
        )
        assert first.body_html.startswith("<p>This is represented in IOM’s")
        assert second.title == (
            "There are approximately 57.5 million international migrants in the "
            "Americas, about 50 million in North America and 7.5 million in the "
            "other sub-regions."
        )
        assert second.body_html.startswith("<p>According to the United Nations")
        assert len(third.title) <= 300 and third.title.endswith("El…")
        assert third.body_html.startswith(
            "<p>To contribute to upholding the human rights of migrant workers"
        )

    def test_bodies(self, page):
        first, second, third = (paragraphs(item.body_html) for item in page.articles)
        assert len(first) == 1
        # The first line broke mid-sentence ("migration / and mobility"): the
        # sentence was joined whole (it is the title), the paragraph goes on.
        assert page.articles[0].title.endswith(
            "and mobility of people in Latin America."
        )
        assert first[0].startswith("This is represented in IOM’s objectives")
        assert first[0].endswith("improve migration governance in the country.")
        assert len(second) == 5
        assert second[3] == (
            "IOM continues to work to develop governments’ capacities to manage "
            "migration, advocate for international cooperation on migration "
            "initiatives, and include migration issues as a priority in relevant "
            "regional platforms and processes."
        )
        assert len(third) == 2
        assert third[1].endswith("and return to their communities of origin.")

    def test_trailers_and_footer_are_removed(self, page):
        for item in page.articles:
            text = plain_text(item.body_html)
            assert "Paragraphs:" not in text
            assert "Related Resources" not in text
            assert "Date:" not in text

    def test_countries_and_programmes(self, page):
        first, second, third = page.articles
        assert first.countries == ("PA",)
        assert second.countries == ()
        assert third.countries == (
            "CR",
            "DO",
            "SV",
            "GT",
            "HN",
            "NI",
            "CO",
            "ES",
            "CA",
        )
        assert third.programmes == ("Labour Migration",)
        assert "Counter-trafficking" in second.programmes
