"""Turn pipeline values (kg.models) into RDF triples, following the graph shape of the brief.

The builder emits statements as N-Triples text (terms from kg.rdf.ntterms); kg.rdf.statements
strings them together for a whole build (and as rdflib terms for tests and tools). Each node
is described once; IRIs come from kg.rdf.iris only, so the same input always gives the same
statements in the same order.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from kg.models import CatalogRead, Citation, Document, Item, Pinpoint, Repair, Unit
from kg.rdf.iris import Iris, citation_under, keywords_under, repair_under
from kg.rdf.ntterms import (
    AGENCY,
    ALT,
    DERIVED,
    FORMAT,
    HAS_PART,
    HAS_UNIT,
    IDENT,
    ITEM_LITERALS,
    LABEL,
    LINE,
    NUMBER,
    NUMBER_WRITTEN,
    ORDINAL,
    PART_OF,
    PINPOINT_LABEL,
    PREF,
    QUOTED,
    STEP_CLASS_NT,
    TITLE_WRITTEN,
    TRUE,
    TYPE,
    UNIT_OF,
    E,
    G,
    P,
    Statement,
    T,
    catalog_name,
    i,
    n,
    s,
    step_label,
)


@dataclass
class GraphBuilder:
    """Emits the statements of one build. `known` holds IRIs another source (the statute
    library) already describes: they are linked to, never described again."""

    iris: Iris = field(default_factory=Iris)
    act_iris: Mapping[str, str] = field(default_factory=dict)  # Document.key -> act IRI
    known: Iterable[str] = frozenset()
    verdicts: Mapping[Citation, tuple[str, str]] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)  # library act IRI -> its title
    _done: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._normalise()
        self._nodes: dict[tuple[str, ...], str] = {}
        self._items: dict[tuple[str, str], str] = {}
        # The same IRIs in N-Triples syntax: an item's IRI is written in ~20 statements.
        self._node_terms: dict[tuple[str, ...], str] = {}
        self._item_terms: dict[tuple[str, str], str] = {}
        # (document, pinpoint) -> (node IRI, its N-Triples term)
        self._targets: dict[tuple[str, Pinpoint], tuple[str, str]] = {}
        self._citations: dict[tuple[str, tuple[str, ...]], str] = {}  # (target, words) -> node
        self._repairs: dict[tuple[str, ...], str] = {}  # (rule, field, texts) -> node
        self._keyword_sets: dict[tuple[str, ...], str] = {}  # words -> node

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

    def node_term(self, kind: str, *args: str) -> str:
        """node_iri in N-Triples syntax."""
        key = (kind, *args)
        term = self._node_terms.get(key)
        if term is None:
            term = self._node_terms[key] = n(self.node_iri(kind, *args))
        return term

    def item_iri(self, agency: str, ident: str) -> str:
        """An item's IRI (a plain str), made once per build (citations reuse it)."""
        key = (agency, ident)
        iri = self._items.get(key)
        if iri is None:
            iri = self._items[key] = str(self.iris.item(agency, ident))
        return iri

    def item_term(self, agency: str, ident: str) -> str:
        """item_iri in N-Triples syntax."""
        key = (agency, ident)
        term = self._item_terms.get(key)
        if term is None:
            term = self._item_terms[key] = n(self.item_iri(agency, ident))
        return term

    def described(self, iri: str) -> bool:
        """True once this build has described the node `iri`."""
        return iri in self._done

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
        node = self.item_term(item.agency, item.ident)
        agency = self.node_term("agency", item.agency)
        yield from self.agency(item.agency)
        yield node, TYPE, T.DisclosureItem
        yield node, PREF, s(item.name or item.ident)
        yield node, IDENT, s(item.ident)
        for name, prop in ITEM_LITERALS:
            value = getattr(item, name)
            if value:
                yield node, prop, s(value)
        yield node, AGENCY, agency
        yield node, DERIVED, self.node_term("catalog", catalog_name(item.file))
        yield node, LINE, i(max(item.line, 1))

    def item_keywords(self, item: Item, words: Iterable[str]) -> Iterator[Statement]:
        """The item's keywords, written once they are ranked: a kg:KeywordSet node shared by
        every item with the same words (template copies), like citations and repairs."""
        key = tuple(words)
        if not key:
            return
        node = self._keyword_sets.get(key)
        if node is None:
            node = self._keyword_sets[key] = n(keywords_under(self.iris.base, key))
            yield node, TYPE, T.KeywordSet
            for word in key:
                yield node, T.keyword, s(word)
        yield self.item_term(item.agency, item.ident), T.keywordSet, node

    def citation(self, citation: Citation) -> Iterator[Statement]:
        """The item's basis edge and its citation as written (a node shared by every item
        citing the same place in the same words, described once)."""
        item = self.item_term(citation.agency, citation.item)
        place = (citation.document_key, citation.pinpoint)
        found = self._targets.get(place)
        if found is None:
            target = yield from self._place(*place)
            found = self._targets[place] = (target, n(target))
        target, target_term = found
        verdict, detail = (self.verdicts.get(citation) if self.verdicts else None) or ("", "")
        words = (citation.origin, citation.quote, citation.ref.title, citation.ref.number,
                 citation.pinpoint.label(), verdict, detail, *sorted(set(citation.flags)))
        # The node is named by exactly these words, so they are also its key here.
        node = self._citations.get((target, words))
        if node is None:
            node = self._citations[target, words] = yield from self._citation_node(target, words)
        yield item, T.hasCitation, node
        yield item, T.basis, target_term

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
                owner = self.item_term(repair.agency, repair.item)
            else:
                owner = self.node_term("catalog", catalog_name(repair.file))
            yield owner, T.hasRepair, node
