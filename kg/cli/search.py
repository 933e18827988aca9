"""`kg search`: ranked full-text search of items, articles, acts and units."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.options import emit, format_option, show_progress, store_option
from kg.output import render

KINDS = ("item", "article", "act", "unit")
# Characters of text shown around the first match.
SNIPPET_WIDTH = 40
# ANSI bold red for matches on a terminal; 【】 elsewhere (pipes, files, CI logs).
ANSI = ("\x1b[1;31m", "\x1b[0m")
BRACKETS = ("【", "】")


def on_terminal() -> bool:
    return sys.stdout.isatty()


@click.command(name="search")
@click.argument("query", required=False)
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only hits of this kind.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--related", metavar="ITEM", default=None,
              help="Instead of a query: items sharing keywords with ITEM (a name or an IRI).")
@store_option
@format_option
def command(query: str | None, kind: str | None, limit: int, related: str | None,
            store: Path, fmt: str) -> None:
    """Ranked full-text search (BM25 over jieba words) of item names and contents, article
    texts and act titles, units; matched words are highlighted, each hit with its IRI.

    Example: kg search 社会保险 --kind item --limit 5
    """
    from kg.analysis.source import as_source

    source = as_source(store)
    if related:
        from kg.textsearch.keywords import related_records

        emit(render(related_records(source, related, limit), fmt, max_width=200))
        return
    if not query:
        raise click.UsageError("give a QUERY, or --related ITEM")
    from kg.textsearch.index import SearchIndex, highlight

    if show_progress():
        click.echo("kg: loading the search index…", err=True)
    index = SearchIndex.open(source, store)
    hits = index.search(query, kind=kind, limit=limit)
    marks = ANSI if fmt == "table" and on_terminal() else BRACKETS
    records = []
    for rank, hit in enumerate(hits, 1):
        doc = hit.doc
        label = f"{doc.context} {doc.title}".strip() if doc.kind == "article" else doc.title
        text = hit.snippet(SNIPPET_WIDTH)
        record = {"rank": rank, "score": hit.score, "kind": doc.kind, "label": label,
                  "context": doc.context, "iri": doc.iri}
        if fmt == "table":
            record["snippet"] = highlight(text, hit.matched, *marks)
        else:
            record["snippet"] = text
            record["matched"] = list(hit.matched)
        records.append(record)
    columns = None if fmt != "table" else ["rank", "score", "kind", "label", "context", "iri", "snippet"]
    emit(render(records, fmt, columns=columns, max_width=200))
