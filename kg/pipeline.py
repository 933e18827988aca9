"""The build: catalogs -> items -> citations -> (statute checks) -> triples -> store.

    build(paths, statutes=None, store=Path(".kg-store"), base=None) -> BuildSummary

Each stage is its own module; this one only wires them and counts. Items are loaded into
a new store generation while the next catalogs are read (Oxigraph loads in its own threads);
the store switches to the new graph only once every catalog has been read and every triple
loaded, atomically (kg.rdf.store.build_store), so a bad catalog leaves the previous graph
(or no store folder) in place.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.models import CatalogRead, Citation, Pinpoint
from kg.rdf.graph import GraphBuilder
from kg.rdf.iris import Iris
from kg.rdf.ntterms import Triple
from kg.rdf.statements import (
    extraction_statements,
    keyword_statements,
    read_statements,
    statement_text,
)
from kg.rdf.terms import triple_nt
from kg.runtime import collector_paused

REPO = Path(__file__).resolve().parents[1]
KEYWORDS_PER_ITEM = 5  # kg:keyword values per item (enough for kg search --related)
BUNDLED = (
    REPO / "data" / "catalogs" / "hengyang-hrss.txt",
    REPO / "data" / "catalogs" / "xiangxiang-hrss.tsv",
)


@dataclass(frozen=True)
class BuildSummary:
    """What one build put in the graph."""

    catalogs: int
    items: int
    citations: int
    documents: int
    statute_acts: int
    articles: int
    units: int
    triples: int
    repairs: int
    rejections: int
    problems: tuple[str, ...]
    store: str
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()  # seconds per stage, for benchmarks

    def records(self) -> list[dict[str, Any]]:
        out = [
            {"figure": k.replace("_", " "), "value": v}
            for k, v in asdict(self).items()
            if k not in ("problems", "stages")
        ]
        out.insert(-2, {"figure": "problems", "value": len(self.problems)})
        return out


def _say(progress: bool, text: str) -> None:
    if progress:
        import click

        click.echo(f"kg build: {text}", err=True)


def read_all(paths: Sequence[Path | str], agency: str | None = None) -> list[CatalogRead]:
    """Read each catalog once (a path given twice counts once). Two files giving one
    agency the same item would make one node with two sources: that is an error."""
    return list(read_each(paths, agency))


def read_each(paths: Sequence[Path | str], agency: str | None = None) -> Iterator[CatalogRead]:
    """The reads of read_all one at a time, checked as they come."""
    from kg.ingest import read_catalog

    # Resolved path -> the first spelling given for it; each path is resolved once (a
    # resolve costs a few system calls, noticeable over thousands of catalogs).
    unique: dict[Path, Path] = {}
    for spelling in map(Path, paths):
        unique.setdefault(spelling.resolve(), spelling)
    seen: dict[tuple[str, str], str] = {}
    for path in unique.values():
        read = read_catalog(path, agency=agency)
        for item in read.items:
            other = seen.setdefault(item.key, read.file)
            if other != read.file:
                raise InputError(
                    f"item {item.ident!r} of {item.agency} is also in {other}; "
                    "give each agency's catalog once",
                    file=read.file,
                    line=item.line,
                )
        yield read


def load_library(statutes: Any):
    """A kg.statutes.Library from a folder path (or the library itself)."""
    if statutes is None or not isinstance(statutes, str | Path):
        return statutes
    from kg.statutes import Library

    return Library.load(statutes)


def extraction_lines(
    reads: Sequence[CatalogRead],
    library: Any,
    builder: GraphBuilder,
    counts: dict[str, Any],
    progress: bool = False,
) -> Iterator[str]:
    """N-Triples text (pieces of whole lines) of the statute acts cited and of everything
    citation extraction finds in `reads` (the items themselves come from read_statements).
    Fills `counts` before the first piece."""
    from kg.citations import extract

    iris = builder.iris
    _say(progress, f"extracting citations from {sum(len(r.items) for r in reads)} items")
    extraction = extract(reads, library)
    statute_part: list[Triple] = []
    act_ids: list[str] = []
    if library is not None:
        from kg.statutes.graph import act_iri, statute_triples

        act_ids = sorted({d.statute for d in extraction.documents if d.statute})
        acts = {i: a for i in act_ids if (a := library.act(i)) is not None}
        _say(progress, f"checking citations against {len(acts)} cited acts")
        citations, verdicts = _checked(extraction, library)
        extraction = dataclasses.replace(extraction, citations=citations)
        statute_part = list(statute_triples(library, iris, act_ids=act_ids))
        builder.configure(
            act_iris={
                d.key: act_iri(iris, acts[d.statute])
                for d in extraction.documents
                if d.statute in acts
            },
            titles={act_iri(iris, a): a.title for a in acts.values()},
            verdicts=verdicts,
            known={t[0] for t in statute_part},
        )
    counts.update(
        documents=len(extraction.documents),
        units=len(extraction.units),
        repairs=len(extraction.repairs),
        citations=len(extraction.citations),
        statute_acts=len(act_ids),
        problems=tuple(extraction.problems),
    )
    yield "".join([triple_nt(*t) for t in statute_part])
    yield from statement_text(
        extraction_statements(
            extraction.citations,
            extraction.documents,
            extraction.units,
            extraction.responsibilities,
            extraction.repairs,
            builder,
        )
    )


def _checked(extraction: Any, library: Any) -> tuple[tuple[Citation, ...], dict[Any, tuple[str, str]]]:
    """Check every quote against the statute text, and place recoverable pinpoints.

    A quote of an article's words without its point number (衡阳 统计信息 quotes Article 20's
    国民经济和社会发展统计信息 without (四)) is placed under the point the words come from,
    flagged `pinpoint-recovered`; the verdict keeps saying the catalog left the number out.
    Other suggestions (wrong number, other version) are reported, never applied.
    """
    from kg.statutes.check import check

    results = {r.citation: r for r in check(extraction, library)}
    citations, verdicts = [], {}
    for citation in extraction.citations:  # every citation stays, checked or not
        result = results.get(citation)
        if result is None:
            citations.append(citation)
            continue
        if result.verdict == "pinpoint-missing" and _refines(citation.pinpoint, result.suggested):
            citation = dataclasses.replace(
                citation,
                pinpoint=result.suggested,
                flags=(*citation.flags, "pinpoint-recovered"),
            )
        citations.append(citation)
        verdicts[citation] = (str(result.verdict), str(result.detail or ""))
    return tuple(citations), verdicts


def _refines(written: Pinpoint, suggested: Pinpoint | None) -> bool:
    """True when `suggested` only adds a lower level to the article the catalog wrote."""
    return (
        suggested is not None
        and written.article is not None
        and (suggested.article, suggested.article_suffix) == (written.article, written.article_suffix)
        and written.item is None
        and suggested.item is not None
        and written.paragraph in (None, suggested.paragraph)
    )


def build(
    paths: Sequence[Path | str],
    statutes: Any = None,
    store: Path | str = Path(".kg-store"),
    base: str | None = None,
    progress: bool = False,
    agency: str | None = None,
    keywords: bool = False,
) -> BuildSummary:
    """Build the graph of `paths` into the store folder `store` (atomically)."""
    from kg.rdf.store import Store, build_store

    started = time.perf_counter()
    spent = {"read": 0.0, "statute library": 0.0, "citations and checks": 0.0}
    builder = GraphBuilder(iris=Iris(base) if base else Iris())
    reads: list[CatalogRead] = []
    counts: dict[str, Any] = {}
    ranker = None
    if keywords:
        from kg.textsearch.background import KeywordRanker
        from kg.textsearch.keywords import keyword_source

        ranker = KeywordRanker.for_build(paths, KEYWORDS_PER_ITEM)

    def lines() -> Iterator[str]:
        # Items go to the store while the next catalogs are read: Oxigraph loads in its own
        # threads, so reading, extraction and loading share the cores.
        _say(progress, f"reading {len(paths)} catalog(s)")
        for read in _timed(read_each(paths, agency), spent, "read"):
            reads.append(read)
            yield from statement_text(read_statements(read, builder))
            if ranker is not None:
                ranker.add(keyword_source(i.name, i.content) for i in read.items)
        if ranker is not None:  # loaded while the citations are extracted
            ranked = ranker.ranked()
            yield from statement_text(keyword_statements(reads, ranked, builder, KEYWORDS_PER_ITEM))
        library = next(_timed([statutes], spent, "statute library", load_library))
        rest = extraction_lines(reads, library, builder, counts, progress)
        yield from _timed(rest, spent, "citations and checks", first_only=True)
        _say(progress, f"finishing the store {store}")

    try:
        with collector_paused():
            triples = build_store(store, lines())
    finally:
        if ranker is not None:
            ranker.close()
    finished = time.perf_counter()
    with Store.open(store) as st:
        rows = st.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }")
    # Stages overlap: read, library and citations are the time spent in them; the
    # triples and store stage is the rest (making lines, loading not hidden by the others).
    stages = (*spent.items(), ("triples and store", finished - started - sum(spent.values())))
    stages = tuple((name, round(seconds, 3)) for name, seconds in stages)
    return BuildSummary(
        catalogs=len(reads),
        items=sum(len(r.items) for r in reads),
        citations=counts["citations"],
        documents=counts["documents"],
        statute_acts=counts["statute_acts"],
        articles=int(rows[0]["n"]),
        units=counts["units"],
        triples=triples,
        repairs=counts["repairs"],
        rejections=sum(len(r.rejections) for r in reads),
        problems=counts["problems"],
        store=str(store),
        seconds=round(finished - started, 3),
        stages=stages,
    )


def _timed(
    values: Iterable[Any],
    spent: dict[str, float],
    stage: str,
    apply: Callable[[Any], Any] | None = None,
    first_only: bool = False,
) -> Iterator[Any]:
    """Yield `values` (each passed through `apply`), adding the time spent making them to
    spent[stage]; with first_only, only the first value's (extraction happens before the
    first line of extraction_lines; the lines after it belong to the triples stage)."""
    it = iter(values)
    while True:
        started = time.perf_counter()
        try:
            value = next(it)
            if apply is not None:
                value = apply(value)
        except StopIteration:
            spent[stage] += time.perf_counter() - started
            return
        spent[stage] += time.perf_counter() - started
        yield value
        if first_only:
            yield from it
            return


def build_bundled(
    store_dir: Path | str, statutes: Any = None, base: str | None = None
) -> BuildSummary:
    """Build the two bundled catalogs into `store_dir` (a helper for tests of other stages)."""
    return build(BUNDLED, statutes=statutes, store=Path(store_dir), base=base)
