"""Read disclosure catalogs (政府信息公开事项目录) in every format they are published in.

`read_catalog(path)` detects the format and encoding from the content and returns a
`kg.models.CatalogRead`: the items, every row it could not use (with the reason), and notes.
Unreadable input raises a `kg.errors.InputError` subclass naming the file (and line).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kg.errors import FormatError, InputError, KgError
from kg.ingest.catalog import Catalog
from kg.ingest.decode import decode, split_lines
from kg.ingest.delimited import csv_rows, tsv_rows
from kg.ingest.detect import looks_like_html, sniff_bytes, sniff_text
from kg.ingest.grid import read_rows
from kg.ingest.pagetext import read_page_text
from kg.models import CatalogRead

FORMATS = ("tsv", "csv", "xlsx", "html", "page-text", "key-value")

__all__ = ["FORMATS", "read_catalog", "read_catalogs", "read_bytes"]


def read_catalog(path: str | Path, agency: str | None = None) -> CatalogRead:
    """Read one catalog file. `agency` names the publisher when the file does not (or wins)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a catalog file", file=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", file=str(path)) from None
    return read_bytes(data, str(path), agency)


def read_bytes(data: bytes, file: str, agency: str | None = None) -> CatalogRead:
    """Read a catalog from its bytes; `file` is the name reported in items and errors."""
    if sniff_bytes(data, file) == "xlsx":
        from kg.ingest.xlsx import xlsx_rows

        cat = Catalog(file, "xlsx", "n/a", agency)
        read_rows(xlsx_rows(data, file, cat), cat)
        return cat.finish()
    text, encoding = decode(data, file)
    lines = split_lines(text.removeprefix("\ufeff"))
    if looks_like_html(text):
        try:
            return _read_html(text, file, encoding, agency)
        except FormatError:
            # Markup quoted inside the cells of a text table is not a page: fall back to the
            # text formats, and report the HTML problem if none of them fits either.
            if not _is_text_catalog(lines, file):
                raise
    return _read_text(lines, file, encoding, agency)


def _is_text_catalog(lines: list[str], file: str) -> bool:
    try:
        sniff_text(lines, file)
    except FormatError:
        return False
    return True


def _read_html(text: str, file: str, encoding: str, agency: str | None) -> CatalogRead:
    from kg.ingest.html import html_rows

    cat = Catalog(file, "html", encoding, agency)
    read_rows(html_rows(text, file, cat), cat)
    return cat.finish()


def _read_text(lines: list[str], file: str, encoding: str, agency: str | None) -> CatalogRead:
    fmt = sniff_text(lines, file)
    cat = Catalog(file, fmt, encoding, agency)
    if fmt == "tsv":
        read_rows(tsv_rows(lines), cat)
    elif fmt == "csv":
        read_rows(csv_rows(lines, file), cat)
    else:
        read_page_text(lines, cat)
    return cat.finish()


def read_catalogs(
    paths: Iterable[str | Path], agency: str | None = None
) -> list[CatalogRead | KgError]:
    """Read several catalogs; a file that fails gives its error in place of its result."""
    results: list[CatalogRead | KgError] = []
    for path in paths:
        try:
            results.append(read_catalog(path, agency))
        except KgError as err:
            results.append(err)
    return results
