"""`kg push`: load the graph into a SPARQL 1.1 server (Graph Store Protocol or Update)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import click

from kg.cli.options import format_option, store_option
from kg.output import render


@click.command("push")
@store_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store endpoint (with --protocol gsp) or update endpoint (--protocol update).",
)
@click.option(
    "--graph",
    default=None,
    metavar="IRI",
    help="Named graph to fill; the default graph if not given.",
)
@click.option(
    "--protocol",
    type=click.Choice(("gsp", "update")),
    default="gsp",
    show_default=True,
    help="gsp: HTTP PUT/POST of N-Triples; update: CLEAR + INSERT DATA requests.",
)
@click.option("--append", is_flag=True, help="Add to the graph instead of replacing it.")
@format_option
def command(store, endpoint, graph, protocol, append, fmt) -> None:
    """Push the graph of the store to a SPARQL server (Oxigraph, Fuseki, GraphDB, Virtuoso...).

    Example: kg push --endpoint http://127.0.0.1:7878/store
    """
    import pyoxigraph as ox

    from kg.rdf.remote import push
    from kg.rdf.store import Store

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-push-") as tmp:
        dump = Path(tmp) / "graph.nt"
        with Store.open(store) as st:  # streamed through a file: no copy of the graph in memory
            st.inner.dump(str(dump), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        with open(dump, "rb") as lines:
            sent = push(lines, endpoint, graph=graph, protocol=protocol, replace=not append)
    record = {
        "endpoint": endpoint,
        "graph": graph or "(default)",
        "protocol": protocol,
        "mode": "append" if append else "replace",
        "triples": sent,
        "seconds": round(time.perf_counter() - started, 3),
    }
    click.echo(render([record], fmt), nl=False)
