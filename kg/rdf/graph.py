"""Turn pipeline values (kg.models) into RDF triples, following the graph shape of the brief.

Everything is a plain generator of (subject, predicate, object) rdflib terms: no graph object
is built, so a national-scale build streams straight into the store. Each node's description
is emitted once; IRIs come from kg.rdf.iris only, so the same input always gives the same
triples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.models import CatalogRead, Citation, Document, Item, Pinpoint, Repair, Responsibility, Unit
from kg.rdf import vocab as V
from kg.rdf.iris import Iris
from kg.rdf.vocab import ELI, ORG

Triple = tuple[Node, Node, Node]

# Item fields stored as literals, in the order of kg.models.ITEM_FIELDS.
ITEM_LITERALS = (
    ("category", V.category),
    ("content", V.content),
    ("basis", V.basisText),
    ("provisions", V.provisionsText),
    ("channel", V.channel),
    ("time_limit", V.timeLimit),
    ("mode", V.disclosureMode),
)

# Pinpoint step kind -> subdivision class.
STEP_CLASS = {
    "art": V.Article,
    "suffix": V.Article,
    "para": V.Paragraph,
    "item": V.Point,
    "subitem": V.SubPoint,
    "sec": V.Section,
}


def lit(value: str | int | bool) -> Literal:
    """A literal of the project's datatypes: xsd:string, xsd:integer, xsd:boolean."""
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(value)


def catalog_name(file: str) -> str:
    """The catalog's node is named by the file's base name (paths differ between machines)."""
    return PurePath(file.replace("\\", "/")).name or file


@lru_cache(maxsize=4096)
def numeral(n: int) -> str:
    import cn2an  # imported late: only labels need it

    return cn2an.an2cn(n)


def step_label(kind: str, number: int, parent_number: int | None = None) -> tuple[str, str]:
    """(skos:prefLabel, eli:number) of one pinpoint step, e.g. ("第二十条", "20")."""
    if kind == "art":
        return f"第{numeral(number)}条", str(number)
    if kind == "suffix":
        base = numeral(parent_number) if parent_number is not None else ""
        return f"第{base}条之{numeral(number)}", f"{parent_number}之{number}"
    if kind == "para":
        return f"第{numeral(number)}款", str(number)
    if kind == "item":
        return f"第（{numeral(number)}）项", str(number)
    if kind == "subitem":
        return f"第{numeral(number)}目", str(number)
    return f"（{numeral(number)}）", str(number)


