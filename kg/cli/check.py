"""`kg check`: check the words each catalog quotes against the statute texts."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import write_output
from kg.cli.options import (
    agency_option,
    format_choice,
    output_option,
    show_progress,
    statutes_option,
)
from kg.errors import StatuteError
from kg.statutes.report import FORMATS, render_report


@click.command(name="check")
@click.argument("catalogs", nargs=-1, required=True, type=click.Path(path_type=Path))
@statutes_option
@agency_option
@format_choice(FORMATS, "md", "Report format; JSON is a list of records, one per catalog.")
@output_option
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
    write_output(render_report(check(extraction, library), fmt), output)
