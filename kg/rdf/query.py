"""SPARQL for users: named queries, the read-only check, bound values and result shapes.

Whether a text is a query or an update is decided by parsing it (rdflib's SPARQL grammar,
then Oxigraph's when rdflib does not know a construct), never by looking for keywords.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import NotFoundError, QueryError
from kg.rdf.terms import plain, results_json_term, term_nt, to_ox
from kg.rdf.vocab import PREFIXES, sparql_prologue

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
QUERY_KINDS = ("select", "ask", "construct", "describe")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def load_query(name: str) -> str:
    """The text of kg/queries/<name>.rq."""
    stem = name.removesuffix(".rq")
    path = QUERIES_DIR / f"{stem}.rq"
    if "/" in stem or "\\" in stem or not path.is_file():
        raise NotFoundError(f"no query named {name!r}; known: {', '.join(query_names())}")
    return path.read_text(encoding="utf-8")


def classify(text: str) -> str:
    """select | ask | construct | describe | update, by parsing; QueryError if neither."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        name = parseQuery(text)[1].name
        return name.removesuffix("Query").lower()
    except Exception as query_error:  # pyparsing raises several types
        try:
            parseUpdate(text)
            return "update"
        except Exception:
            pass
        kind = _oxigraph_kind(text)
        if kind:
            return kind
        raise QueryError(f"not a SPARQL query or update: {query_error}") from None


def _oxigraph_kind(text: str) -> str | None:
    """Oxigraph parses some SPARQL rdflib does not; an empty store parses without reading."""
    try:
        result = ox.Store().query(text, prefixes={p: str(ns) for p, ns in PREFIXES.items()})
    except (SyntaxError, OSError, ValueError):
        return None
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    if isinstance(result, ox.QuerySolutions):
        return "select"
    return "construct"


def check(text: str, allow_update: bool = False) -> str:
    """The kind of `text`; an update is refused unless allowed."""
    kind = classify(text)
    if kind == "update" and not allow_update:
        raise QueryError("this is a SPARQL update; the graph is read-only unless --update is given")
    return kind


def with_prologue(text: str) -> str:
    """The text with the common PREFIX lines in front (for servers; the embedded store is
    given the prefixes directly, which keeps error line numbers right)."""
    return sparql_prologue() + text


# ---- bound values for servers -------------------------------------------------------------
# SPARQL lexemes that may contain braces or the word WHERE: strings, IRIs, comments.
_LEXEME = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    r"|(?<![?$:\w])(?i:WHERE|SELECT)\b"
    r"|[{}()]",
)
_VAR_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def bind_values(text: str, bindings: Mapping[str, Any]) -> str:
    """Put bound values into a query for a server that cannot take them separately: a
    VALUES block opening the WHERE group, holding each value as an escaped RDF term."""
    if not bindings:
        return text
    for name in bindings:
        if not _VAR_NAME.match(name):
            raise QueryError(f"not a variable name: {name!r}")
    names = " ".join(f"?{n}" for n in bindings)
    row = " ".join(term_nt(to_ox(v)) for v in bindings.values())
    block = f" VALUES ({names}) {{ ({row}) }} "
    at = _where_brace(text)
    if at is None:
        raise QueryError("cannot bind values: the query has no WHERE group")
    return text[: at + 1] + block + text[at + 1 :]


def _where_brace(text: str) -> int | None:
    depth = parens = 0
    after_where = False
    first: int | None = None
    where: int | None = None
    for m in _LEXEME.finditer(text):
        tok = m.group()
        if tok[0] in "\"'<#":
            continue
        if tok.upper() == "SELECT":
            if depth > 0:  # an outer VALUES would not reach a subquery's own variables
                raise QueryError("cannot bind values in a query with subqueries")
        elif tok.upper() == "WHERE":
            after_where = depth == 0
        elif tok == "(":
            parens += 1
        elif tok == ")":
            parens -= 1
        elif tok == "{":
            if depth == 0 and parens == 0:
                if after_where and where is None:
                    where = m.start()
                if first is None:
                    first = m.start()
            depth += 1
        elif tok == "}":
            depth -= 1
    if where is not None:
        return where
    # SELECT/ASK may leave out WHERE; CONSTRUCT's first group is its template.
    head = text[:first] if first is not None else ""
    if first is not None and not re.search(r"(?i)\b(CONSTRUCT|DESCRIBE)\b", _strip(head)):
        return first
    return None


def _strip(text: str) -> str:
    return _LEXEME.sub(lambda m: "" if m.group()[0] in "\"'<#" else m.group(), text)


# ---- results -------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """The answer of a query, local or remote: rows of terms, a boolean, or triples."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # variable -> pyoxigraph term
    boolean: bool | None = None
    triples: list[tuple[Any, Any, Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, str | None]]:
        """Plain records for table/CSV output."""
        if self.kind == "ask":
            return [{"answer": "true" if self.boolean else "false"}]
        if self.kind in ("construct", "describe"):
            return [
                {"subject": plain(s), "predicate": plain(p), "object": plain(o)}
                for s, p, o in self.triples
            ]
        return [{v: plain(row.get(v)) for v in self.variables} for row in self.rows]

    def columns(self) -> list[str]:
        if self.kind == "ask":
            return ["answer"]
        if self.kind in ("construct", "describe"):
            return ["subject", "predicate", "object"]
        return list(self.variables)

    def results_json(self) -> str:
        """SPARQL 1.1 Query Results JSON (SELECT/ASK); graph results as N-Triples records."""
        if self.kind == "ask":
            doc: Any = {"head": {}, "boolean": bool(self.boolean)}
        elif self.kind == "select":
            bindings = [
                {v: results_json_term(t) for v, t in row.items() if t is not None}
                for row in self.rows
            ]
            doc = {"head": {"vars": self.variables}, "results": {"bindings": bindings}}
        else:
            doc = [
                {"subject": term_nt(s), "predicate": term_nt(p), "object": term_nt(o)}
                for s, p, o in self.triples
            ]
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def run_local(
    store, text: str, bindings: Mapping[str, Any] | None = None, update: bool = False
) -> QueryResult:
    """Check and run a user's SPARQL on an embedded kg.rdf.store.Store."""
    kind = check(text, allow_update=update)
    if kind == "update":
        store.update(text)
        return QueryResult(kind="update")
    result = store.query(text, bindings)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        rows = [{n: row[n] for n in names} for row in result]
        return QueryResult(kind="select", variables=names, rows=rows)
    triples = [(t.subject, t.predicate, t.object) for t in result]
    return QueryResult(kind=kind if kind in QUERY_KINDS else "construct", triples=triples)
