"""RDF triples of the statute library: shape of acts, subdivisions and version alignment."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.rdf import vocab as V
from kg.rdf.iris import Iris
from kg.rdf.vocab import ELI
from kg.statutes.graph import selected_acts, statute_triples
from kg.statutes.library import cached_library

XSD_DATE = rdflib.namespace.XSD.date  # not the namespace itself: pytest collection warns on it
BASE = "https://example.org/id/"
OGI = URIRef(BASE + "act/政府信息公开条例/2019-04-03")
STATS_OLD = URIRef(BASE + "act/统计法/2009-06-27")
STATS_NEW = URIRef(BASE + "act/统计法/2024-09-13")
CRIMINAL = URIRef(BASE + "act/刑法/2020-12-26")


@pytest.fixture(scope="module")
def library(statutes_dir: Path):
    return cached_library(str(statutes_dir))


@pytest.fixture(scope="module")
def graph(library) -> rdflib.Graph:
    g = rdflib.Graph()
    ids = ["政府信息公开条例@2019-04-03", "统计法@2024-09-13"]
    for t in statute_triples(library, Iris(BASE), act_ids=ids):
        g.add(t)
    return g


def test_selected_acts_add_other_versions(library):
    ids = [a.id for a in selected_acts(library, ["统计法@2024-09-13", "不存在@2000-01-01"])]
    assert ids == ["统计法@2009-06-27", "统计法@2024-09-13"]
    assert [a.id for a in selected_acts(library, ["统计法@2024-09-13"], with_versions=False)] == [
        "统计法@2024-09-13"
    ]


@pytest.mark.parametrize(
    ("p", "o"),
    [
        (RDF.type, ELI.LegalResource),
        (SKOS.prefLabel, Literal("中华人民共和国政府信息公开条例")),
        (SKOS.altLabel, Literal("政府信息公开条例")),
        (V.shortTitle, Literal("政府信息公开条例")),
        (ELI.id_local, Literal("国务院令第711号")),
        (ELI.id_local, Literal("国务院令第492号")),
        (V.versionDate, Literal("2019-04-03", datatype=XSD_DATE)),
        (ELI.date_document, Literal("2007-04-05", datatype=XSD_DATE)),
        (V.level, Literal("行政法规")),
        (ELI.in_force, V.IN_FORCE),
    ],
)
def test_act_node(graph, p, o):
    assert (OGI, p, o) in graph


@pytest.mark.parametrize(
    ("path", "cls", "parent", "label", "number", "text_start"),
    [
        ("art/20", V.Article, "", "第二十条", "20", "行政机关应当依照本条例第十九条"),
        ("art/20/item/4", V.Point, "art/20", "第（四）项", "4", "(四)国民经济和社会发展统计信息"),
        ("art/12/para/3", V.Paragraph, "art/12", "第三款", "3", "政府信息公开目录包括"),
        ("art/4/para/2/item/1", V.Point, "art/4/para/2", "第（一）项", "1", "(一)办理本行政机关"),
    ],
)
def test_subdivisions(graph, path, cls, parent, label, number, text_start):
    node = URIRef(f"{OGI}/{path}")
    up = URIRef(f"{OGI}/{parent}") if parent else OGI
    assert (node, RDF.type, ELI.LegalResourceSubdivision) in graph
    assert (node, RDF.type, cls) in graph
    assert (node, ELI.is_part_of, up) in graph and (up, ELI.has_part, node) in graph
    assert (node, SKOS.prefLabel, Literal(label)) in graph
    assert (node, ELI.number, Literal(number)) in graph
    assert str(graph.value(node, V.text)).startswith(text_start)


def test_single_paragraph_articles_have_no_paragraph_nodes(graph):
    assert (URIRef(f"{OGI}/art/20/para/1"), None, None) not in graph
    assert (URIRef(f"{OGI}/art/4/para/1"), RDF.type, V.Paragraph) in graph


def test_versions_are_linked_and_aligned(graph):
    assert (STATS_NEW, ELI.amends, STATS_OLD) in graph
    assert (STATS_OLD, ELI.amended_by, STATS_NEW) in graph
    assert (STATS_OLD, ELI.in_force, V.NOT_IN_FORCE) in graph
    changes = {
        str(graph.value(c, V.changeType)): None for c in graph.objects(STATS_NEW, V.hasChange)
    }
    assert set(changes) == {"unchanged", "renumbered", "changed", "added"}
    renumbered = [
        c for c in graph.objects(STATS_NEW, V.hasChange)
        if (c, V.oldArticle, URIRef(f"{STATS_OLD}/art/24")) in graph
    ]  # fmt: skip
    assert len(renumbered) == 1
    (change,) = renumbered
    assert (change, V.newArticle, URIRef(f"{STATS_NEW}/art/27")) in graph
    assert (change, V.changeType, Literal("renumbered")) in graph
    added = [
        c
        for c in graph.objects(STATS_NEW, V.hasChange)
        if (c, V.changeType, Literal("added")) in graph
    ]
    assert sorted(str(graph.value(c, V.newArticle)).rsplit("/", 1)[1] for c in added) == [
        "20",
        "6",
        "9",
    ]


def test_article_with_suffix_hangs_under_the_act(library):
    g = rdflib.Graph()
    for t in statute_triples(library, Iris(BASE), act_ids=["刑法@2020-12-26"]):
        g.add(t)
    node = URIRef(f"{CRIMINAL}/art/17/suffix/1")
    assert (node, ELI.is_part_of, CRIMINAL) in g
    assert (node, SKOS.prefLabel, Literal("第十七条之一")) in g
    assert (node, ELI.number, Literal("17之1")) in g


def test_statute_graph_conforms_to_the_shapes(graph):
    from kg.rdf.validate import validate_graph

    report = validate_graph(graph)
    assert report.conforms, report.results[:5]
