"""Latency hooks for benchmarks/: time the analysis calls on any store, print nothing.

    from kg.analysis.latency import depends_latency
    depends_latency(store, "国务院令第711号", article=20)   # {"runs": 20, "median_ms": ...}

No thresholds here: benchmarks print the figures; tests only check the shape.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from kg.analysis.source import as_source


def time_call(fn: Callable[[], Any], repeat: int = 20, warmup: int = 1,
              budget_s: float = 30.0) -> dict:
    """Median, 95th percentile and best of `repeat` calls of fn, in milliseconds; fewer
    calls (at least 3) when they would take longer than `budget_s` in all."""
    for _ in range(warmup):
        fn()
    runs: list[float] = []
    spent = 0.0
    while len(runs) < max(1, repeat) and (len(runs) < 3 or spent < budget_s):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
        spent += runs[-1] / 1000
    runs.sort()
    return {
        "runs": len(runs),
        "median_ms": round(statistics.median(runs), 3),
        "p95_ms": round(runs[min(len(runs) - 1, int(len(runs) * 0.95))], 3),
        "best_ms": round(runs[0], 3),
    }


def depends_latency(store, phrase: str = "国务院令第711号", repeat: int = 20, **options) -> dict:
    """Time `depends(store, phrase, **options)` (article=, item=, transitive=...)."""
    from kg.analysis.depends import depends

    source = as_source(store)
    found = depends(source, phrase, **options)
    figures = time_call(lambda: depends(source, phrase, **options), repeat)
    return {"question": f"depends {phrase} {options or ''}".strip(),
            "items": len(found.dependents), **figures}


def impact_latency(store, amendment, repeat: int = 20) -> dict:
    """Time `impact(store, amendment)` (an Amendment or a file path)."""
    from kg.analysis.amendment import Amendment, load
    from kg.analysis.impact import impact

    source = as_source(store)
    amendment = amendment if isinstance(amendment, Amendment) else load(amendment)
    found = impact(source, amendment)
    figures = time_call(lambda: impact(source, amendment), repeat)
    return {"question": f"impact {amendment.act}", "items": len(found.impacts), **figures}


def stats_latency(store, repeat: int = 5) -> dict:
    from kg.analysis.stats import stats

    source = as_source(store)
    return {"question": "stats", **time_call(lambda: stats(source), repeat)}
