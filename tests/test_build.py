"""The whole build on the bundled catalogs: counts, determinism, atomicity, SHACL, queries."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from kg.citations import extract
from kg.errors import InputError
from kg.ingest import read_catalog
from kg.pipeline import BUNDLED, build, build_bundled
from kg.rdf import vocab as V
from kg.rdf.query import load_query
from kg.rdf.store import Store
from kg.rdf.validate import validate_graph


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("kg") / "store"
    return path, build_bundled(path)


@pytest.fixture(scope="module")
def extraction():
    return extract([read_catalog(p) for p in BUNDLED])


@pytest.fixture(scope="module")
def graph(built) -> rdflib.Graph:
    with Store.open(built[0]) as st:
        return st.rdflib_graph()


def test_bundled_catalogs_are_the_ones_of_conftest(bundled_catalogs):
    assert list(BUNDLED) == bundled_catalogs


def test_summary_counts_what_went_in(built, extraction, graph):
    path, summary = built
    reads = [read_catalog(p) for p in BUNDLED]
    assert summary.catalogs == 2
    assert summary.items == sum(len(r.items) for r in reads) == 64
    assert summary.rejections == sum(len(r.rejections) for r in reads)
    assert summary.documents == len(extraction.documents)
    assert summary.units == len(extraction.units)
    assert summary.repairs == len(extraction.repairs)
    assert summary.citations == len(extraction.citations)
    assert summary.triples == len(graph) > 1000
    assert summary.articles == len(set(graph.subjects(RDF.type, V.Article)))
    assert len(set(graph.subjects(RDF.type, V.DisclosureItem))) == summary.items
    # citations are values shared by the items citing in the same words: one edge each
    assert len(set(graph.triples((None, V.hasCitation, None)))) == summary.citations
    assert len(set(graph.subjects(RDF.type, V.Citation))) < summary.citations


def test_rebuilding_gives_byte_identical_sorted_ntriples(built, tmp_path):
    build_bundled(tmp_path / "again")
    with Store.open(built[0]) as a, Store.open(tmp_path / "again") as b:
        assert a.dump("nt") == b.dump("nt")


def test_base_iri_is_configurable(tmp_path):
    build_bundled(tmp_path / "s", base="http://example.org/kg")
    with Store.open(tmp_path / "s") as st:
        subjects = {r["s"] for r in st.select("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")}
    assert subjects and all(s.startswith("http://example.org/kg/") for s in subjects)


def test_the_bundled_graph_conforms_to_the_shapes(graph):
    report = validate_graph(graph)
    assert report.conforms, report.results[:5]


@pytest.mark.parametrize(
    "breakage", ["item-as-act", "two-labels", "no-line", "bad-origin", "orphan-article"]
)
def test_shapes_catch_a_broken_graph(graph, breakage):
    g = rdflib.Graph()
    g += graph
    item = next(iter(g.subjects(RDF.type, V.DisclosureItem)))
    citation = next(iter(g.subjects(RDF.type, V.Citation)))
    if breakage == "item-as-act":
        g.add((item, RDF.type, V.LegalResource))
    elif breakage == "two-labels":
        g.add((item, SKOS.prefLabel, rdflib.Literal("另一个名字")))
    elif breakage == "no-line":
        g.remove((item, V.sourceLine, None))
    elif breakage == "bad-origin":
        g.set((citation, V.origin, rdflib.Literal("elsewhere")))
    else:
        article = next(iter(g.subjects(RDF.type, V.Article)))
        g.remove((article, V.ELI.is_part_of, None))
    assert not validate_graph(g).conforms


def expected_article20(extraction) -> set[tuple[str, str]]:
    docs = {d.key: d for d in extraction.documents}
    return {
        (c.agency, c.item)
        for c in extraction.citations
        if c.pinpoint.article == 20
        and c.pinpoint.article_suffix is None
        and "国务院令第711号" in {docs[c.document_key].number, *docs[c.document_key].alt_numbers}
    }


def test_article20_query_lists_exactly_the_items_quoting_article_20(built, extraction):
    with Store.open(built[0]) as st:
        rows = st.select(load_query("article20"))
        idents = {
            (
                r["agency"],
                st.select(
                    "SELECT ?id WHERE { ?i dcterms:identifier ?id }", {"i": URIRef(r["item"])}
                )[0]["id"],
            )
            for r in rows
        }
    expected = expected_article20(extraction)
    assert len(expected) > 20
    assert idents == expected


def test_depends_on_subdivision_with_a_bound_article(built, extraction):
    with Store.open(built[0]) as st:
        art = st.select(
            "SELECT ?a WHERE { ?act eli:id_local ?n . ?a eli:is_part_of ?act ; eli:number '20' }",
            {"n": "国务院令第711号"},
        )[0]["a"]
        rows = st.select(load_query("depends-on-subdivision"), {"subdivision": URIRef(art)})
        point = st.select(
            load_query("depends-on-subdivision"), {"subdivision": URIRef(art + "/item/2")}
        )
    assert {(r["agency"], r["name"]) for r in rows} >= {
        (a, i) for a, i in expected_article20(extraction)
    }
    assert 0 < len({r["item"] for r in point}) < len({r["item"] for r in rows})


def test_items_per_unit_adds_up(built, extraction):
    with Store.open(built[0]) as st:
        rows = st.select(load_query("items-per-unit"))
    assert sum(int(r["items"]) for r in rows) == len(
        {(r.agency, r.item, r.unit) for r in extraction.responsibilities}
    )


def test_most_cited_document_is_the_regulation(built):
    with Store.open(built[0]) as st:
        rows = st.select(load_query("most-cited-documents"))
    assert rows[0]["number"] == "国务院令第711号"
    assert int(rows[0]["items"]) >= int(rows[1]["items"])


def test_every_basis_reaches_an_act(built):
    with Store.open(built[0]) as st:
        assert not st.ask(
            "ASK { ?item kg:basis ?x . FILTER NOT EXISTS { ?x eli:is_part_of* ?act . "
            "?act a eli:LegalResource . FILTER NOT EXISTS { ?act eli:is_part_of ?up } } }"
        )
        assert not st.ask("ASK { ?i a kg:DisclosureItem . ?i a eli:LegalResource }")


def test_a_failed_build_leaves_the_previous_graph(built, tmp_path):
    store = tmp_path / "s"
    build_bundled(store)
    with Store.open(store) as st:
        before = st.dump("nt")
    empty = tmp_path / "empty.tsv"
    empty.write_text("")
    with pytest.raises(InputError):
        build([*BUNDLED, empty], store=store)
    with Store.open(store) as st:
        assert st.dump("nt") == before


def test_a_catalog_given_twice_counts_once(tmp_path):
    summary = build([*BUNDLED, BUNDLED[0]], store=tmp_path / "s")
    assert summary.catalogs == 2 and summary.items == 64


def test_one_agency_in_two_files_is_refused(tmp_path):
    copy = tmp_path / "copy.tsv"
    copy.write_bytes(BUNDLED[1].read_bytes())
    with pytest.raises(InputError, match="also in"):
        build([BUNDLED[1], copy], store=tmp_path / "s")
    assert not (tmp_path / "s").exists()


@pytest.mark.slow
def test_build_with_statutes_uses_library_acts_and_conforms(bundled_store_with_statutes, built):
    with Store.open(bundled_store_with_statutes) as st, Store.open(built[0]) as plain:
        with_library = st.select(load_query("article20"))
        without = plain.select(load_query("article20"))
        # The same items rest on Article 20; with the statute text, three quotes that left
        # the point number out are placed under the point their words come from.
        assert {(r["agency"], r["name"]) for r in with_library} == {
            (r["agency"], r["name"]) for r in without
        }
        changed = sorted(
            {(r["name"], r["pinpoint"]) for r in with_library}
            - {(r["name"], r["pinpoint"]) for r in without}
        )
        assert changed == [
            ("法规规章", "第20条第(1)项"),
            ("统计信息", "第20条第(4)项"),
            ("行政规范性文件", "第20条第(1)项"),
        ]
        recovered = st.select(
            "SELECT ?name ?label ?verdict WHERE { ?item kg:hasCitation ?c ; skos:prefLabel ?name ."
            " ?c kg:flag 'pinpoint-recovered' ; kg:pinpointLabel ?label ; kg:verdict ?verdict }"
            " ORDER BY ?name"
        )
        assert [(r["name"], r["label"], r["verdict"]) for r in recovered] == [
            ("法规规章", "第20条第(1)项", "pinpoint-missing"),
            ("统计信息", "第20条第(4)项", "pinpoint-missing"),
            ("行政规范性文件", "第20条第(1)项", "pinpoint-missing"),
        ]
        act = st.select("SELECT ?act WHERE { ?act eli:id_local '国务院令第711号' }")[0]["act"]
        assert "/act/政府信息公开条例/" in act
        # the library's article 20 and its points carry the statute text
        assert st.ask(
            "ASK { ?a eli:is_part_of ?act ; eli:number '20' ; kg:text ?t }", {"act": URIRef(act)}
        )
        assert st.ask("ASK { ?c kg:verdict ?v }")
        assert validate_graph(st.rdflib_graph()).conforms


def test_build_summary_with_a_loaded_library(library, tmp_path):
    summary = build_bundled(tmp_path / "s", statutes=library)
    assert summary.statute_acts > 0 and summary.articles > 100
