"""The statements of a whole build, in order: each catalog as read, then what citation
extraction adds (documents, units, responsibilities, citations, repairs).

A build (kg.pipeline) loads read_statements of each catalog while it reads the next, then
extraction_statements; catalog_statements gives both at once, catalog_triples as rdflib terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.models import CatalogRead, Citation, Document, Repair, Responsibility, Unit
from kg.rdf.graph import GraphBuilder, Statement, T, Triple, n
from kg.rdf.terms import from_nt


def read_statements(read: CatalogRead, builder: GraphBuilder) -> Iterator[Statement]:
    """The statements of one catalog as read: its node, its agency, its items. They need no
    citations, so a build loads them while it reads the next catalogs."""
    yield from builder.catalog(read)
    for item in read.items:
        yield from builder.item(item)


def extraction_statements(
    citations: Iterable[Citation] = (),
    documents: Iterable[Document] = (),
    units: Iterable[Unit] = (),
    responsibilities: Iterable[Responsibility] = (),
    repairs: Iterable[Repair] = (),
    builder: GraphBuilder | None = None,
) -> Iterator[Statement]:
    """The statements citation extraction adds to the items already described: documents,
    units, responsibilities, citations and repairs."""
    b = builder or GraphBuilder()
    for doc in documents:
        yield from b.document(doc)
    for unit in units:
        yield from b.unit(unit)
    responsible = T.responsibility
    for resp in responsibilities:
        yield from b.unit(Unit(resp.agency, resp.unit))  # nothing when already described
        unit_node = n(b.node_iri("unit", resp.agency, resp.unit))
        yield n(b.item_iri(resp.agency, resp.item)), responsible, unit_node
    for citation in citations:
        yield from b.citation(citation)
    yield from b.repairs(repairs)


def catalog_statements(
    reads: Iterable[CatalogRead],
    citations: Iterable[Citation] = (),
    documents: Iterable[Document] = (),
    units: Iterable[Unit] = (),
    responsibilities: Iterable[Responsibility] = (),
    repairs: Iterable[Repair] = (),
    builder: GraphBuilder | None = None,
) -> Iterator[Statement]:
    """Every statement of the catalog side of the graph (statute texts come from kg.statutes)."""
    b = builder or GraphBuilder()
    for read in reads:
        yield from read_statements(read, b)
    yield from extraction_statements(citations, documents, units, responsibilities, repairs, b)


def statement_lines(statements: Iterable[Statement]) -> Iterator[str]:
    """N-Triples lines of statements."""
    for subject, predicate, obj in statements:
        yield f"{subject} {predicate} {obj} .\n"


def catalog_lines(*args, **kwargs) -> Iterator[str]:
    """N-Triples lines of catalog_statements (same arguments)."""
    return statement_lines(catalog_statements(*args, **kwargs))


def catalog_triples(*args, **kwargs) -> Iterator[Triple]:
    """The statements of catalog_statements as rdflib terms (same arguments)."""
    for subject, predicate, obj in catalog_statements(*args, **kwargs):
        yield from_nt(subject), from_nt(predicate), from_nt(obj)
