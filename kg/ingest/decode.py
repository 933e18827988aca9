"""Bytes -> text: UTF-8 (with or without BOM), UTF-16 (BOM, or plainly UTF-16 text), GB18030.

GB18030 is a superset of GBK and GB2312, so one attempt covers all three. Text full of
control characters is binary junk, whatever codec happened to accept it.
"""

from __future__ import annotations

import codecs

from kg.errors import EncodingError, FormatError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters a text catalog may contain: tab, newlines, form feed.
ALLOWED_CONTROLS = "\t\n\r\f\v"
# More than this share of control characters (or any NUL) means the bytes are not text.
MAX_CONTROL_SHARE = 0.01
# The control characters counted against that share (str.count per character is far faster
# than testing every character of a catalog in Python).
_COUNTED_CONTROLS = tuple(chr(c) for c in range(32) if chr(c) not in ALLOWED_CONTROLS)
# In these encodings a byte below 0x20 is always that control character and never part of
# another character, so the bytes can be counted instead: one bytes.translate deleting every
# other byte is several times faster than 27 str.count passes over the text.
_ASCII_COMPATIBLE = ("utf-8", "utf-8-sig", "gb18030")
_NOT_COUNTED_BYTES = bytes(b for b in range(256) if chr(b) not in _COUNTED_CONTROLS)


def _guess_utf16(data: bytes) -> str | None:
    """utf-16-le/be for BOM-less UTF-16 (every other byte NUL in mostly-ASCII text)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, file: str) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text catalog; InputError if it is not text."""
    if not data or data.isspace():
        raise FormatError("empty file", file=file)
    candidates = [enc for bom, enc in BOMS if data.startswith(bom)][:1]
    if not candidates:
        candidates = ["utf-8", *filter(None, [_guess_utf16(data)]), "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _check_text(text, data, encoding, file)
        if not text or text.isspace():  # i.e. not text.strip(), without copying the text
            raise FormatError("empty file", file=file)
        return text, encoding
    raise EncodingError(
        "not text in any encoding kg reads (UTF-8, UTF-16, GB18030): binary data?", file=file
    )


def _check_text(text: str, data: bytes, encoding: str, file: str) -> None:
    if encoding in _ASCII_COMPATIBLE:
        found = data.translate(None, _NOT_COUNTED_BYTES)
        controls, nul = len(found), b"\x00" in found
    else:
        controls = sum(text.count(ch) for ch in _COUNTED_CONTROLS)
        nul = "\x00" in text
    if nul or controls > MAX_CONTROL_SHARE * len(text):
        raise EncodingError("binary data, not a text catalog", file=file)


def split_lines(text: str) -> list[str]:
    """Lines split on CRLF, CR or LF only (str.splitlines also splits on \\x1c, \\u2028...)."""
    if "\r" in text:  # one quick scan spares two replace passes over most texts
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")