@dataclass
class GraphBuilder:
    """Emits the triples of one build. `known` holds nodes another source (the statute
    library) already describes: they are linked to, never described again."""

    iris: Iris = field(default_factory=Iris)
    act_iris: Mapping[str, URIRef] = field(default_factory=dict)  # Document.key -> act IRI
    known: frozenset[URIRef] | set[URIRef] = frozenset()
    keywords: Callable[[str], Iterable[str]] | None = None
    verdicts: Mapping[Citation, tuple[str, str]] = field(default_factory=dict)
    titles: Mapping[URIRef, str] = field(default_factory=dict)  # library act IRI -> its title
    _done: set[URIRef] = field(default_factory=set)

    # ---- legal resources -----------------------------------------------------------------

    def act_iri(self, key: str) -> URIRef:
        return self.act_iris.get(key) or self.iris.act(key)

    def documents(self, documents: Iterable[Document]) -> Iterator[Triple]:
        for doc in documents:
            yield from self.document(doc)

    def document(self, doc: Document) -> Iterator[Triple]:
        act = self.act_iri(doc.key)
        if act in self._done:
            return
        self._done.add(act)
        described = act in self.known
        if not described:
            yield act, RDF.type, ELI.LegalResource
            yield act, SKOS.prefLabel, lit(doc.title or doc.number or doc.key)
        # A library act keeps the library's title as prefLabel; catalog spellings become altLabels.
        pref = self.titles.get(act, "") if described else doc.title
        for title in sorted({doc.title, *doc.alt_titles} - {pref, ""}):
            yield act, SKOS.altLabel, lit(title)
        for number in sorted({doc.number, *doc.alt_numbers} - {""}):
            yield act, ELI.id_local, lit(number)
        if not described:
            if doc.kind:
                yield act, V.documentKind, lit(doc.kind)
            if doc.issuer:
                yield act, V.issuerCode, lit(doc.issuer)
        for flag in doc.flags:
            yield act, V.flag, lit(flag)
        if doc.statute_match:
            yield act, V.statuteMatch, lit(doc.statute_match)
        for key in doc.promulgates:
            yield act, V.promulgates, self.act_iri(key)
        for key in doc.mentions:
            yield act, V.mentions, self.act_iri(key)

    def placeholder_act(self, key: str) -> Iterator[Triple]:
        """A document a citation names but the extraction did not list: still a valid node."""
        yield from self.document(Document(key=key, title=key))

    def target(self, act: URIRef, pinpoint: Pinpoint) -> URIRef:
        """The most specific node a pinpoint names; with a statute library, a 项 written
        without its 款 is placed under the one paragraph of the article that has it."""
        node = self.iris.subdivision(act, pinpoint)
        if not self.known or node in self.known or pinpoint.article is None:
            return node
        steps = pinpoint.path()
        kinds = [k for k, _ in steps]
        if "item" not in kinds or "para" in kinds:
            return node
        cut = kinds.index("item")
        head = self.iris.subdivision(act, Pinpoint(pinpoint.article, pinpoint.article_suffix))
        tail = "".join(f"/{k}/{n}" for k, n in steps[cut:])
        found = [
            URIRef(f"{head}/para/{p}{tail}")
            for p in range(1, 30)
            if URIRef(f"{head}/para/{p}{tail}") in self.known
        ]
        return found[0] if len(found) == 1 else node

    def subdivisions(self, act: URIRef, target: URIRef) -> Iterator[Triple]:
        """Describe every node from the act down to `target` (built by `target`)."""
        rest = str(target)[len(str(act)) :].strip("/")
        if not rest:
            return
        parts = rest.split("/")
        steps = [(parts[i], int(parts[i + 1])) for i in range(0, len(parts) - 1, 2)]
        parent = act
        node = str(act)
        # A 第X条之N article hangs off the article's parent, not off article X.
        article_parent, article_number = act, None
        for kind, number in steps:
            node += f"/{kind}/{number}"
            iri = URIRef(node)
            up = article_parent if kind == "suffix" else parent
            if kind == "art":
                article_parent, article_number = parent, number
            if iri not in self._done and iri not in self.known:
                self._done.add(iri)
                label, num = step_label(kind, number, article_number)
                yield iri, RDF.type, ELI.LegalResourceSubdivision
                yield iri, RDF.type, STEP_CLASS[kind]
                yield iri, ELI.is_part_of, up
                yield up, ELI.has_part, iri
                yield iri, ELI.number, lit(num)
                yield iri, V.ordinal, lit(number)
                yield iri, SKOS.prefLabel, lit(label)
            parent = iri

    # ---- catalogs, agencies, units -------------------------------------------------------

    def catalog(self, read: CatalogRead) -> Iterator[Triple]:
        cat = self.iris.catalog(catalog_name(read.file))
        if cat in self._done:
            return
        self._done.add(cat)
        yield cat, RDF.type, V.Catalog
        yield cat, RDF.type, PROV.Entity
        yield cat, RDFS.label, lit(catalog_name(read.file))
        yield cat, DCTERMS.format, lit(read.format)
        if read.agency:
            yield cat, V.agency, self.iris.agency(read.agency)
            yield from self.agency(read.agency)

    def agency(self, name: str) -> Iterator[Triple]:
        node = self.iris.agency(name)
        if node not in self._done:
            self._done.add(node)
            yield node, RDF.type, ORG.Organization
            yield node, SKOS.prefLabel, lit(name)

    def unit(self, unit: Unit) -> Iterator[Triple]:
        node = self.iris.unit(unit.agency, unit.name)
        if node in self._done:
            return
        self._done.add(node)
        agency = self.iris.agency(unit.agency)
        yield from self.agency(unit.agency)
        yield node, RDF.type, ORG.OrganizationalUnit
        if unit.collective:
            yield node, RDF.type, V.CollectiveUnit
        yield node, SKOS.prefLabel, lit(unit.name)
        for alias in sorted(set(unit.aliases) - {unit.name, ""}):
            yield node, SKOS.altLabel, lit(alias)
        yield node, ORG.unitOf, agency
        yield agency, ORG.hasUnit, node

    # ---- items and citations -------------------------------------------------------------

    def item(self, item: Item) -> Iterator[Triple]:
        node = self.iris.item(item.agency, item.ident)
        yield from self.agency(item.agency)
        yield node, RDF.type, V.DisclosureItem
        yield node, SKOS.prefLabel, lit(item.name or item.ident)
        yield node, DCTERMS.identifier, lit(item.ident)
        for name, prop in ITEM_LITERALS:
            value = getattr(item, name)
            if value:
                yield node, prop, lit(value)
        yield node, V.agency, self.iris.agency(item.agency)
        yield node, PROV.wasDerivedFrom, self.iris.catalog(catalog_name(item.file))
        yield node, V.sourceLine, lit(max(item.line, 1))
        if self.keywords is not None:
            for word in self.keywords(f"{item.name} {item.content}"):
                yield node, V.keyword, lit(word)

    def citation(self, citation: Citation, n: int, catalog: URIRef) -> Iterator[Triple]:
        item = self.iris.item(citation.agency, citation.item)
        node = self.iris.citation(citation.agency, citation.item, n)
        act = self.act_iri(citation.document_key)
        if act not in self._done and act not in self.known:
            yield from self.placeholder_act(citation.document_key)
        target = self.target(act, citation.pinpoint)
        yield from self.subdivisions(act, target)
        yield item, V.hasCitation, node
        yield item, V.basis, target
        yield node, RDF.type, V.Citation
        yield node, V.cites, target
        yield node, V.origin, lit(citation.origin)
        for value, prop in (
            (citation.quote, V.quotedText),
            (citation.ref.title, V.titleAsWritten),
            (citation.ref.number, V.numberAsWritten),
            (citation.pinpoint.label(), V.pinpointLabel),
        ):
            if value:
                yield node, prop, lit(value)
        for flag in sorted(set(citation.flags)):
            yield node, V.flag, lit(flag)
        verdict = self.verdicts.get(citation)
        if verdict:
            yield node, V.verdict, lit(verdict[0])
            if verdict[1]:
                yield node, V.verdictDetail, lit(verdict[1])
        yield node, PROV.wasDerivedFrom, catalog
        if citation.line > 0:
            yield node, V.sourceLine, lit(citation.line)

    def repairs(self, repairs: Iterable[Repair]) -> Iterator[Triple]:
        counters: dict[str, int] = defaultdict(int)
        for repair in repairs:
            name = catalog_name(repair.file)
            counters[name] += 1
            node = self.iris.repair(name, counters[name])
            yield node, RDF.type, V.Repair
            yield node, V.rule, lit(repair.rule)
            if repair.field:
                yield node, V.fieldName, lit(repair.field)
            yield node, V.original, lit(repair.original)
            yield node, V.repaired, lit(repair.repaired)
            yield node, V.guess, lit(bool(repair.guess))
            yield node, PROV.wasDerivedFrom, self.iris.catalog(name)
            if repair.line > 0:
                yield node, V.sourceLine, lit(repair.line)


