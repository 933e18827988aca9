"""Statute library: parsing the Markdown acts, loading the library, matching, texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import StatuteError
from kg.models import DocumentRef, Pinpoint
from kg.statutes import Library
from kg.statutes.library import cached_library
from kg.statutes.model import chinese_number
from kg.statutes.normalise import decree_number, words
from kg.statutes.parse import history_event, parse_act

SMALL = """# 中华人民共和国测试条例

2007年4月5日 中华人民共和国国务院令第492号公布

2019年4月3日 中华人民共和国国务院令第711号修订\u3000

2019年5月15日 施行

<!-- INFO END -->

## 第一章 总则

第一条 为了测试，制定本条例。

第二条 行政机关应当公开下列信息：

(一)行政法规；

（二）统计信息；
1.年度数据；
2.月度数据。

前款规定的信息应当及时公开。
第三条\u3000相邻的条文没有空行。
第十七条之一 之一条。

第一百二十三条 编号很大的条文。
"""


@pytest.fixture(scope="module")
def library(statutes_dir: Path) -> Library:
    return cached_library(str(statutes_dir))


@pytest.fixture(scope="module")
def small():
    return parse_act(SMALL, "small.md")


def test_parse_title_and_history(small):
    assert small.title == "中华人民共和国测试条例"
    assert [(e.date, e.kind, e.decree) for e in small.history] == [
        ("2007-04-05", "公布", "国务院令第492号"),
        ("2019-04-03", "修订", "国务院令第711号"),
        ("2019-05-15", "施行", ""),
    ]
    assert small.decree_numbers == ("国务院令第492号", "国务院令第711号")


@pytest.mark.parametrize(
    ("pin", "expected"),
    [
        ((1, None), ["为了测试，制定本条例。"]),
        ((2, None), ["行政机关应当公开下列信息：", "前款规定的信息应当及时公开。"]),
        ((3, None), ["相邻的条文没有空行。"]),
        ((17, 1), ["之一条。"]),
        ((123, None), ["编号很大的条文。"]),
    ],
)
def test_parse_articles_and_paragraphs(small, pin, expected):
    art = next(a for a in small.articles if a.key == (pin[0], pin[1] or 0))
    assert [p.text for p in art.paragraphs] == expected


def test_parse_items_and_subitems(small):
    art = small.articles[1]
    items = art.paragraphs[0].items
    assert [(i.number, i.text) for i in items] == [(1, "行政法规；"), (2, "统计信息；")]
    assert [(s.number, s.text) for s in items[1].subitems] == [(1, "年度数据；"), (2, "月度数据。")]
    assert art.paragraphs[1].items == ()
    assert art.chapter == "第一章 总则"


def test_parse_rejects_file_without_title():
    with pytest.raises(ValueError, match="no `# title`"):
        parse_act("第一条 没有标题。\n", "x.md")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "2019年4月3日 中华人民共和国国务院令第711号修订\u3000",
            ("2019-04-03", "修订", "国务院令第711号"),
        ),
        ("1993年3月31日 中中华人民共和国主席令第三号公布", ("1993-03-31", "公布", "主席令第3号")),
        (
            "1998年12月27日 中华人民共和国国务院令第257号发布",
            ("1998-12-27", "公布", "国务院令第257号"),
        ),
        (
            "1997年10月22日 中华人民共和国国务院、中华人民共和国中央军事委员会令第234号发布",
            ("1997-10-22", "公布", "国务院、中央军事委员会令第234号"),
        ),
        (
            "2009年6月27日 第十一届全国人民代表大会常务委员会第九次会议修订",
            ("2009-06-27", "修订", ""),
        ),
        (
            "2024年9月13日 第十四届…《关于修改〈中华人民共和国统计法〉的决定》第二次修正）",
            ("2024-09-13", "修正", ""),
        ),
        (
            "(2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过)",
            ("2014-11-01", "通过", ""),
        ),
        ("2019年5月15日 施行", ("2019-05-15", "施行", "")),
    ],
)
def test_history_event(line, expected):
    e = history_event(line)
    assert (e.date, e.kind, e.decree) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("中华人民共和国国务院令第711号", "国务院令第711号"),
        ("国务院令711号", "国务院令第711号"),
        ("国务院 令第 711 号", "国务院令第711号"),
        ("國務院令第711號", "国务院令第711号"),
        ("主席令第七十号", "主席令第70号"),
        ("法释[2021]11号", "法释〔2021〕11号"),
    ],
)
def test_decree_number(raw, expected):
    assert decree_number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（四）国民经济和社会发展统计信息；", "国民经济和社会发展统计信息"),
        ("政府信息:（二）机关职能、机构设置", "政府信息机关职能机构设置"),
        ("县级以上 地方 人民政府办公厅(室)", "县级以上地方人民政府办公厅室"),
    ],
)
def test_words_ignore_markers_punctuation_spaces(raw, expected):
    assert words(raw) == expected


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (10, "十"), (20, "二十"), (105, "一百零五"), (1260, "一千二百六十")]
)
def test_chinese_number(n, text):
    assert chinese_number(n) == text


def test_load_missing_folder(tmp_path):
    with pytest.raises(StatuteError):
        Library.load(tmp_path / "nope")
    with pytest.raises(StatuteError):
        Library.load(tmp_path)


def test_load_rejects_a_broken_index(tmp_path):
    (tmp_path / "法律").mkdir()
    (tmp_path / "法律" / "测试条例(2019-04-03).md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "index.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StatuteError, match="cannot read the library index"):
        Library.load(tmp_path)


def test_load_small_folder(tmp_path):
    (tmp_path / "行政法规").mkdir()
    (tmp_path / "行政法规" / "测试条例(2019-04-03).md").write_text(SMALL, encoding="utf-8")
    (tmp_path / "行政法规" / "_index.md").write_text("---\n---\n", encoding="utf-8")
    lib = Library.load(tmp_path)
    assert [a.id for a in lib.acts] == ["测试条例@2019-04-03"]
    act = lib.acts[0]
    assert (act.level, act.valid_from, act.title) == (
        "行政法规",
        "2019-05-15",
        "中华人民共和国测试条例",
    )
    assert lib.text(act.id, Pinpoint(article=2, item=2, subitem=1)) == "1.年度数据；"


def test_real_library_counts(library):
    assert len(library.acts) > 1400
    assert sum(len(a.articles) for a in library.acts) > 60000
    assert {a.level for a in library.acts} >= {"法律", "行政法规", "司法解释", "部门规章"}


def test_real_act_fields(library):
    act = library.act("政府信息公开条例@2019-04-03")
    assert act.title == "中华人民共和国政府信息公开条例"
    assert act.level == "行政法规"
    assert act.decree_numbers == ("国务院令第492号", "国务院令第711号")
    assert act.valid_from == "2019-05-15"
    assert len(act.articles) == 56
    assert act.article(21).text.startswith("除本条例第二十条规定的政府信息外")
    assert act.article(22).text.startswith("行政机关应当依照本条例第二十条、第二十一条的规定")


def test_versions_of_statistics_law(library):
    ids = [a.id for a in library.related_versions("统计法@2024-09-13")]
    assert ids == ["统计法@2009-06-27", "统计法@2024-09-13"]
    assert library.act("统计法@2009-06-27").expired
    assert not library.act("统计法@2024-09-13").expired


def test_civil_code_parts_are_one_act(library):
    act = library.act("民法典@2020-05-28")
    assert act.article(1) is not None and act.article(1260) is not None


@pytest.mark.parametrize(
    ("ref", "on_date", "act_id", "method", "rule"),
    [
        (DocumentRef(number="国务院令第711号"), None, "政府信息公开条例@2019-04-03", "number", "decree"),
        (DocumentRef(number="国务院令711号"), None, "政府信息公开条例@2019-04-03", "number", "decree"),
        (DocumentRef(number="国务院令第492号"), None, "政府信息公开条例@2019-04-03", "number", "decree"),
        (DocumentRef(title="政府信息公开条例"), None, "政府信息公开条例@2019-04-03", "short-title", "only"),
        (DocumentRef(title="中华人民共和国政府信息公开条例"), None, "政府信息公开条例@2019-04-03", "title", "only"),
        (DocumentRef(title="中华人民共和国统计法"), None, "统计法@2024-09-13", "title", "newest"),
        (DocumentRef(title="中华人民共和国统计法"), "2020-06-01", "统计法@2009-06-27", "title", "in-force:2020-06-01"),
        (DocumentRef(title="中华人民共和国统计法"), "2025-01-01", "统计法@2024-09-13", "title", "in-force:2025-01-01"),
        (
            DocumentRef(title="中华人民共和国统计法实施条例", number="国务院令第681号"),
            None, "统计法实施条例@2017-05-28", "number", "decree",
        ),
        (DocumentRef(title="中华人民共和国就业促进法"), None, "就业促进法@2015-04-24", "title", "only"),
        (DocumentRef(number="令第711号"), None, "政府信息公开条例@2019-04-03", "number", "decree"),
        (DocumentRef(title="中华人民共和国政府信息公条例"), None, "政府信息公开条例@2019-04-03", "fuzzy", "only"),
    ],
)  # fmt: skip
def test_match(library, ref, on_date, act_id, method, rule):
    found = library.match(ref, on_date=on_date)
    assert found is not None
    assert (found.act.id, found.method, found.version_rule) == (act_id, method, rule)


def test_match_reports_missing_earlier_version(library):
    found = library.match(DocumentRef(number="国务院令第492号"))
    assert "2007-04-05" in found.note


@pytest.mark.parametrize(
    "ref",
    [
        DocumentRef(title="国务院办公厅关于做好政府信息公开工作的通知"),
        DocumentRef(title="国务院办公厅关于印发2019年政务公开工作要点的通知"),
        DocumentRef(title="中共中央办公厅 国务院办公厅印发〈关于全面推进政务公开工作的意见〉"),
        DocumentRef(title="湖南省政府信息公开规定"),
        DocumentRef(number="国务院令第99999号"),
    ],
)
def test_no_match(library, ref):
    assert library.match(ref) is None


def test_fuzzy_score_recorded(library):
    found = library.match(DocumentRef(title="中华人民共和国政府信息公条例"))
    assert 0.85 <= found.score < 1.0
    assert found.label.startswith("fuzzy:")


@pytest.mark.parametrize(
    ("pin", "expected"),
    [
        (Pinpoint(article=20, item=4), "(四)国民经济和社会发展统计信息；"),
        (
            Pinpoint(article=12, paragraph=3),
            "政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容。",
        ),
        (Pinpoint(article=4, item=2), "(二)维护和更新本行政机关公开的政府信息；"),
        (Pinpoint(article=99), None),
        (Pinpoint(article=20, item=40), None),
    ],
)
def test_text(library, pin, expected):
    assert library.text("政府信息公开条例@2019-04-03", pin) == expected


def test_text_of_article_and_unknown_act(library):
    text = library.text("政府信息公开条例@2019-04-03", Pinpoint(article=20))
    assert text.startswith("行政机关应当依照本条例第十九条的规定") and "(十五)" in text
    assert library.text("没有这部法@2000-01-01", Pinpoint(article=1)) is None


def test_reference_text_for_spam_repair(library):
    text = library.reference_text(DocumentRef(number="国务院令第711号"), Pinpoint(article=12))
    assert "政府信息公开目录" in text
    assert library.reference_text("政府信息公开条例@2019-04-03", Pinpoint(article=12)) == text


@pytest.mark.parametrize(
    "name", ["Act", "Article", "HistoryEvent", "Library", "Match", "Paragraph", "Point"]
)
def test_package_names_load_on_first_use(name: str) -> None:
    import kg.statutes

    assert name in kg.statutes.__all__
    assert getattr(kg.statutes, name).__name__ == name


NO_HISTORY = "# 某规定\n\n<!-- INFO END -->\n\n第一条 没有历史的规定。\n"


@pytest.mark.parametrize("text", [SMALL, NO_HISTORY, "# 某规定\n2001年1月1日公布\n前言一行。\n"])
def test_lazy_parse_reads_the_same_body(text: str) -> None:
    eager, lazy = parse_act(text, "x.md"), parse_act(text, "x.md", lazy=True)
    assert lazy == eager
    assert (tuple(lazy.articles), tuple(lazy.preamble)) == (eager.articles, eager.preamble)
    assert [a.label for a in lazy.articles] == [a.label for a in eager.articles]
    assert len(lazy.articles) == len(eager.articles) and bool(lazy.preamble) == bool(eager.preamble)


def test_lazy_body_with_a_malformed_numeral_fails_when_read() -> None:
    act = parse_act(
        "# 某条例\n2001年1月1日公布\n<!-- INFO END -->\n第十十条 坏。\n", "x.md", lazy=True
    )
    with pytest.raises(StatuteError):
        list(act.articles)


@pytest.mark.parametrize(
    ("ref", "tokenises"),
    [
        (DocumentRef(number="国务院令第711号"), False),
        (DocumentRef(title="中华人民共和国政府信息公开条例"), False),
        (DocumentRef(title="某某省某某市某某局关于某某某某工作的通知"), False),  # nothing near
        (DocumentRef(title="中华人民共和国政府信息公条例"), True),  # a near miss
    ],
)
def test_jieba_only_for_near_misses(library, monkeypatch, ref, tokenises):
    from kg.statutes import match as match_module

    calls = []
    real = match_module._tokens
    monkeypatch.setattr(match_module, "_tokens", lambda key: calls.append(key) or real(key))
    found = match_module.match_ref(library, ref)
    assert bool(calls) == tokenises
    assert (found is not None and found.method == "fuzzy") == tokenises


def test_matches_are_remembered(library):
    ref = DocumentRef(title="中华人民共和国政府信息公条例")
    assert library.match(ref) is library.match(ref)
    assert library.match(ref, on_date="2015-01-01") is library.match(ref, on_date="2015-01-01")
