"""The vocabulary module, ontology/kg.ttl and ontology/shapes.ttl stay in step."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SH

from kg.rdf import vocab as V

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")


def vocab_terms() -> set[URIRef]:
    return {v for k, v in vars(V).items() if not k.startswith("_") and type(v) is URIRef}


DECLARED_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
}


def declared(ontology: rdflib.Graph) -> set[URIRef]:
    return {s for t in DECLARED_TYPES for s in ontology.subjects(RDF.type, t)}


def test_every_vocab_term_is_declared_in_the_ontology(ontology):
    missing = vocab_terms() - declared(ontology)
    assert not missing, sorted(missing)


def test_every_kg_term_of_the_ontology_is_in_the_vocab_module(ontology):
    ours = {t for t in declared(ontology) if str(t).startswith(str(V.KG))}
    assert ours - vocab_terms() == set()
    assert len(ours) > 50


@pytest.mark.parametrize(
    ("prop", "nearest"),
    [(V.basis, V.M8G.hasLegalResource), (V.responsibility, V.M8G.hasCompetentAuthority)],
)
def test_item_links_point_at_cpsv_without_subproperty(ontology, prop, nearest):
    assert (prop, RDFS.seeAlso, nearest) in ontology
    assert (prop, RDFS.subPropertyOf, nearest) not in ontology
    assert ontology.value(prop, RDFS.domain) == V.DisclosureItem


def superclasses(graph: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(graph.transitive_objects(cls, RDFS.subClassOf))


# Properties the graph states about items, citations and keyword sets (see kg.rdf.graph).
ITEM_PROPERTIES = [
    V.basis,
    V.responsibility,
    V.agency,
    V.hasCitation,
    V.category,
    V.content,
    V.channel,
    V.timeLimit,
    V.disclosureMode,
    V.basisText,
    V.provisionsText,
    V.keyword,
    V.keywordSet,
    V.sourceLine,
    V.cites,
    V.quotedText,
    V.origin,
    V.flag,
    V.verdict,
    V.pinpointLabel,
]


@pytest.mark.parametrize("prop", ITEM_PROPERTIES, ids=lambda p: p.n3().rsplit("#")[-1])
def test_no_domain_makes_an_item_or_citation_a_legal_resource(ontology, prop):
    # RDFS typing: a subject gets the domain of each property it uses and of their
    # super-properties, then every super-class of those.
    props = set(ontology.transitive_objects(prop, RDFS.subPropertyOf))
    domains = {d for p in props for d in ontology.objects(p, RDFS.domain)}
    typed = {c for d in domains for c in superclasses(ontology, d)}
    assert V.LegalResource not in typed


@pytest.mark.parametrize("cls", [V.DisclosureItem, V.Citation])
def test_items_and_citations_are_disjoint_from_legal_resources(ontology, cls):
    assert V.LegalResource not in superclasses(ontology, cls)
    assert (cls, OWL.disjointWith, V.LegalResource) in ontology


def test_subdivision_classes_are_eli_subdivisions(ontology):
    for cls in (V.Article, V.Paragraph, V.Point, V.SubPoint, V.Section):
        assert V.LegalResourceSubdivision in superclasses(ontology, cls)


def test_every_class_has_a_shape(ontology, shapes):
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    classes.discard(rdflib.PROV.Entity)  # PROV's own class: we only point at it
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()


def test_every_ontology_term_has_a_label_or_comment(ontology):
    for term in declared(ontology):
        if str(term).startswith(str(V.KG)):
            assert ontology.value(term, RDFS.label) is not None, term


def test_readme_documents_every_kg_term(ontology):
    readme = (ONTOLOGY / "README.md").read_text(encoding="utf-8")
    for term in declared(ontology):
        if str(term).startswith(str(V.KG)):
            assert f"kg:{str(term)[len(str(V.KG)) :]}" in readme, term