def catalog_triples(
    reads: Iterable[CatalogRead],
    citations: Iterable[Citation] = (),
    documents: Iterable[Document] = (),
    units: Iterable[Unit] = (),
    responsibilities: Iterable[Responsibility] = (),
    repairs: Iterable[Repair] = (),
    builder: GraphBuilder | None = None,
) -> Iterator[Triple]:
    """All triples of the catalog side of the graph (statute text comes from kg.statutes)."""
    b = builder or GraphBuilder()
    reads = list(reads)
    catalog_of: dict[tuple[str, str], URIRef] = {}
    for read in reads:
        yield from b.catalog(read)
        for item in read.items:
            catalog_of[item.key] = b.iris.catalog(catalog_name(item.file))
            yield from b.item(item)
    yield from b.documents(documents)
    for unit in units:
        yield from b.unit(unit)
    for resp in responsibilities:
        unit_node = b.iris.unit(resp.agency, resp.unit)
        if unit_node not in b._done:
            yield from b.unit(Unit(resp.agency, resp.unit))
        yield b.iris.item(resp.agency, resp.item), V.responsibility, unit_node
    numbers: dict[tuple[str, str], int] = defaultdict(int)
    for citation in citations:
        key = (citation.agency, citation.item)
        numbers[key] += 1
        catalog = catalog_of.get(key) or b.iris.catalog(catalog_name(citation.file))
        yield from b.citation(citation, numbers[key], catalog)
    yield from b.repairs(repairs)
