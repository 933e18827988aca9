"""A real SPARQL server: `oxigraph serve` on 127.0.0.1, filled by kg push, asked by kg query."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli.main import cli
from kg.errors import EndpointError, QueryError
from kg.pipeline import build_bundled
from kg.rdf.query import load_query
from kg.rdf.remote import Endpoint, push
from kg.rdf.store import Store

pytestmark = pytest.mark.server

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the oxigraph server (PyPI package oxigraph) is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("server")
    proc = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"oxigraph serve did not start: {proc.stderr.read().decode()[:500]}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "store"
    build_bundled(path)
    return path


@pytest.fixture(scope="module")
def pushed(server, store) -> str:
    with Store.open(store) as st:
        sent = push(st.dump("nt"), f"{server}/store")
        assert sent == len(st)
    return server


def count(url: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    rows = Endpoint(f"{url}/query").select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(rows[0]["n"])


@pytest.mark.parametrize("name", ["article20", "items-per-unit", "most-cited-documents"])
def test_named_queries_answer_the_same_on_the_server(pushed, store, name):
    with Store.open(store) as st:
        local = st.select(load_query(name))
    remote = Endpoint(f"{pushed}/query").select(load_query(name))
    assert remote == local and local


def test_bound_values_on_the_server(pushed, store):
    with Store.open(store) as st:
        art = st.select(
            "SELECT ?a WHERE { ?act eli:id_local '国务院令第711号' . ?a eli:is_part_of ?act ; eli:number '20' }"
        )[0]["a"]
        local = st.select(load_query("depends-on-subdivision"), {"subdivision": URIRef(art)})
    remote = Endpoint(f"{pushed}/query").select(
        load_query("depends-on-subdivision"), {"subdivision": URIRef(art)}
    )
    assert remote == local and local
    hostile = Endpoint(f"{pushed}/query").select(
        "SELECT ?i WHERE { ?i skos:prefLabel ?n }", {"n": '领导信息" } UNION { ?i ?p ?o } #'}
    )
    assert hostile == []


def test_push_replaces_instead_of_duplicating(pushed, store):
    with Store.open(store) as st:
        push(st.dump("nt"), f"{pushed}/store")
        assert count(pushed) == len(st)


def test_push_by_sparql_update_into_a_named_graph(pushed, store):
    graph = "http://example.org/graph/kg"
    with Store.open(store) as st:
        push(st.dump("nt"), f"{pushed}/update", graph=graph, protocol="update")
        push(st.dump("nt"), f"{pushed}/update", graph=graph, protocol="update")
        assert count(pushed, graph) == len(st)


def test_cli_push_and_query(server, store):
    graph = "http://example.org/graph/cli"
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "push",
            "--store",
            str(store),
            "--endpoint",
            f"{server}/store",
            "--graph",
            graph,
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("endpoint,graph")
    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?i a kg:DisclosureItem }} }}"
    result = runner.invoke(cli, ["query", text, "--endpoint", f"{server}/query", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["n", "64"]


def test_cli_refuses_remote_updates_without_flag(pushed):
    before = count(pushed)
    result = CliRunner().invoke(cli, ["query", "DROP ALL", "--endpoint", f"{pushed}/update"])
    assert result.exit_code == QueryError.exit_code
    assert count(pushed) == before


def test_unreachable_endpoint_is_one_clean_error():
    port = free_port()
    result = CliRunner().invoke(
        cli, ["query", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query"]
    )
    assert result.exit_code == EndpointError.exit_code
    assert result.output.startswith("kg: error: cannot reach")
