"""Amendment files and `kg impact` on the hand-made graph: reasons, numbering evidence."""

from __future__ import annotations

import json

import pytest

from kg.analysis.amendment import Amendment, from_mapping, load, to_toml
from kg.analysis.impact import Impact, ImpactResult, impact, quote_matches
from kg.analysis.items import ItemInfo
from kg.analysis.phrase import ArticleNo
from kg.analysis.report import report
from kg.analysis.sample import AGENCY_A as A
from kg.analysis.sample import AGENCY_B as B
from kg.analysis.sample import NEW_24, OLD_24, OLD_27, sample_store
from kg.analysis.source import as_source
from kg.errors import InputError

N = ArticleNo


@pytest.fixture(scope="module")
def store():
    return as_source(sample_store())


STATISTICS = {"act": "统计法", "date": "2024-09-13", "old_version": "2009-06-27",
              "changed": [1, 3], "renumbered": {"24": 27, "27": 30}, "added": [6]}


def rows(result) -> set[tuple]:
    return {(i.item.agency, i.item.name, i.reason, i.old_number, i.new_number, i.numbering,
             i.evidence) for i in result.impacts}


def test_statistics_law_on_the_sample(store):
    got = rows(impact(store, from_mapping(STATISTICS)))
    assert got == {
        # cites the 2009 node: old numbers by version
        (B, "旧统计", "renumbered", "第二十四条", "第二十七条", "old", "quote"),
        # resolved to the 2024 node, but quotes the 2009 words of 第二十四条: old numbers
        (B, "统计资料", "renumbered", "第二十四条", "第二十七条", "old", "quote"),
        # cites 2024 第二十七条 with its words: already the new number
        (A, "统计信息", "current", "第二十四条", "第二十七条", "new", "quote"),
    }


def test_without_texts_the_version_of_the_node_decides(store):
    got = impact(store, from_mapping(STATISTICS), old_texts={}, new_texts={})
    by_name = {i.item.name: (i.numbering, i.evidence) for i in got.impacts}
    assert by_name["旧统计"] == ("old", "version")
    assert by_name["统计信息"] == ("new", "version")


def test_given_texts_win_over_the_store(store):
    # Swapped texts: now 统计信息's words are those of the OLD 第二十七条.
    got = impact(store, from_mapping(STATISTICS), old_texts={N(27): OLD_24},
                 new_texts={N(27): OLD_27})
    (imp,) = [i for i in got.impacts if i.item.name == "统计信息"]
    assert (imp.reason, imp.new_number, imp.evidence) == ("renumbered", "第三十条", "quote")


REGULATION_CASES = [
    # (amendment fields, expected {(agency, item, reason, old, new)})
    ({"repealed": [20]},
     {(A, "法规规章", "repealed", "第二十条", ""), (A, "领导信息", "repealed", "第二十条", ""),
      (B, "领导信息", "repealed", "第二十条", ""), (B, "财政预决算", "repealed", "第二十条", ""),
      (A, "依申请公开", "whole-act", "", "")}),
    ({"renumbered": {"12": 13}, "changed": [12]},
     {(A, "政府信息公开指南", "renumbered", "第十二条", "第十三条"),
      (A, "依申请公开", "whole-act", "", "")}),
    ({"changed": ["第二十条之一"]},
     {(A, "试点条款", "changed", "第二十条之一", "第二十条之一"),
      (A, "依申请公开", "whole-act", "", "")}),
    ({"added": [30]}, {(A, "依申请公开", "whole-act", "", "")}),
]


@pytest.mark.parametrize(("fields", "expected"), REGULATION_CASES)
def test_reasons_on_the_regulation(store, fields, expected):
    am = from_mapping({"act": "国务院令第711号", "date": "2030-01-01", **fields})
    got = {(i.item.agency, i.item.name, i.reason, i.old_number, i.new_number)
           for i in impact(store, am).impacts}
    assert got == expected


def test_renumbered_and_changed_says_both(store):
    am = from_mapping({"act": "国务院令第711号", "date": "2030-01-01", "renumbered": {"12": 13},
                       "changed": [12]})
    (imp,) = [i for i in impact(store, am).impacts if i.reason == "renumbered"]
    assert imp.text_changed and "第十三条" in imp.action and "new text" in imp.action


def test_records_are_grouped_by_agency_and_unit(store):
    records = impact(store, from_mapping(STATISTICS)).records()
    assert [(r["agency"], r["unit"]) for r in records] == [(B, "财务股"), (B, "财务股"),
                                                           (A, "信息中心")]
    assert records[0]["numbering"] == "old (quote)"


