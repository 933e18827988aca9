"""The persistent embedded store (pyoxigraph), built atomically.

Layout of a store folder: `gen-<n>/` holds one complete Oxigraph database and the file
`kg-current` names the generation in use. A build loads a fresh `tmp-<pid>-<token>/` folder,
renames it to a new generation and only then replaces `kg-current` with os.replace, so a crash
or Ctrl-C at any point leaves the previous graph in use; leftovers are swept by the next build.
A plain Oxigraph folder (e.g. made by `oxigraph load --location DIR`) can also be opened.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError, StoreError
from kg.rdf.terms import to_ox, to_rdflib, triple_nt
from kg.rdf.vocab import PREFIXES

POINTER = "kg-current"
ROCKSDB_MARK = "CURRENT"  # every Oxigraph (RocksDB) folder has this file
CHUNK_CHARS = 20_000_000  # characters of N-Triples per bulk load (~50 MB of UTF-8 text)
LOAD_WORKERS = 2  # bulk loads at once (more gained nothing on 2 cores)
MAX_PENDING_BYTES = 400_000_000  # chunks made but not yet loaded (bounds a build's memory)

RDF_FORMATS = {
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "xml": ox.RdfFormat.RDF_XML,
}


def prefix_map() -> dict[str, str]:
    return {p: str(ns) for p, ns in PREFIXES.items()}


class Store:
    """A graph store: one Oxigraph database, opened read-only unless told otherwise."""

    def __init__(self, inner: ox.Store, path: Path | None = None, read_only: bool = True):
        self.inner = inner
        self.path = path
        self.read_only = read_only

    # ---- opening --------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, read_only: bool = True) -> Store:
        folder = database_folder(Path(path))
        try:
            inner = ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
        except OSError as err:
            raise StoreError(f"cannot open the graph store: {err}", file=str(path)) from err
        return cls(inner, Path(path), read_only)

    @classmethod
    def memory(cls, triples: Iterable[tuple[Any, Any, Any]] = ()) -> Store:
        """An in-memory store, optionally filled with rdflib triples (for tests and tools)."""
        store = cls(ox.Store(), None, read_only=False)
        store.load_lines(triple_nt(*t) for t in triples)
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        # pyoxigraph closes the database when the last reference goes.
        self.inner = None  # type: ignore[assignment]

    # ---- reading --------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None):
        """Run a SPARQL query with the common prefixes predeclared. Values in `bindings` are
        RDF terms (a Python str is a literal), never pasted into the text as given: they go
        in a VALUES block of escaped terms opening the WHERE group, which Oxigraph plans
        like constants (`?x eli:is_part_of* ?art` walks from the bound article). Oxigraph's
        own substitution (SEP-0007) filters after evaluating the whole pattern, ten times
        slower; it is used only for a query without a WHERE group."""
        subs = None
        if bindings:
            from kg.rdf.query import bind_values

            try:
                sparql = bind_values(sparql, bindings)
            except QueryError:
                subs = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        try:
            return self.inner.query(sparql, prefixes=prefix_map(), substitutions=subs)
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL query: {err}") from err
        except RuntimeError as err:
            raise QueryError(f"the query failed: {err}") from err
        except OSError as err:
            raise StoreError(f"the graph store failed: {err}", file=str(self.path or "")) from err

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
        """Rows of a SELECT as dicts of variable -> string value (None when unbound)."""
        solutions = self.query(sparql, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in solutions.variables]
        # positional unpacking: the hot loop of every answer with many rows
        return [
            dict(zip(names, [None if t is None else t.value for t in row], strict=True))
            for row in solutions
        ]

    def ask(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> bool:
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("ask() needs an ASK query")
        return bool(result)

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only", file=str(self.path or ""))
        try:
            self.inner.update(sparql, prefixes=prefix_map())
        except SyntaxError as err:
            raise QueryError(f"invalid SPARQL update: {err}") from err

    def __len__(self) -> int:
        return len(self.inner)

    def graph_triples(self) -> Iterator[tuple[Any, Any, Any]]:
        """Triples of the default graph as rdflib terms."""
        for quad in self.inner.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def rdflib_graph(self) -> rdflib.Graph:
        graph = rdflib.Graph()
        graph.parse(data=self.dump("nt"), format="nt")
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        return graph

    def dump(self, fmt: str = "nt", output: Path | None = None) -> bytes | None:
        """The graph serialized (into `output` if given). N-Triples and N-Quads lines are
        sorted, so equal graphs give equal bytes; other syntaxes stream straight to `output`."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; choose from {', '.join(RDF_FORMATS)}")
        kwargs: dict[str, Any] = {}
        if fmt in ("nt", "ttl", "jsonld", "xml"):
            kwargs["from_graph"] = ox.DefaultGraph()
        if fmt in ("ttl", "trig", "jsonld", "xml"):
            kwargs["prefixes"] = prefix_map()
        if fmt not in ("nt", "nq"):
            return self.inner.dump(str(output) if output else None, RDF_FORMATS[fmt], **kwargs)
        lines = self.inner.dump(format=RDF_FORMATS[fmt], **kwargs).splitlines(keepends=True)
        lines.sort()
        data = b"".join(lines)
        if output is None:
            return data
        output.write_bytes(data)
        return None

    # ---- writing --------------------------------------------------------------------------

    def load_lines(self, lines: Iterable[str]) -> None:
        """Bulk-load N-Triples text in chunks: `lines` are pieces of whole lines each (one
        line, or many joined, as kg.rdf.statements.statement_text makes them). Oxigraph
        loads chunks in worker threads (it releases the GIL) while Python makes the next ones: measured on 2 cores, two loads
        at once take 35% less time than one after the other, and both overlap with making
        the lines. Chunks made faster than they load wait in memory, up to
        MAX_PENDING_BYTES, so the loader catches up while Python does other work (a build
        extracts citations after reading every catalog) instead of Python waiting on it."""
        pending: deque[tuple[Future, int]] = deque()
        waiting = 0

        def settle_oldest() -> None:
            nonlocal waiting
            future, size = pending.popleft()
            future.result()
            waiting -= size

        with ThreadPoolExecutor(max_workers=LOAD_WORKERS) as pool:
            try:
                for data in _chunks(lines, CHUNK_CHARS):
                    while pending and waiting + len(data) > MAX_PENDING_BYTES:
                        settle_oldest()
                    pending.append((pool.submit(self._load_bytes, data), len(data)))
                    waiting += len(data)
                    while pending and pending[0][0].done():  # surface errors early
                        settle_oldest()
                while pending:
                    settle_oldest()
            except BaseException:
                for future, _ in pending:  # a failed or interrupted build stops loading soon
                    future.cancel()
                raise

    def _load_bytes(self, data: bytes) -> None:
        try:
            # lenient: the lines come from kg.rdf.terms, which escapes every term itself
            self.inner.bulk_load(data, ox.RdfFormat.N_TRIPLES, lenient=True)
        except SyntaxError as err:  # a bug in a triple producer, not user input
            raise StoreError(f"could not load generated triples: {err}") from err


