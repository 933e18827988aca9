"""Helpers the commands share: reading catalogs leniently, writing output atomically."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from kg.cli.options import emit
from kg.errors import KgError
from kg.fileio import write_atomic
from kg.models import CatalogRead


def read_catalogs(paths: Iterable[Path], agency: str | None) -> tuple[list[CatalogRead], int]:
    """The catalogs that could be read, and the exit code for those that could not.

    Each unreadable file gets one line on stderr; the others are still read.
    """
    from kg.ingest import read_catalogs as read_all

    reads: list[CatalogRead] = []
    code = 0
    for result in read_all(paths, agency):
        if isinstance(result, KgError):
            click.echo(f"kg: error: {result}", err=True)
            code = max(code, result.exit_code)
        else:
            reads.append(result)
    return reads, code


def write_output(text: str, output: Path | None) -> None:
    """`text` to standard output, or atomically to the file of `--output` (said on stderr)."""
    if output is None:
        emit(text)
        return
    write_atomic(output, text)
    click.echo(f"kg: wrote {output}", err=True)
