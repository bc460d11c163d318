"""Bytes to text: byte-order marks, UTF-8, and the Western 8-bit encodings
the old site was saved in.
"""

from __future__ import annotations

import re
import unicodedata

import charset_normalizer

from .records import LegacyParseError

_WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_page(raw: bytes) -> str:
    """Decode a page's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else the Western 8-bit encoding charset-normalizer finds (Windows-1252 for
    the old site). Line endings become ``\\n``; the text is NFC-normalised."""
    if not raw or not raw.strip():
        raise LegacyParseError("empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        if b"\x00" in raw:
            raise LegacyParseError("binary file: it contains NUL bytes")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_8bit(raw)
    sample = text[:8192]
    if len(_CONTROL_RE.findall(sample)) > max(2, len(sample) // 100):
        raise LegacyParseError("binary file: too many control characters for text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise LegacyParseError("empty file")
    return text


def _decode_8bit(raw: bytes) -> str:
    best = charset_normalizer.from_bytes(raw, cp_isolation=_WESTERN_ENCODINGS).best()
    if best is None:
        raise LegacyParseError("undecodable file: not text in a known encoding")
    if best.encoding in ("cp1252", "latin_1", "iso8859_15"):
        # These agree on letters; Windows-1252 also has the curly quotes and
        # dashes that Word put into the old pages.
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    return str(best)
