"""`kg check` end to end on the bundled catalogs, and its report formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.citations import extract
from kg.cli.main import cli
from kg.ingest import read_catalog
from kg.models import Citation, DocumentRef, Pinpoint
from kg.statutes.check import CheckResult, check
from kg.statutes.library import cached_library
from kg.statutes.report import render_report


@pytest.fixture(scope="module")
def results(statutes_dir: Path, bundled_catalogs: list[Path]) -> tuple[CheckResult, ...]:
    library = cached_library(str(statutes_dir))
    reads = [read_catalog(p) for p in bundled_catalogs]
    return check(extract(reads, library=library), library)


def test_hengyang_statistics_item_misses_item_four(results):
    found = [
        r for r in results
        if r.citation.item == "统计信息" and r.citation.file.endswith("hengyang-hrss.txt")
        and r.act_id == "政府信息公开条例@2019-04-03"
    ]  # fmt: skip
    assert [r.verdict for r in found] == ["pinpoint-missing"]
    assert found[0].suggested == Pinpoint(article=20, item=4)


def test_article_20_quotes_are_mostly_exact_or_abridged(results):
    art20 = [
        r for r in results
        if r.act_id == "政府信息公开条例@2019-04-03" and r.citation.pinpoint.article == 20
    ]  # fmt: skip
    good = [r for r in art20 if r.verdict in ("exact", "abridged")]
    assert len(art20) >= 20
    assert len(good) / len(art20) >= 0.8
    assert all(r.verdict in ("exact", "abridged", "pinpoint-missing") for r in art20)


def test_no_quote_of_a_library_act_is_a_mismatch(results):
    assert [r for r in results if r.verdict == "mismatch"] == []


def test_notices_are_unknown_to_the_library(results):
    unknown = {r.citation.document_key for r in results if r.verdict == "act-unknown"}
    assert "中办发〔2016〕8号" in unknown
    assert not any(key.startswith("国务院令第711号") for key in unknown)


def _result(quote: str) -> CheckResult:
    c = Citation(
        agency="<机关>", item="<script>alert(1)</script>", document_key="k", ref=DocumentRef(),
        pinpoint=Pinpoint(article=1), quote=quote, file="a&b.tsv", line=3,
    )  # fmt: skip
    return CheckResult(c, "mismatch", "the words are not in <x>", "某法@2000-01-01", "正文 & <b>")


def test_html_report_escapes_every_text():
    page = render_report([_result("引文<img src=x onerror=alert(1)>")], "html")
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "a&amp;b.tsv" in page and "&lt;img" in page


def test_json_and_markdown_reports():
    records = json.loads(render_report([_result("引文")], "json"))
    assert records[0]["catalog"] == "a&b.tsv"
    assert records[0]["verdicts"]["mismatch"] == 1
    assert records[0]["problems"][0]["statute words"] == "正文 & <b>"
    md = render_report([_result("引文|竖线")], "md")
    assert "**mismatch** (line 3" in md and "引文\\|竖线" in md


def test_cli_check_json(statutes_dir: Path, bundled_catalogs: list[Path]):
    args = [
        "check",
        *map(str, bundled_catalogs),
        "--statutes",
        str(statutes_dir),
        "--format",
        "json",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [Path(r["catalog"]).name for r in records] == [
        "hengyang-hrss.txt",
        "xiangxiang-hrss.tsv",
    ]
    hengyang = records[0]
    assert hengyang["checked"] > 20
    assert any(
        p["item"] == "统计信息"
        and p["verdict"] == "pinpoint-missing"
        and p["suggested pinpoint"] == "第20条第(4)项"
        for p in hengyang["problems"]
    )


def test_cli_check_html_to_file(tmp_path: Path, statutes_dir: Path, bundled_catalogs: list[Path]):
    out = tmp_path / "report.html"
    args = [
        "check",
        str(bundled_catalogs[0]),
        "--statutes",
        str(statutes_dir),
        "--format",
        "html",
        "-o",
        str(out),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "pinpoint-missing" in page
    assert list(tmp_path.iterdir()) == [out]


def test_cli_check_needs_statutes(bundled_catalogs: list[Path]):
    result = CliRunner().invoke(cli, ["check", str(bundled_catalogs[0])])
    assert result.exit_code == 4
    assert "--statutes" in result.output
