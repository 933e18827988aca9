"""Benchmark the build and the Article 20 question at national scale; prints figures only.

    python benchmarks/bench_build.py                  # 3,000 agencies x ~35 items
    python benchmarks/bench_build.py --agencies 300   # a quicker run
    python benchmarks/bench_build.py --no-keywords    # the graph without kg:keyword

One run reports: build time and items/s (parse to store, end to end, with the time of each
stage; with item keywords, as `kg build` makes them by default), peak RSS of the build, store size, and the median latency of the Article 20
question on the embedded store against rdflib's in-memory graph of the same data (in a
child process, so its memory does not count against the build), plus `kg depends` /
`kg impact` latencies when kg.analysis is installed.
Targets (2 cores): >= 5,000 items/s, <= 20 ms median at 100k items, >= 20x rdflib, <= 2 GB RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.generate import generate  # noqa: E402
from kg.pipeline import build  # noqa: E402
from kg.rdf.query import load_query  # noqa: E402
from kg.rdf.store import Store  # noqa: E402

# The rdflib side runs in a child process: parse N-Triples, then time the same query text.
RDFLIB_CHILD = """
import json, statistics, sys, time
import rdflib
from rdflib.plugins.sparql import prepareQuery
from kg.rdf.vocab import PREFIXES
path, repeat, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
started = time.perf_counter()
graph = rdflib.Graph()
graph.parse(path, format="nt")
out = {"parse_s": time.perf_counter() - started, "queries": []}
for name in files:
    query = prepareQuery(open(name, encoding="utf-8").read(), initNs=dict(PREFIXES))
    runs, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = len(list(graph.query(query)))
        runs.append((time.perf_counter() - t) * 1000)
    out["queries"].append({"median_ms": statistics.median(runs), "rows": rows})
