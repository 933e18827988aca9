"""Write a View as one self-contained HTML page: pyvis's vis-network inlined, no network use.

pyvis holds the node and edge lists and the vis options; the page comes from our own
template (pyvis's template fetches Bootstrap from a CDN). Catalog text never becomes markup:
data travels as JSON inside a <script type="application/json"> block with <, > and &
escaped, and the page script puts it into the DOM with textContent only. A Content Security
Policy with script hashes forbids any other script, inline handler or network request.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network

from kg.fileio import write_atomic
from kg.viz.layout import layout
from kg.viz.model import EDGE_KINDS, KINDS, View

HERE = Path(__file__).resolve().parent
# Only the script is inlined: vis-network.css (220 kB) styles the navigation buttons, editing
# toolbar, configurator and tooltips, none of which the page uses.
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# Colour AND shape differ, so kinds stay apart in grey print and for colour-blind readers.
NODE_STYLES = {  # kind -> (vis shape, colour, size, label font size)
    "agency": ("star", "#2e7d32", 28, 26),
    "unit": ("square", "#00897b", 14, 18),
    "item": ("dot", "#1e88e5", 7, 13),
    "act": ("diamond", "#f57c00", 20, 20),
    "article": ("triangle", "#d81b60", 12, 16),
    "paragraph": ("triangleDown", "#8e24aa", 9, 13),
    "point": ("hexagon", "#6d4c41", 8, 13),
    "section": ("hexagon", "#757575", 8, 13),
}
EDGE_STYLES = {  # kind -> (colour, dashed)
    "basis": ("#ef6c00", False),
    "responsibility": ("#00897b", False),
    "part of": ("#9e9e9e", True),
    "promulgates": ("#c62828", False),
    "unit of": ("#66bb6a", True),
    "agency": ("#66bb6a", True),
}
MAX_DASHED_EDGES = 1500
MAX_ARROW_EDGES = 3000
LABEL_LIMIT = 14  # characters of a label drawn on the canvas; the tooltip has the rest

OPTIONS = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False, "randomSeed": 1},
    "interaction": {
        "hideEdgesOnDrag": True,
        "hideEdgesOnZoom": True,
        "hover": True,
        "tooltipDelay": 100,
        "multiselect": False,
    },
    "nodes": {
        "font": {"size": 13, "face": "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
    },
    "edges": {
        "smooth": False,
        "width": 0.7,
        "selectionWidth": 2,
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
        "font": {"size": 9, "color": "#555555", "strokeWidth": 2, "align": "middle"},
        "scaling": {"label": {"enabled": False, "drawThreshold": 7}},
    },
}


def short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def dashed(view: View) -> bool:
    """Dashed edges cost much canvas time; big views tell edge kinds apart by colour alone."""
    return len(view.edges) <= MAX_DASHED_EDGES


def arrows(view: View) -> bool:
    """Arrow heads cost about a quarter of the first draw of a big view; the direction of
    every edge kind is fixed anyway (item -> law or unit, part -> whole, notice -> act)."""
    return len(view.edges) <= MAX_ARROW_EDGES


def network(view: View) -> Network:
    """A pyvis Network holding the view, its lists filled directly (add_node is quadratic)."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    positions = layout(list(view.nodes), list(view.edges))
    index = {n.id: i for i, n in enumerate(view.nodes)}
    focus = set(view.focus)
    net.nodes = [
        {
            "id": index[n.id],
            "label": short(n.label),
            "group": n.kind,
            "x": positions[n.id][0],
            "y": positions[n.id][1],
            **({"borderWidth": 4, "size": NODE_STYLES[n.kind][2] + 8} if n.id in focus else {}),
        }
        for n in view.nodes
    ]
    dashes = dashed(view)
    net.edges = []
    for i, e in enumerate(view.edges):
        colour, dash = EDGE_STYLES[e.kind]  # vis has no edge groups: style each edge
        edge = {
            "id": i,
            "from": index[e.source],
            "to": index[e.target],
            "label": e.kind if e.count == 1 else f"{e.kind} ×{e.count}",
            "color": {"color": colour, "highlight": colour, "opacity": 0.75},
        }
        if e.count > 1:
            edge["width"] = min(0.7 + e.count / 4, 4)
        if dash and dashes:
            edge["dashes"] = True
        net.edges.append(edge)
    groups = {
        k: {"shape": s, "size": size, "font": {"size": font},
            "color": {"background": c, "border": "#333333",
                      "highlight": {"background": c, "border": "#000000"}}}
        for k, (s, c, size, font) in NODE_STYLES.items()
    }
    net.options = {**OPTIONS, "groups": groups}
    if not arrows(view):
        net.options["edges"] = {**OPTIONS["edges"], "arrows": {"to": {"enabled": False}}}
    return net


def page_data(view: View, net: Network) -> dict:
    """Everything the page script needs, as plain data (text is never markup)."""
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": net.options,
        "nodeInfo": [[n.kind, n.label, [list(p) for p in n.info], list(n.terms)] for n in view.nodes],
        "edgeInfo": [[e.kind, e.count, [list(p) for p in e.info]] for e in view.edges],
        "focus": [i for i, n in enumerate(view.nodes) if n.id in set(view.focus)],
    }


def script_json(data: object) -> str:
    """JSON safe inside <script>: no '<', '>', '&' or line separators can end the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def render(view: View) -> str:
    """The page as a string (deterministic: same view, same bytes)."""
    net = network(view)
    vis_js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    page_js = (HERE / "page.js").read_text(encoding="utf-8")
    if "</script" in vis_js.lower() or "</script" in page_js.lower():
        raise RuntimeError("inlined script holds '</script'")  # would end the block early
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True, keep_trailing_newline=True
    )
    kinds_present = sorted({n.kind for n in view.nodes}, key=KINDS.index)
    return env.get_template("page.html").render(
        title=view.title,
        notes=view.notes,
        node_count=len(view.nodes),
        edge_count=len(view.edges),
        kinds_present=kinds_present,
        styles=NODE_STYLES,
        edge_styles=EDGE_STYLES,
        dashed=dashed(view),
        edge_kinds=[k for k in EDGE_KINDS if any(e.kind == k for e in view.edges)],
        page_css=(HERE / "page.css").read_text(encoding="utf-8"),
        vis_js=vis_js,
        page_js=page_js,
        script_hashes=" ".join((_sha256(vis_js), _sha256(page_js))),
        data=script_json(page_data(view, net)),
    )


def write(view: View, path: Path) -> Path:
    """Write the page atomically (temp file + rename) and return its path."""
    return write_atomic(path, render(view))
