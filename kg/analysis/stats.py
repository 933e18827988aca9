"""Figures about the whole graph (`kg stats`): what is cited most, who does what, what is
missing, which agencies share a template, and which nodes are central.

`stats(store)` returns a dict of tables (lists of records) for the CLI and the notebook.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from kg.analysis.centrality import centrality
from kg.analysis.items import item_details
from kg.analysis.source import Source, as_source

# Every item -> the top act of each node it rests on (walking up from the node).
_ITEM_ACTS = """
SELECT ?item ?agency ?agencyLabel ?act WHERE {
  ?item kg:basis ?x ; kg:agency ?agency .
  OPTIONAL { ?agency skos:prefLabel ?agencyLabel }
  ?x eli:is_part_of* ?act .
  FILTER NOT EXISTS { ?act eli:is_part_of ?up }
}
"""
_ACT_LABELS = """
SELECT ?act ?title ?short ?number ?version WHERE {
  ?act a eli:LegalResource .
  FILTER NOT EXISTS { ?act eli:is_part_of ?up }
  OPTIONAL { ?act skos:prefLabel ?title }
  OPTIONAL { ?act kg:shortTitle ?short }
  OPTIONAL { ?act eli:id_local ?number }
  OPTIONAL { ?act kg:versionDate ?version }
}
"""
_ITEM_ARTICLES = """
SELECT ?item ?art ?artLabel ?number ?act WHERE {
  ?item kg:basis ?x .
  ?x eli:is_part_of* ?art .
  ?art a kg:Article ; eli:is_part_of+ ?act .
  FILTER NOT EXISTS { ?act eli:is_part_of ?up }
  # 第二十条之一 nests under 第二十条 but is an article of its own: count it once, alone.
  FILTER NOT EXISTS { ?x eli:is_part_of* ?inner . ?inner eli:is_part_of ?art ; a kg:Article }
  OPTIONAL { ?art skos:prefLabel ?artLabel }
  OPTIONAL { ?art eli:number ?number }
}
"""
_UNITS = """
SELECT ?unit ?unitLabel ?agencyLabel ?item WHERE {
  ?unit a org:OrganizationalUnit .
  OPTIONAL { ?unit skos:prefLabel ?unitLabel }
  OPTIONAL { ?unit org:unitOf/skos:prefLabel ?agencyLabel }
  OPTIONAL { ?item kg:responsibility ?unit }
}
"""
_NO_BASIS = """
SELECT ?item WHERE {
  ?item a kg:DisclosureItem .
  FILTER NOT EXISTS { ?item kg:basis ?b }
}
"""
_AGENCY_ITEMS = """
SELECT ?agency ?agencyLabel ?name ?x WHERE {
  ?item a kg:DisclosureItem ; kg:agency ?agency .
  OPTIONAL { ?agency skos:prefLabel ?agencyLabel }
  OPTIONAL { ?item skos:prefLabel ?name }
  OPTIONAL { ?item kg:basis ?x }
}
"""


def act_labels(source: Source) -> dict[str, str]:
    """A readable label per act: short title (version) or title, with its number."""
    out = {}
    for r in source.select(_ACT_LABELS):
        name = r.get("short") or r.get("title") or r["act"].rsplit("/", 1)[-1]
        if r.get("version"):
            name += f"({r['version'][:10]})"
        if r.get("number") and r["number"] not in name:
            name += f" {r['number']}"
        out.setdefault(r["act"], name)
    return out


def most_cited_acts(source: Source, labels: dict[str, str], top: int):
    """Acts by number of items resting on them or their parts; and single-agency acts."""
    items, agencies = defaultdict(set), defaultdict(set)
    for r in source.select(_ITEM_ACTS):
        items[r["act"]].add(r["item"])
        agencies[r["act"]].add(r.get("agencyLabel") or r["agency"])
    rows = [{"act": labels.get(a, a), "items": len(items[a]), "agencies": len(agencies[a])}
            for a in items]
    rows.sort(key=lambda r: (-r["items"], r["act"]))
    return rows[:top], _single_agency(items, agencies, labels)


def _single_agency(items, agencies, labels) -> list[dict]:
    """Acts only one agency cites (meaningless, so empty, with fewer than two agencies)."""
    if len(set().union(*agencies.values(), set())) < 2:
        return []
    rows = [{"act": labels.get(a, a), "items": len(items[a]), "agency": min(agencies[a])}
            for a in items if len(agencies[a]) == 1]
    return sorted(rows, key=lambda r: (-r["items"], r["agency"], r["act"]))


def most_cited_articles(source: Source, labels: dict[str, str], top: int) -> list[dict]:
    items, names = defaultdict(set), {}
    for r in source.select(_ITEM_ARTICLES):
        items[r["art"]].add(r["item"])
        names[r["art"]] = (labels.get(r["act"], r["act"]),
                           r.get("artLabel") or f"第{r.get('number')}条")
    rows = [{"act": names[a][0], "article": names[a][1], "items": len(items[a])} for a in items]
    rows.sort(key=lambda r: (-r["items"], r["act"], r["article"]))
    return rows[:top]


def units_by_items(source: Source, top: int) -> list[dict]:
    items, label = defaultdict(set), {}
    for r in source.select(_UNITS):
        label[r["unit"]] = (r.get("agencyLabel") or "", r.get("unitLabel") or r["unit"])
        if r.get("item"):
            items[r["unit"]].add(r["item"])
    rows = [{"agency": label[u][0], "unit": label[u][1], "items": len(items[u])} for u in label]
    rows.sort(key=lambda r: (-r["items"], r["agency"], r["unit"]))
    return rows[:top]


def items_without_basis(source: Source) -> list[dict]:
    info = item_details(source, [r["item"] for r in source.select(_NO_BASIS)])
    rows = [{"agency": i.agency, "item": i.name, "category": i.category,
             "unit": "; ".join(u for u in i.units if u), "source": i.source}
            for i in info.values()]
    return sorted(rows, key=lambda r: (r["agency"], r["source"], r["item"]))


def jaccard(a: set, b: set) -> float:
    return round(len(a & b) / len(a | b), 3) if a | b else 0.0


def shared_templates(source: Source, top: int) -> list[dict]:
    """Pairs of agencies by the overlap of their item names and of what they cite."""
    names, bases, label = defaultdict(set), defaultdict(set), {}
    for r in source.select(_AGENCY_ITEMS):
        label[r["agency"]] = r.get("agencyLabel") or r["agency"]
        if r.get("name"):
            names[r["agency"]].add(r["name"])
        if r.get("x"):
            bases[r["agency"]].add(r["x"])
    rows = []
    for a, b in combinations(sorted(label), 2):
        rows.append({
            "agency": label[a], "other agency": label[b],
            "shared items": len(names[a] & names[b]),
            "items jaccard": jaccard(names[a], names[b]),
            "citations jaccard": jaccard(bases[a], bases[b]),
        })
    rows.sort(key=lambda r: (-(r["items jaccard"] + r["citations jaccard"]), r["agency"],
                             r["other agency"]))
    return rows[:top]


def stats(store, top: int = 10) -> dict[str, list[dict]]:
    """Every table `kg stats` prints, by name."""
    source = as_source(store)
    labels = act_labels(source)
    acts, single = most_cited_acts(source, labels, top)
    return {
        "most cited acts": acts,
        "most cited articles": most_cited_articles(source, labels, top),
        "units by items": units_by_items(source, top),
        "items without basis": items_without_basis(source),
        "documents cited by one agency only": single[:top],
        "agencies sharing a template": shared_templates(source, top),
        "centrality": centrality(source, labels, top),
    }
