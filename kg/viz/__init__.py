"""`kg show`: draw part of the graph as one self-contained, interactive HTML page.

select_view (kg.viz.subgraph) picks and folds the nodes, layout (kg.viz.layout) places them,
page (kg.viz.page) writes the page.
"""

from __future__ import annotations

from pathlib import Path

from kg.viz.fetch import Select
from kg.viz.model import Edge, Node, View
from kg.viz.page import render, write
from kg.viz.subgraph import DEFAULT_DEPTH, DEFAULT_MAX_NODES, ShowOptions, select_view

__all__ = [
    "DEFAULT_DEPTH",
    "DEFAULT_MAX_NODES",
    "Edge",
    "Node",
    "ShowOptions",
    "View",
    "render",
    "select_view",
    "show",
    "write",
]


def show(select: Select, output: Path, options: ShowOptions | None = None) -> View:
    """Select the view from a store's SELECT function and write its page to output."""
    view = select_view(select, options or ShowOptions())
    write(view, output)
    return view
