"""`kg diff`: align the articles of two versions of an act."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import emit, format_option, statutes_option
from kg.errors import NotFoundError, StatuteError
from kg.output import render
from kg.statutes.diff import align, summary
from kg.statutes.library import Library, cached_library, load_act_file
from kg.statutes.model import Act


def resolve_act(name: str, library: Library | None) -> Act:
    """An act from a Markdown path, or by id, number or title in the library."""
    path = Path(name)
    if path.suffix == ".md" and path.is_file():
        return load_act_file(path)
    if library is None:
        raise StatuteError(f"{name} is not a Markdown file; give --statutes DIR to name acts")
    act = library.find(name)
    if act is None:
        raise NotFoundError(f"no act {name} in the statute library", file=str(library.root))
    return act


@click.command(name="diff")
@click.argument("old")
@click.argument("new")
@statutes_option
@format_option
def command(old: str, new: str, statutes: Path | None, fmt: str) -> None:
    """Align the articles of two versions of an act, one record per article: its old and
    new number and whether it is unchanged, renumbered, changed (with a short diff of the
    words: [-removed-]{+added+}), added or removed.

    OLD and NEW are Markdown files of the statute library, or acts named by id
    (统计法@2009-06-27), decree number or title in the library given with --statutes.

    Example: kg diff 统计法@2009-06-27 统计法@2024-09-13 --statutes ../shared/statutes
    """
    library = cached_library(str(statutes.resolve())) if statutes else None
    old_act, new_act = resolve_act(old, library), resolve_act(new, library)
    changes = align(old_act, new_act)
    if fmt == "table":
        counts = ", ".join(f"{n} {status}" for status, n in summary(changes).items())
        click.echo(f"{old_act.id} -> {new_act.id}: {counts}", err=True)
    emit(render([c.record() for c in changes], fmt))
