"""`kg ask`: question forms, their answers (through depends and bound SPARQL) and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_search_graph import HY, IRIS, XX, cache_folder, write_store

from kg.cli.main import cli
from kg.errors import QuestionError
from kg.textsearch.ask import Intent, ask, parse_question


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_folder(tmp_path_factory)))
        yield cache_folder(tmp_path_factory)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("ask") / "store")


# --- question -> form and subject ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("哪些事项依据国务院令第711号第二十条？", Intent("depends", "国务院令第711号第二十条")),
        ("哪些事项依据国务院令711号第20条", Intent("depends", "国务院令711号第20条")),
        ("有哪些事项依据711号令第二十条?", Intent("depends", "711号令第二十条")),
        ("哪些事项依据政府信息公开条例第20条", Intent("depends", "政府信息公开条例第20条")),
        ("哪些事项依据政府信息公开条例第２０条", Intent("depends", "政府信息公开条例第20条")),
        ("哪些公开事项根据《中华人民共和国政府信息公开条例》第二十条第（二）项",
         Intent("depends", "《中华人民共和国政府信息公开条例》第二十条第（二）项")),
        ("依据统计法第二十七条的事项有哪些", Intent("depends", "统计法第二十七条")),
        ("哪些事项以政府信息公开条例第二十条为依据", Intent("depends", "政府信息公开条例第二十条")),
        ("政府信息公开条例第二十条涉及哪些事项", Intent("depends", "政府信息公开条例第二十条")),
        ("哪些事项依据国务院令711号", Intent("depends", "国务院令711号")),
        ("哪些信息依据国务院令第711号第二十条的规定", Intent("depends", "国务院令第711号第二十条")),
        ("统计法修订影响哪些事项", Intent("impact", "统计法")),
        ("统计法的修改会影响什么？", Intent("impact", "统计法")),
        ("统计法修订的影响", Intent("impact", "统计法")),
        ("修订统计法影响哪些事项", Intent("impact", "统计法")),
        ("中华人民共和国统计法修正影响哪些事项", Intent("impact", "中华人民共和国统计法")),
        ("领导信息由哪个科室负责", Intent("unit", "领导信息")),
        ("领导信息由哪个部门负责公开？", Intent("unit", "领导信息")),
        ("哪个科室负责领导信息", Intent("unit", "领导信息")),
        ("谁负责公开领导信息", Intent("unit", "领导信息")),
        ("领导信息的公开责任是谁", Intent("unit", "领导信息")),
        ("领导信息的责任部门是哪个", Intent("unit", "领导信息")),
        ("领导信息的依据是什么", Intent("basis", "领导信息")),
        ("领导信息的公开依据有哪些？", Intent("basis", "领导信息")),
        ("领导信息依据哪些法规", Intent("basis", "领导信息")),
        ("哪些文件引用了政府信息公开条例", Intent("cites", "政府信息公开条例", "documents")),
        ("政府信息公开条例被哪些文件引用", Intent("cites", "政府信息公开条例", "documents")),
        ("谁引用了统计法", Intent("cites", "统计法", "documents")),
        ("哪些事项引用了政府信息公开条例", Intent("cites", "政府信息公开条例", "items")),
        ("  哪些事项 引用了 政府信息公开条例 ？", Intent("cites", "政府信息公开条例", "items")),
    ],
)
def test_question_forms(question: str, intent: Intent) -> None:
    assert parse_question(question) == intent


@pytest.mark.parametrize("question", ["今天天气怎么样", "", "统计法", "哪些事项依据", "谁负责"])
def test_unknown_questions_list_the_known_forms(question: str) -> None:
    with pytest.raises(QuestionError) as err:
        parse_question(question)
    assert "哪些事项依据<法规>" in str(err.value) and "由哪个科室负责" in str(err.value)


# --- answers on the hand-made graph -------------------------------------------------------------
ARTICLE_20 = {(HY, "领导信息"), (XX, "领导信息"), (HY, "机构信息")}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("哪些事项依据国务院令第711号第二十条？", ARTICLE_20),
        ("哪些事项依据国务院令711号第20条", ARTICLE_20),
        ("哪些事项依据政府信息公开条例第20条", ARTICLE_20),
        ("哪些事项依据《中华人民共和国政府信息公开条例》第二十条第（二）项", ARTICLE_20),
        ("政府信息公开条例第二十条涉及哪些事项", ARTICLE_20),
        ("依据社会保险法第四条的事项有哪些", {(HY, "社会保险费征缴")}),
        ("哪些事项依据统计法第27条", {(XX, "统计信息")}),
    ],
)
def test_depends_questions_answer_like_depends(store: Path, question: str, expected: set) -> None:
    from kg.analysis.depends import depends

    answer = ask(store, question)
    direct = {(r["agency"], r["item"]) for r in answer.records if r["relation"] == "direct"}
    assert direct == expected
    assert answer.records == tuple(depends(store, answer.intent.subject).records())
    assert any("kg:basis" in q for q in answer.queries)


def test_items_citing_an_act_include_those_without_pinpoint(store: Path) -> None:
    answer = ask(store, "哪些事项引用了政府信息公开条例")
    assert {(r["agency"], r["item"]) for r in answer.records} == ARTICLE_20 | {(HY, "信访事项办理")}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("领导信息由哪个科室负责", {(HY, "组织人事科"), (XX, "办公室")}),
        ("谁负责公开社会保险费征缴", {(HY, "行政审批服务科")}),
        ("信访事项办理的责任部门是哪个", {(HY, "法规信访股")}),
    ],
)
def test_unit_questions(store: Path, question: str, expected: set) -> None:
    answer = ask(store, question)
    assert {(r["agency"], r["unit"]) for r in answer.records} == expected
    assert answer.queries and "?label" in answer.queries[0] and "bound: ?label" in answer.queries[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("领导信息的依据是什么", {(HY, str(IRIS.act("政府信息公开条例", "2019-04-03")) + "/art/20/item/2"),
                                 (XX, str(IRIS.act("政府信息公开条例", "2019-04-03")) + "/art/20/item/2")}),
        ("权责清单依据哪些文件", {(XX, str(IRIS.act("关于全面推进政务公开工作的意见")))}),
    ],
)
def test_basis_questions(store: Path, question: str, expected: set) -> None:
    answer = ask(store, question)
    assert {(r["agency"], r["basis iri"]) for r in answer.records} == expected


def test_citing_documents_and_catalogs(store: Path) -> None:
    answer = ask(store, "哪些文件引用了政府信息公开条例")
    got = {(r["kind"], r["title"], r["items"]) for r in answer.records}
    assert got == {("document", "关于全面推进政务公开工作的意见", "0"),
                   ("catalog", "hengyang-hrss.txt", "3"), ("catalog", "xiangxiang-hrss.tsv", "1")}


def test_unknown_item_is_not_found(store: Path) -> None:
    from kg.errors import NotFoundError

    with pytest.raises(NotFoundError):
        ask(store, "不存在的事项由哪个科室负责")


# --- the command ------------------------------------------------------------------------------
def test_cli_prints_answer_and_sparql(store: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "领导信息由哪个科室负责", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "组织人事科" in result.stdout and "办公室" in result.stdout
    assert "-- SPARQL" in result.stdout and "kg:responsibility" in result.stdout


def test_cli_json_keeps_stdout_parseable(store: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "哪些事项依据国务院令第711号第二十条", "--store", str(store),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert {(r["agency"], r["item"]) for r in records if r["relation"] == "direct"} == ARTICLE_20
    assert "SPARQL" in result.stderr


def test_cli_unknown_question_is_one_line_and_non_zero(store: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "今天天气怎么样", "--store", str(store)])
    assert result.exit_code == QuestionError.exit_code
    assert result.stderr.count("\n") == 1 and "ask one of" in result.stderr


AMENDMENT = """act = "统计法"
amending = "全国人民代表大会常务委员会关于修改《中华人民共和国统计法》的决定"
date = "2024-09-13"
old_version = "2009-06-27"
changed = ["27"]
repealed = []
added = ["40"]

