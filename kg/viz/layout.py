"""Node positions computed before the page is written, so the browser draws at once.

Hubs (acts, subdivisions, units, agencies: nodes other than items, with two or more links)
are placed by a force-directed layout (Fruchterman-Reingold in numpy, fixed seed). Hubs that
share items are pulled together through those items. Items and other leaves then sit on a
small sunflower spiral around the middle of their neighbours, so items with the same basis
and unit form one cluster. Same input -> same integer coordinates.
"""

from __future__ import annotations

import math
import zlib
from collections import defaultdict

import numpy as np

from kg.viz.model import Edge, Node

SEED = 20190403
MAX_HUBS = 1000  # above this, only the best-connected hubs take part in the force layout
ITERATIONS = 80
MAX_SEPARATE = 2500  # all nodes are pushed apart in views up to this size (n^2 work)
SPACING = 60.0  # pixels between neighbouring leaves on a spiral
ASPECT = 1.6  # screens are wider than tall: stretch the layout to fit one
_GOLDEN = math.pi * (3 - math.sqrt(5))


def force_layout(n: int, weights: dict[tuple[int, int], float], iterations: int = ITERATIONS) -> np.ndarray:
    """Fruchterman-Reingold on n points in the unit square; weights on index pairs i < j."""
    rng = np.random.default_rng(SEED)
    pos = rng.random((n, 2))
    if n <= 1:
        return pos
    # float32 halves memory traffic; no BLAS call, whose threads fight on a busy machine.
    adj = np.zeros((n, n), dtype=np.float32)
    for (i, j), w in weights.items():
        adj[i, j] = adj[j, i] = w
    x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
    k2 = np.float32(1.0 / n)  # squared ideal distance
    inv_k = np.float32(1.0 / math.sqrt(1.0 / n))
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist2 = np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        force = k2 / dist2 - adj * np.sqrt(dist2) * inv_k  # diagonal: dx = dy = 0, no effect
        disp_x, disp_y = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        length = np.maximum(np.hypot(disp_x, disp_y), np.float32(0.01))
        step = np.minimum(length, np.float32(t)) / length
        x += disp_x * step
        y += disp_y * step
        t -= dt
    return np.stack([x, y], axis=1).astype(np.float64)


def normalise(pos: np.ndarray, reach: float = 1.1) -> np.ndarray:
    """Centre the points, scale 95% of them into the unit disc, and pull far outliers in.

    Force layouts fling loosely linked hubs far away; left there they would shrink the rest
    of the picture to a blob when the page fits everything on screen.
    """
    if len(pos) < 2:
        return pos
    centred = pos - np.median(pos, axis=0)
    radius = np.hypot(centred[:, 0], centred[:, 1])
    scale = max(float(np.percentile(radius, 95)), 1e-9)
    centred /= scale
    radius /= scale
    far = radius > reach
    # Beyond `reach`, distances are compressed logarithmically, keeping their order and angle.
    squeezed = reach + np.log1p(radius[far] - reach) * 0.1
    centred[far] *= (squeezed / radius[far])[:, None]
    return centred


def separate(pos: np.ndarray, gap: float, rounds: int = 30) -> np.ndarray:
    """Push apart points closer than `gap`, so nodes drawn on top of each other separate."""
    pos = pos.copy()
    if len(pos) < 2:
        return pos
    for r in range(rounds):
        dx = pos[:, 0][:, None] - pos[:, 0][None, :]
        dy = pos[:, 1][:, None] - pos[:, 1][None, :]
        i, j = np.nonzero(np.triu(dx * dx + dy * dy < gap * gap, 1))
        if not len(i):
            break
        ux, uy = dx[i, j], dy[i, j]
        dist = np.hypot(ux, uy)
        # Coincident points get a direction from their indices, so the output stays stable.
        tiny = dist < 1e-6
        angle = (i * 2.399 + j * 0.7 + r) % (2 * math.pi)
        ux = np.where(tiny, np.cos(angle), ux / np.where(tiny, 1.0, dist))
        uy = np.where(tiny, np.sin(angle), uy / np.where(tiny, 1.0, dist))
        push = (gap - dist) / 2
        for col, u in ((0, ux), (1, uy)):
            np.add.at(pos[:, col], i, u * push)
            np.add.at(pos[:, col], j, -u * push)
    return pos


def layout(nodes: list[Node], edges: list[Edge]) -> dict[str, tuple[int, int]]:
    """x, y in pixels for every node id."""
    ids = [n.id for n in nodes]
    kind = {n.id: n.kind for n in nodes}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e.source].add(e.target)
        neighbours[e.target].add(e.source)
    hubs = [i for i in ids if kind[i] != "item" and len(neighbours[i]) >= 2]
    hubs = sorted(sorted(hubs, key=lambda i: -len(neighbours[i]))[:MAX_HUBS])
    index = {h: n for n, h in enumerate(hubs)}
    weights: dict[tuple[int, int], float] = defaultdict(float)
    for node in ids:  # hubs linked directly, or through a shared item or leaf
        near = sorted(index[x] for x in neighbours[node] if x in index)
        if node in index:
            for j in near:
                weights[tuple(sorted((index[node], j)))] += 1.0
        else:
            for a in range(len(near)):
                for b in range(a + 1, len(near)):
                    weights[(near[a], near[b])] += 1.0
    weights = {k: 1.0 + math.log(w) for k, w in weights.items()}
    unit = normalise(force_layout(len(hubs), weights))
    # Scale so the area grows with the whole graph, not with the hubs alone.
    side = SPACING * 1.6 * math.sqrt(max(len(ids), 1))
    spread = separate(unit * side * np.array([ASPECT, 1.0]), 2.5 * SPACING)
    pos: dict[str, tuple[float, float]] = {
        h: (float(spread[i, 0]), float(spread[i, 1])) for h, i in index.items()
    }
    _place_leaves(ids, neighbours, pos)
    if len(ids) <= MAX_SEPARATE:
        spread = separate(np.array([pos[i] for i in ids]), SPACING, rounds=15)
        pos = {i: (float(spread[n, 0]), float(spread[n, 1])) for n, i in enumerate(ids)}
    return {i: (round(x), round(y)) for i, (x, y) in pos.items()}


def _place_leaves(ids: list[str], neighbours: dict[str, set[str]], pos: dict[str, tuple[float, float]]) -> None:
    """Spiral each group of unplaced nodes around the mean of its placed neighbours."""
    pending = [i for i in ids if i not in pos]
    while pending:
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for node in pending:
            placed = tuple(sorted(x for x in neighbours[node] if x in pos))
            if placed:
                groups[placed].append(node)
        if not groups:
            break
        for anchor, members in sorted(groups.items()):
            cx = sum(pos[a][0] for a in anchor) / len(anchor)
            cy = sum(pos[a][1] for a in anchor) / len(anchor)
            turn = zlib.crc32("|".join(anchor).encode()) / 2**32 * 2 * math.pi
            for n, node in enumerate(sorted(members)):
                r = SPACING * (2.0 + 0.8 * math.sqrt(n))
                a = turn + n * _GOLDEN
                pos[node] = (cx + r * math.cos(a), cy + r * math.sin(a))
        pending = [i for i in pending if i not in pos]
    if pending:  # nodes with no link to anything drawn: a grid below the rest
        bottom = max((y for _, y in pos.values()), default=0.0) + 4 * SPACING
        left = min((x for x, _ in pos.values()), default=0.0)
        cols = max(1, int(math.sqrt(len(pending))))
        for n, node in enumerate(sorted(pending)):
            pos[node] = (left + (n % cols) * 2 * SPACING, bottom + (n // cols) * SPACING)
