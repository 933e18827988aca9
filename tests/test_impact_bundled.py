"""`kg impact` on the bundled catalogs: the 2024 amendment of 统计法, by hand.

衡阳's 统计信息 quotes 《中华人民共和国统计法》第二十七条 "县级以上人民政府有关部门统计调查
取得的统计资料，由本部门按照国家有关规定公布。" Those are the words of 第二十四条 of the 2009
text and of 第二十七条 of the 2024 text (../shared/statutes/经济法/统计法(*.md)): the catalog
already uses the new numbers, so the item is listed as already current (formerly 第二十四条),
not as citing the old 第二十七条 (国务院设立国家统计局…, now 第三十条). 湘乡 cites no 统计法.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analysis.amendment import from_changes, from_mapping, load
from kg.analysis.impact import act_texts, impact
from kg.analysis.phrase import ArticleNo
from kg.analysis.source import open_source
from kg.cli.main import cli

REPO = Path(__file__).resolve().parents[1]
AMENDMENT = REPO / "data" / "amendments" / "tongjifa-2024.toml"
HY = "衡阳市人力资源和社会保障局"
XX = "湘乡市人力资源和社会保障局"
N = ArticleNo

EXPECTED_STATISTICS = {
    (HY, "信息中心", "统计信息", "第二十七条", "already cites the amended numbering",
     "第二十四条", "第二十七条"),
}


@pytest.fixture(scope="module")
def source(bundled_store):
    return open_source(bundled_store)


@pytest.fixture(scope="module")
def statistics_versions(statutes_dir):
    from kg.statutes.library import load_act_file

    folder = statutes_dir / "经济法"
    return load_act_file(folder / "统计法(2009-06-27).md"), load_act_file(
        folder / "统计法(2024-09-13).md")


def records(result) -> set[tuple]:
    return {(r["agency"], r["unit"], r["item"], r["cites"], r["reason"], r["old number"],
             r["new number"]) for r in result.records()}


def test_the_amendment_file_is_the_real_alignment(statistics_versions):
    from kg.statutes.diff import align

    old, new = statistics_versions
    aligned = from_changes(align(old, new), act="统计法")
    written = load(AMENDMENT)
    assert (written.changed, written.renumbered, written.repealed, written.added) == (
        aligned.changed, aligned.renumbered, aligned.repealed, aligned.added)


def test_the_amendment_file_by_hand():
    am = load(AMENDMENT)
    assert am.renumbered[N(24)] == N(27) and am.renumbered[N(27)] == N(30)
    assert am.added == {N(6), N(9), N(20)} and not am.repealed
    assert N(2) not in am.changed and N(2) not in am.renumbered  # 第二条 did not move
    assert N(5) in am.changed and N(5) not in am.renumbered  # before the first insertion
    assert am.date == am.new_version == "2024-09-13" and am.old_version == "2009-06-27"


def test_statistics_law_2024_catalog_only_build(source):
    result = impact(source, load(AMENDMENT))
    assert records(result) == EXPECTED_STATISTICS
    # No statute texts in this build: the catalog's date tells (it cites 〔2025〕 documents).
    assert [i.evidence for i in result.impacts] == ["catalog date"]


def test_statistics_law_2024_decided_by_the_quoted_words(source, statistics_versions):
    old, new = statistics_versions
    result = impact(source, load(AMENDMENT), old_texts=act_texts(old), new_texts=act_texts(new))
    assert records(result) == EXPECTED_STATISTICS
    assert [i.evidence for i in result.impacts] == ["quote"]


def test_a_regulation_amendment_on_the_bundled_catalogs(source):
    # Hypothetical, dated after both catalogs: nothing tells their numbering but the default.
    am = from_mapping({"act": "国务院令第711号", "date": "2030-01-01", "changed": [12],
                       "renumbered": {"28": 29}, "repealed": [4]})
    got = {(i.item.agency, i.item.name, i.reason, i.new_number) for i in impact(source, am).impacts}
    assert got == {
        (HY, "政府信息公开指南", "changed", "第十二条"),
        (XX, "政府信息公开指南", "changed", "第十二条"),
        (HY, "政府信息依申请公开程序", "renumbered", "第二十九条"),
        (XX, "政府信息公开依申请公开程序", "renumbered", "第二十九条"),
        (HY, "政府信息公开制度", "repealed", ""),
        (XX, "政府信息公开制度", "repealed", ""),
    }


def test_cli_amendment_file(bundled_store):
    result = CliRunner().invoke(cli, ["impact", str(AMENDMENT), "--store", str(bundled_store),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 1 and rows[0]["item"] == "统计信息"
    assert rows[0]["action"] == "none: already cites the new number (formerly 第二十四条)"


def test_cli_two_versions(bundled_store, statutes_dir):
    folder = statutes_dir / "经济法"
    result = CliRunner().invoke(cli, [
        "impact", "--old", str(folder / "统计法(2009-06-27).md"),
        "--new", str(folder / "统计法(2024-09-13).md"), "--store", str(bundled_store),
        "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 and "统计信息" in lines[1] and "new (quote)" in lines[1]


@pytest.mark.parametrize(("fmt", "marker"), [("md", "## 衡阳市人力资源和社会保障局 / 信息中心"),
                                             ("html", "<h2>衡阳市人力资源和社会保障局 / 信息中心</h2>"),
                                             ("csv", "agency,unit,item")])
def test_cli_reports(bundled_store, tmp_path, fmt, marker):
    out = tmp_path / f"impact.{fmt}"
    result = CliRunner().invoke(cli, ["impact", str(AMENDMENT), "--store", str(bundled_store),
                                      "--report", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert marker in text and "统计信息" in text
    assert not list(tmp_path.glob(".*.tmp"))  # the atomic write left no temporary file


def test_markdown_report_says_nothing_needs_doing(source):
    from kg.analysis.report import report

    text = report(impact(source, load(AMENDMENT)), "md")
    assert "- **Items needing action**: 0" in text
    assert "- **Items already following the amendment**: 1" in text
    assert "- **Articles changed / renumbered / repealed / added**: 21 / 45 / 0 / 3" in text


@pytest.mark.parametrize("args", [[], ["--old", "a.md"], ["x.toml", "--old", "a", "--new", "b"]])
def test_cli_needs_one_amendment(bundled_store, args):
    result = CliRunner().invoke(cli, ["impact", *args, "--store", str(bundled_store)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_cli_bad_amendment_file_is_one_line(bundled_store, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('act = "统计法"\nchanged = ["第X条"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["impact", str(bad), "--store", str(bundled_store)])
    assert result.exit_code == 2 and "changed" in result.output


def test_versions_from_files_and_from_the_library(statutes_dir, statistics_versions):
    from kg.analysis.versions import amendment_from_versions, load_version

    old, new = statistics_versions
    am = amendment_from_versions(old, new)
    assert am.renumbered[N(24)] == N(27) and am.date == "2024-09-13"
    assert "关于修改〈中华人民共和国统计法〉的决定" in am.amending
    for spec, date in [("统计法(2009-06-27)", "2009-06-27"), ("统计法@2024-09-13", "2024-09-13"),
                       ("统计法", "2024-09-13")]:
        assert load_version(spec, statutes_dir).version_date == date


@pytest.mark.parametrize(("spec", "message"), [
    ("统计法(2001-01-01)", "versions: 2009-06-27, 2024-09-13"),
    ("没有这部法", "no act called"),
])
def test_unknown_library_versions(statutes_dir, spec, message):
    from kg.analysis.versions import load_version
    from kg.errors import NotFoundError

    with pytest.raises(NotFoundError, match=message):
        load_version(spec, statutes_dir)


def test_versions_in_the_wrong_order_and_library_names_without_a_library(statistics_versions):
    from kg.analysis.versions import amendment_from_versions, load_version
    from kg.errors import StatuteError

    old, new = statistics_versions
    with pytest.raises(StatuteError, match="older"):
        amendment_from_versions(new, old)
    with pytest.raises(StatuteError, match="--statutes"):
        load_version("统计法(2009-06-27)", None)
