"""What rests on this act, article, paragraph or item? (`kg depends`)

Three relations, each item listed once under its strongest one:
- direct: the item's basis is the named node or a node under it (Article 20 includes its
  items; it does not include 第二十条之一, a separate article nested under 20 in IRIs);
- act-only: the item cites the act with no pinpoint at all (it may be affected);
- transitive (opt-in): the item rests on a document that promulgates or mentions the act.
Queries walk from the subdivision's side (`?x eli:is_part_of* ?target . ?item kg:basis ?x`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from rdflib import URIRef

from kg.analysis.items import ItemInfo, details_under, item_details, pinpoints_under
from kg.analysis.lookup import Target, resolve, subdivisions
from kg.analysis.source import RecordingSource, Source, as_source, select

RELATIONS = ("direct", "act-only", "transitive")

_DIRECT = """
SELECT ?item ?x WHERE {
  ?x eli:is_part_of* ?target .
  ?item kg:basis ?x .
}
"""
# Articles nested in an article (第二十条之一 under 第二十条): separate articles, left out.
_INNER_ARTICLES = """
SELECT ?inner ?x WHERE {
  ?target a kg:Article .
  ?inner eli:is_part_of ?target ; a kg:Article .
  ?x eli:is_part_of* ?inner .
}
"""
# Items citing the act node itself and nothing under it.
_ACT_ONLY = """
SELECT ?act ?item WHERE {
  ?item kg:basis ?act .
  FILTER NOT EXISTS { ?item kg:basis ?y . ?y eli:is_part_of+ ?act }
}
"""
# Documents that promulgate or mention the act (at any distance), and the items on them.
_TRANSITIVE = """
SELECT ?act ?doc ?docTitle ?item WHERE {
  ?doc (kg:promulgates|kg:mentions)+ ?act .
  ?x eli:is_part_of* ?doc .
  ?item kg:basis ?x .
  OPTIONAL { ?doc skos:prefLabel ?docTitle }
}
"""


@dataclass(frozen=True)
class Dependent:
    """One item resting on the target, with how and where it says so."""

    item: ItemInfo
    relation: str  # direct | act-only | transitive
    pinpoints: tuple[str, ...] = ()
    via: str = ""  # transitive: the document that promulgates or mentions the act

    def sort_key(self) -> tuple:
        i = self.item
        return (i.agency, i.units, RELATIONS.index(self.relation), i.line, i.name)


@dataclass(frozen=True)
class DependsResult:
    target: Target
    nodes: tuple[str, ...]  # IRIs of the subdivisions found (the acts if no pinpoint)
    dependents: tuple[Dependent, ...]
    queries: tuple[str, ...] = ()  # the SPARQL run, values bound

    @property
    def missing(self) -> bool:
        """The pinpoint names a node the graph does not have (no item cites it)."""
        return not self.target.pinpoint.is_empty and not self.nodes

    def by_relation(self, relation: str) -> tuple[Dependent, ...]:
        return tuple(d for d in self.dependents if d.relation == relation)

    def records(self) -> list[dict]:
        """One record per (item, responsible unit), grouped by agency then unit."""
        rows = []
        for d in self.dependents:
            for unit in d.item.units:
                rows.append({
                    "agency": d.item.agency,
                    "unit": unit,
                    "item": d.item.name,
                    "category": d.item.category,
                    "pinpoint": "; ".join(d.pinpoints),
                    "relation": d.relation,
                    "via": d.via,
                    "source": d.item.source,
                })
        rows.sort(key=lambda r: (r["agency"], r["unit"], RELATIONS.index(r["relation"]),
                                 r["item"]))
        return rows


def _iri(value: str) -> URIRef:
    return URIRef(value)


def depends(store, phrase: str, article: int | str | None = None,
            paragraph: int | None = None, item: int | None = None,
            transitive: bool = False) -> DependsResult:
    """Items resting on what `phrase` (and the pinpoint options) names."""
    source = RecordingSource(as_source(store))
    target = resolve(source, phrase, article=article, paragraph=paragraph, item=item)
    result = depends_on(source, target, transitive=transitive)
    return replace(result, queries=tuple(source.queries))


def depends_on(source: Source, target: Target, transitive: bool = False) -> DependsResult:
    nodes = subdivisions(source, target)
    acts = {a.iri for a in target.acts}
    pins: dict[str, set[str]] = defaultdict(set)
    info: dict[str, ItemInfo] = {}
    for node in nodes:
        inner = {r["x"] for r in select(source, _INNER_ARTICLES, {"target": _iri(node)})}
        # No pinpoint (act-only, below) or another article (之一) is not direct.
        hits = {(r["x"], r["item"]) for r in select(source, _DIRECT, {"target": _iri(node)})
                if r["x"] not in acts and r["x"] not in inner}
        info.update(details_under(source, node, {item for _, item in hits}))
        for key, labels in pinpoints_under(source, node).items():
            if key in hits:
                pins[key[1]].update(labels)
    direct = set(info)
    act_only: set[str] = set()
    for act in sorted(acts):
        act_only |= {r["item"] for r in select(source, _ACT_ONLY, {"act": _iri(act)})}
    act_only -= direct
    via: dict[str, set[str]] = defaultdict(set)
    if transitive:
        for act in sorted(acts):
            for r in select(source, _TRANSITIVE, {"act": _iri(act)}):
                via[r["item"]].add(r.get("docTitle") or r["doc"])
    for seen in (direct, act_only):
        for iri in seen:
            via.pop(iri, None)
    info.update(item_details(source, act_only | set(via)))
    found = [
        Dependent(info[i], "direct", tuple(sorted(pins[i])))
        for i in direct
    ]
    found += [Dependent(info[i], "act-only") for i in act_only]
    found += [Dependent(info[i], "transitive", via="; ".join(sorted(via[i]))) for i in via]
    return DependsResult(target, nodes, tuple(sorted(found, key=Dependent.sort_key)))
