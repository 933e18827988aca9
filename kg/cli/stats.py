"""`kg stats`: the most cited acts and articles, busy units, gaps, templates, centrality."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import emit, format_option, store_option
from kg.output import render

TABLES = ("most cited acts", "most cited articles", "units by items", "items without basis",
          "documents cited by one agency only", "agencies sharing a template", "centrality")


@click.command(name="stats")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows per table.")
@click.option("--table", "only", type=click.Choice(TABLES), default=None,
              help="Print only this table.")
@store_option
@format_option
def command(top: int, only: str | None, store: Path, fmt: str) -> None:
    """Figures about the graph: most cited acts and articles, units by number of items,
    items with no basis, documents cited by one agency only, agencies sharing a template
    (Jaccard of item names and of citations), and centrality of documents and units
    (networkx degree and betweenness on the item-document-unit graph).

    JSON and CSV give one list of records, each with its `table`.

    Example: kg stats --top 5 --table "most cited articles"
    """
    from kg.analysis.stats import stats

    tables = stats(store, top=top)
    names = [only] if only else list(TABLES)
    if fmt == "table":
        emit("\n".join(f"## {n}\n{render(tables[n], 'table')}" for n in names))
        return
    emit(render([{"table": n, **row} for n in names for row in tables[n]], fmt))
