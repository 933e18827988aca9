"""Centrality on the item-document-unit graph, built with networkx from one explicit query.

Nodes are numbered through a dict (IRI -> int id), never found by searching lists. Degree
centrality is exact; betweenness is exact on small graphs, sampled (k pivots, fixed seed) on
larger ones and left at 0 on national-scale ones, so figures stay deterministic and fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.analysis.source import Source

if TYPE_CHECKING:
    import networkx as nx

# Undirected edges: item - act it rests on (top act of the basis node), item - unit.
_EDGES = """
SELECT ?item ?name ?other ?kind ?otherName ?agencyName WHERE {
  ?item a kg:DisclosureItem .
  OPTIONAL { ?item skos:prefLabel ?name }
  {
    ?item kg:basis ?x . ?x eli:is_part_of* ?other .
    FILTER NOT EXISTS { ?other eli:is_part_of ?up }
    BIND("document" AS ?kind)
  } UNION {
    ?item kg:responsibility ?other .
    OPTIONAL { ?other skos:prefLabel ?otherName }
    OPTIONAL { ?other org:unitOf/skos:prefLabel ?agencyName }
    BIND("unit" AS ?kind)
  }
}
"""
# Betweenness is exact up to this many nodes, sampled (fixed seed, SAMPLE_BUDGET // nodes
# pivots, at least 8) up to SAMPLED_LIMIT, and left at 0 beyond: networkx's pure-Python BFS
# costs about 0.1 s per pivot at 7,000 nodes, minutes at national scale.
EXACT_BETWEENNESS_LIMIT = 1000
SAMPLED_LIMIT = 10000
SAMPLE_BUDGET = 100000


def build_graph(source: Source, labels: dict[str, str]) -> tuple[nx.Graph, dict[str, int]]:
    """The graph with int nodes carrying `iri`, `label` and `kind`; and the IRI -> id map."""
    import networkx as nx  # imported here: it takes a while and only stats needs it

    graph = nx.Graph()
    ids: dict[str, int] = {}

    def node(iri: str, label: str, kind: str, agency: str = "") -> int:
        n = ids.get(iri)
        if n is None:
            n = ids[iri] = len(ids)
            graph.add_node(n, iri=iri, label=label, kind=kind, agency=agency)
        return n

    rows = source.select(_EDGES)
    rows.sort(key=lambda r: (r["item"], r["kind"], r["other"]))
    for r in rows:
        item = node(r["item"], r.get("name") or r["item"], "item")
        other_label = labels.get(r["other"]) or r.get("otherName") or r["other"]
        graph.add_edge(item, node(r["other"], other_label, r["kind"], r.get("agencyName") or ""))
    return graph, ids


def centrality(source: Source, labels: dict[str, str], top: int = 10) -> list[dict]:
    """The `top` nodes by betweenness, with degree, for documents and units."""
    import networkx as nx

    graph, _ = build_graph(source, labels)
    if graph.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(graph)
    size = graph.number_of_nodes()
    if size <= EXACT_BETWEENNESS_LIMIT:
        between = nx.betweenness_centrality(graph)
    elif size <= SAMPLED_LIMIT:
        pivots = max(8, SAMPLE_BUDGET // size)
        between = nx.betweenness_centrality(graph, k=pivots, seed=0)
    else:
        between = dict.fromkeys(graph, 0.0)
    rows = [
        {"node": data["label"], "kind": data["kind"], "agency": data["agency"],
         "links": graph.degree(n),
         "degree": round(degree[n], 4), "betweenness": round(between[n], 4)}
        for n, data in graph.nodes(data=True)
        if data["kind"] != "item"
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["links"], r["node"], r["agency"]))
    return rows[:top]
