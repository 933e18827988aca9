"""Figures for the search stage (prints them; not a test).

    python benchmarks/bench_search.py [--statutes ../shared/statutes] [--repeat 5]

1. Start-up: import jieba plus the first cut, each in a fresh interpreter:
   jieba's own path (dictionary rebuilt; jieba's own cache, kept in a temporary folder),
   and kg's legal dictionary (rebuilt; read back with marshal from the user cache).
2. Search on the bundled catalogs (built into a temporary store): index build, cached open,
   query latency.
3. Bulk tokenising of article texts: one process, threads, processes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SENTENCE = "《中华人民共和国政府信息公开条例》(国务院令第711号)第二十条 由法规信访股负责"

JIEBA_OWN = """
import time; t = time.perf_counter(); c = time.process_time()
import jieba, logging; jieba.setLogLevel(logging.WARNING)
jieba.dt.tmp_dir = {tmp!r}
list(jieba.cut({sentence!r}))
print(time.perf_counter() - t, time.process_time() - c)
"""
KG_LEGAL = """
import time; t = time.perf_counter(); c = time.process_time()
from kg.textsearch.lexicon import legal_tokenizer
list(legal_tokenizer().cut({sentence!r}))
print(time.perf_counter() - t, time.process_time() - c)
"""


def fresh(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds reported by a fresh interpreter running `code`."""
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                         capture_output=True, text=True)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def median_of(code: str, env: dict[str, str], repeat: int) -> tuple[float, float]:
    runs = [fresh(code, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def startup(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KG_CACHE_DIR": str(Path(tmp) / "kg")}
        jieba_tmp = str(Path(tmp) / "jieba")
        os.mkdir(jieba_tmp)
        own = JIEBA_OWN.format(tmp=jieba_tmp, sentence=SENTENCE)
        legal = KG_LEGAL.format(sentence=SENTENCE)
        rows = [
            ("jieba, first run (builds its cache)", fresh(own, env)),
            ("jieba, its own cache", median_of(own, env, repeat)),
            ("kg legal dictionary, first run (builds)", fresh(legal, env)),
            ("kg legal dictionary, marshal cache", median_of(legal, env, repeat)),
        ]
    print(f"import + first cut, fresh interpreter (median of {repeat} where repeated;"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    print(f"  {'':<44} {'wall':>7} {'CPU':>7}")
    for name, (wall, cpu) in rows:
        print(f"  {name:<44} {wall:6.2f}s {cpu:6.2f}s")


def search(statutes: Path | None, repeat: int) -> list[str]:
    from kg.analysis.source import as_source
    from kg.pipeline import BUNDLED, build
    from kg.textsearch.index import SearchIndex

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KG_CACHE_DIR"] = str(Path(tmp) / "cache")
        store = Path(tmp) / "store"
        build(BUNDLED, statutes=statutes, store=store, keywords=True)
        source = as_source(store)
        t = time.perf_counter()
        index = SearchIndex.open(source, store)
        built = time.perf_counter() - t
        t = time.perf_counter()
        SearchIndex.open(source, store)
        cached = time.perf_counter() - t
        latencies = []
        for _ in range(repeat):
            for query in ("社会保险", "统计资料", "主动公开", "国务院令第711号", "法规信访股"):
                t = time.perf_counter()
                index.search(query, limit=20)
                latencies.append(time.perf_counter() - t)
        kinds = {k: sum(d.kind == k for d in index.docs) for k in ("item", "article", "act", "unit")}
        texts = [d.text for d in index.docs if d.kind == "article" and d.text]
    print(f"search index of the bundled catalogs ({'with' if statutes else 'without'} statutes): {kinds}")
    print(f"  build (first open)        {built:6.2f} s")
    print(f"  open from cache           {cached:6.2f} s")
    print(f"  query, median             {statistics.median(latencies) * 1000:6.2f} ms")
    return texts


def _cut_all(texts: list[str]) -> int:
    from kg.textsearch.lexicon import legal_tokenizer

    tokenizer = legal_tokenizer()
    return sum(len(list(tokenizer.cut(t))) for t in texts)


def bulk(texts: list[str]) -> None:
    if not texts:
        print("bulk tokenising: no article texts (build with --statutes)")
        return
    texts = texts * max(1, 20000 // len(texts))
    chunks = [texts[i::2] for i in range(2)]
    _cut_all(texts[:1])  # load the dictionary before timing
    t, c = time.perf_counter(), time.process_time()
    _cut_all(texts)
    serial = (time.perf_counter() - t, time.process_time() - c)
    t, c = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(_cut_all, chunks))
    threads = (time.perf_counter() - t, time.process_time() - c)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_cut_all, chunks))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processes = (time.perf_counter() - t,
                 after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    chars = sum(map(len, texts))
    print(f"bulk tokenising {len(texts)} article texts ({chars / 1e6:.1f} M characters)"
          f" (load average {os.getloadavg()[0]:.1f})")
    print(f"  {'':<26} {'wall':>7} {'CPU':>7}")
    for name, (wall, cpu) in (("one process", serial), ("2 threads", threads),
                              ("2 processes (with start)", processes)):
        print(f"  {name:<26} {wall:6.2f}s {cpu:6.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO.parent / "shared" / "statutes"
    parser.add_argument("--statutes", type=Path, default=default if default.is_dir() else None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    startup(args.repeat)
    texts = search(args.statutes, args.repeat)
    bulk(texts)


if __name__ == "__main__":
    main()
