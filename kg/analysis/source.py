"""A thin read-only view of the graph: one `select` method, whatever holds the triples.

The analysis code talks only to `Source.select(sparql, bindings)`. It runs on the project's
`kg.rdf.store.Store` when given one, and on a bare `pyoxigraph.Store` (tests, notebooks)
through `OxigraphSource`.

User values reach SPARQL only as bound values: `select(source, sparql, bindings)` writes them
as one VALUES row opening the WHERE group, each term serialised by pyoxigraph (escaped
N-Triples; IRIs validated), so a value can never end the literal or IRI it stands in. A
VALUES row rather than Oxigraph substitutions because Oxigraph plans a substituted variable
as unbound: `?x eli:is_part_of* ?target . ?item kg:basis ?x` with ?target substituted runs
from every item (50-100x slower at 6,400 items); with VALUES it starts from the target.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf.query import bind_values
from kg.rdf.vocab import sparql_prologue

# A value bound to a query variable: an IRI (URIRef) or a literal (Literal, str or int).
Binding = URIRef | Literal | str | int


class Source(Protocol):
    def select(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[dict]:
        """Rows of a SELECT query as dicts of variable -> str (None when unbound)."""


def bind(sparql: str, bindings: Mapping[str, Binding] | None) -> str:
    """The query with `bindings` as a VALUES row opening its WHERE group (kg.rdf.query).

    Oxigraph plans a substituted variable as if it were unbound (120 ms against 1 ms for the
    same value in VALUES), so values travel as escaped terms in the query text."""
    try:
        return bind_values(sparql, bindings or {})
    except ValueError as err:  # pyoxigraph refuses an IRI that is not one
        raise QueryError(f"cannot bind a value: {err}") from err


class RecordingSource:
    """A Source that keeps the text of every distinct query it runs, values bound, so
    `kg ask` can print exactly the SPARQL behind an answer."""

    def __init__(self, inner: Source) -> None:
        self.inner = inner
        self.queries: list[str] = []

    def select(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[dict]:
        text = bind(sparql, bindings)
        if text not in self.queries:
            self.queries.append(text)
        return self.inner.select(text)


def select(source: Source, sparql: str, bindings: Mapping[str, Binding] | None = None
           ) -> list[dict]:
    """Rows of a SELECT on any Source, user values bound safely (see the module doc)."""
    return source.select(bind(sparql, bindings))


def _plain(term: Any) -> str | None:
    if term is None:
        return None
    return term.value


class OxigraphSource:
    """`Source` over a pyoxigraph.Store (in memory or opened read-only from a folder)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._prologue = sparql_prologue()

    def select(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> list[dict]:
        try:
            solutions = self.store.query(self._prologue + bind(sparql, bindings))
        except SyntaxError as err:
            raise QueryError(f"bad SPARQL in kg.analysis: {err}") from err
        names = [v.value for v in solutions.variables]
        return [{n: _plain(row[n]) for n in names} for row in solutions]


def as_source(obj: Any) -> Source:
    """Wrap what the caller has (path, pyoxigraph.Store, kg Store, Source) as a Source."""
    if isinstance(obj, ox.Store):
        return OxigraphSource(obj)
    if isinstance(obj, str | Path):
        return open_source(Path(obj))
    if hasattr(obj, "select"):
        return obj
    raise TypeError(f"cannot read a graph from {type(obj).__name__}")


def open_source(path: Path) -> Source:
    """Open a built store folder read-only, through kg.rdf.store when it is installed."""
    if not path.is_dir():
        raise StoreError(f"no graph store at {path}; build one first with `kg build`")
    try:
        from kg.rdf.store import Store
    except ImportError:
        try:
            return OxigraphSource(ox.Store.read_only(str(path)))
        except OSError as err:
            raise StoreError(f"cannot open the graph store: {err}", file=str(path)) from err
    return Store.open(path, read_only=True)
