"""`kg show`: write the graph, or the part around one act or article, as one HTML page."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import store_option
from kg.viz import DEFAULT_DEPTH, DEFAULT_MAX_NODES, ShowOptions, show


def open_select(store: Path):
    """The SELECT function of the embedded store at `store` (read-only); StoreError if none."""
    from kg.rdf.store import Store

    return Store.open(store, read_only=True).select


@click.command(name="show")
@click.option("--focus", default=None, metavar="ACT[:ARTICLE]",
              help="Draw what is around one act or article: a title, short title or number, "
                   "optionally with an article (政府信息公开条例:20, 国务院令第711号:第二十条).")
@click.option("--agency", default=None, help="Only items of this agency.")
@click.option("--unit", default=None, help="Only items this unit is responsible for.")
@click.option("--depth", type=click.IntRange(0, 10), default=DEFAULT_DEPTH, show_default=True,
              help="Steps out from the focus.")
@click.option("--max-nodes", type=click.IntRange(10, 50000), default=DEFAULT_MAX_NODES,
              show_default=True, help="Fold articles into acts, then items into units, beyond this.")
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("graph.html"), show_default=True, help="HTML file to write.")
def command(focus, agency, unit, depth, max_nodes, store, output) -> None:
    """Write an interactive page of the graph that works offline in any browser.

    Node kinds differ in colour and shape; hover for the item's content, quoted words,
    statute words and source line; search by title, number, item or unit.

    Example: kg show --focus 政府信息公开条例:20 -o graph.html
    """
    options = ShowOptions(focus=focus, agency=agency, unit=unit, depth=depth, max_nodes=max_nodes)
    view = show(open_select(store), output, options)
    click.echo(f"wrote {output}: {len(view.nodes)} nodes, {len(view.edges)} edges")
    for note in view.notes:
        click.echo(note)
