"""`kg statutes`: the statute library alone: load it, show an act, match a reference."""

from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli.options import emit, format_option, statutes_option
from kg.errors import NotFoundError, StatuteError
from kg.models import DocumentRef, Pinpoint
from kg.output import render


def _library(statutes: Path | None):
    from kg.statutes.library import cached_library

    if statutes is None:
        raise StatuteError("give the statute library with --statutes DIR")
    return cached_library(str(statutes.resolve()))


@click.group(name="statutes")
def command() -> None:
    """The reference statute library: acts, versions, articles and their texts.

    Example: kg statutes load ../shared/statutes
    """


@command.command(name="load")
@click.argument("folder", type=click.Path(path_type=Path))
@format_option
def load(folder: Path, fmt: str) -> None:
    """Read every act of a statute library folder and print what it holds, with the time.

    Example: kg statutes load ../shared/statutes --format json
    """
    from kg.statutes.library import Library

    started = time.perf_counter()
    library = Library.load(folder)
    seconds = round(time.perf_counter() - started, 2)
    articles = [a for act in library.acts for a in act.articles]
    paragraphs = [p for a in articles for p in a.paragraphs]
    levels = sorted({act.level for act in library.acts})
    record = {
        "acts": len(library.acts),
        "works with several versions": sum(1 for v in library.versions.values() if len(v) > 1),
        "in force": sum(1 for act in library.acts if act.in_force),
        "articles": len(articles),
        "paragraphs": len(paragraphs),
        "items": sum(len(p.items) for p in paragraphs),
        "decree numbers": len(library.by_number),
        "levels": levels,
        "files skipped": len(library.problems),
        "seconds": seconds,
    }
    emit(render([record], fmt))
    for problem in library.problems:
        click.echo(f"kg: note: {problem}", err=True)


@command.command(name="show")
@click.argument("act")
@click.option("--article", type=int, default=None, help="Show only this article.")
@statutes_option
@format_option
def show(act: str, article: int | None, statutes: Path | None, fmt: str) -> None:
    """Show an act (by id, decree number or title): its versions and history, or the
    paragraphs and items of one article.

    Example: kg statutes show 国务院令第711号 --article 20 --statutes ../shared/statutes
    """
    library = _library(statutes)
    found = library.find(act)
    if found is None:
        raise NotFoundError(f"no act {act} in the statute library", file=str(library.root))
    if article is not None:
        art = found.article(article)
        if art is None:
            raise NotFoundError(f"{found.id} has no article {article}")
        records = [
            {"pinpoint": art.label, "text": art.paragraphs[0].text if art.paragraphs else ""}
        ]
        for para in art.paragraphs:
            if para.number > 1:
                records.append({"pinpoint": f"{art.label}第{para.number}款", "text": para.text})
            for point in para.items:
                records.append({"pinpoint": f"{art.label}{point.marker}", "text": point.text})
        emit(render(records, fmt, max_width=100))
        return
    records = [
        {
            "id": v.id,
            "title": v.title,
            "level": v.level,
            "version date": v.version_date,
            "valid from": v.valid_from,
            "in force": v.in_force,
            "decree numbers": list(v.decree_numbers),
            "articles": len(v.articles),
            "history": [f"{e.date} {e.kind} {e.decree}".strip() for e in v.history],
        }
        for v in library.related_versions(found.id)
    ]
    emit(render(records, fmt, max_width=100))


@command.command(name="match")
@click.argument("reference")
@click.option(
    "--date", "on_date", default=None, help="Pick the version in force on this date (YYYY-MM-DD)."
)
@statutes_option
@format_option
def match(reference: str, on_date: str | None, statutes: Path | None, fmt: str) -> None:
    """Resolve a document reference (title and/or number, as a catalog writes it) to an
    act version, saying how (number, title, short-title, fuzzy with its score).

    Example: kg statutes match '《中华人民共和国政府信息公开条例》（国务院令711号）' --statutes ../shared/statutes
    """
    from kg.resolve import parse_user_reference

    library = _library(statutes)
    ref, _ = parse_user_reference(reference)
    if not (ref.title or ref.number):
        ref = DocumentRef(title=reference.strip("《》 "))
    found = library.match(ref, on_date=on_date)
    if found is None:
        raise NotFoundError(f"no act of the statute library matches {reference}")
    emit(
        render(
            [
                {
                    "act": found.act.id,
                    "title": found.act.title,
                    "method": found.method,
                    "score": found.score,
                    "version rule": found.version_rule,
                    "note": found.note,
                }
            ],
            fmt,
        )
    )


__all__ = ["command", "Pinpoint"]
