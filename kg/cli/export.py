"""`kg export`: write the graph as Turtle, N-Triples, N-Quads or JSON-LD."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.cli.options import store_option

EXPORT_FORMATS = ("ttl", "nt", "nq", "jsonld")


@click.command("export")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="ttl",
    show_default=True,
    help="RDF syntax; N-Triples and N-Quads lines are sorted, so equal graphs give equal files.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (atomically); standard output if not given.",
)
def command(store, fmt, output) -> None:
    """Export the graph of the store in an RDF syntax.

    Example: kg export --format ttl -o graph.ttl
    """
    from kg.rdf.store import Store

    with Store.open(store) as st:
        if output is None:
            sys.stdout.buffer.write(st.dump(fmt))
            sys.stdout.buffer.flush()
            return
        temp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
        try:
            st.dump(fmt, temp)
            os.replace(temp, output)
        finally:
            temp.unlink(missing_ok=True)
    click.echo(f"kg export: wrote {output} ({output.stat().st_size} bytes)", err=True)
