"""Turn pipeline values (kg.models) into RDF triples, following the graph shape of the brief.

The builder emits statements as N-Triples text (a build writes millions of them, and rdflib
terms cost microseconds each); kg.rdf.statements strings them together for a whole build
(and as rdflib terms for tests and tools). Each node is described once; IRIs come from kg.rdf.iris only, so the
same input always gives the same statements in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.models import CatalogRead, Citation, Document, Item, Pinpoint, Repair, Unit
from kg.rdf import vocab as V
from kg.rdf.iris import Iris, citation_under, repair_under
from kg.rdf.terms import literal_nt
from kg.rdf.vocab import ELI, ORG

Triple = tuple[Node, Node, Node]
Statement = tuple[str, str, str]  # subject, predicate, object in N-Triples syntax


def n(term: str) -> str:
    """An IRI in N-Triples syntax (IRIs from kg.rdf.iris need no further escaping)."""
    return f"<{term}>"


@lru_cache(maxsize=1 << 17)
def s(text: str) -> str:
    """A string literal in N-Triples syntax; cached, as catalogs repeat cells across agencies."""
    return literal_nt(text)


INTEGER = f"^^<{XSD.integer}>"
TRUE = f'"true"^^<{XSD.boolean}>'


def i(number: int) -> str:
    return f'"{number}"{INTEGER}'


# Predicates and classes, as N-Triples text once.
TYPE, PREF, ALT, LABEL = n(RDF.type), n(SKOS.prefLabel), n(SKOS.altLabel), n(RDFS.label)
DERIVED, LINE, IDENT, FORMAT = (
    n(PROV.wasDerivedFrom),
    n(V.sourceLine),
    n(DCTERMS.identifier),
    n(DCTERMS.format),
)
PART_OF, HAS_PART, NUMBER, ORDINAL = n(ELI.is_part_of), n(ELI.has_part), n(ELI.number), n(V.ordinal)
AGENCY, UNIT_OF, HAS_UNIT = n(V.agency), n(ORG.unitOf), n(ORG.hasUnit)
QUOTED, TITLE_WRITTEN = n(V.quotedText), n(V.titleAsWritten)
NUMBER_WRITTEN, PINPOINT_LABEL = n(V.numberAsWritten), n(V.pinpointLabel)


class NTerms:
    """`T.basis` is n(V.basis): N-Triples text of a namespace's terms, made on first use."""

    def __init__(self, source: object) -> None:
        self._source = source

    def __getattr__(self, name: str) -> str:
        value = n(getattr(self._source, name))
        setattr(self, name, value)
        return value


T, E, G, P = NTerms(V), NTerms(ELI), NTerms(ORG), NTerms(PROV)  # kg, eli, org, prov


