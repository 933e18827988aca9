"""kg.rdf.store: atomic builds, opening, safe bound values, sorted dumps."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf import store as store_module
from kg.rdf.store import POINTER, Store, build_store, exists
from kg.rdf.terms import from_nt, literal_nt, term_nt, triple_nt

EX = "http://example.org/"


def lines(n: int, label: str = "x") -> list[str]:
    return [
        triple_nt(URIRef(f"{EX}s{i}"), URIRef(f"{EX}label"), Literal(f"{label}{i}"))
        for i in range(n)
    ]


def labels(path: Path) -> set[str]:
    with Store.open(path) as st:
        return {r["o"] for r in st.select("SELECT ?o WHERE { ?s <http://example.org/label> ?o }")}


def test_build_then_open(tmp_path):
    assert build_store(tmp_path / "kg", lines(3)) == 3
    assert labels(tmp_path / "kg") == {"x0", "x1", "x2"}
    assert exists(tmp_path / "kg")


def test_rebuild_replaces_and_sweeps_old_generations(tmp_path):
    build_store(tmp_path / "kg", lines(3, "old"))
    build_store(tmp_path / "kg", lines(2, "new"))
    assert labels(tmp_path / "kg") == {"new0", "new1"}
    assert len([p for p in (tmp_path / "kg").iterdir() if p.name.startswith("gen-")]) == 1


@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError, MemoryError])
def test_failure_midway_leaves_the_previous_graph(tmp_path, error):
    build_store(tmp_path / "kg", lines(3, "old"))
    pointer = (tmp_path / "kg" / POINTER).read_text()

    def broken():
        yield from lines(5, "new")
        raise error()

    with pytest.raises(error):
        build_store(tmp_path / "kg", broken())
    assert (tmp_path / "kg" / POINTER).read_text() == pointer
    assert labels(tmp_path / "kg") == {"old0", "old1", "old2"}
    assert not [p for p in (tmp_path / "kg").iterdir() if p.name.startswith("tmp-")]


@pytest.mark.parametrize(
    ("count", "chunk", "workers"),
    [(0, 4, 2), (1, 4, 2), (4, 4, 2), (9, 4, 2), (25, 3, 3), (25, 1000, 1), (7, 2, 1)],
)
def test_chunks_loaded_concurrently_give_every_triple_once(
    tmp_path, monkeypatch, count, chunk, workers
):
    monkeypatch.setattr(store_module, "CHUNK_CHARS", chunk)
    monkeypatch.setattr(store_module, "LOAD_WORKERS", workers)
    data = lines(count)
    assert build_store(tmp_path / "kg", data + data[: count // 2]) == count  # repeats count once
    assert labels(tmp_path / "kg") == {f"x{i}" for i in range(count)}


@pytest.mark.parametrize("chunk", [1, 60, 400, 10_000])
def test_pieces_of_several_lines_are_never_split(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(store_module, "CHUNK_CHARS", chunk)
    data = lines(10)
    pieces = ["".join(data[:3]), data[3], "".join(data[4:9]), data[9]]
    assert [c.count(b"\n") for c in store_module._chunks(pieces, chunk)] == {
        1: [3, 1, 5, 1],  # lines are 58 characters
        60: [3, 6, 1],
        400: [9, 1],
        10_000: [10],
    }[chunk]
    assert build_store(tmp_path / "kg", pieces) == 10
    assert labels(tmp_path / "kg") == {f"x{i}" for i in range(10)}


def test_leftovers_of_a_killed_build_are_swept(tmp_path):
    build_store(tmp_path / "kg", lines(1))
    dead = tmp_path / "kg" / "tmp-999999999-abcd"  # no such process
    dead.mkdir()
    (dead / "junk").write_text("x")
    build_store(tmp_path / "kg", lines(1))
    assert not dead.exists()


def test_missing_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        Store.open(tmp_path / "nothing")


def test_refuses_to_build_into_an_unrelated_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        build_store(tmp_path, lines(1))
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_plain_oxigraph_folder_opens(tmp_path):
    inner = ox.Store(str(tmp_path / "plain"))
    inner.add(ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "label"), ox.Literal("plain")))
    inner.flush()
    del inner
    assert labels(tmp_path / "plain") == {"plain"}


def test_read_only_store_refuses_updates(tmp_path):
    build_store(tmp_path / "kg", lines(1))
    with Store.open(tmp_path / "kg") as st, pytest.raises(StoreError, match="read-only"):
        st.update("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")


INJECTIONS = [
    '" } ; DROP ALL ; #',
    'x0" . ?s ?p ?o . FILTER("1',
    "<http://example.org/s0>",
    "多行\n文字",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_bound_values_stay_values(value):
    st = Store.memory()
    st.load_lines(lines(2) + [triple_nt(URIRef(EX + "t"), URIRef(EX + "label"), Literal(value))])
    rows = st.select("SELECT ?s WHERE { ?s <http://example.org/label> ?v }", {"v": value})
    assert rows == [{"s": EX + "t"}]
    assert len(st) == 3


def test_bindings_of_each_kind():
    st = Store.memory(
        [
            (URIRef(EX + "a"), URIRef(EX + "n"), Literal(20)),
            (URIRef(EX + "a"), URIRef(EX + "s"), Literal("20")),
        ]
    )
    assert st.select("SELECT ?p WHERE { ?s ?p ?o }", {"o": 20}) == [{"p": EX + "n"}]
    assert st.select("SELECT ?p WHERE { ?s ?p ?o }", {"o": "20"}) == [{"p": EX + "s"}]
    assert len(st.select("SELECT ?p WHERE { ?s ?p ?o }", {"s": URIRef(EX + "a")})) == 2
    assert st.ask("ASK { ?s kg:none ?o }") is False  # prefixes are predeclared


def test_invalid_query_is_a_query_error():
    with pytest.raises(QueryError):
        Store.memory().select("SELECT WHERE {")


def test_dump_is_sorted_and_round_trips():
    triples = [
        (URIRef(EX + f"s{i}"), URIRef(EX + "p"), Literal(f'值{i}\n"引号"')) for i in (3, 1, 2)
    ]
    st = Store.memory(triples)
    nt = st.dump("nt").decode()
    assert nt.splitlines() == sorted(nt.splitlines())
    again = Store.memory()
    again.inner.load(nt.encode(), ox.RdfFormat.N_TRIPLES)
    assert again.dump("nt") == st.dump("nt")
    assert set(st.graph_triples()) == set(triples)
    assert b"@prefix kg:" in st.dump("ttl")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (URIRef("http://e/a"), "<http://e/a>"),
        (URIRef("http://e/a b"), "<http://e/a%20b>"),
        (Literal('a"b\\c\nd'), '"a\\"b\\\\c\\nd"'),
        (Literal("第二十条"), '"第二十条"'),
        (Literal(20), '"20"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (Literal("x", lang="zh"), '"x"@zh'),
        (BNode("b1"), "_:b1"),
    ],
)
def test_ntriples_terms(term, expected):
    assert term_nt(term) == expected
    if "%20" not in expected:
        assert from_nt(expected) == term


def test_string_datatype_is_implicit():
    assert literal_nt("a", "http://www.w3.org/2001/XMLSchema#string") == '"a"'


# A build that writes some triples, then hangs until it is killed.
HANGING_BUILD = """
import sys, time
from rdflib import Literal, URIRef
from kg.rdf.store import build_store
from kg.rdf.terms import triple_nt

def lines():
    for i in range(300_000):
        yield triple_nt(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/label"), Literal(f"new{i}"))
    time.sleep(120)

build_store(sys.argv[1], lines())
"""


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGINT"])
def test_killed_or_interrupted_process_leaves_the_previous_graph(tmp_path, signal_name):
    import signal
    import subprocess
    import sys
    import time

    store = tmp_path / "kg"
    build_store(store, lines(3, "old"))
    pointer = (store / POINTER).read_text()
    proc = subprocess.Popen([sys.executable, "-c", HANGING_BUILD, str(store)])
    try:
        deadline = time.monotonic() + 60
        # wait until the first chunk is in the new database (the loader is mid-build)
        while not any(p.name.startswith("tmp-") and any(p.glob("*.sst")) for p in store.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the build never started"
            time.sleep(0.05)
        proc.send_signal(getattr(signal, signal_name))
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (store / POINTER).read_text() == pointer
    assert labels(store) == {"old0", "old1", "old2"}
    build_store(store, lines(1, "next"))  # and the next build sweeps what was left
    assert not [p for p in store.iterdir() if p.name.startswith("tmp-")]
    assert labels(store) == {"next0"}
