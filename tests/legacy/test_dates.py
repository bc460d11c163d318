"""Dates as the old pages write them."""

import datetime

import pytest

from iomsite.legacy.dates import MONTH_AND_YEAR_RE, month_first_in, parse_date


@pytest.mark.parametrize(
    "text",
    [
        "15 de julio de 2016",
        "15 julio 2016",
        "julio 15, 2016",
        "Julio 15 2016",
        "viernes, 15 de julio de 2016",
        "15 July 2016",
        "July 15, 2016",
        "Friday, July 15th, 2016",
        "15 jul. 2016",
        "2016-07-15",
    ],
)
def test_month_names_in_every_position(text):
    assert parse_date(text) == datetime.datetime(2016, 7, 15)


def test_numeric_dates_follow_the_order_they_are_read_in():
    assert parse_date("03/05/2016", month_first=True) == datetime.datetime(2016, 3, 5)
    assert parse_date("03/05/2016", month_first=False) == datetime.datetime(2016, 5, 3)
    # A number over 12 decides by itself.
    assert parse_date("16/03/2018", month_first=True) == datetime.datetime(2018, 3, 16)
    assert parse_date("3/16/2018", month_first=False) == datetime.datetime(2018, 3, 16)


def test_the_language_of_a_page_gives_the_order():
    assert month_first_in("en") is True
    assert month_first_in("es") is False


@pytest.mark.parametrize("text", ["Julio de 2016", "July 2016", "2016", "15 de julio"])
def test_a_date_needs_a_day_a_month_and_a_year(text):
    assert parse_date(text) is None


def test_a_month_with_its_year_is_recognised_as_such():
    assert MONTH_AND_YEAR_RE.match("Julio de 2016")
    assert MONTH_AND_YEAR_RE.match("July 2016.")
    assert not MONTH_AND_YEAR_RE.match("15 de julio de 2016")
    assert not MONTH_AND_YEAR_RE.match("Julio fue un mes de 2016 intenso")
