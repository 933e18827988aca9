"""Benchmark `kg show`: time to write the page, and time to first draw in headless Chromium.

Two views: the bundled catalogs (built with the shared statute library when it is there) and
a synthetic view of about 5,000 nodes. First draw is `performance.now()` at vis-network's
first `afterDrawing` event, i.e. from navigation start, including parsing the inlined
vis-network and the data; the median of several fresh page loads is printed.

Usage: python benchmarks/bench_show.py [--runs 5] [--nodes 5000] [--chromium /usr/bin/chromium]
       [--screenshot docs/img/graph.png]   (also saves the README picture of the bundled graph)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import ShowOptions, select_view, write
from kg.viz.layout import layout
from kg.viz.synthetic import memory_store, synthetic_triples

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHARED_STATUTES = Path(__file__).resolve().parents[2] / "shared" / "statutes"


def first_draw(browser, path: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.kg && window.kg.firstDrawMs !== null", timeout=120_000)
        times.append(page.evaluate("window.kg.firstDrawMs"))
        context.close()
    return times


def screenshot(browser, path: Path, out: Path) -> None:
    """The README picture: the bundled graph, the regulation found by its decree number."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kg && window.kg.firstDrawMs !== null", timeout=120_000)
    page.fill("#search", "国务院令第711号")
    page.press("#search", "Enter")
    page.evaluate("() => window.kg.network.moveTo({scale: 0.55, animation: false})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(out))
    page.close()


def write_timed(select, options: ShowOptions, out: Path) -> dict:
    started = time.perf_counter()
    view = select_view(select, options)
    selected = time.perf_counter()
    layout(list(view.nodes), list(view.edges))
    laid_out = time.perf_counter()
    write(view, out)
    written = time.perf_counter()
    return {
        "nodes": len(view.nodes),
        "edges": len(view.edges),
        "select s": round(selected - started, 2),
        "layout s": round(laid_out - selected, 2),
        "write s (with layout)": round(written - laid_out, 2),
        "page MB": round(out.stat().st_size / 1e6, 2),
        "notes": " ".join(view.notes),
    }


def synthetic_items_for(nodes: int) -> int:
    """Items of synthetic_triples giving about `nodes` nodes (measured: ~1.65 nodes per item)."""
    return max(10, int(nodes / 1.65))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--screenshot", type=Path, default=None, help="PNG of the bundled graph")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from kg.pipeline import build_bundled
    from kg.rdf.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-show-"))
    statutes = SHARED_STATUTES if SHARED_STATUTES.is_dir() else None
    build_bundled(tmp / "store", statutes=statutes)
    rows = {"bundled": write_timed(Store.open(tmp / "store").select, ShowOptions(), tmp / "bundled.html")}
    synthetic = memory_store(synthetic_triples(synthetic_items_for(args.nodes)))
    rows[f"synthetic ~{args.nodes}"] = write_timed(
        synthetic.select, ShowOptions(max_nodes=args.nodes), tmp / "synthetic.html")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
        for name, page in (("bundled", "bundled.html"), (f"synthetic ~{args.nodes}", "synthetic.html")):
            times = first_draw(browser, tmp / page, args.runs)
            rows[name]["first draw ms (median)"] = round(statistics.median(times))
            rows[name]["first draw ms (min-max)"] = f"{round(min(times))}-{round(max(times))}"
        if args.screenshot:
            screenshot(browser, tmp / "bundled.html", args.screenshot)
        browser.close()
    for name, row in rows.items():
        print(f"== {name}")
        for key, value in row.items():
            if value != "":
                print(f"  {key:26} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