# Item fields stored as literals, in the order of kg.models.ITEM_FIELDS.
ITEM_LITERALS = (
    ("category", n(V.category)),
    ("content", n(V.content)),
    ("basis", n(V.basisText)),
    ("provisions", n(V.provisionsText)),
    ("channel", n(V.channel)),
    ("time_limit", n(V.timeLimit)),
    ("mode", n(V.disclosureMode)),
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
STEP_CLASS_NT = {kind: n(cls) for kind, cls in STEP_CLASS.items()}


def lit(value: str | int | bool) -> Literal:
    """An rdflib literal of the project's datatypes: xsd:string, xsd:integer, xsd:boolean."""
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(value)


@lru_cache(maxsize=65536)
def catalog_name(file: str) -> str:
    """The catalog's node is named by the file's base name (paths differ between machines)."""
    return PurePath(file.replace("\\", "/")).name or file


@lru_cache(maxsize=4096)
def numeral(number: int) -> str:
    from kg.statutes.model import chinese_number

    return chinese_number(number)


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
    """Emits the statements of one build. `known` holds IRIs another source (the statute
    library) already describes: they are linked to, never described again."""

    iris: Iris = field(default_factory=Iris)
    act_iris: Mapping[str, str] = field(default_factory=dict)  # Document.key -> act IRI
    known: Iterable[str] = frozenset()
    keywords: Callable[[str, str], Iterable[str]] | None = None  # (text, agency) -> words
    verdicts: Mapping[Citation, tuple[str, str]] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)  # library act IRI -> its title
    _done: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._normalise()
        self._nodes: dict[tuple[str, ...], str] = {}
        self._items: dict[tuple[str, str], str] = {}
        self._targets: dict[tuple[str, Pinpoint], str] = {}  # (document, pinpoint) -> node
        self._citations: dict[tuple[str, tuple[str, ...]], str] = {}  # (target, words) -> node
        self._repairs: dict[tuple[str, ...], str] = {}  # (rule, field, texts) -> node

    def _normalise(self) -> None:
        # rdflib's URIRef never equals a plain str: keep every IRI as a plain str.
        self.known = {str(k) for k in self.known}
        self.act_iris = {k: str(v) for k, v in self.act_iris.items()}
        self.titles = {str(k): v for k, v in self.titles.items()}

    def configure(self, **options: object) -> None:
        """Set options learnt after the items were described (statute matches, verdicts):
        a build describes items while it reads, before citations are extracted."""
        for name, value in options.items():
            if name.startswith("_") or not hasattr(self, name):
                raise TypeError(f"GraphBuilder has no option {name!r}")
            setattr(self, name, value)
        self._normalise()
        self._targets.clear()  # places depend on act_iris and known

    def node_iri(self, kind: str, *args: str) -> str:
        """IRIs of agencies, units and catalogs, made once per build."""
        key = (kind, *args)
        iri = self._nodes.get(key)
        if iri is None:
            iri = self._nodes[key] = str(getattr(self.iris, kind)(*args))
        return iri

    def item_iri(self, agency: str, ident: str) -> str:
        """An item's IRI (a plain str), made once per build (citations reuse it)."""
        key = (agency, ident)
        iri = self._items.get(key)
        if iri is None:
            iri = self._items[key] = str(self.iris.item(agency, ident))
        return iri

    # ---- legal resources -----------------------------------------------------------------

    def act_iri(self, key: str) -> str:
        return self.act_iris.get(key) or self.node_iri("act", key)

    def document(self, doc: Document) -> Iterator[Statement]:
        act = self.act_iri(doc.key)
        if act in self._done:
            return
        self._done.add(act)
        a = n(act)
        described = act in self.known
        if not described:
            yield a, TYPE, E.LegalResource
            yield a, PREF, s(doc.title or doc.number or doc.key)
        # A library act keeps the library's title as prefLabel; catalog spellings are altLabels.
        pref = self.titles.get(act, "") if described else doc.title
        for title in sorted({doc.title, *doc.alt_titles} - {pref, ""}):
            yield a, ALT, s(title)
        for number in sorted({doc.number, *doc.alt_numbers} - {""}):
            yield a, E.id_local, s(number)
        if not described and doc.kind:
            yield a, T.documentKind, s(doc.kind)
        if not described and doc.issuer:
            yield a, T.issuerCode, s(doc.issuer)
        for flag in sorted(set(doc.flags)):
            yield a, T.flag, s(flag)
        if doc.statute_match:
            yield a, T.statuteMatch, s(doc.statute_match)
        for key in doc.promulgates:
            yield a, T.promulgates, n(self.act_iri(key))
        for key in doc.mentions:
            yield a, T.mentions, n(self.act_iri(key))

    def target(self, act: str, pinpoint: Pinpoint) -> str:
        """The most specific node a pinpoint names; with a statute library, a 项 written
        without its 款 is placed under the one paragraph of the article that has it."""
        node = act + "".join(f"/{kind}/{number}" for kind, number in pinpoint.path())
        if not self.known or node in self.known or pinpoint.article is None:
            return node
        steps = pinpoint.path()
        kinds = [k for k, _ in steps]
        if "item" not in kinds or "para" in kinds:
            return node
        cut = kinds.index("item")
        head = act + "".join(f"/{k}/{num}" for k, num in steps[:cut])
        tail = "".join(f"/{k}/{num}" for k, num in steps[cut:])
        found = [
            f"{head}/para/{p}{tail}" for p in range(1, 30) if f"{head}/para/{p}{tail}" in self.known
        ]
        return found[0] if len(found) == 1 else node

    def subdivisions(self, act: str, target: str) -> Iterator[Statement]:
        """Describe every node from the act down to `target` (built by `target`)."""
        rest = target[len(act) :].strip("/")
        if not rest:
            return
        parts = rest.split("/")
        parent = node = act
        # A 第X条之N article hangs off the article's parent, not off article X.
        article_parent, article_number = act, None
        for k in range(0, len(parts) - 1, 2):
            kind, number = parts[k], int(parts[k + 1])
            node += f"/{kind}/{number}"
            up = article_parent if kind == "suffix" else parent
            if kind == "art":
                article_parent, article_number = parent, number
            if node not in self._done and node not in self.known:
                self._done.add(node)
                label, num = step_label(kind, number, article_number)
                sub, above = n(node), n(up)
                yield sub, TYPE, E.LegalResourceSubdivision
                yield sub, TYPE, STEP_CLASS_NT[kind]
                yield sub, PART_OF, above
                yield above, HAS_PART, sub
                yield sub, NUMBER, s(num)
                yield sub, ORDINAL, i(number)
                yield sub, PREF, s(label)
            parent = node

    # ---- catalogs, agencies, units -------------------------------------------------------

    def catalog(self, read: CatalogRead) -> Iterator[Statement]:
        name = catalog_name(read.file)
        cat = self.node_iri("catalog", name)
        if cat in self._done:
            return
        self._done.add(cat)
        c = n(cat)
        yield c, TYPE, T.Catalog
        yield c, TYPE, P.Entity
        yield c, LABEL, s(name)
        yield c, FORMAT, s(read.format)
        if read.agency:
            yield c, AGENCY, n(self.node_iri("agency", read.agency))
            yield from self.agency(read.agency)

    def agency(self, name: str) -> Iterator[Statement]:
        node = self.node_iri("agency", name)
        if node not in self._done:
            self._done.add(node)
            yield n(node), TYPE, G.Organization
            yield n(node), PREF, s(name)

    def unit(self, unit: Unit) -> Iterator[Statement]:
        node = self.node_iri("unit", unit.agency, unit.name)
        if node in self._done:
            return
        self._done.add(node)
        u, agency = n(node), n(self.node_iri("agency", unit.agency))
        yield from self.agency(unit.agency)
        yield u, TYPE, G.OrganizationalUnit
        if unit.collective:
            yield u, TYPE, T.CollectiveUnit
        yield u, PREF, s(unit.name)
        for alias in sorted(set(unit.aliases) - {unit.name, ""}):
            yield u, ALT, s(alias)
        yield u, UNIT_OF, agency
        yield agency, HAS_UNIT, u

    # ---- items and citations -------------------------------------------------------------

    def item(self, item: Item) -> Iterator[Statement]:
        node = n(self.item_iri(item.agency, item.ident))
        yield from self.agency(item.agency)
        yield node, TYPE, T.DisclosureItem
        yield node, PREF, s(item.name or item.ident)
        yield node, IDENT, s(item.ident)
        for name, prop in ITEM_LITERALS:
            value = getattr(item, name)
            if value:
                yield node, prop, s(value)
        yield node, AGENCY, n(self.node_iri("agency", item.agency))
        yield node, DERIVED, n(self.node_iri("catalog", catalog_name(item.file)))
        yield node, LINE, i(max(item.line, 1))
        if self.keywords is not None:
            for word in self.keywords(f"{item.name} {item.content}", item.agency):
                yield node, T.keyword, s(word)

    def citation(self, citation: Citation) -> Iterator[Statement]:
        """The item's basis edge and its citation as written (a node shared by every item
        citing the same place in the same words, described once)."""
        item = n(self.item_iri(citation.agency, citation.item))
        place = (citation.document_key, citation.pinpoint)
        target = self._targets.get(place)
        if target is None:
            target = self._targets[place] = yield from self._place(*place)
        verdict, detail = (self.verdicts.get(citation) if self.verdicts else None) or ("", "")
        words = (citation.origin, citation.quote, citation.ref.title, citation.ref.number,
                 citation.pinpoint.label(), verdict, detail, *sorted(set(citation.flags)))
        # The node is named by exactly these words, so they are also its key here.
        node = self._citations.get((target, words))
        if node is None:
            node = self._citations[target, words] = yield from self._citation_node(target, words)
        yield item, T.hasCitation, node
        yield item, T.basis, n(target)

    def _place(self, document_key: str, pinpoint: Pinpoint) -> Generator[Statement, None, str]:
        """Describe the node a citation's document and pinpoint name; returns its IRI."""
        act = self.act_iri(document_key)
        if act not in self._done and act not in self.known:
            # a document the extraction did not list still gets a valid node
            yield from self.document(Document(key=document_key, title=document_key))
        target = self.target(act, pinpoint)
        yield from self.subdivisions(act, target)
        return target

    def _citation_node(self, target: str, words: tuple[str, ...]
                       ) -> Generator[Statement, None, str]:
        origin, quote, title, number, label, verdict, detail, *flags = words
        node = n(citation_under(target, words))
        yield node, TYPE, T.Citation
        yield node, T.cites, n(target)
        yield node, T.origin, s(origin)
        for value, prop in (
            (quote, QUOTED),
            (title, TITLE_WRITTEN),
            (number, NUMBER_WRITTEN),
            (label, PINPOINT_LABEL),
            (verdict, T.verdict),
            (detail, T.verdictDetail),
        ):
            if value:
                yield node, prop, s(value)
        for flag in flags:
            yield node, T.flag, s(flag)
        return node

    def repairs(self, repairs: Iterable[Repair]) -> Iterator[Statement]:
        """Each repair links the item whose cell it changed (the catalog when no item is
        known) to the repair: one node per rule, field and text, shared like citations."""
        for repair in repairs:
            guess = "guess" if repair.guess else ""
            key = (repair.rule, repair.field, repair.original, repair.repaired, guess)
            node = self._repairs.get(key)
            if node is None:
                node = self._repairs[key] = n(repair_under(self.iris.base, key[0], key[1:]))
                yield node, TYPE, T.Repair
                yield node, T.rule, s(repair.rule)
                if repair.field:
                    yield node, T.fieldName, s(repair.field)
                yield node, T.original, s(repair.original)
                yield node, T.repaired, s(repair.repaired)
                if repair.guess:  # absent means certain
                    yield node, T.guess, TRUE
            if repair.item:
                owner = self.item_iri(repair.agency, repair.item)
            else:
                owner = self.node_iri("catalog", catalog_name(repair.file))
            yield n(owner), T.hasRepair, node
