"""What parse_page refuses, and what every page it accepts is kept from."""

import pytest

from iomsite.legacy.parsing import (
    LegacyParseError,
    clean_html,
    parse_page,
)

from .pages import (
    FIXTURES,
    FORBIDDEN_MARKUP,
    parse,
)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("only_navigation.txt", "the page holds only navigation, no content"),
        ("binary.bin", "binary file: it contains NUL bytes"),
        ("no_content.html", "HTML page without content: no text in its body"),
    ],
)
def test_bad_input_is_refused_with_a_reason(name, reason):
    with pytest.raises(LegacyParseError) as raised:
        parse(name)
    assert str(raised.value) == reason
    assert isinstance(raised.value, ValueError)


def test_whitespace_only_file_is_empty():
    with pytest.raises(LegacyParseError, match="^empty file$"):
        parse_page(b" \r\n\t\n")


def test_binary_without_nul_bytes_is_refused():
    noise = bytes(range(1, 32)) * 20 + bytes(range(128, 256)) * 4
    with pytest.raises(LegacyParseError, match="^(binary|undecodable) file"):
        parse_page(noise)


def test_title_without_body_is_refused():
    with pytest.raises(LegacyParseError, match="no body text"):
        parse_page(b"Only a Title\n")


def test_every_sample_body_is_safe():
    for path in sorted(FIXTURES.iterdir()):
        try:
            page = parse_page(path.read_bytes(), filename=path.name)
        except LegacyParseError:
            continue
        bodies = [article.body_html for article in page.articles]
        if page.office:
            bodies.append(page.office.migration_context_html)
            bodies.extend(area.body_html for area in page.office.areas)
        for body in bodies:
            assert not FORBIDDEN_MARKUP.search(body), path.name
            assert clean_html(body) == body, path.name
