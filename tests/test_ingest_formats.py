"""Every format, made in tmp_path from the Xiangxiang rows, gives the same 30 items.

The derived files are written from the TSV's cells split by plain Python (not by kg), then
read back with `read_catalog` and compared field for field with the TSV read.
"""

from __future__ import annotations

import csv
import html
import io

import openpyxl
import pytest
from conftest import HENGYANG, XIANGXIANG

from kg.ingest import read_catalog
from kg.models import ITEM_FIELDS

TITLE = "湘乡市人力资源和社会保障局 政府信息公开事项目录"
AGENCY_LINE = "公开主体：湘乡市人力资源和社会保障局"
HEADER_LINE = 5
# Columns whose equal values in consecutive rows are merged in the derived xlsx/HTML.
MERGED_COLUMNS = (0, 5, 6, 7, 8)  # category, channel, time limit, mode, responsibility


def _tsv_lines() -> list[list[str]]:
    text = XIANGXIANG.read_text(encoding="utf-8")
    return [line.split("\t") if line else [] for line in text.split("\n")]


def _data_rows() -> list[tuple[int, list[str]]]:
    return [(n, cells) for n, cells in enumerate(_tsv_lines(), 1) if n > HEADER_LINE and cells]


def _runs(column: int) -> dict[int, int]:
    """First line -> last line of runs of consecutive data lines sharing a value in a column.

    An empty category continues the one above within a run (that is what the TSV means).
    """
    lines = _tsv_lines()
    runs: dict[int, int] = {}
    start, value = None, None
    for n in range(HEADER_LINE + 1, len(lines) + 2):
        cells = lines[n - 1] if n <= len(lines) else []
        cell = cells[column] if cells else None
        if column == 0 and cells and not cell and start is not None:
            cell = value
        if cells and cell and cell == value and start is not None:
            runs[start] = n
            continue
        start, value = (n, cell) if cells and cell else (None, None)
    return runs


def _fields(read):
    return [(i.agency, i.ident, *(getattr(i, f) for f in ITEM_FIELDS)) for i in read.items]


@pytest.fixture(scope="module")
def expected():
    read = read_catalog(XIANGXIANG)
    assert len(read.items) == 30
    return read


def make_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    lines = _tsv_lines()
    for n, cells in enumerate(lines, 1):
        for c, value in enumerate(cells, 1):
            if value:
                sheet.cell(n, c, value)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=9)  # the title row
    sheet.merge_cells(start_row=4, start_column=1, end_row=4, end_column=9)
    for column in MERGED_COLUMNS:
        for first, last in _runs(column).items():
            if column == 0 and not lines[first - 1][0]:
                continue
            sheet.merge_cells(start_row=first, start_column=column + 1, end_row=last,
                              end_column=column + 1)
    book.save(path)


def make_csv(path, encoding="utf-8"):
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    for cells in _tsv_lines():
        writer.writerow(cells)
    path.write_bytes(buf.getvalue().rstrip("\n").encode(encoding))


