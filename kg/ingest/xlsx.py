"""xlsx workbooks (openpyxl) -> rows. The line of a row is its spreadsheet row number.

Merged cells are honoured by giving every cell of a merged range the value of its top-left
cell: a category merged down several rows names each of them, a title merged across the
columns reads as one title. The first sheet that holds a catalog header is read; other
non-empty sheets are named in the catalog's notes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

import openpyxl

from kg.errors import FormatError
from kg.ingest.catalog import Catalog
from kg.ingest.columns import match_header
from kg.ingest.grid import Row


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _grid(sheet) -> tuple[list[list[str]], dict[int, list[tuple[int, int]]]]:
    """Cell texts by row, and per row the (column, origin row) of cells copied by a merge."""
    rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    origins: dict[int, list[tuple[int, int]]] = {}
    for merged in sheet.merged_cells.ranges:
        value = _text(sheet.cell(merged.min_row, merged.min_col).value)
        for r in range(merged.min_row, min(merged.max_row, len(rows)) + 1):
            for c in range(merged.min_col, min(merged.max_col, len(rows[r - 1])) + 1):
                rows[r - 1][c - 1] = value
                if r > merged.min_row:
                    origins.setdefault(r, []).append((c - 1, merged.min_row))
    return rows, origins


def _load(data: bytes, file: str):
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises many types for damaged zips
        raise FormatError(f"not a readable xlsx workbook ({type(err).__name__})",
                          file=file) from None


def xlsx_rows(data: bytes, file: str, cat: Catalog) -> Iterator[Row]:
    book = _load(data, file)
    chosen: list[list[str]] | None = None
    origins: dict[int, list[tuple[int, int]]] = {}
    for sheet in book.worksheets:
        grid, copied = _grid(sheet)
        if chosen is None and any(match_header(r) for r in grid):
            chosen, origins = grid, copied
        elif any(any(r) for r in grid):
            cat.notes.append(f"sheet {sheet.title!r} has no catalog header or is not the first "
                             "catalog sheet; not read")
    if chosen is None:
        raise FormatError("no sheet has a catalog header row (事项类别, 事项名称, …)", file=file)
    for number, cells in enumerate(chosen, 1):
        yield Row(number, tuple(cells), "\t".join(c for c in cells if c),
                  origins=tuple(origins.get(number, ())))
