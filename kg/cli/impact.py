"""`kg impact`: which items an amendment touches, and a report for the disclosure office."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import emit, format_option, statutes_option, store_option
from kg.output import render


@click.command(name="impact")
@click.argument("amendment", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--old", default=None, help="Old version: a Markdown act or a library act.")
@click.option("--new", default=None, help="New version: a Markdown act or a library act.")
@click.option("--report", "report_fmt", type=click.Choice(("md", "html", "csv")), default=None,
              help="Write a report in this format (to -o FILE, else to stdout).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File for the report.")
@statutes_option
@store_option
@format_option
def command(amendment: Path | None, old: str | None, new: str | None, report_fmt: str | None,
            output: Path | None, statutes: Path | None, store: Path, fmt: str) -> None:
    """List every item an amendment touches, with the reason and what to do, by unit.

    The amendment is a TOML or JSON file (act, amending decree, date, changed, renumbered,
    repealed, added; see docs/analysis.md), or two versions of the act given with --old and
    --new (Markdown files, or library acts like 统计法(2009-06-27) with --statutes). Reasons:
    cites a repealed article, a renumbered one (with the new number), a changed one, the
    whole act; items already citing the new numbering are listed as such.

    Example: kg impact data/amendments/tongjifa-2024.toml --report html -o impact.html
    """
    from kg.analysis.amendment import load
    from kg.analysis.impact import act_texts, impact
    from kg.analysis.report import report
    from kg.fileio import write_atomic

    if amendment is not None and (old or new):
        raise click.UsageError("give an AMENDMENT file or --old/--new, not both")
    old_texts = new_texts = None
    if amendment is not None:
        change = load(amendment)
        if statutes is not None:
            from kg.analysis.versions import library_texts

            old_texts, new_texts = library_texts(statutes, change)
    elif old and new:
        from kg.analysis.versions import amendment_from_versions, load_version

        old_act, new_act = load_version(old, statutes), load_version(new, statutes)
        change = amendment_from_versions(old_act, new_act)
        old_texts, new_texts = act_texts(old_act), act_texts(new_act)
    else:
        raise click.UsageError("give an AMENDMENT file, or both --old and --new")
    result = impact(store, change, old_texts=old_texts, new_texts=new_texts)
    for note in result.notes:
        click.echo(f"kg: note: {note}", err=True)
    if report_fmt or output:
        text = report(result, report_fmt or _format_of(output))
        if output is None:
            emit(text)
            return
        write_atomic(output, text)
        click.echo(f"kg: wrote {output} ({len(result.impacts)} impacts)", err=True)
        return
    emit(render(result.records(), fmt))


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return {"htm": "html", "markdown": "md"}.get(suffix, suffix if suffix in
                                                 ("md", "html", "csv") else "md")