def make_html(path):
    """One <tr> per TSV line (same line numbers); category cells span their runs."""
    lines = _tsv_lines()
    runs = _runs(0)
    covered = {n for first, last in runs.items() if lines[first - 1][0]
               for n in range(first + 1, last + 1)}
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'>", ""]
    out.append(f"<body><h1>{html.escape(TITLE)}</h1>")
    out.append(f"<p>{html.escape(AGENCY_LINE)}</p><table border=1>")
    out.append("<tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in lines[4]) + "</tr>")
    for n in range(HEADER_LINE + 1, len(lines) + 1):
        cells = lines[n - 1]
        if not cells:
            out.append("")
            continue
        tds = []
        for c, value in enumerate(cells):
            if c == 0 and n in covered:
                continue
            span = runs.get(n, n) - n + 1 if c == 0 and value else 1
            attr = f' rowspan="{span}"' if span > 1 else ""
            tds.append(f"<td{attr}>{html.escape(value)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out[-1] += "</table><p>版权所有</p></body></html>"
    path.write_text("\n".join(out), encoding="utf-8")


def make_blocks(path):
    lines = _tsv_lines()
    out = [TITLE, ""]
    keys = lines[4]
    for _, cells in _data_rows():
        out += [f"{k} {v}".rstrip() for k, v in zip(keys, cells, strict=True)] + [""]
    path.write_text("\n".join(out), encoding="utf-8")


def recode(encoding, newline="\n"):
    def make(path):
        text = XIANGXIANG.read_text(encoding="utf-8").replace("\n", newline)
        path.write_bytes(text.encode(encoding))
    return make


# (name, maker, format, encoding, same lines as the TSV)
CASES = [
    ("xlsx", make_xlsx, "xlsx", "n/a", True),
    ("csv", make_csv, "csv", "utf-8", True),
    ("html", make_html, "html", "utf-8", True),
    ("blocks", make_blocks, "key-value", "utf-8", False),
    ("gb18030", recode("gb18030"), "tsv", "gb18030", True),
    ("bom-crlf", recode("utf-8-sig", "\r\n"), "tsv", "utf-8-sig", True),
    ("utf16", recode("utf-16"), "tsv", "utf-16", True),
    ("utf16-crlf", recode("utf-16", "\r\n"), "tsv", "utf-16", True),
    ("gb18030-csv", lambda p: make_csv(p, "gb18030"), "csv", "gb18030", True),
]


@pytest.mark.parametrize("name, maker, fmt, encoding, same_lines", CASES,
                         ids=[c[0] for c in CASES])
def test_derived_format_gives_same_items(tmp_path, expected, name, maker, fmt, encoding,
                                         same_lines):
    path = tmp_path / "catalog.data"  # the name says nothing: detection reads the content
    maker(path)
    read = read_catalog(path)
    assert (read.format, read.encoding, read.agency) == (fmt, encoding, expected.agency)
    assert _fields(read) == _fields(expected)
    assert read.rejections == ()
    if same_lines:
        assert [i.line for i in read.items] == [i.line for i in expected.items]
        # A merged category (xlsx) or rowspan (HTML) points at the line it is written on.
        assert [i.line_of("category") for i in read.items] == [
            i.line_of("category") for i in expected.items]


def test_xlsx_merged_cells_are_honoured(tmp_path):
    """Without honouring merges, rows 7-9 would have no 公开责任 (only row 6 holds it)."""
    path = tmp_path / "merged.xlsx"
    make_xlsx(path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.cell(7, 9).value is None  # the merge really left the cell empty
    read = read_catalog(path)
    assert [i.responsibility for i in read.items[:4]] == ["办公室"] * 4
    assert [i.line_of("responsibility") for i in read.items[:4]] == [6, 6, 6, 6]


def test_xlsx_reports_other_sheets(tmp_path):
    path = tmp_path / "two.xlsx"
    make_xlsx(path)
    book = openpyxl.load_workbook(path)
    book.create_sheet("说明")["A1"] = "填表说明"
    book.save(path)
    read = read_catalog(path)
    assert len(read.items) == 30
    assert any("说明" in note for note in read.notes)


def _hengyang_with(tmp_path, old, new, line):
    lines = HENGYANG.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    path = tmp_path / "hengyang.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return read_catalog(path)


@pytest.mark.parametrize(
    "old, new, line, ident, words",
    [
        ("组织人事科", "办公室", 7, "领导信息", ["line 7", "公开责任", "line 48"]),
        ("政府网站 每年1月31日前", "政府网站 每年2月1日前", 40, "政府信息公开工作年度报告",
         ["line 40", "公开时限", "line 311"]),
    ],
)
def test_page_text_disagreement_is_reported(tmp_path, old, new, line, ident, words):
    read = _hengyang_with(tmp_path, old, new, line)
    item = next(i for i in read.items if i.ident == ident)
    (note,) = item.notes
    assert all(w in note for w in words), note
    assert any(note in n for n in read.notes)
    assert len(read.items) == 34
    assert old.split()[-1] in item.responsibility + item.time_limit  # block wins


def test_page_text_renamed_row_paired_in_order(tmp_path):
    read = _hengyang_with(tmp_path, "机构职能信息 领导信息", "机构职能信息 领导简介", 7)
    item = read.items[0]
    assert item.ident == "领导信息"
    assert "事项名称" in item.notes[0]
    assert len(read.items) == 34 and len(read.rejections) == 1


@pytest.mark.parametrize(
    "first, ident, item_line, rejected",
    [
        # Row 7 has exactly one word per column: it is split on spaces, with a note.
        (41, "领导信息", 7, []),
        # Row 11 has spaces inside its cells: it cannot be split and is rejected.
        (73, None, None, [(11, "table row that matches no key-value block")]),
    ],
)
def test_page_text_row_without_block(tmp_path, first, ident, item_line, rejected):
    lines = HENGYANG.read_text(encoding="utf-8").split("\n")
    del lines[first - 1 : first + 7]  # the block of 8 lines starting there
    path = tmp_path / "h.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    read = read_catalog(path)
    assert len(read.items) == 34 - len(rejected)
    assert [(r.line, r.reason.split(" and ")[0]) for r in read.rejections[1:]] == rejected
    if ident:
        item = next(i for i in read.items if i.ident == ident)
        assert item.line == item_line
        assert item.responsibility == "组织人事科"
        assert "split on spaces" in item.notes[0]
