"""HTML pages -> rows of their tables, using the standard library's HTMLParser.

Cells spanning rows or columns (rowspan/colspan) give their text to every row and column
they cover, like merged spreadsheet cells. A row's line is the line of its <tr> in the
source. Text outside tables is read only for a title or 公开主体 line (a page's menus and
footers are not catalog rows). Tables without a catalog header are layout and are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from kg.ingest.catalog import Catalog
from kg.ingest.columns import match_header
from kg.ingest.grid import Row
from kg.ingest.preamble import classify

MAX_SPAN = 1000  # a wild rowspan/colspan must not allocate without bound


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    try:
        return max(1, min(MAX_SPAN, int(value.strip())))
    except ValueError:
        return 1


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[tuple[int, list[tuple[str, int, int]]]]] = []
        self.stack: list[list[tuple[int, list[tuple[str, int, int]]]]] = []
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)
        self.outside: list[tuple[int, str]] = []
        self.skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.stack.append([])
        elif tag == "tr" and self.stack:
            self._close_cell()
            self.stack[-1].append((self.getpos()[0], []))
        elif tag in ("td", "th") and self.stack:
            self._close_cell()
            if not self.stack[-1]:
                self.stack[-1].append((self.getpos()[0], []))
            self.cell = []
            self.cell_span = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th", "tr"):
            self._close_cell()
        elif tag == "table" and self.stack:
            self._close_cell()
            self.tables.append(self.stack.pop())

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif not self.stack and data.strip():
            self.outside.append((self.getpos()[0], data.strip()))

    def _close_cell(self):
        if self.cell is not None and self.stack and self.stack[-1]:
            rowspan, colspan = self.cell_span
            self.stack[-1][-1][1].append(("".join(self.cell).strip(), rowspan, colspan))
        self.cell = None


def _expand(rows: list[tuple[int, list[tuple[str, int, int]]]]) -> list[Row]:
    """Lay cells on a grid, copying row- and column-spanning cells to every slot they cover."""
    pending: dict[int, tuple[str, int, int]] = {}  # column -> (text, rows still covered, line)
    out: list[Row] = []
    for line, cells in rows:
        grid: list[str] = []
        origins: list[tuple[int, int]] = []
        queue = list(cells)
        col = 0
        while queue or any(c >= col for c in pending):
            if col in pending:
                text, left, origin = pending.pop(col)
                grid.append(text)
                origins.append((col, origin))
                if left > 1:
                    pending[col] = (text, left - 1, origin)
                col += 1
                continue
            if not queue:
                grid.append("")
                col += 1
                continue
            text, rowspan, colspan = queue.pop(0)
            for _ in range(colspan):
                grid.append(text)
                if rowspan > 1:
                    pending[col] = (text, rowspan - 1, line)
                col += 1
        out.append(Row(line, tuple(grid), " | ".join(c for c in grid if c),
                       origins=tuple(origins)))
    return out


def html_rows(text: str, file: str, cat: Catalog) -> Iterator[Row]:
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser._close_cell()
    tables = parser.tables + parser.stack  # an unclosed table still counts
    for line, chunk in parser.outside:
        if classify(chunk).kind != "other":
            cat.preamble(line, chunk)
    skipped = 0
    for table in tables:
        rows = _expand(table)
        if any(match_header(r.cells) for r in rows):
            yield from rows
        else:
            skipped += 1
    if skipped:
        cat.notes.append(f"{skipped} table(s) without a catalog header skipped (page layout)")
