"""`kg check`: check the words each catalog quotes against the statute texts."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from kg.cli.options import agency_option, emit, show_progress, statutes_option
from kg.errors import StatuteError
from kg.statutes.report import FORMATS, render_report


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.command(name="check")
@click.argument("catalogs", nargs=-1, required=True, type=click.Path(path_type=Path))
@statutes_option
@agency_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    show_default=True,
    help="Report format; JSON is a list of records, one per catalog.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
def command(
    catalogs: tuple[Path, ...],
    statutes: Path | None,
    agency: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Check every quoted citation of the catalogs against the statute library: per
    catalog, how many citations were checked, the count per verdict (exact, abridged,
    pinpoint-missing, other-version, wrong-number, mismatch, act-unknown, not-quoted), and
    each problem with its item, source line, the words quoted and the statute's words.

    Example: kg check data/catalogs/hengyang-hrss.txt --statutes ../shared/statutes --format html -o check.html
    """
    if statutes is None:
        raise StatuteError("kg check needs the statute library: give --statutes DIR")
    from kg.citations import extract
    from kg.ingest import read_catalog
    from kg.statutes.check import check
    from kg.statutes.library import cached_library

    if show_progress():
        click.echo("kg: loading the statute library…", err=True)
    library = cached_library(str(statutes.resolve()))
    reads = [read_catalog(path, agency) for path in catalogs]
    extraction = extract(reads, library=library)
    report = render_report(check(extraction, library), fmt)
    if output is None:
        emit(report)
    else:
        write_atomic(output, report)
        click.echo(f"kg: wrote {output}", err=True)
