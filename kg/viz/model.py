"""Values of the drawn graph: nodes, edges and the view that holds them, in plain text.

Text here is never HTML: the page puts it into the DOM as text nodes only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Node kinds in legend order; subdivisions of an act each get their own kind.
KINDS = ("agency", "unit", "item", "act", "article", "paragraph", "point", "section")
SUBDIVISION_KINDS = ("article", "paragraph", "point", "section")

# Edge kinds in legend order.
EDGE_KINDS = ("basis", "responsibility", "part of", "promulgates", "unit of", "agency")

Info = tuple[tuple[str, str], ...]  # (field name, text) pairs shown in tooltips, in order


@dataclass(frozen=True)
class Node:
    """One drawn node. `id` is the node's IRI; `terms` are extra words the search box matches."""

    id: str
    kind: str
    label: str
    info: Info = ()
    terms: tuple[str, ...] = ()
    parent: str = ""  # the act or subdivision a subdivision is part of
    folded: int = 0  # how many nodes were folded into this one


@dataclass(frozen=True)
class Edge:
    """One drawn edge; `count` > 1 when folding merged several edges into one."""

    source: str
    target: str
    kind: str
    info: Info = ()
    count: int = 1

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.kind)


@dataclass(frozen=True)
class View:
    """What one page draws: nodes and edges sorted, plus notes saying what was left out."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    notes: tuple[str, ...] = ()
    title: str = "kg show"
    focus: tuple[str, ...] = field(default=())  # ids of the focused nodes, if any