print(json.dumps(out))
"""


ARTICLE = "SELECT ?a WHERE { ?act eli:id_local ?n . ?a eli:is_part_of ?act ; eli:number '20' }"
CORE = "SELECT ?item WHERE { ?x eli:is_part_of* ?article . ?item kg:basis ?x }"
COUNT = (
    "SELECT (COUNT(DISTINCT ?item) AS ?n) WHERE { ?x eli:is_part_of* ?article . ?item kg:basis ?x }"
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timings_ms(fn, repeat: int) -> list[float]:
    fn()  # warm up
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return sorted(runs)


def median_ms(fn, repeat: int) -> float:
    return statistics.median(timings_ms(fn, repeat))


def spread(runs: list[float]) -> str:
    """Median with the 10th and 90th percentiles: on a shared machine one figure hides a lot."""
    tenth = runs[len(runs) // 10]
    ninetieth = runs[min(len(runs) - 1, len(runs) * 9 // 10)]
    return f"{statistics.median(runs):.2f} ms median (p10 {tenth:.2f}, p90 {ninetieth:.2f})"


def line(label: str, value: str) -> None:
    print(f"{label:<44} {value}")


def rdflib_figures(store_path: Path, queries: list[str], repeat: int, work: Path) -> dict | None:
    nt = work / "graph.nt"
    with Store.open(store_path) as st:
        st.inner.dump(str(nt), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    files = []
    for n, text in enumerate(queries):
        files.append(work / f"question-{n}.rq")
        files[-1].write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", RDFLIB_CHILD, str(nt), str(repeat), *map(str, files)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    nt.unlink(missing_ok=True)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=3000)
    parser.add_argument("--items", type=int, default=35, help="average items per agency")
    parser.add_argument(
        "--work", type=Path, default=None, help="folder for corpus and store (temporary)"
    )
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query on the store")
    parser.add_argument("--rdflib-repeat", type=int, default=3)
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--build-only", action="store_true", help="stop after the build figures")
    parser.add_argument(
        "--no-keywords",
        dest="keywords",
        action="store_false",
        help="build without item keywords (kg build stores them by default)",
    )
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    corpus, store = work / "corpus", work / "store"
    shutil.rmtree(corpus, ignore_errors=True)
    t = time.perf_counter()
    paths = generate(args.agencies, corpus, args.items)
    line("load average (1, 5, 15 min)", " ".join(f"{x:.1f}" for x in os.getloadavg()))
    line("corpus", f"{len(paths)} catalogs generated in {time.perf_counter() - t:.1f} s ({work})")

    summary = build(paths, store=store, keywords=args.keywords)
    rss = peak_rss_mb()
    line("item keywords (kg:keyword)", "stored, as kg build does" if args.keywords else "skipped")
    line(
        "items / citations / triples",
        f"{summary.items:,} / {summary.citations:,} / {summary.triples:,}",
    )
    line("build time (parse to store)", f"{summary.seconds:.1f} s")
    for stage, seconds in summary.stages:
        line(f"  {stage}", f"{seconds:.1f} s")
    line("build throughput", f"{summary.items / summary.seconds:,.0f} items/s   (target >= 5,000)")
    line("peak RSS of the build", f"{rss:,.0f} MB   (target <= 2,048)")
    line("store size on disk", f"{folder_mb(store):,.0f} MB")
    if args.build_only:
        return

    # The Article 20 question in three forms: the items (IRIs), their number, and the full
    # listing of article20.rq (labels, units, pinpoints, sorted; every row decodes strings).
    with Store.open(store) as st:
        art = st.select(ARTICLE, {"n": "国务院令第711号"})[0]["a"]
        core = CORE.replace("?article", f"<{art}>")
        count = COUNT.replace("?article", f"<{art}>")
        listing = load_query("article20")
        rows = len(st.select(core))
        count_runs = timings_ms(lambda: st.select(count), args.repeat)
        figures = {
            "count": statistics.median(count_runs),
            "items": median_ms(lambda: st.select(core), max(3, args.repeat // 5)),
            "listing": median_ms(lambda: st.select(listing), max(3, args.repeat // 10)),
        }
    line("Article 20 question: basis edges found", f"{rows:,}")
    # The question as the store answers it: how many items rest on the article or under it.
    # Listing them adds what every answer costs, turning each row into Python strings.
    line("  count of items, embedded Oxigraph", f"{spread(count_runs)}   (target <= 20 ms)")
    line("  item IRIs as Python strings", f"{figures['items']:.1f} ms median")
    line("  full listing (article20.rq)", f"{figures['listing']:.1f} ms median")

    if not args.no_rdflib:
        other = rdflib_figures(store, [core, count], args.rdflib_repeat, work)
        if other:
            (items, counted) = other["queries"]
            line("rdflib in-memory graph: parse", f"{other['parse_s']:.1f} s")
            line(
                "  items (IRIs), rdflib",
                f"{items['median_ms']:.1f} ms median ({items['rows']:,} rows)",
            )
            line("  count, rdflib", f"{counted['median_ms']:.1f} ms median")
            line(
                "  embedded store faster (items)", f"{items['median_ms'] / figures['items']:,.1f}x"
            )
            line(
                "  embedded store faster (count)",
                f"{counted['median_ms'] / figures['count']:,.1f}x   (target >= 20x)",
            )

    try:
        from kg.analysis.latency import depends_latency, impact_latency
    except ImportError:
        line("kg depends / kg impact", "kg.analysis not installed")
    else:
        try:
            dep = depends_latency(store, "国务院令第711号", article=20)
            line(
                "kg depends 国务院令第711号 --article 20",
                f"{dep['median_ms']:.1f} ms median ({dep['items']:,} items)",
            )
            amendment = REPO / "data" / "amendments" / "tongjifa-2024.toml"
            if amendment.is_file():
                imp = impact_latency(store, amendment)
                line(
                    "kg impact tongjifa-2024.toml",
                    f"{imp['median_ms']:.1f} ms median ({imp['items']:,} items)",
                )
        except Exception as err:  # a benchmark reports; it does not stop on another stage's bug
            line("kg depends / kg impact", f"failed: {err}")
    line("load average (1, 5, 15 min)", " ".join(f"{x:.1f}" for x in os.getloadavg()))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