[renumbered]
"24" = "25"
"""


@pytest.mark.parametrize("question", ["统计法修订影响哪些事项", "中华人民共和国统计法的修改会影响什么",
                                      "修订统计法影响哪些事项？"])
def test_impact_questions_answer_like_impact(store: Path, tmp_path: Path, question: str) -> None:
    from kg.analysis.amendment import load
    from kg.analysis.impact import impact

    file = tmp_path / "tongjifa.toml"
    file.write_text(AMENDMENT, encoding="utf-8")
    unrelated = tmp_path / "other.toml"
    unrelated.write_text('act = "社会保险法"\ndate = "2018-12-29"\nchanged = ["4"]\n', encoding="utf-8")
    answer = ask(store, question, amendments=[tmp_path])
    expected = impact(store, load(file)).records()
    assert answer.records == tuple(expected)
    assert {(r["agency"], r["item"]) for r in answer.records} == {(XX, "统计信息")}
    assert any("kg:basis" in q for q in answer.queries)


def test_impact_without_amendment_data_says_what_is_missing(store: Path) -> None:
    from kg.errors import NotFoundError

    with pytest.raises(NotFoundError, match="--amendments"):
        ask(store, "统计法修订影响哪些事项", amendments=[])


def test_cli_impact_question(store: Path, tmp_path: Path) -> None:
    (tmp_path / "tongjifa.toml").write_text(AMENDMENT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ask", "统计法修订影响哪些事项", "--store", str(store),
                                      "--amendments", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "统计信息" in result.stdout and "-- SPARQL (impact)" in result.stdout


def test_exact_item_names_win_over_partial_ones(tmp_path: Path) -> None:
    from rdflib import RDF, Literal
    from rdflib.namespace import SKOS
    from test_search_graph import search_graph

    from kg.rdf import vocab as V

    graph = search_graph(keywords=False)
    other = IRIS.item(HY, "主要领导信息公开")
    graph.add((other, RDF.type, V.DisclosureItem))
    graph.add((other, SKOS.prefLabel, Literal("主要领导信息公开")))
    graph.add((other, V.responsibility, IRIS.unit(HY, "法规信访股")))
    store = write_store(tmp_path / "store", graph)
    assert {r["item"] for r in ask(store, "领导信息由哪个科室负责").records} == {"领导信息"}
    assert {r["unit"] for r in ask(store, "主要领导由哪个科室负责").records} == {"法规信访股"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="哪些事项依据由负责的是什么修订影响引用了文件谁第二十条号令国务院711 ？?《》", max_size=30))
def test_any_text_maps_or_raises_question_error(text: str) -> None:
    try:
        intent = parse_question(text)
    except QuestionError:
        return
    assert intent.form in {"depends", "impact", "unit", "basis", "cites"} and intent.subject
