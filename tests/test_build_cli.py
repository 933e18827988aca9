"""The CLI of the RDF issue: kg build, query, export, validate (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.errors import InputError, NotFoundError, QueryError
from kg.pipeline import BUNDLED
from kg.rdf.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(
        cli, ["build", *map(str, BUNDLED), "--store", str(path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_build_prints_the_summary(tmp_path):
    code, out = run("build", *map(str, BUNDLED), "--store", str(tmp_path / "s"))
    assert code == 0, out
    figures = {line.split()[0] for line in out.splitlines()[2:] if line.strip()}
    assert {
        "items",
        "documents",
        "articles",
        "units",
        "triples",
        "repairs",
        "rejections",
    } <= figures


def test_build_json_summary(tmp_path):
    code, out = run("build", str(BUNDLED[1]), "--store", str(tmp_path / "s"), "--format", "json")
    assert code == 0
    records = {r["figure"]: r["value"] for r in json.loads(out[: out.rindex("]") + 1])}
    assert records["items"] == 30 and records["catalogs"] == 1


def test_build_of_a_bad_file_fails_cleanly(tmp_path):
    bad = tmp_path / "junk.tsv"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    code, out = run("build", str(bad), "--store", str(tmp_path / "s"))
    assert code == InputError.exit_code
    assert "Traceback" not in out and out.startswith("kg: error:")
    assert not (tmp_path / "s" / "kg-current").exists()


def test_query_table_csv_and_json(store):
    text = "SELECT ?name WHERE { ?i a kg:DisclosureItem ; skos:prefLabel ?name } ORDER BY ?name"
    code, table = run("query", text, "--store", str(store))
    assert code == 0 and table.splitlines()[0].strip() == "name"
    code, out = run("query", text, "--store", str(store), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 64  # one row per item
    code, out = run("query", text, "--store", str(store), "--format", "json")
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["name"]
    assert {"type", "value"} <= set(doc["results"]["bindings"][0]["name"])


def test_query_named_file_and_list(store, tmp_path):
    code, out = run("query", "--name", "items-per-unit", "--store", str(store), "--format", "csv")
    assert code == 0 and out.startswith("agency,unit,items")
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?i kg:basis ?x }", encoding="utf-8")
    assert run("query", "--file", str(rq), "--store", str(store)) == (0, "answer\n------\ntrue\n")
    code, out = run("query", "--list")
    assert code == 0 and "article20" in out


def test_query_bind_keeps_values_out_of_the_text(store):
    text = "SELECT ?i WHERE { ?i a kg:DisclosureItem ; skos:prefLabel ?name }"
    code, out = run(
        "query", text, "--bind", "name=领导信息", "--store", str(store), "--format", "csv"
    )
    assert code == 0 and len(out.splitlines()) == 3  # header + one item per agency
    code, out = run(
        "query", text, "--bind", 'name=领导信息" } #', "--store", str(store), "--format", "csv"
    )
    assert code == 0 and out.splitlines() == ["i"]


@pytest.mark.parametrize(
    "text", ["INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "DROP ALL", "CLEAR DEFAULT"]
)
def test_query_refuses_updates_without_flag(store, text):
    code, out = run("query", text, "--store", str(store))
    assert code == QueryError.exit_code and "--update" in out
    code, out = run("query", "ASK { ?s ?p ?o }", "--store", str(store))
    assert out.endswith("true\n")


def test_query_update_with_flag(tmp_path):
    path = tmp_path / "s"
    run("build", str(BUNDLED[1]), "--store", str(path))
    code, out = run(
        "query", "INSERT DATA { <http://e/a> kg:flag 'x' }", "--update", "--store", str(path)
    )
    assert code == 0, out
    with Store.open(path) as st:
        assert st.ask("ASK { <http://e/a> kg:flag 'x' }")


def test_query_errors(store, tmp_path):
    assert run("query", "SELECT WHERE {", "--store", str(store))[0] == QueryError.exit_code
    assert run("query", "--name", "nope", "--store", str(store))[0] == NotFoundError.exit_code
    assert run("query", "--store", str(store))[0] == QueryError.exit_code
    code, out = run("query", "ASK {?s ?p ?o}", "--store", str(tmp_path / "none"))
    assert code == 5 and "kg build" in out


@pytest.mark.parametrize("fmt", ["nt", "ttl", "nq", "jsonld"])
def test_export_formats_round_trip(store, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    code, _ = run("export", "--store", str(store), "--format", fmt, "-o", str(out))
    assert code == 0
    syntax = {
        "nt": ox.RdfFormat.N_TRIPLES,
        "ttl": ox.RdfFormat.TURTLE,
        "nq": ox.RdfFormat.N_QUADS,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]
    with Store.open(store) as st:
        assert sum(1 for _ in ox.parse(path=str(out), format=syntax)) == len(st)


def test_export_nt_to_stdout_is_sorted(store):
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "nt"])
    lines = result.stdout_bytes.splitlines()
    assert lines == sorted(lines) and len(lines) > 1000


def test_validate_conforms(store):
    code, out = run("validate", "--store", str(store))
    assert code == 0, out
    assert "conforms" in out
