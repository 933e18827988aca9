"""Bad input: one clear InputError naming the file; odd rows become rejections or notes."""

from __future__ import annotations

import codecs

import pytest
from conftest import XIANGXIANG

from kg.errors import EncodingError, FormatError, InputError
from kg.ingest import read_catalog, read_catalogs

HEAD = "湘乡市人力资源和社会保障局 政府信息公开事项目录\n事项类别\t事项名称\t公开依据\t公开责任\n"


@pytest.mark.parametrize(
    "data, error, words",
    [
        (b"", FormatError, "empty file"),
        (b"\n \r\n\t\n", FormatError, "empty file"),
        (codecs.BOM_UTF8, FormatError, "empty file"),
        (bytes(range(256)) * 8, EncodingError, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(200)), EncodingError, "binary"),
        (b"\xff\xfe" + b"\x00\xd8" * 3, EncodingError, "not text"),  # UTF-16 BOM, bad surrogates
        (b"PK\x03\x04 not really a zip", FormatError, "xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), FormatError, ".xls"),
        ("姓名\t年龄\t住址\n张三\t30\t北京\n".encode(), FormatError, "no catalog header"),
        ("这是一段普通的文字。\n没有表格。\n".encode(), FormatError, "unknown format"),
        ("<html><body><table><tr><td>甲</td><td>乙</td></tr></table></body></html>".encode(),
         FormatError, "no header row"),
        ("事项类别\t事项名称\t公开依据\n类\t名\t依据\n".encode(), FormatError, "--agency"),
    ],
)
def test_unreadable_input(tmp_path, data, error, words):
    path = tmp_path / "bad.tsv"
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_catalog(path)
    assert caught.value.file == str(path)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "make, error",
    [(lambda p: None, "no such file"), (lambda p: p.mkdir(), "folder")],
)
def test_missing_or_folder(tmp_path, make, error):
    path = tmp_path / "x.tsv"
    make(path)
    with pytest.raises(InputError, match=error):
        read_catalog(path)


@pytest.mark.parametrize(
    "text, agency, items, rejections",
    [
        # a row cut short by the end of the file
        (HEAD + "甲\t一\t依据\t办公室\n甲\t二\t依", None, ["一"], [(4, "truncated row: 3 of 4 cells")]),
        # a row with fewer cells in the middle
        (HEAD + "甲\t一\n甲\t二\t依据\t办公室\n", None, ["二"], [(3, "truncated row: 2 of 4 cells")]),
        # no 事项名称
        (HEAD + "甲\t\t依据\t办公室\n", None, [], [(3, "row without 事项名称")]),
        # stray line above the header, and --agency naming the publisher
        ("广告\n事项名称\t公开依据\t公开责任\n一\t依\t办\n", "某局", ["一"],
         [(1, "stray text above the header (not a title or agency line)")]),
        # repeats get ~2, ~3; whitespace inside names is dropped from the ident
        (HEAD + "甲\t一 二\t\t\n甲\t一二\t\t\n乙\t一二\t\t\n", None, ["一二", "一二~2", "一二~3"], []),
    ],
)
def test_rows_and_rejections(tmp_path, text, agency, items, rejections):
    path = tmp_path / "c.tsv"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path, agency=agency)
    assert [i.ident for i in read.items] == items
    assert [(r.line, r.reason) for r in read.rejections] == rejections


@pytest.mark.parametrize(
    "text, rejections",
    [
        ('标题目录\n事项名称,公开依据,公开责任\n"一","依","办"\n"二","依', [(4, "truncated row")]),
        ('标题目录\n事项名称,公开依据,公开责任\n"一","依\n据","办"\n"二","依","办"\n', []),
    ],
)
def test_csv_quotes(tmp_path, text, rejections):
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    read = read_catalog(path, agency="某局")
    assert [(r.line, r.reason.split(":")[0]) for r in read.rejections] == rejections
    if not rejections:
        assert [(i.ident, i.line, i.basis) for i in read.items] == [("一", 3, "依\n据"), ("二", 5, "依")]


def test_synonym_headers_in_any_order(tmp_path):
    text = ("公开主体：某某局\n序号\t责任科室\t依据条款\t名称\t依据\t类别\t公开 渠道\n"
            "1\t办公室\t第二条\t甲\t《某法》\t机构\t网站\n")
    path = tmp_path / "s.tsv"
    path.write_text(text, encoding="utf-8")
    (item,) = read_catalog(path).items
    assert (item.agency, item.category, item.name, item.basis, item.provisions,
            item.responsibility, item.channel, item.mode) == (
        "某某局", "机构", "甲", "《某法》", "第二条", "办公室", "网站", "")
    assert dict(item.raw)["序号"] == "1"


def test_agency_option_overrides_and_is_noted(tmp_path):
    read = read_catalog(XIANGXIANG, agency="湘乡市 人社局")
    assert read.agency == "湘乡市人社局"
    assert {i.agency for i in read.items} == {"湘乡市人社局"}
    assert any("湘乡市人力资源和社会保障局" in n for n in read.notes)


def test_read_catalogs_keeps_going(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"")
    results = read_catalogs([bad, XIANGXIANG])
    assert isinstance(results[0], FormatError)
    assert len(results[1].items) == 30


def test_markup_in_tsv_cells_is_not_a_page(tmp_path):
    path = tmp_path / "m.tsv"
    path.write_text(HEAD + "甲\t<table><tr>一\t依据\t办公室\n", encoding="utf-8")
    read = read_catalog(path)
    assert read.format == "tsv"
    assert [i.name for i in read.items] == ["<table><tr>一"]
