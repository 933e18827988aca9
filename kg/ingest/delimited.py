"""Tab-separated and comma-separated text -> rows with their line numbers.

TSV cells are split on tabs only: exported spreadsheets keep quotes and commas as written.
CSV follows RFC 4180 quoting; a quoted cell may span lines and the row's line is where it
starts. A file that ends inside an open quote gives a truncated row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from kg.errors import FormatError
from kg.ingest.columns import match_header
from kg.ingest.grid import Row


def tsv_rows(lines: list[str]) -> Iterator[Row]:
    for number, line in enumerate(lines, 1):
        yield Row(number, tuple(line.split("\t")), line)


def _ends_inside_quotes(text: str, delimiter: str) -> bool:
    try:
        list(csv.reader([text], delimiter=delimiter, strict=True))
    except csv.Error as err:
        return "end of data" in str(err)
    return False


def csv_rows(lines: list[str], file: str = "", delimiter: str = ",") -> Iterator[Row]:
    """Rows of CSV text; `lines` are the file's lines without their line ends."""
    # Lenient parsing keeps a stray quote inside a cell as written instead of failing.
    reader = csv.reader((line + "\n" for line in lines), delimiter=delimiter, strict=False)
    start = 1
    try:
        for cells in reader:
            end = reader.line_num
            text = "\n".join(lines[start - 1 : end])
            cut = end >= len(lines) and _ends_inside_quotes(text + "\n", delimiter)
            yield Row(start, tuple(cells), text, truncated=cut)
            start = end + 1
    except csv.Error as err:  # e.g. a cell larger than the csv module's field limit
        raise FormatError(f"unreadable CSV: {err}", file=file, line=start) from None


def sniff_delimited(line: str) -> str | None:
    """'tsv' or 'csv' if this line splits into a catalog header that way, else None."""
    if "\t" in line and match_header(line.split("\t")):
        return "tsv"
    if "," in line:
        cells = next(csv.reader([line], strict=False), [])
        if match_header(cells):
            return "csv"
    return None
