"""`kg depends`: which items rest on an act, article, paragraph or item."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from kg.cli.options import emit, format_option, store_option
from kg.output import render


@click.command(name="depends")
@click.argument("act")
@click.option("--article", default=None, help="Article number: 20, 二十, 20之一.")
@click.option("--paragraph", type=click.IntRange(min=1), default=None, help="Paragraph (款).")
@click.option("--item", "point", type=click.IntRange(min=1), default=None, help="Item (项).")
@click.option("--transitive", is_flag=True,
              help="Also items resting on documents that promulgate or mention the act.")
@store_option
@format_option
def command(act: str, article: str | None, paragraph: int | None, point: int | None,
            transitive: bool, store: Path, fmt: str) -> None:
    """List the items resting on ACT or a place in it, grouped by agency and unit.

    ACT is a decree or document number (国务院令第711号, 国务院令711号), a full or short
    title (政府信息公开条例), or a phrase with a pinpoint (711号令第二十条). Items whose
    pinpoint is at or under the place are `direct` (Article 20 includes its items); items
    citing the act with no pinpoint are listed as `act-only` (they may be affected); with
    --transitive, items resting on a document that promulgates or mentions the act too.

    Example: kg depends 国务院令第711号 --article 20 --item 2
    """
    from kg.analysis.depends import depends

    result = depends(store, act, article=article, paragraph=paragraph, item=point,
                     transitive=transitive)
    records = result.records()
    if result.missing:
        click.echo(f"kg: note: no item cites {result.target.label} (the graph has no such node)",
                   err=True)
    if fmt == "table":
        counts = Counter(d.relation for d in result.dependents)
        versions = [a.version for a in result.target.acts if a.version]
        where = f" (versions {', '.join(versions)})" if versions else ""
        emit(f"{result.target.label}{where}: {len(result.dependents)} items "
             f"({', '.join(f'{n} {r}' for r, n in counts.items()) or 'none'})\n")
    emit(render(records, fmt))
