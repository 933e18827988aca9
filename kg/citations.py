"""The citations stage: items in, citations, documents, units and repairs out.

    extract(reads, library=None, reference_text=None, on_date=None) -> Extraction

Per item: clean the 公开依据 and 条款内容 cells (every change recorded as a Repair), find the
citations in each, resolve every document to one key across all catalogs, and merge the two
columns. A document in 条款内容 gives its pinpointed citations (origin "both" when 公开依据 names it
too, "provisions" otherwise); a document only in 公开依据 gives a citation with an empty pinpoint.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from kg.clean import clean, fill_spam
from kg.find import Found, find_citations
from kg.models import CatalogRead, Citation, Document, Item, Pinpoint, Repair, Responsibility, Unit
from kg.resolve import Resolver
from kg.units import units_of

# reference_text(document key, pinpoint) -> the words of that place, when known.
ReferenceText = Callable[[str, Pinpoint], "str | None"]


@dataclass(frozen=True)
class Extraction:
    """What the citations stage found in a set of catalogs (all sorted deterministically)."""

    citations: tuple[Citation, ...] = ()
    documents: tuple[Document, ...] = ()
    units: tuple[Unit, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    repairs: tuple[Repair, ...] = ()
    problems: tuple[str, ...] = ()

    def document(self, key: str) -> Document | None:
        return next((d for d in self.documents if d.key == key), None)


@dataclass
class _Cell:
    item: Item
    field: str
    line: int
    found: list[Found]


def _clean_cell(item: Item, field: str, line: int, repairs: list[Repair]) -> str:
    """The cleaned cell; every change recorded with the field's source line."""
    text, changes = clean(getattr(item, field))
    for c in changes:
        repairs.append(
            Repair(item.file, line, field, c.rule, c.original, c.repaired, c.guess,
                   item.agency, item.ident)
        )
    return text


def _read_item(item: Item, repairs: list[Repair]) -> tuple[_Cell, _Cell]:
    """The item's 公开依据 and 条款内容 cells, read; all three cells cleaned (units are read
    from the same cleaned 公开责任 text)."""
    lines = dict(item.field_lines)  # Item.line_of, without building the dict three times
    cells = []
    for field in ("basis", "provisions"):
        line = lines.get(field, item.line)
        text = _clean_cell(item, field, line, repairs)
        cells.append(_Cell(item, field, line, find_citations(text, quotes=field == "provisions")))
    _clean_cell(item, "responsibility", lines.get("responsibility", item.line), repairs)
    return cells[0], cells[1]


def _resolve(
    cells: Sequence[tuple[_Cell, _Cell]],
) -> tuple[Resolver, dict[int, tuple[str, tuple[str, ...]]]]:
    """The resolver of every citation found, and the key and flags of each Found, by id.

    Cells repeat across catalogs and find_citations hands back the very same Found values
    for the same text: each distinct one is resolved (and its mentions recorded) once.
    """
    found = [f for pair in cells for cell in pair for f in cell.found]
    counts = Counter(map(id, found))
    last = {id(f): f for f in reversed(found)}  # distinct, latest last occurrence first
    distinct = list(reversed(last.values()))
    resolver = Resolver.counted(((f.ref, f.number), counts[id(f)]) for f in distinct)
    keys = {i: resolver.key_of(f.ref, f.number) for i, f in last.items()}
    # Recording a mention again changes nothing: the first occurrences, in order, suffice.
    for f in {id(f): f for f in found if f.mentions}.values():
        for mention in f.mentions:
            resolver.mention(keys[id(f)][0], mention)
    return resolver, keys


def extract(
    reads: Sequence[CatalogRead],
    library: Any = None,
    reference_text: ReferenceText | None = None,
    on_date: str | None = None,
) -> Extraction:
    """Citations, documents, units and repairs of the items of every catalog read.

    `library` (a kg.statutes.Library) is optional: with it, documents are matched to statute
    acts (Document.statute, statute_match) and its article texts restore spam in quotes.
    `reference_text` is another source of such texts: a callable (document key, pinpoint) ->
    words, or a Library (its `reference_text` is used). `on_date` (ISO), the catalogs' date
    when known, picks the version of an act cited without a number that was in force then.
    """
    with _collector_paused():
        return _extract(reads, library, reference_text, on_date)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Extraction builds hundreds of thousands of long-lived values (repairs, citations) that
    hold no reference cycles; the cyclic collector would rescan them and the catalogs read, again
    and again as they grow (more than half the time at 100k items), and free nothing.
    Reference counting still frees everything; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extract(
    reads: Sequence[CatalogRead],
    library: Any,
    reference_text: ReferenceText | None,
    on_date: str | None,
) -> Extraction:
    repairs: list[Repair] = []
    items = [item for read in reads for item in read.items]
    cells = [_read_item(i, repairs) for i in items]
    resolver, keys = _resolve(cells)
    problems = [f"{p}" for p in resolver.problems]
    citations: list[Citation] = []
    for basis, provisions in cells:
        citations.extend(_merge(basis, provisions, keys, problems))
    documents = resolver.documents()
    if library is not None:
        documents = tuple(_match_statute(d, library, on_date) for d in documents)
        problems.extend(_shared_statutes(documents))
    lookup = _reference_lookup(documents, library, reference_text)
    citations = [_restore_spam(c, lookup, repairs, problems) for c in citations]
    units, responsibilities = units_of(items)
    return Extraction(
        citations=tuple(citations),
        documents=documents,
        units=units,
        responsibilities=responsibilities,
        repairs=tuple(repairs),
        problems=tuple(problems),
    )


