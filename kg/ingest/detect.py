"""Which format a file is in, from its content (the file name is never consulted).

Order: zip bytes are xlsx; old OLE2 bytes are a legacy .xls (refused); markup with a table is
HTML; otherwise the first line that is a catalog header decides (tabs: TSV, commas: CSV,
spaces: page text); without a header, key-value lines mean key-value blocks.
"""

from __future__ import annotations

import re

from kg.errors import FormatError
from kg.ingest.columns import block_key, split_glued_header
from kg.ingest.delimited import sniff_delimited

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Headers sit near the top; titles and notes above them are few.
SCAN_LINES = 200


def sniff_bytes(data: bytes, file: str) -> str | None:
    """'xlsx' for a zip container; FormatError for a legacy .xls; None for text."""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(OLE2_MAGIC):
        raise FormatError("a legacy .xls workbook: save it as .xlsx or CSV first", file=file)
    return None


# Tags in any letter case. Searching for them is ten times faster than lowercasing the whole
# text, and finds the same: no non-ASCII character lowercases to `<`, t, a, b, l, e or r.
_TABLE_TAG = re.compile("<table", re.IGNORECASE | re.ASCII)
_ROW_TAG = re.compile("<tr", re.IGNORECASE | re.ASCII)


def looks_like_html(text: str) -> bool:
    if "<" not in text or not _TABLE_TAG.search(text):
        return False
    head = text.lstrip("\ufeff \t\r\n")[:1]
    return head == "<" or _ROW_TAG.search(text) is not None


def sniff_text(lines: list[str], file: str) -> str:
    """'tsv' | 'csv' | 'page-text' | 'key-value' for the lines of a text catalog."""
    seen = 0
    has_keys = False
    for line in lines:
        if not line.strip():
            continue
        seen += 1
        if seen > SCAN_LINES:
            break
        found = sniff_delimited(line)
        if found:
            return found
        if split_glued_header(line):
            return "page-text"
        key = block_key(line)
        if key is not None and key[0] in ("category", "name"):
            has_keys = True
    if has_keys:
        return "key-value"
    raise FormatError(
        "unknown format: no catalog header row (事项类别, 事项名称, …) and no key-value blocks",
        file=file,
    )
