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
# The opening bytes of the files most often renamed .txt or .html by mistake.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"OggS", "an audio or video file"),
    (b"ID3", "an MP3 file"),
)


def decode_page(raw: bytes) -> str:
    """Decode a page's bytes: UTF-8 (with or without BOM), UTF-16 (with a BOM,
    or without one when every other byte is NUL), else the Western 8-bit
    encoding charset-normalizer finds (Windows-1252 for the old site). Line
    endings become ``\\n``; the text is NFC-normalised. Empty and binary files
    (NUL bytes, a known file signature, control characters) are refused."""
    if not raw or not raw.strip():
        raise LegacyParseError("empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        text = raw[3:].decode("utf-8", errors="replace")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    elif (utf16 := _utf16_without_bom(raw)) is not None:
        text = raw.decode(utf16, errors="replace")
    else:
        if b"\x00" in raw:
            raise LegacyParseError("binary file: it contains NUL bytes")
        for signature, kind in _SIGNATURES:
            if raw.startswith(signature):
                raise LegacyParseError(f"binary file: {kind}, not a page")
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


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text saved as UTF-16 without a byte-order
    mark: mostly Latin text, so every other byte is NUL."""
    sample = raw[:4096]
    if len(sample) < 16 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= len(zeros) * 0.9 and others.count(0) == 0:
            return codec
    return None


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