@pytest.mark.parametrize(("quote", "text", "same"), [
    (OLD_24, OLD_24, True),
    ("县级以上人民政府有关部门统计调查取得的统计资料,由本部门按照国家有关规定公布。", OLD_24, True),
    (OLD_24, NEW_24, False),
    (OLD_24, OLD_27, False),
    ("下列政府信息:(二)机关职能、机构设置",
     "主动公开本行政机关的下列政府信息：\n（一）行政法规；\n（二）机关职能、机构设置、办公地址", True),
    ("", OLD_24, False),
    (OLD_24, "", False),
])
def test_quote_matches(quote, text, same):
    assert quote_matches(quote, text) is same


@pytest.mark.parametrize(("old", "new"), [(N(24), N(27)), (N(2), N(2)), (N(30), None)])
def test_new_number(old, new):
    am = from_mapping({"act": "x", "renumbered": {"24": 27}, "repealed": [30]})
    assert am.new_number(old) == new


@pytest.mark.parametrize(("new", "old"), [(N(27), N(24)), (N(2), N(2)), (N(6), None),
                                          (N(24), None)])
def test_old_number(new, old):
    am = from_mapping({"act": "x", "renumbered": {"24": 27}, "added": [6]})
    assert am.old_number(new) == old


BAD_FILES = [
    ({"changed": [1]}, "act"),
    ({"act": "统计法", "chnaged": [1]}, "chnaged"),
    ({"act": "统计法", "changed": ["第一款"]}, "changed"),
    ({"act": "统计法", "changed": 3}, "changed"),
    ({"act": "统计法", "renumbered": {"1": 3, "2": 3}}, "renumbered"),
    ({"act": "统计法", "renumbered": [1, 2]}, "renumbered"),
    ({"act": "统计法", "renumbered": {"1": 2}, "repealed": [1]}, "repealed"),
    ({"act": "统计法", "date": "2024-13-45"}, "date"),
]


@pytest.mark.parametrize(("data", "field"), BAD_FILES)
def test_bad_amendments_are_input_errors_naming_the_field(data, field):
    with pytest.raises(InputError) as err:
        from_mapping(data, file="a.toml")
    assert err.value.field == field and err.value.file == "a.toml"


def test_toml_and_json_files_read_the_same(tmp_path):
    toml_file = tmp_path / "a.toml"
    toml_file.write_text('act = "统计法"\ndate = 2024-09-13\nchanged = [1, "第三条"]\n'
                         'added = ["六"]\n[renumbered]\n24 = 27\n"第二十五条" = "第二十八条"\n',
                         encoding="utf-8")
    json_file = tmp_path / "a.json"
    json_file.write_text(json.dumps({"act": "统计法", "date": "2024-09-13", "changed": [1, 3],
                                     "added": [6], "renumbered": {"24": 27, "25": 28}}),
                         encoding="utf-8")
    a, b = load(toml_file), load(json_file)
    assert (a.changed, a.added, a.renumbered, a.date) == (b.changed, b.added, b.renumbered,
                                                           b.date)
    assert a.renumbered == {N(24): N(27), N(25): N(28)}


@pytest.mark.parametrize(("name", "text"), [("bad.toml", "act = \n"), ("bad.json", "{"),
                                            ("list.json", "[1, 2]")])
def test_unreadable_files_are_input_errors(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        load(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load(tmp_path / "none.toml")


def test_to_toml_round_trips(tmp_path):
    am = from_mapping({**STATISTICS, "amending": "关于修改的决定", "repealed": [40]})
    path = tmp_path / "round.toml"
    path.write_text(to_toml(am), encoding="utf-8")
    again = load(path)
    assert (again.changed, again.renumbered, again.repealed, again.added, again.amending) == (
        am.changed, am.renumbered, am.repealed, am.added, am.amending)


EVIL = '<script>alert("x")</script>&'


def _evil_result() -> ImpactResult:
    item = ItemInfo(iri="http://x/i", agency=EVIL, name=EVIL, category=EVIL, units=(EVIL,),
                    file="a|b.txt", line=3)
    imp = Impact(item=item, reason="changed", cited=EVIL, old_number="第一条",
                 new_number="第一条", numbering="old", evidence="assumed", action=EVIL)
    return ImpactResult(Amendment(act=EVIL, amending=EVIL), (), (imp,), notes=(EVIL,))


def test_html_report_escapes_everything():
    text = report(_evil_result(), "html")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert text.count("<table>") == 1


def test_markdown_report_escapes_html_and_pipes():
    text = report(_evil_result(), "md")
    assert "<script>" not in text and "a\\|b.txt:3" in text


def test_csv_report_has_one_row_per_unit(store):
    text = report(impact(store, from_mapping(STATISTICS)), "csv")
    lines = text.splitlines()
    assert lines[0].startswith("agency,unit,item") and len(lines) == 4