def _chunks(pieces: Iterable[str], size: int) -> Iterator[bytes]:
    """UTF-8 bytes of whole pieces of text, at least `size` characters a chunk (the last
    may be shorter; a piece is never split, so each chunk ends at the end of a line)."""
    chunk: list[str] = []
    length = 0
    for piece in pieces:
        chunk.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(chunk).encode("utf-8")
            chunk, length = [], 0
    if chunk:
        yield "".join(chunk).encode("utf-8")


def database_folder(path: Path) -> Path:
    """The Oxigraph folder a store path stands for (current generation or a plain store)."""
    pointer = path / POINTER
    if pointer.is_file():
        folder = path / pointer.read_text(encoding="utf-8").strip()
        if folder.is_dir():
            return folder
        raise StoreError(f"the store names a missing generation {folder.name}", file=str(path))
    if (path / ROCKSDB_MARK).is_file():
        return path
    raise StoreError("no graph store here; run `kg build CATALOG...` first", file=str(path))


def exists(path: Path | str) -> bool:
    try:
        database_folder(Path(path))
    except StoreError:
        return False
    return True


def build_store(path: Path | str, lines: Iterable[str]) -> int:
    """Load N-Triples lines into a new generation of the store at `path`, compact it, then
    switch to it atomically. Returns the number of distinct triples. Any exception (including
    KeyboardInterrupt, or an input error raised by `lines` itself) leaves the previous
    generation in use, or no folder at all when there was none."""
    root = Path(path)
    created = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    if not (root / POINTER).is_file() and any(root.iterdir()):
        if not all(p.name.startswith(("tmp-", "gen-")) for p in root.iterdir()):
            raise StoreError(
                "the folder is not empty and not a kg store; choose another --store", file=str(root)
            )
    sweep(root)
    tmp = root / f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        store = Store(ox.Store(str(tmp)), tmp, read_only=False)
        store.load_lines(lines)
        store.inner.flush()
        # Each bulk load leaves its own sorted runs, and every lookup then reads all of them:
        # compacting once (~2 s at 100k items) makes joins and lookups 2-4x faster (the
        # Article 20 listing, kg depends, kg show). See docs/rdf.md. Counting the triples
        # reads a snapshot, so it runs meanwhile (both release the GIL). Compaction needs
        # room for a second copy for a while: without it the store stays as loaded.
        with ThreadPoolExecutor(max_workers=1) as pool:
            counted = pool.submit(len, store)
            with contextlib.suppress(OSError):
                store.inner.optimize()
            count = counted.result()
        store.close()
        del store
        gen = root / f"gen-{time.time_ns()}"
        os.rename(tmp, gen)
        _point_to(root, gen.name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if created:  # a failed first build leaves no folder behind (rmdir: only when empty)
            with contextlib.suppress(OSError):
                root.rmdir()
        raise
    sweep(root)
    return count


def _point_to(root: Path, name: str) -> None:
    temp = root / f"{POINTER}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temp, root / POINTER)
    with contextlib.suppress(OSError):  # make the rename itself durable where supported
        fd = os.open(root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sweep(root: Path) -> None:
    """Remove generations not in use and temporary folders of builds no longer running."""
    pointer = root / POINTER
    current = pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else None
    for child in root.iterdir():
        if child.name.startswith("gen-") and child.name != current:
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith("tmp-") and not _alive(child.name):
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith(f"{POINTER}.") and child.name.endswith(".tmp"):
            with contextlib.suppress(OSError):
                child.unlink()


def _alive(tmp_name: str) -> bool:
    try:
        pid = int(tmp_name.split("-")[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
