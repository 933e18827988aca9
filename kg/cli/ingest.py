"""`kg ingest`: read catalogs and say what was found in each, row by row."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import read_catalogs
from kg.cli.options import agency_option, emit, format_option
from kg.models import CatalogRead
from kg.output import render


def _summary(read: CatalogRead) -> dict:
    return {
        "file": read.file,
        "format": read.format,
        "encoding": read.encoding,
        "agency": read.agency,
        "rows read": read.rows_read,
        "items": len(read.items),
        "rejections": len(read.rejections),
        "notes": len(read.notes),
    }


def _rejections(read: CatalogRead) -> list[dict]:
    return [
        {"file": r.file, "line": r.line, "reason": r.reason, "text": r.text}
        for r in read.rejections
    ]


def _notes(read: CatalogRead) -> list[dict]:
    return [{"file": read.file, "note": note} for note in read.notes]


@click.command(name="ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@agency_option
@format_option
@click.pass_context
def command(ctx: click.Context, files: tuple[Path, ...], agency: str | None, fmt: str) -> None:
    """Read disclosure catalogs and report, per file, the format and encoding detected,
    the agency, rows read, items made and rows rejected (each with its line and reason).

    Formats are detected from the content: TSV, CSV, xlsx, HTML tables, page text
    (a table plus key-value blocks) and key-value blocks alone. A file that cannot be
    read gets one line on stderr; the others are still read, and the exit code is 2.

    Example: kg ingest data/catalogs/hengyang-hrss.txt data/catalogs/xiangxiang-hrss.tsv
    """
    reads, code = read_catalogs(files, agency)
    if fmt == "json":
        records = [
            {**_summary(r), "rejections": _rejections(r), "notes": list(r.notes)} for r in reads
        ]
        emit(render(records, "json"))
    elif reads:
        emit(render([_summary(r) for r in reads], fmt))
        rejected = [rec for r in reads for rec in _rejections(r)]
        if rejected:
            emit("\n" if fmt == "table" else "")
            emit(render(rejected, fmt, columns=["file", "line", "reason", "text"]))
        notes = [rec for r in reads for rec in _notes(r)]
        if notes and fmt == "table":
            emit("\n" + render(notes, fmt, max_width=120))
    if code:
        ctx.exit(code)
