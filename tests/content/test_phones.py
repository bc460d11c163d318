"""Phone numbers read with phonenumbers: no database."""

import pytest

from iomsite.content.phones import Phone, read_phone


@pytest.mark.parametrize(
    "written, country, shown, uri",
    [
        # Written with its country code: shown as written, dialled in E.164.
        ("+591 2 278 7000", "", "+591 2 278 7000", "tel:+59122787000"),
        ("+56 2 2963 3710", "CL", "+56 2 2963 3710", "tel:+56229633710"),
        # The old site's grouping hid the code (+591): shown as it is read.
        ("+59 122 36 90 44", "", "+591 2 2369044", "tel:+59122369044"),
        # Without a country code: the office's country reads it.
        ("(01) 633-0002", "PE", "+51 1 6330002", "tel:+5116330002"),
        ("2 236 9044", "bo", "+591 2 2369044", "tel:+59122369044"),
    ],
)
def test_numbers_are_dialled_in_e164(written, country, shown, uri):
    assert read_phone(written, country) == Phone(written, shown, uri)


def test_an_extension_is_dialled_after_the_number():
    assert read_phone("+51 1 633 0002", "", "ext. 12").uri == "tel:+5116330002;ext=12"
    written_in = read_phone("+51 1 633 0002 ext 12")
    assert written_in.uri == "tel:+5116330002;ext=12"


@pytest.mark.parametrize(
    "written, country",
    [
        ("633 0002", ""),  # no code, no country to read it with
        ("+593 2 299 3800/3801", ""),  # two numbers in one
        ("12345", "PE"),
        ("call the office", "PE"),
    ],
)
def test_a_number_that_cannot_be_read_is_shown_as_written_and_not_dialled(
    written, country
):
    assert read_phone(written, country) == Phone(written, written, "")
