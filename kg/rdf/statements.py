"""The statements of a whole build, in order: each catalog as read, then what citation
extraction adds (documents, units, responsibilities, citations, repairs).

A build (kg.pipeline) loads read_statements of each catalog while it reads the next, then
extraction_statements, both as text from statement_text; catalog_statements gives both at
once, catalog_triples as rdflib terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice

from kg.models import CatalogRead, Citation, Document, Repair, Responsibility, Unit
from kg.rdf.graph import GraphBuilder
from kg.rdf.ntterms import Statement, T, Triple
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
        # b.unit checks this too; asking first spares a Unit and a generator per
        # responsibility (~0.1 s at 100k items).
        if not b.described(b.node_iri("unit", resp.agency, resp.unit)):
            yield from b.unit(Unit(resp.agency, resp.unit))
        unit_node = b.node_term("unit", resp.agency, resp.unit)
        yield b.item_term(resp.agency, resp.item), responsible, unit_node
    for citation in citations:
        yield from b.citation(citation)
    yield from b.repairs(repairs)


def keyword_statements(
    reads: Iterable[CatalogRead],
    ranked: Mapping[str, Sequence[str]],
    builder: GraphBuilder,
    top: int,
) -> Iterator[Statement]:
    """Each item's keywords: the ranked words of its text (kg.textsearch.keywords) less
    those of its agency's name, the first `top` of them, sorted."""
    from kg.textsearch.keywords import keyword_source, without_agency

    for read in reads:
        for item in read.items:
            words = ranked[keyword_source(item.name, item.content)]
            yield from builder.item_keywords(item, sorted(without_agency(words, item.agency, top)))


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


# Statements per piece of text: big enough that joining happens in C, small enough to keep
# a build's chunks near kg.rdf.store.CHUNK_CHARS.
TEXT_BATCH = 20_000


def statement_text(statements: Iterable[Statement], batch: int = TEXT_BATCH) -> Iterator[str]:
    """N-Triples text of statements, `batch` lines per piece (one join per piece: a build
    formats millions of lines, and a generator per line cost a third of its time)."""
    it = iter(statements)
    while rows := list(islice(it, batch)):
        yield "".join([f"{s} {p} {o} .\n" for s, p, o in rows])


def catalog_triples(*args, **kwargs) -> Iterator[Triple]:
    """The statements of catalog_statements as rdflib terms (same arguments)."""
    for subject, predicate, obj in catalog_statements(*args, **kwargs):
        yield from_nt(subject), from_nt(predicate), from_nt(obj)
