"""`kg build`: read catalogs, extract citations, (check against statutes), write the store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import (
    agency_option,
    format_option,
    show_progress,
    statutes_option,
    store_option,
)
from kg.output import render


@click.command("build")
@click.argument(
    "catalogs",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@statutes_option
@store_option
@click.option("--base", default=None, metavar="IRI", help="Base IRI of the graph's nodes.")
@agency_option
@click.option(
    "--keywords/--no-keywords",
    default=True,
    show_default=True,
    help="Store jieba keywords of each item (kg:keyword) so related items can be found; --no-keywords skips jieba.",
)
@format_option
def command(catalogs, statutes, store, base, agency, keywords, fmt) -> None:
    """Build the knowledge graph of CATALOG files into the embedded store.

    The store switches to the new graph only when the whole build succeeded: a failure
    or Ctrl-C leaves the previous graph in place. Prints what went into the graph.

    Example: kg build data/catalogs/* --statutes ../shared/statutes --store .kg-store
    """
    from kg.pipeline import build

    summary = build(
        list(catalogs),
        statutes=statutes,
        store=store,
        base=base,
        progress=show_progress(),
        agency=agency,
        keywords=keywords,
    )
    click.echo(render(summary.records(), fmt), nl=False)
    for problem in summary.problems:
        click.echo(f"kg build: note: {problem}", err=True)
