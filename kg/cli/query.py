"""`kg query`: SPARQL over the embedded store or a server, read-only unless --update."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import format_option, store_option
from kg.errors import QueryError
from kg.output import render


def parse_bindings(pairs: tuple[str, ...]) -> dict:
    """NAME=VALUE pairs: <...> is an IRI, anything else a plain literal."""
    from rdflib import URIRef

    out: dict = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise QueryError(f"--bind takes NAME=VALUE, not {pair!r}")
        out[name] = URIRef(value[1:-1]) if value.startswith("<") and value.endswith(">") else value
    return out


def _text(sparql: str | None, file: Path | None, name: str | None) -> str:
    from kg.rdf.query import load_query

    given = [x for x in (sparql, file, name) if x]
    if len(given) != 1:
        raise QueryError("give exactly one of: a SPARQL text, --file F, --name NAME")
    if file:
        return file.read_text(encoding="utf-8")
    if name:
        return load_query(name)
    return sparql or ""


@click.command("query")
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Read the query from a file.",
)
@click.option("-n", "--name", default=None, help="Run a named query of kg/queries (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (<iri> or a literal); values never become query text.",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Ask this SPARQL endpoint instead of the store (its update URL with --update).",
)
@click.option(
    "--update", is_flag=True, help="Allow SPARQL Update (INSERT, DELETE, LOAD, CLEAR...)."
)
@store_option
@format_option
def command(sparql, file, name, list_queries, binds, endpoint, update, store, fmt) -> None:
    """Run a SPARQL query; the kg, eli, org, skos, dcterms, prov... prefixes are predeclared.

    JSON output is SPARQL 1.1 Query Results JSON.

    Example: kg query 'SELECT ?name WHERE { ?i a kg:DisclosureItem ; skos:prefLabel ?name } LIMIT 5'
    """
    from kg.rdf.query import QueryResult, check, load_query, query_names, run_local

    if list_queries:
        rows = [{"name": n, "about": _about(load_query(n))} for n in query_names()]
        click.echo(render(rows, fmt), nl=False)
        return
    text = _text(sparql, file, name)
    bindings = parse_bindings(binds)
    if endpoint:
        from kg.rdf.remote import Endpoint

        kind = check(text, allow_update=update)
        if kind == "update":
            Endpoint(endpoint).update(text)
            result = QueryResult(kind="update")
        else:
            result = Endpoint(endpoint).query(text, bindings)
    else:
        from kg.rdf.store import Store

        with Store.open(store, read_only=not update) as st:
            result = run_local(st, text, bindings, update=update)
    if result.kind == "update":
        click.echo("kg query: update done", err=True)
    elif fmt == "json":
        click.echo(result.results_json(), nl=False)
    else:
        click.echo(render(result.records(), fmt, columns=result.columns()), nl=False)


def _about(text: str) -> str:
    lines = [ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")]
    return lines[0] if lines else ""
