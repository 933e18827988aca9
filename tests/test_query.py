"""kg.rdf.query: parsing decides read-only, bound values, named queries, result shapes."""

from __future__ import annotations

import json

import pytest
from rdflib import Literal, URIRef

from kg.errors import NotFoundError, QueryError
from kg.rdf.query import bind_values, check, classify, load_query, query_names, run_local
from kg.rdf.store import Store

EX = "http://example.org/"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "select"),
        ("select ?s { ?s kg:basis ?o }", "select"),
        ("ASK { ?s ?p ?o }", "ask"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "construct"),
        ("DESCRIBE <http://e/a>", "describe"),
        ("# INSERT DATA in a comment\nSELECT ?s WHERE { ?s ?p 'DROP ALL' }", "select"),
        ("SELECT ?insert WHERE { ?insert ?delete ?load }", "select"),
        ("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "update"),
        ("DELETE DATA { <http://e/a> <http://e/b> <http://e/c> }", "update"),
        ("DELETE WHERE { ?s ?p ?o }", "update"),
        ("WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
        ("LOAD <http://e/data.ttl>", "update"),
        ("CLEAR ALL", "update"),
        ("DROP GRAPH <http://e/g>", "update"),
        ("CREATE GRAPH <http://e/g>", "update"),
        ("ADD DEFAULT TO <http://e/g>", "update"),
        ("MOVE <http://e/a> TO <http://e/b>", "update"),
        ("COPY <http://e/a> TO <http://e/b>", "update"),
        ("PREFIX e: <http://e/> SELECT * WHERE { ?s ?p ?o } ; DROP ALL", None),
    ],
)
def test_classify_by_parsing(text, kind):
    if kind is None:
        with pytest.raises(QueryError):
            classify(text)
    else:
        assert classify(text) == kind


@pytest.mark.parametrize(
    "text", ["INSERT DATA { <http://e/a> <http://e/b> 1 }", "DROP ALL", "LOAD <http://e/x>"]
)
def test_updates_need_permission(text):
    with pytest.raises(QueryError, match="--update"):
        check(text)
    assert check(text, allow_update=True) == "update"


def test_garbage_is_a_query_error():
    with pytest.raises(QueryError, match="not a SPARQL"):
        classify("HELLO WORLD")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT ?a WHERE { ?a ?p ?o }", 'SELECT ?a WHERE { VALUES (?o) { ("x") }  ?a ?p ?o }'),
        ("SELECT ?a { ?a ?p ?o }", 'SELECT ?a { VALUES (?o) { ("x") }  ?a ?p ?o }'),
        (
            "CONSTRUCT { ?a ?p ?o } WHERE { ?a ?p ?o }",
            'CONSTRUCT { ?a ?p ?o } WHERE { VALUES (?o) { ("x") }  ?a ?p ?o }',
        ),
        (
            'SELECT ("{" AS ?where) WHERE { ?a ?p ?o } # }',
            'SELECT ("{" AS ?where) WHERE { VALUES (?o) { ("x") }  ?a ?p ?o } # }',
        ),
    ],
)
def test_bind_values_opens_the_where_group(text, expected):
    assert bind_values(text, {"o": "x"}) == expected


def test_bind_values_escapes():
    out = bind_values("SELECT * WHERE { ?s ?p ?o }", {"o": '" } DROP ALL #', "s": URIRef(EX + "a")})
    assert '"\\" } DROP ALL #"' in out and f"<{EX}a>" in out
    assert classify(out) == "select"


def test_bind_values_refuses_subqueries():
    with pytest.raises(QueryError, match="subqueries"):
        bind_values("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }", {"o": "x"})


def test_store_binds_inside_subqueries_by_substitution():
    st = small_store()
    text = "SELECT ?s ?o WHERE { { SELECT ?s ?o WHERE { ?s ?p ?o } } }"
    assert [r["s"] for r in st.select(text, {"o": "一"})] == [EX + "a"]


@pytest.mark.parametrize("name", ["o o", "o}", ""])
def test_bind_values_rejects_bad_names(name):
    with pytest.raises(QueryError):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {name: "x"})


def test_named_queries_exist_and_parse():
    names = query_names()
    assert {"article20", "depends-on-subdivision", "items-per-unit", "most-cited-documents"} <= set(
        names
    )
    for name in names:
        assert classify(load_query(name)) == "select"


def test_unknown_named_query():
    with pytest.raises(NotFoundError):
        load_query("../pyproject")


SLOW_FORM = "kg:basis/eli:is_part_of*"


@pytest.mark.parametrize("name", ["article20", "depends-on-subdivision"])
def test_subdivision_queries_walk_from_the_subdivision_side(name):
    # `?item kg:basis/eli:is_part_of* ?art` starts from every item (1.4 s on 1M triples);
    # `?x eli:is_part_of* ?art . ?item kg:basis ?x` walks down from one node (0.2 ms).
    text = " ".join(
        line for line in load_query(name).splitlines() if not line.lstrip().startswith("#")
    )
    assert SLOW_FORM not in text
    assert "?x eli:is_part_of* ?" in text
    # then from the nodes found to the items: by the basis edge or by the citations
    assert "?item kg:basis ?x" in text or "?c kg:cites ?x" in text


def small_store() -> Store:
    a, p = URIRef(EX + "a"), URIRef(EX + "p")
    return Store.memory(
        [(a, p, Literal("一")), (a, p, Literal(2)), (URIRef(EX + "b"), p, Literal("三", lang="zh"))]
    )


def test_run_local_select_and_json():
    result = run_local(small_store(), "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s ?o")
    assert result.columns() == ["s", "o"]
    assert len(result.records()) == 3
    doc = json.loads(result.results_json())
    assert doc["head"]["vars"] == ["s", "o"]
    values = [b["o"] for b in doc["results"]["bindings"]]
    assert {"type": "literal", "value": "三", "xml:lang": "zh"} in values
    assert {
        "type": "literal",
        "value": "2",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    } in values


def test_run_local_ask_and_construct():
    assert run_local(small_store(), "ASK { ?s ?p '一' }").records() == [{"answer": "true"}]
    assert json.loads(run_local(small_store(), "ASK { ?s ?p 'x' }").results_json()) == {
        "head": {},
        "boolean": False,
    }
    result = run_local(small_store(), "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert result.columns() == ["subject", "predicate", "object"] and len(result.records()) == 3


def test_run_local_update_only_when_asked():
    st = small_store()
    with pytest.raises(QueryError):
        run_local(st, "CLEAR DEFAULT")
    assert len(st) == 3
    run_local(st, "CLEAR DEFAULT", update=True)
    assert len(st) == 0
