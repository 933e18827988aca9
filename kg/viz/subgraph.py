"""Choose what one page draws: filter by agency or unit, walk out from a focus, fold to fit.

Names the user types (acts, decree numbers, agencies, units) are looked up among the labels in
the store; IRIs are never rebuilt from user text. Beyond `max_nodes`, subdivisions fold into
their acts, then items into their units, then only the nodes nearest the focus (or the best
connected) stay; every fold is reported in `View.notes`.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, replace

from kg.viz import names
from kg.viz.fetch import GraphReader, Select, item_filter
from kg.viz.model import KINDS, SUBDIVISION_KINDS, Edge, Node, View

DEFAULT_MAX_NODES = 3000
DEFAULT_DEPTH = 2
_INFO_LIMIT = 6  # citations shown in the tooltip of a merged edge


@dataclass(frozen=True)
class ShowOptions:
    focus: str | None = None  # ACT or ACT:ARTICLE as the user writes it
    agency: str | None = None
    unit: str | None = None
    depth: int = DEFAULT_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES


def select_view(select: Select, options: ShowOptions | None = None) -> View:
    """Read, filter, focus and fold the graph in the store into one View."""
    options = options or ShowOptions()
    agencies = names.find_agencies(select, options.agency) if options.agency else []
    units = names.find_units(select, options.unit, agencies) if options.unit else []
    focus = names.find_focus(select, options.focus) if options.focus else None
    reader = GraphReader(select)
    reader.read_items(agencies, units)
    reader.read_units()
    reader.read_legal(item_filter(agencies, units), focus)
    nodes = _with_paths(reader.nodes)
    edges = [e for e in reader.edges.values() if e.source in nodes and e.target in nodes]
    notes: list[str] = []
    distance: dict[str, int] = {}
    if focus:
        if focus not in nodes:
            nodes[focus] = Node(focus, "act", focus.rsplit("/", 1)[-1])
        distance = neighbourhood(nodes, edges, focus, options.depth)
        nodes = {k: v for k, v in nodes.items() if k in distance}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]
    nodes, edges = fit(nodes, edges, options.max_nodes, distance, notes)
    if not nodes:
        notes.append("Nothing to draw: the store holds no disclosure items that match.")
    title = " · ".join(
        p for p in (
            f"focus {options.focus}" if options.focus else "",
            f"agency {options.agency}" if options.agency else "",
            f"unit {options.unit}" if options.unit else "",
        ) if p
    )
    return View(
        nodes=tuple(sorted(nodes.values(), key=lambda n: n.id)),
        edges=tuple(sorted(edges, key=lambda e: e.key)),
        notes=tuple(notes),
        title=f"kg show: {title}" if title else "kg show",
        focus=(focus,) if focus else (),
    )


def _with_paths(nodes: dict[str, Node]) -> dict[str, Node]:
    """Subdivision tooltips name their whole path: 政府信息公开条例 第20条 (2)."""
    out = dict(nodes)
    for iri, node in nodes.items():
        if node.kind not in SUBDIVISION_KINDS:
            continue
        chain, cur, seen = [node.label], node.parent, {iri}
        while cur in nodes and cur not in seen:
            seen.add(cur)
            chain.append(nodes[cur].label)
            cur = nodes[cur].parent
        path = " ".join(reversed(chain))
        out[iri] = replace(node, info=(("place", path), *node.info), terms=(path,))
    return out


def act_of(nodes: dict[str, Node], iri: str) -> str:
    """The act a subdivision belongs to (itself for an act; '' when its chain is broken)."""
    seen = set()
    while iri in nodes and nodes[iri].kind in SUBDIVISION_KINDS and iri not in seen:
        seen.add(iri)
        iri = nodes[iri].parent
    return iri if iri in nodes and nodes[iri].kind == "act" else ""


def neighbourhood(nodes: dict[str, Node], edges: list[Edge], focus: str, depth: int) -> dict[str, int]:
    """Distance of each node within `depth` steps of the focus and its subtree.

    `part of` edges are walked upwards only, so reaching an act does not pull in every
    article of it; the ancestors of any subdivision reached come along at the same distance.
    """
    adj: dict[str, list[str]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        adj[e.source].append(e.target)
        if e.kind == "part of":
            children[e.target].append(e.source)
        else:
            adj[e.target].append(e.source)
    dist = {focus: 0}
    todo = deque([focus])
    while todo:  # the focus's own subtree is all distance 0
        for child in children[todo.popleft()]:
            if child not in dist:
                dist[child] = 0
                todo.append(child)
    frontier = deque(sorted(dist))
    while frontier:
        cur = frontier.popleft()
        if dist[cur] >= depth:
            continue
        for nxt in sorted(adj[cur]):
            if nxt not in dist:
                dist[nxt] = dist[cur] + 1
                frontier.append(nxt)
    for iri in sorted(dist):  # ancestors keep the picture connected
        parent = nodes[iri].parent if iri in nodes else ""
        while parent in nodes and parent not in dist:
            dist[parent] = dist[iri]
            parent = nodes[parent].parent
    return dist


def fit(
    nodes: dict[str, Node],
    edges: list[Edge],
    max_nodes: int,
    distance: dict[str, int],
    notes: list[str],
) -> tuple[dict[str, Node], list[Edge]]:
    """Fold and trim until at most max_nodes remain; say what was done in notes."""
    if len(nodes) > max_nodes:
        protected = {k for k, d in distance.items() if d == 0}
        fold = {k: act_of(nodes, k) for k, n in nodes.items()
                if n.kind in SUBDIVISION_KINDS and k not in protected and act_of(nodes, k)}
        nodes, edges = merge(nodes, edges, fold)
        acts = len(set(fold.values()))
        notes.append(f"{len(fold)} articles, paragraphs, points and sections were folded into "
                     f"their {acts} acts to stay under {max_nodes} nodes.")
    if len(nodes) > max_nodes:
        fold = _item_owners(nodes, edges)
        nodes, edges = merge(nodes, edges, fold, counted="items")
        notes.append(f"{len(fold)} items were folded into their {len(set(fold.values()))} "
                     f"units to stay under {max_nodes} nodes.")
    if len(nodes) > max_nodes:
        degree: dict[str, int] = defaultdict(int)
        for e in edges:
            degree[e.source] += 1
            degree[e.target] += 1
        order = sorted(nodes, key=lambda k: (distance.get(k, 0), -degree[k], KINDS.index(nodes[k].kind), k))
        total = len(nodes)
        nodes = {k: nodes[k] for k in order[:max_nodes]}
        edges = [e for e in edges if e.source in nodes and e.target in nodes]
        near = "nearest the focus" if distance else "best connected"
        notes.append(f"Showing the {max_nodes} {near} of {total} nodes; use --focus, --agency, "
                     "--unit or --depth to see the rest.")
    return nodes, edges


def _item_owners(nodes: dict[str, Node], edges: list[Edge]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for e in sorted(edges, key=lambda e: (e.kind != "responsibility", e.key)):
        if e.kind in ("responsibility", "agency") and nodes[e.source].kind == "item":
            owners.setdefault(e.source, e.target)
    return owners


def merge(
    nodes: dict[str, Node], edges: list[Edge], fold: dict[str, str], counted: str = ""
) -> tuple[dict[str, Node], list[Edge]]:
    """Replace each folded node by its target; merge the edges that then coincide."""
    counts: dict[str, int] = defaultdict(int)
    for target in fold.values():
        counts[target] += 1
    out = {k: n for k, n in nodes.items() if k not in fold}
    for k, c in counts.items():
        n = out[k]
        total = n.folded + c
        label = n.label.split(" (+")[0]
        what = counted or "subdivisions"
        out[k] = replace(n, folded=total, label=f"{label} (+{total})",
                         info=(*[i for i in n.info if i[0] != "folded"], ("folded", f"{total} {what}")))
    merged: dict[tuple[str, str, str], Edge] = {}
    for e in sorted(edges, key=lambda e: e.key):
        s, t = fold.get(e.source, e.source), fold.get(e.target, e.target)
        if s == t or s not in out or t not in out:
            continue
        kind = e.kind
        if counted and kind in ("responsibility", "agency"):
            continue
        old = merged.get((s, t, kind))
        if old is None:
            merged[(s, t, kind)] = Edge(s, t, kind, e.info, e.count)
        else:
            info = old.info + e.info if old.count < _INFO_LIMIT else old.info
            merged[(s, t, kind)] = Edge(s, t, kind, info, old.count + e.count)
    return out, list(merged.values())