def _citation(cell: _Cell, f: Found, key: str, flags: tuple[str, ...], origin: str) -> Citation:
    item = cell.item
    return Citation(
        agency=item.agency,
        item=item.ident,
        document_key=key,
        ref=f.ref,
        pinpoint=f.pinpoint,
        quote=f.quote,
        origin=origin,
        file=item.file,
        line=cell.line,
        flags=tuple(sorted(set(f.flags) | set(flags))) if flags or f.flags else (),
    )


def _merge(
    basis: _Cell,
    provisions: _Cell,
    keyed: dict[int, tuple[str, tuple[str, ...]]],
    problems: list[str],
) -> list[Citation]:
    """The item's basis: provisions citations first, then documents named only in 公开依据.
    `keyed` holds the resolved key and flags of every Found, by id."""
    for cell in (basis, provisions):
        for f in cell.found:
            problems.extend(f"{cell.item.file}:{cell.line}: {cell.field}: {p}" for p in f.problems)
    basis_keys = {keyed[id(f)][0] for f in basis.found}
    out: dict[tuple[str, Pinpoint], Citation] = {}
    for f in provisions.found:
        key, flags = keyed[id(f)]
        origin = "both" if key in basis_keys else "provisions"
        _add(out, _citation(provisions, f, key, flags, origin))
    cited = {key for key, _ in out}
    for f in basis.found:
        key, flags = keyed[id(f)]
        if key in cited and f.pinpoint.is_empty:
            continue
        _add(out, _citation(basis, f, key, flags, "both" if (key, f.pinpoint) in out else "basis"))
    return list(out.values())


def _add(out: dict[tuple[str, Pinpoint], Citation], c: Citation) -> None:
    """One citation per (document, pinpoint) in an item; repeated quotes are joined."""
    old = out.get((c.document_key, c.pinpoint))
    if old is None:
        out[(c.document_key, c.pinpoint)] = c
        return
    quote = old.quote if c.quote in old.quote else f"{old.quote} … {c.quote}".strip(" …")
    origin = old.origin if old.origin == c.origin else "both"
    out[(c.document_key, c.pinpoint)] = replace(
        old, quote=quote, origin=origin, flags=tuple(sorted(set(old.flags) | set(c.flags)))
    )


def _match_statute(doc: Document, library: Any, on_date: str | None = None) -> Document:
    from kg.models import DocumentRef

    for title in (doc.title, *doc.alt_titles):
        match = library.match(DocumentRef(title=title, number=doc.number), on_date=on_date)
        if match is not None:
            # a Match's label keeps a near miss's score (fuzzy:0.93); other matchers may lack it
            label = getattr(match, "label", None) or str(match.method)
            return replace(doc, statute=match.act.id, statute_match=label)
    return doc


def _shared_statutes(documents: Sequence[Document]) -> list[str]:
    """Two catalog documents that resolve to one act: reported, not merged (the keys stay)."""
    by_act: dict[str, list[str]] = {}
    for d in documents:
        if d.statute:
            by_act.setdefault(d.statute, []).append(d.key)
    return [
        f"documents {', '.join(keys)} all resolve to the act {act}"
        for act, keys in sorted(by_act.items())
        if len(keys) > 1
    ]


def _reference_lookup(
    documents: Sequence[Document], library: Any, reference_text: ReferenceText | None
):
    statute = {d.key: d.statute for d in documents if d.statute}

    def lookup(key: str, pinpoint: Pinpoint) -> str | None:
        text = None
        if library is not None and key in statute:
            text = library.text(statute[key], pinpoint)
        if text is None and reference_text is not None:
            # a Library may be given here too: its reference_text takes a key or reference
            source = getattr(reference_text, "reference_text", reference_text)
            text = source(key, pinpoint)
        return text

    return lookup


def _restore_spam(
    c: Citation, lookup: ReferenceText, repairs: list[Repair], problems: list[str]
) -> Citation:
    """Spam in quoted words (not in a title) is restored only from a reference text."""
    if "spam-unresolved" not in c.flags:
        return c
    reference = lookup(c.document_key, c.pinpoint)
    repaired = fill_spam(c.quote, reference) if reference else None
    if repaired is None:
        problems.append(
            f"{c.file}:{c.line}: provisions: spam in the words quoted from "
            f"{c.document_key} {c.pinpoint.label()} left unresolved"
        )
        return c
    repairs.append(
        Repair(c.file, c.line, "provisions", "spam-quote", c.quote, repaired, guess=True,
               agency=c.agency, item=c.item)
    )
    flags = tuple(sorted((set(c.flags) - {"spam-unresolved"}) | {"spam-repaired"}))
    return replace(c, quote=repaired, flags=flags)
