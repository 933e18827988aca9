"""Tables of cells (TSV, CSV, xlsx, HTML) -> drafts, once the rows and their lines are known.

Rows above the first header are the preamble. A later row that is again a header switches
to its columns (several tables on one page, a repeated header on each printed page).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from kg.errors import FormatError
from kg.ingest.catalog import Catalog, Draft
from kg.ingest.columns import Header, label, match_header, may_be_header


class Row(NamedTuple):
    """One table row: its line in the file, its cells, and its text for messages.

    A named tuple rather than a frozen dataclass: one is made for every line of a file, and
    a tuple is about three times cheaper to create."""

    line: int
    cells: tuple[str, ...]
    text: str = ""
    truncated: bool = False  # the file ends inside this row (e.g. an open quote)
    # Line each cell was written on, where a merged cell or span copied it from a row above.
    origins: tuple[tuple[int, int], ...] = ()  # (column, line)


def unique_cells(cells: Sequence[str]) -> list[str]:
    """Non-empty cells, each once (a title merged across columns repeats in every cell)."""
    out: list[str] = []
    for cell in cells:
        if cell and cell not in out:
            out.append(cell)
    return out


def read_rows(rows: Iterable[Row], cat: Catalog) -> None:
    """Turn rows into drafts and rejections on `cat`; FormatError if no header is found."""
    header: Header | None = None
    for row in rows:
        cells = list(map(str.strip, row.cells))
        if not any(cells):
            continue
        cat.rows_read += 1
        # Every row is tried as a header; the cheap test settles nearly all data rows.
        found = match_header(cells) if may_be_header(cells) else None
        if found is not None:
            if header is None:
                cat.notes.extend(f"line {row.line}: {n}" for n in found.notes)
            header = found
            continue
        if header is None:
            cat.preamble(row.line, " ".join(unique_cells(cells)))
            continue
        _row(row, cells, header, cat)
    if header is None:
        raise FormatError(
            f"no header row naming catalog columns ({label('category')}, {label('name')}, …)",
            file=cat.file,
        )


def _text(row: Row) -> str:
    """The row as written, for a rejection (built only then: most rows are not rejected)."""
    return row.text or "\t".join(row.cells)


def _row(row: Row, cells: list[str], header: Header, cat: Catalog) -> None:
    line = row.line
    width = len(header.names)
    if row.truncated:
        cat.reject(line, "truncated row: the file ends inside a quoted cell", _text(row))
        return
    if len(cells) < width:
        cat.reject(line, f"truncated row: {len(cells)} of {width} cells", _text(row))
        return
    values = {f: cells[i] for f, i in header.columns}
    if not values.get("name"):
        cat.reject(line, f"row without {label('name')}", _text(row))
        return
    # Raw cells: every header column, then any filled cells beyond the header. A tuple, as
    # in Item.raw, so that finish need not copy it.
    raw = tuple(zip(header.names, cells, strict=False))  # cells may run past the header
    filled = len(cells)
    while filled > width and not cells[filled - 1]:
        filled -= 1
    notes = []
    if filled > width:
        raw += tuple((f"column {i + 1}", cells[i]) for i in range(width, filled))
        notes.append(f"{filled - width} cell(s) beyond the header kept in raw cells only")
    lines = {}
    if row.origins:
        origins = dict(row.origins)
        lines = {f: origins[i] for f, i in header.columns if i in origins}
    cat.add(Draft(fields=values, line=line, raw=raw, notes=notes, field_lines=lines))
