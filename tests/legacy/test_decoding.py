"""Bytes to text."""

from iomsite.legacy.parsing import (
    decode_page,
)


def test_decode_page():
    assert decode_page(b"\xef\xbb\xbfLine one\r\nLine two\r\n") == (
        "Line one\nLine two\n"
    )
    assert decode_page("Migración – “OIM”".encode("cp1252")) == "Migración – “OIM”"
    assert decode_page("Peña\rCañar".encode("latin-1")) == "Peña\nCañar"
    assert decode_page("Perú".encode("utf-16")) == "Perú"
