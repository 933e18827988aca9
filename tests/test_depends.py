"""`kg depends` on a hand-made graph (every relation and pinpoint level) and its parsing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.analysis.depends import depends
from kg.analysis.lookup import resolve
from kg.analysis.phrase import ArticleNo, _parse_phrase, number_key, same_number, to_int
from kg.analysis.sample import AGENCY_A as A
from kg.analysis.sample import AGENCY_B as B
from kg.analysis.sample import sample_store
from kg.analysis.source import as_source, bind, select
from kg.errors import NotFoundError, QueryError
from kg.models import DocumentRef, Pinpoint


@pytest.fixture(scope="module")
def store():
    return as_source(sample_store())


def found(result) -> set[tuple[str, str, str]]:
    return {(d.item.agency, d.item.name, d.relation) for d in result.dependents}


DEPENDS_CASES = [
    # Article 20 includes its items, not 第二十条之一; the act-only item may be affected.
    (("国务院令第711号", {"article": 20}),
     {(A, "领导信息", "direct"), (A, "法规规章", "direct"), (B, "领导信息", "direct"),
      (B, "财政预决算", "direct"), (A, "依申请公开", "act-only")}),
    (("711号令第二十条", {}),
     {(A, "领导信息", "direct"), (A, "法规规章", "direct"), (B, "领导信息", "direct"),
      (B, "财政预决算", "direct"), (A, "依申请公开", "act-only")}),
    (("国务院令711号", {"article": "二十", "item": 2}),
     {(A, "领导信息", "direct"), (B, "领导信息", "direct"), (A, "依申请公开", "act-only")}),
    (("政府信息公开条例第二十条第（七）项", {}),
     {(B, "财政预决算", "direct"), (A, "依申请公开", "act-only")}),
    (("国务院令第711号", {"article": "20之一"}),
     {(A, "试点条款", "direct"), (A, "依申请公开", "act-only")}),
    # A decree number names one version; a title names every version.
    (("国务院令第492号", {"article": 20}), {(A, "旧条例事项", "direct")}),
    (("政府信息公开条例", {"article": 20}),
     {(A, "领导信息", "direct"), (A, "法规规章", "direct"), (B, "领导信息", "direct"),
      (B, "财政预决算", "direct"), (A, "依申请公开", "act-only"), (A, "旧条例事项", "direct")}),
    (("代表法", {"article": 51, "paragraph": 3}), {(B, "代表建议", "direct")}),
    (("代表法第五十一条", {}), {(B, "代表建议", "direct"), (B, "代表意见", "direct")}),
    # The whole act: items with a pinpoint are direct, those without are act-only.
    (("国务院令第711号", {}),
     {(A, "领导信息", "direct"), (A, "法规规章", "direct"), (A, "政府信息公开指南", "direct"),
      (A, "试点条款", "direct"), (B, "领导信息", "direct"), (B, "财政预决算", "direct"),
      (A, "依申请公开", "act-only")}),
    (("国务院令第711号", {"article": 12, "transitive": True}),
     {(A, "政府信息公开指南", "direct"), (A, "依申请公开", "act-only"),
      (A, "公开平台", "transitive")}),
    (("湖南省事业单位公开招聘人员办法", {}), set()),
    (("湖南省事业单位公开招聘人员办法", {"transitive": True}), {(B, "人员聘用", "transitive")}),
    (("湘人社规[2025]1号", {}), {(B, "人员聘用", "act-only")}),
]


@pytest.mark.parametrize(("query", "expected"), DEPENDS_CASES)
def test_depends_on_the_sample_graph(store, query, expected):
    phrase, options = query
    assert found(depends(store, phrase, **options)) == expected


def test_an_item_is_listed_once_under_its_strongest_relation(store):
    result = depends(store, "政府信息公开条例", transitive=True)
    names = [(d.item.agency, d.item.name) for d in result.dependents]
    assert len(names) == len(set(names))
    # 领导信息 cites both 第二十条(二) and the act with no pinpoint: direct, not act-only.
    assert (A, "领导信息", "direct") in found(result)


def test_records_are_grouped_by_agency_and_unit_one_row_per_unit(store):
    records = depends(store, "国务院令第711号", article=20, item=2).records()
    keys = [(r["agency"], r["unit"]) for r in records]
    assert keys == sorted(keys)
    b_rows = [r for r in records if r["agency"] == B]
    assert {r["unit"] for r in b_rows} == {"办公室", "人事股"}
    assert {r["source"] for r in b_rows} == {"b.tsv:4"}
    assert set(records[0]) == {"agency", "unit", "item", "category", "pinpoint", "relation",
                               "via", "source"}


def test_a_place_no_item_cites_is_reported_missing_not_an_error(store):
    result = depends(store, "国务院令第711号", article=19)
    assert result.missing
    assert found(result) == {(A, "依申请公开", "act-only")}


@pytest.mark.parametrize("phrase", ["信息公开条例", "不存在的法", "国务院令第999号"])
def test_an_unknown_act_is_not_found_with_close_labels(store, phrase):
    with pytest.raises(NotFoundError) as err:
        depends(store, phrase)
    assert phrase in str(err.value) or "999" in str(err.value)


def test_close_labels_are_suggested(store):
    with pytest.raises(NotFoundError, match="政府信息公开条例"):
        depends(store, "信息公开条例")


@pytest.mark.parametrize("phrase", [
    '政府信息公开条例" } } ; DROP ALL ; #',
    "<http://x> ?p ?o } #",
    "条例\\u0022) UNION { ?s ?p ?o",
])
def test_user_values_never_reach_the_query_text(store, phrase):
    with pytest.raises(NotFoundError):
        depends(store, phrase)


def test_a_pinpoint_without_an_article_is_refused(store):
    with pytest.raises(NotFoundError, match="article"):
        resolve(store, "国务院令第711号", item=2)


PHRASES = [
    ("711号令第二十条", DocumentRef(number="711号令"), Pinpoint(article=20)),
    ("国务院令第711号", DocumentRef(number="国务院令第711号"), Pinpoint()),
    ("政府信息公开条例", DocumentRef(title="政府信息公开条例"), Pinpoint()),
    ("代表法第五十一条第三款", DocumentRef(title="代表法"), Pinpoint(article=51, paragraph=3)),
    ("统计法第27条", DocumentRef(title="统计法"), Pinpoint(article=27)),
    ("条例第二十条(二)", DocumentRef(title="条例"), Pinpoint(article=20, item=2)),
    ("条例第二十条之一", DocumentRef(title="条例"), Pinpoint(article=20, article_suffix=1)),
    ("国办发〔2018〕37号", DocumentRef(number="国办发〔2018〕37号"), Pinpoint()),
]


@pytest.mark.parametrize(("text", "ref", "pin"), PHRASES)
def test_the_fallback_phrase_parser(text, ref, pin):
    got_ref, got_pin = _parse_phrase(text)
    assert got_pin == pin
    assert (got_ref.number or got_ref.title.strip("《》")) == (ref.number or ref.title)


@pytest.mark.parametrize(("text", "key"), [
    ("国务院令第711号", ("国务院令", 0, 711)),
    ("国务院令711号", ("国务院令", 0, 711)),
    ("国务院 令第 711 号", ("国务院令", 0, 711)),
    ("711号令", ("", 0, 711)),
    ("主席令第七十号", ("主席令", 0, 70)),
    ("中华人民共和国主席令第70号", ("主席令", 0, 70)),
    ("国办发[2018]37号", ("国办发", 2018, 37)),
    ("政府信息公开条例", None),
])
def test_number_keys(text, key):
    assert number_key(text) == key


@pytest.mark.parametrize(("wanted", "have", "same"), [
    ("711号令", "国务院令第711号", True),
    ("令第711号", "国务院令第711号", True),
    ("711号令", "国办发〔2019〕711号", False),
    ("国务院令第711号", "国务院令第713号", False),
])
def test_a_decree_number_without_issuer_matches_any_decree(wanted, have, same):
    assert same_number(number_key(wanted), number_key(have)) is same


@pytest.mark.parametrize(("text", "number"), [
    ("24", ArticleNo(24)), (24, ArticleNo(24)), ("第二十四条", ArticleNo(24)),
    ("二十四", ArticleNo(24)), ("20之一", ArticleNo(20, 1)), ("第20条之1", ArticleNo(20, 1)),
    ("１２", ArticleNo(12)), ("一百零五", ArticleNo(105)),
])
def test_article_numbers(text, number):
    assert ArticleNo.parse(text) == number


@pytest.mark.parametrize("text", ["", "第条", "abc", "24条款"])
def test_not_article_numbers(text):
    with pytest.raises(ValueError):
        ArticleNo.parse(text)


@pytest.mark.parametrize(("number", "label"), [
    (ArticleNo(27), "第二十七条"), (ArticleNo(20, 1), "第二十条之一"), (ArticleNo(10), "第十条"),
])
def test_article_labels(number, label):
    assert number.label() == label


def test_to_int_reads_only_numerals():
    assert to_int("两") == 2 and to_int("十五") == 15 and to_int("07") == 7


ANALYSIS = Path(__file__).resolve().parents[1] / "kg" / "analysis"
# The slow form starts from every item (oxigraph issue 1894); walk from the subdivision.
SLOW_FORM = re.compile(r"kg:basis\s*/\s*eli:is_part_of")


@pytest.mark.parametrize("module", sorted(p.name for p in ANALYSIS.glob("*.py")))
def test_queries_walk_from_the_subdivision_side(module):
    assert not SLOW_FORM.search((ANALYSIS / module).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("value", "written"), [
    ('a"b', '"a\\"b"'),
    ("x\n} ; DROP ALL", '"x\\n} ; DROP ALL"'),
    ("反斜杠\\", '"反斜杠\\\\"'),
    (URIRef("https://w3id.org/kg-disclosure/id/act/统计法"),
     "<https://w3id.org/kg-disclosure/id/act/统计法>"),
    (20, '"20"^^<http://www.w3.org/2001/XMLSchema#integer>'),
])
def test_bound_values_are_written_as_escaped_terms(value, written):
    query = bind("SELECT ?v WHERE { ?s ?p ?v }", {"v": value})
    assert query == f"SELECT ?v WHERE {{ VALUES (?v) {{ ({written}) }}  ?s ?p ?v }}"


@pytest.mark.parametrize(("bindings", "message"), [
    ({"v": URIRef("http://x/a b")}, "cannot bind"),
    ({"v": URIRef("http://x/a>")}, "cannot bind"),
    ({"v) {} ?x": "a"}, "variable"),
])
def test_bad_bindings_are_refused(bindings, message):
    with pytest.raises(QueryError, match=message):
        bind("SELECT ?v WHERE { ?s ?p ?v }", bindings)


def test_a_bound_literal_matches_only_itself(store):
    rows = select(store, "SELECT ?act WHERE { ?act eli:id_local ?n }", {"n": "国务院令第711号"})
    assert len(rows) == 1
    assert select(store, "SELECT ?act WHERE { ?act eli:id_local ?n }",
                  {"n": '国务院令第711号" || true || "'}) == []


def test_the_hand_made_graph_follows_the_shapes():
    from kg.analysis.sample import sample_graph
    from kg.rdf.validate import validate_graph

    report = validate_graph(sample_graph())
    assert report.conforms, report.results[:3]
