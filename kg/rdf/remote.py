"""SPARQL 1.1 servers over HTTP (stdlib urllib only): query, update, Graph Store Protocol.

Works with any conforming server; docs/rdf.md lists the endpoint URLs of Oxigraph, Fuseki,
GraphDB, Virtuoso and QLever. Credentials may be given in the URL (http://user:pw@host/...):
they answer the server's Basic or Digest challenge (Virtuoso's /sparql-auth uses Digest).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.rdf.query import QueryResult, bind_values, check, with_prologue
from kg.rdf.terms import from_results_json, iri_nt

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
PUSH_CHUNK_LINES = 100_000  # per Graph Store request
UPDATE_CHUNK_LINES = 20_000  # per INSERT DATA: servers limit request sizes


@dataclass(frozen=True)
class Endpoint:
    """One HTTP endpoint URL (query, update or graph store, depending on the call)."""

    url: str
    timeout: float = 120.0

    def _request(self, method: str, url: str, data: bytes | None, headers: dict[str, str]) -> bytes:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise EndpointError(f"not an http(s) URL: {url}")
        handlers: list[urllib.request.BaseHandler] = []
        if parts.username:  # credentials in the URL answer Basic or Digest challenges
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            user = urllib.parse.unquote(parts.username)
            passwords.add_password(None, url, user, urllib.parse.unquote(parts.password or ""))
            handlers += [
                urllib.request.HTTPBasicAuthHandler(passwords),
                urllib.request.HTTPDigestAuthHandler(passwords),
            ]
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.build_opener(*handlers).open(
                request, timeout=self.timeout
            ) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            body = err.read().decode("utf-8", "replace").strip().replace("\n", " ")[:300]
            raise EndpointError(f"{method} {url} failed: HTTP {err.code} {body}") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise EndpointError(f"cannot reach {url}: {reason}") from None

    # ---- SPARQL protocol ------------------------------------------------------------------

    def query(self, text: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a read-only query; bound values travel as escaped terms in a VALUES block."""
        kind = check(text)
        body = bind_values(with_prologue(text), bindings or {})
        accept = RESULTS_JSON if kind in ("select", "ask") else N_TRIPLES
        data = urllib.parse.urlencode({"query": body}).encode()
        raw = self._request(
            "POST",
            self.url,
            data,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        if kind in ("select", "ask"):
            return parse_results_json(raw)
        try:
            triples = [
                (t.subject, t.predicate, t.object) for t in ox.parse(raw, ox.RdfFormat.N_TRIPLES)
            ]
        except SyntaxError as err:
            raise EndpointError(f"the server's answer is not N-Triples: {err}") from None
        return QueryResult(kind=kind, triples=triples)

    def select(self, text: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
        return self.query(text, bindings).records()

    def update(self, text: str, prologue: bool = True) -> None:
        body = with_prologue(text) if prologue else text
        self._request(
            "POST", self.url, body.encode("utf-8"), {"Content-Type": "application/sparql-update"}
        )

    # ---- Graph Store Protocol -------------------------------------------------------------

    def graph_url(self, graph: str | None) -> str:
        query = urllib.parse.urlencode({"graph": graph}) if graph else "default"
        return f"{self.url}{'&' if '?' in self.url else '?'}{query}"

    def put_graph(self, data: bytes, graph: str | None = None, replace: bool = True) -> None:
        """PUT (replace) or POST (add to) a graph of the server, as N-Triples."""
        self._request(
            "PUT" if replace else "POST", self.graph_url(graph), data, {"Content-Type": N_TRIPLES}
        )


def parse_results_json(raw: bytes) -> QueryResult:
    try:
        doc = json.loads(raw)
    except ValueError as err:
        raise EndpointError(f"the server's answer is not SPARQL results JSON: {err}") from None
    if "boolean" in doc:
        return QueryResult(kind="ask", boolean=bool(doc["boolean"]))
    names = list(doc.get("head", {}).get("vars", []))
    rows = [
        {n: from_results_json(b.get(n)) for n in names}
        for b in doc.get("results", {}).get("bindings", [])
    ]
    return QueryResult(kind="select", variables=names, rows=rows)


def _chunks(lines: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    chunk: list[bytes] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def push(
    ntriples: bytes | Iterable[bytes],
    url: str,
    graph: str | None = None,
    protocol: str = "gsp",
    replace: bool = True,
) -> int:
    """Send a graph to a server; returns the number of triples sent. `ntriples` is
    N-Triples text or an iterable of its lines (e.g. an open file: nothing is held whole).

    gsp: `url` is the Graph Store endpoint; the first request PUTs (replaces) unless
    `replace` is false, the rest POST. update: `url` is the update endpoint; the graph is
    cleared (unless not `replace`) and filled with INSERT DATA requests.
    """
    if protocol not in ("gsp", "update"):
        raise EndpointError(f"unknown protocol {protocol!r}: use gsp or update")
    endpoint = Endpoint(url)
    source = ntriples.splitlines(keepends=True) if isinstance(ntriples, bytes) else ntriples
    lines = (line if line.endswith(b"\n") else line + b"\n" for line in source if line.strip())
    sent = 0
    if protocol == "gsp":
        for n, chunk in enumerate(_chunks(lines, PUSH_CHUNK_LINES)):
            endpoint.put_graph(b"".join(chunk), graph, replace=replace and n == 0)
            sent += len(chunk)
        if replace and sent == 0:
            endpoint.put_graph(b"", graph, replace=True)
        return sent
    target = f"GRAPH {iri_nt(graph)}" if graph else "DEFAULT"
    if replace:
        endpoint.update(f"CLEAR SILENT {target}", prologue=False)
    for chunk in _chunks(lines, UPDATE_CHUNK_LINES):
        body = b"".join(chunk).decode("utf-8")
        data = f"GRAPH {iri_nt(graph)} {{\n{body}}}" if graph else body
        endpoint.update(f"INSERT DATA {{\n{data}}}", prologue=False)
        sent += len(chunk)
    return sent
