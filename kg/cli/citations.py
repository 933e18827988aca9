"""`kg citations`: every citation the catalogs make, or the documents, units, repairs, problems."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from kg.cli.common import read_catalogs
from kg.cli.options import agency_option, emit, format_option, statutes_option
from kg.output import render

VIEWS = ("citations", "documents", "units", "repairs", "problems")


def citation_records(x) -> list[dict]:
    return [
        {
            "agency": c.agency,
            "item": c.item,
            "document": c.document_key,
            "title as written": c.ref.title,
            "number as written": c.ref.number,
            "pinpoint": c.pinpoint.label(),
            "quoted words": c.quote,
            "origin": c.origin,
            "flags": list(c.flags),
            "source": f"{c.file}:{c.line}",
        }
        for c in x.citations
    ]


def document_records(x) -> list[dict]:
    cited = Counter(c.document_key for c in x.citations)
    return [
        {
            "document": d.key,
            "title": d.title,
            "other titles": list(d.alt_titles),
            "other numbers": list(d.alt_numbers),
            "kind": d.kind,
            "citations": cited[d.key],
            "promulgates": list(d.promulgates),
            "mentions": list(d.mentions),
            "statute": d.statute,
            "statute match": d.statute_match,
            "flags": list(d.flags),
        }
        for d in x.documents
    ]


def unit_records(x) -> list[dict]:
    items = Counter((r.agency, r.unit) for r in x.responsibilities)
    return [
        {
            "agency": u.agency,
            "unit": u.name,
            "aliases": list(u.aliases),
            "collective": u.collective,
            "items": items[(u.agency, u.name)],
        }
        for u in x.units
    ]


def repair_records(x) -> list[dict]:
    return [
        {
            "source": f"{r.file}:{r.line}",
            "field": r.field,
            "rule": r.rule,
            "guess": r.guess,
            "original": r.original,
            "repaired": r.repaired,
        }
        for r in x.repairs
    ]


def problem_records(x) -> list[dict]:
    return [{"problem": p} for p in x.problems]


RECORDS = {
    "citations": citation_records,
    "documents": document_records,
    "units": unit_records,
    "repairs": repair_records,
    "problems": problem_records,
}


def summary(x) -> str:
    rules = Counter(r.rule for r in x.repairs)
    made = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items()))
    return (
        f"{len(x.citations)} citations of {len(x.documents)} documents; {len(x.units)} units; "
        f"{len(x.repairs)} repairs ({made or 'none'}); {len(x.problems)} problems"
    )


@click.command(name="citations")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--show",
    type=click.Choice(VIEWS),
    default="citations",
    show_default=True,
    help="What to list: citations, the documents they resolve to, units, repairs or problems.",
)
@agency_option
@statutes_option
@format_option
@click.pass_context
def command(
    ctx: click.Context,
    files: tuple[Path, ...],
    show: str,
    agency: str | None,
    statutes: Path | None,
    fmt: str,
) -> None:
    """Extract every citation of the catalogs: one record per (item, document, pinpoint) with
    agency, item, document key, title and number as written, pinpoint, quoted words, origin
    (basis, provisions or both), flags and source line. A summary of repairs made to the text
    and problems found goes to stderr. With --statutes, documents are matched to statute acts.

    Example: kg citations data/catalogs/xiangxiang-hrss.tsv --format json
    """
    from kg.citations import extract

    reads, code = read_catalogs(files, agency)
    library = None
    if statutes is not None:
        from kg.statutes import Library

        library = Library.load(statutes)
    x = extract(reads, library=library)
    emit(render(RECORDS[show](x), fmt))
    click.echo(summary(x), err=True)
    if code:
        ctx.exit(code)
