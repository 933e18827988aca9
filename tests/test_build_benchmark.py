"""Smoke test of the benchmark corpus generator at tiny scale (no timings asserted)."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.ingest import read_catalog
from kg.pipeline import build
from kg.rdf.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.generate import agency_name, generate  # noqa: E402


def test_generated_catalogs_read_back_and_build(tmp_path):
    paths = generate(3, tmp_path / "corpus", items_per_agency=10, seed=7)
    reads = [read_catalog(p) for p in paths]
    assert [r.agency for r in reads] == [agency_name(i) for i in range(3)]
    assert all(5 <= len(r.items) <= 15 and not r.rejections for r in reads)
    summary = build(paths, store=tmp_path / "store")
    assert summary.items == sum(len(r.items) for r in reads)
    with Store.open(tmp_path / "store") as st:
        agencies = st.select("SELECT DISTINCT ?a WHERE { ?i kg:agency/skos:prefLabel ?a }")
    assert len(agencies) == 3


def test_generation_is_deterministic(tmp_path):
    first = generate(2, tmp_path / "a", items_per_agency=8, seed=1)
    second = generate(2, tmp_path / "b", items_per_agency=8, seed=1)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_agency_names_are_distinct_at_national_scale():
    names = {agency_name(i) for i in range(3000)}
    assert len(names) == 3000
