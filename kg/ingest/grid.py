"""Tables of cells (TSV, CSV, xlsx, HTML) -> drafts, once the rows and their lines are known.

Rows above the first header are the preamble. A later row that is again a header switches
to its columns (several tables on one page, a repeated header on each printed page).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.errors import FormatError
from kg.ingest.catalog import Catalog, Draft
from kg.ingest.columns import Header, label, match_header


@dataclass(frozen=True)
class Row:
    """One table row: its line in the file, its cells, and its text for messages."""

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
        cells = [c.strip() for c in row.cells]
        text = row.text or "\t".join(row.cells)
        if not any(cells):
            continue
        cat.rows_read += 1
        found = match_header(cells)
        if found is not None:
            if header is None:
                cat.notes.extend(f"line {row.line}: {n}" for n in found.notes)
            header = found
            continue
        if header is None:
            cat.preamble(row.line, " ".join(unique_cells(cells)))
            continue
        _row(row, cells, text, header, cat)
    if header is None:
        raise FormatError(
            f"no header row naming catalog columns ({label('category')}, {label('name')}, …)",
            file=cat.file,
        )


def _row(row: Row, cells: list[str], text: str, header: Header, cat: Catalog) -> None:
    line = row.line
    filled = len(cells)
    while filled and not cells[filled - 1]:
        filled -= 1
    if row.truncated:
        cat.reject(line, "truncated row: the file ends inside a quoted cell", text)
        return
    if len(cells) < header.width:
        cat.reject(line, f"truncated row: {len(cells)} of {header.width} cells", text)
        return
    values = {f: cells[i] for f, i in header.columns}
    if not values.get("name"):
        cat.reject(line, f"row without {label('name')}", text)
        return
    raw = [(header.names[i] if i < header.width else f"column {i + 1}", cell)
           for i, cell in enumerate(cells[: max(filled, header.width)])]
    notes = []
    if filled > header.width:
        notes.append(f"{filled - header.width} cell(s) beyond the header kept in raw cells only")
    origins = dict(row.origins)
    lines = {f: origins[i] for f, i in header.columns if i in origins}
    cat.add(Draft(fields=values, line=line, raw=raw, notes=notes, field_lines=lines))
