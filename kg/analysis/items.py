"""Details of disclosure items (agency, units, category, source line) for a set of hits.

One query per batch of items: the item IRIs come from the store (never from the user) and
are checked to be plain IRIs before they are written into a VALUES block.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.analysis.source import Source


def iri_values(var: str, iris: Iterable[str]) -> str:
    """A VALUES block of IRIs written by pyoxigraph, which refuses anything not an IRI."""
    parts = " ".join(str(ox.NamedNode(iri)) for iri in sorted(set(iris)))
    return f"VALUES ?{var} {{ {parts} }}"


@dataclass(frozen=True)
class ItemInfo:
    iri: str
    agency: str
    name: str
    category: str
    units: tuple[str, ...]
    file: str
    line: int

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}" if self.file else str(self.line or "")


_DETAILS = """
SELECT ?item ?name ?category ?agency ?unit ?file ?line WHERE {
  %s
  OPTIONAL { ?item skos:prefLabel ?name }
  OPTIONAL { ?item kg:category ?category }
  OPTIONAL { ?item kg:agency/skos:prefLabel ?agency }
  OPTIONAL { ?item kg:responsibility/skos:prefLabel ?unit }
  OPTIONAL { ?item prov:wasDerivedFrom/rdfs:label ?file }
  OPTIONAL { ?item kg:sourceLine ?line }
}
"""

BATCH = 500


def item_details(source: Source, iris: Iterable[str]) -> dict[str, ItemInfo]:
    """ItemInfo for each item IRI, units sorted, in batches of BATCH items per query."""
    todo = sorted(set(iris))
    rows: list[dict] = []
    for start in range(0, len(todo), BATCH):
        rows += source.select(_DETAILS % iri_values("item", todo[start : start + BATCH]))
    units: dict[str, set[str]] = defaultdict(set)
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["item"], r)
        if r.get("unit"):
            units[r["item"]].add(r["unit"])
    out = {}
    for iri, r in first.items():
        out[iri] = ItemInfo(
            iri=iri,
            agency=r.get("agency") or "",
            name=r.get("name") or iri.rsplit("/", 1)[-1],
            category=r.get("category") or "",
            units=tuple(sorted(units[iri])) or ("",),
            file=r.get("file") or "",
            line=int(r["line"]) if r.get("line") else 0,
        )
    return out


_CITATION_FIELD = """
SELECT ?x ?item ?value WHERE {
  %s
  ?c kg:cites ?x ; %s ?value .
  ?item kg:hasCitation ?c .
}
"""
CITATION_FIELDS = {"pinpoint": "kg:pinpointLabel", "quote": "kg:quotedText"}


def citation_field(source: Source, nodes: Iterable[str], field: str
                   ) -> dict[tuple[str, str], list[str]]:
    """(node, item) -> values of one field (pinpoint, quote) of the citations of `nodes`.

    Queried from the cited nodes (a VALUES block) without OPTIONAL: Oxigraph evaluates an
    OPTIONAL group on its own before joining, which reads every citation of the graph.
    """
    todo = sorted(set(nodes))
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for start in range(0, len(todo), BATCH):
        block = iri_values("x", todo[start : start + BATCH])
        for r in source.select(_CITATION_FIELD % (block, CITATION_FIELDS[field])):
            out[(r["x"], r["item"])].append(r["value"])
    return {k: sorted(v) for k, v in out.items()}


# The same details, for every item resting on a place or under it, read from the place's
# side in one walk (no OPTIONAL on the walk: see citation_field). Agencies, units and
# catalogs come back as IRIs and are named once each afterwards: Oxigraph decodes every
# string of every row, and thousands of items share a few agencies. ?target is bound.
_UNDER = """
SELECT ?item ?name ?agency ?file ?line WHERE {
  ?x eli:is_part_of* ?target .
  ?item kg:basis ?x ; skos:prefLabel ?name ; kg:agency ?agency ;
        prov:wasDerivedFrom ?file ; kg:sourceLine ?line .
}
"""
_UNDER_FIELDS = {"category": "kg:category", "unit": "kg:responsibility"}
_UNDER_FIELD = "SELECT ?item ?value WHERE {{ ?x eli:is_part_of* ?target . ?item kg:basis ?x ; {} ?value }}"
_LABELS = "SELECT ?node ?label WHERE {{ {} ?node skos:prefLabel|rdfs:label ?label }}"
_UNDER_PINPOINTS = """
SELECT ?item ?x ?value WHERE {
  ?x eli:is_part_of* ?target .
  ?c kg:cites ?x ; kg:pinpointLabel ?value .
  ?item kg:hasCitation ?c .
}
"""


def labels(source: Source, nodes: Iterable[str]) -> dict[str, str]:
    """The smallest skos:prefLabel (or rdfs:label) of each node, BATCH nodes per query."""
    todo = sorted(set(nodes))
    out: dict[str, str] = {}
    for start in range(0, len(todo), BATCH):
        block = iri_values("node", todo[start : start + BATCH])
        for r in source.select(_LABELS.format(block)):
            if r["node"] not in out or r["label"] < out[r["node"]]:
                out[r["node"]] = r["label"]
    return out


def details_under(source: Source, target: str, items: Iterable[str]) -> dict[str, ItemInfo]:
    """ItemInfo of `items`, all resting on `target` or a place under it (fast for many)."""
    from rdflib import URIRef

    from kg.analysis.source import select

    wanted = set(items)
    bound = {"target": URIRef(target)}
    first: dict[str, dict] = {}
    for r in select(source, _UNDER, bound):
        if r["item"] in wanted:
            old = first.get(r["item"])
            first[r["item"]] = r if old is None else min(old, r, key=_row_key)
    fields: dict[str, dict[str, set[str]]] = {f: defaultdict(set) for f in _UNDER_FIELDS}
    for name, path in _UNDER_FIELDS.items():
        for r in select(source, _UNDER_FIELD.format(path), bound):
            if r["item"] in wanted:
                fields[name][r["item"]].add(r["value"])
    named = labels(source, {r[k] for r in first.values() for k in ("agency", "file")}
                   | {u for units in fields["unit"].values() for u in units})
    out = {}
    for iri, r in first.items():
        units = sorted({named.get(u, "") for u in fields["unit"].get(iri, ())} - {""})
        out[iri] = ItemInfo(iri=iri, agency=named.get(r["agency"], ""), name=r["name"],
                            category=min(fields["category"].get(iri) or {""}),
                            units=tuple(units) or ("",), file=named.get(r["file"], ""),
                            line=int(r["line"]))
    missing = wanted - set(out)
    if missing:  # an item without a name, agency or line: read it the slow way
        out.update(item_details(source, missing))
    return out


def _row_key(row: dict) -> tuple:
    return tuple(row[k] for k in ("name", "agency", "file", "line"))


def pinpoints_under(source: Source, target: str) -> dict[tuple[str, str], set[str]]:
    """(place, item) -> pinpoint labels of the citations of places at or under `target`."""
    from rdflib import URIRef

    from kg.analysis.source import select

    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in select(source, _UNDER_PINPOINTS, {"target": URIRef(target)}):
        out[(r["x"], r["item"])].add(r["value"])
    return out
