"""`kg validate`: check the graph against the SHACL shapes of ontology/shapes.ttl."""

from __future__ import annotations

import click

from kg.cli.options import format_option, store_option
from kg.errors import ValidationError
from kg.output import render


@click.command("validate")
@store_option
@format_option
def command(store, fmt) -> None:
    """Validate the graph of the store with pyshacl; list every violation.

    Exits with status 8 when the graph does not conform.

    Example: kg validate --store .kg-store
    """
    from kg.rdf.store import Store
    from kg.rdf.validate import validate_graph

    with Store.open(store) as st:
        report = validate_graph(st.rdflib_graph())
    if report.results:
        click.echo(render(report.results, fmt), nl=False)
    if not report.conforms:
        raise ValidationError(f"the graph does not conform: {len(report.results)} result(s)")
    click.echo("kg validate: the graph conforms to ontology/shapes.ttl", err=True)
