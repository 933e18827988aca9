"""The citations stage: items in, citations, documents, units and repairs out.

    extract(reads, library=None, reference_text=None, on_date=None) -> Extraction

Per item: clean the 公开依据 and 条款内容 cells (every change recorded as a Repair), find the
citations in each, resolve every document to one key across all catalogs, and merge the two
columns. A document in 条款内容 gives its pinpointed citations (origin "both" when 公开依据 names it
too, "provisions" otherwise); a document only in 公开依据 gives a citation with an empty pinpoint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from kg.clean import Change, clean, fill_spam
from kg.find import Found, find_citations
from kg.models import (
    CatalogRead,
    Citation,
    Document,
    DocumentRef,
    Item,
    Pinpoint,
    Repair,
    Responsibility,
    Unit,
    fast_constructor,
)
from kg.resolve import Resolver
from kg.runtime import collector_paused
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


# What each item's cells hold: its 公开依据 and 条款内容 citations, and their source lines.
_Cells = tuple[tuple[Found, ...], tuple[Found, ...], int, int]
# The cleaning changes and the citations of one cell text.
_Read = tuple[tuple[Change, ...], tuple[Found, ...]]
# A citation that a pair of cells gives, less what the item adds (agency, ident, file, line):
# (0 for the 公开依据 cell or 1 for 条款内容, whose line it takes; key, ref, pinpoint, quote,
# origin, flags).
_Planned = tuple[int, str, DocumentRef, Pinpoint, str, str, tuple[str, ...]]
# A pair's citations, and its problems as (cell, "field: problem").
_Plan = tuple[list[_Planned], list[tuple[int, str]]]

_FIELDS = ("basis", "provisions", "responsibility")


def _read_items(items: Sequence[Item], repairs: list[Repair]) -> list[_Cells]:
    """Each item's 公开依据 and 条款内容 citations and lines; all three cells cleaned and every
    change recorded as a Repair (units are read from the same cleaned 公开责任 text).

    Catalogs copied from templates repeat cell texts across agencies: each distinct text of a
    field is read once, and only the Repairs, which name the item, are made per item.
    """
    known: dict[str, dict[str, _Read]] = {field: {} for field in _FIELDS}
    repair = fast_constructor(Repair)
    out: list[_Cells] = []
    for item in items:
        lines = dict(item.field_lines)  # Item.line_of, without building the dict three times
        found: list[tuple[Found, ...]] = []
        at: list[int] = []
        for field, read in known.items():
            text = getattr(item, field)
            cell = read.get(text)
            if cell is None:
                cell = read[text] = _read_cell(field, text)
            changes, cited = cell
            line = lines.get(field, item.line) if lines else item.line
            for c in changes:
                repairs.append(
                    repair(item.file, line, field, c.rule, c.original, c.repaired, c.guess,
                           item.agency, item.ident)
                )
            found.append(cited)
            at.append(line)
        out.append((found[0], found[1], at[0], at[1]))
    return out


def _read_cell(field: str, text: str) -> _Read:
    text, changes = clean(text)
    if field == "responsibility":
        return changes, ()
    return changes, tuple(find_citations(text, quotes=field == "provisions"))


def _resolve(
    cells: Sequence[_Cells],
) -> tuple[Resolver, dict[int, tuple[str, tuple[str, ...]]]]:
    """The resolver of every citation found, and the key and flags of each Found, by id.

    The same cell text gives back the very same Found values: each distinct one is resolved
    (and its mentions recorded) once, in the order of its last (first) occurrence in the
    catalogs, counted as often as it occurs. The tally is made per distinct cell, not per item.
    """
    flat = [found for cell in cells for found in cell[:2]]
    uses = Counter(map(id, flat))
    first: dict[int, int] = {}
    for at, found in enumerate(flat):
        first.setdefault(id(found), at)
    last = {id(found): (at, found) for at, found in enumerate(flat)}
    # id(Found) -> [Found, count, (first cell, index), (last cell, index)]
    seen: dict[int, list[Any]] = {}
    for i, (at, found) in last.items():
        for j, f in enumerate(found):
            s = seen.get(id(f))
            if s is None:
                seen[id(f)] = [f, uses[i], (first[i], j), (at, j)]
            else:  # one Found in several cells (two texts that clean alike)
                s[1] += uses[i]
                s[2], s[3] = min(s[2], (first[i], j)), max(s[3], (at, j))
    distinct = sorted(seen.values(), key=lambda s: s[3])
    resolver = Resolver.counted(((f.ref, f.number), n) for f, n, _, _ in distinct)
    keys = {id(f): resolver.key_of(f.ref, f.number) for f, _, _, _ in distinct}
    # Recording a mention again changes nothing: the first occurrences, in order, suffice.
    for f, _, _, _ in sorted(seen.values(), key=lambda s: s[2]):
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
    with collector_paused():
        return _extract(reads, library, reference_text, on_date)


def _extract(
    reads: Sequence[CatalogRead],
    library: Any,
    reference_text: ReferenceText | None,
    on_date: str | None,
) -> Extraction:
    repairs: list[Repair] = []
    items = [item for read in reads for item in read.items]
    cells = _read_items(items, repairs)
    resolver, keys = _resolve(cells)
    problems = [f"{p}" for p in resolver.problems]
    citations = _merge_all(items, cells, keys, problems)
    documents = resolver.documents()
    if library is not None:
        documents = tuple(_match_statute(d, library, on_date) for d in documents)
        problems.extend(_shared_statutes(documents))
    lookup = _reference_lookup(documents, library, reference_text)
    for i, c in enumerate(citations):  # only spam left in quoted words changes anything
        if "spam-unresolved" in c.flags:
            citations[i] = _restore_spam(c, lookup, repairs, problems)
    units, responsibilities = units_of(items)
    return Extraction(
        citations=tuple(citations),
        documents=documents,
        units=units,
        responsibilities=responsibilities,
        repairs=tuple(repairs),
        problems=tuple(problems),
    )


def _merge_all(
    items: Sequence[Item],
    cells: Sequence[_Cells],
    keyed: dict[int, tuple[str, tuple[str, ...]]],
    problems: list[str],
) -> list[Citation]:
    """The citations of every item, in order. Which citations a pair of cells gives depends on
    the cells alone: it is worked out once per distinct pair, then given each item's names."""
    plans: dict[tuple[int, int], _Plan] = {}
    citation = fast_constructor(Citation)
    out: list[Citation] = []
    for item, (basis, provisions, basis_line, provisions_line) in zip(items, cells, strict=True):
        pair = (id(basis), id(provisions))
        plan = plans.get(pair)
        if plan is None:
            plan = plans[pair] = _merge(basis, provisions, keyed)
        planned, cell_problems = plan
        lines = (basis_line, provisions_line)
        for cell, p in cell_problems:
            problems.append(f"{item.file}:{lines[cell]}: {p}")
        agency, ident, file = item.agency, item.ident, item.file
        for cell, key, ref, pinpoint, quote, origin, flags in planned:
            out.append(
                citation(agency, ident, key, ref, pinpoint, quote, origin, file, lines[cell], flags)
            )
    return out


def _merge(
    basis: Sequence[Found],
    provisions: Sequence[Found],
    keyed: dict[int, tuple[str, tuple[str, ...]]],
) -> _Plan:
    """The citations of an item with these cells: provisions citations first, then documents
    named only in 公开依据. `keyed` holds the resolved key and flags of every Found, by id."""
    problems = [
        (cell, f"{field}: {p}")
        for cell, (field, found) in enumerate((("basis", basis), ("provisions", provisions)))
        for f in found
        for p in f.problems
    ]
    basis_keys = {keyed[id(f)][0] for f in basis}
    out: dict[tuple[str, Pinpoint], _Planned] = {}
    for f in provisions:
        key, flags = keyed[id(f)]
        origin = "both" if key in basis_keys else "provisions"
        _add(out, (1, key, f.ref, f.pinpoint, f.quote, origin, _flags(f.flags, flags)))
    cited = {key for key, _ in out}
    for f in basis:
        key, flags = keyed[id(f)]
        if key in cited and f.pinpoint.is_empty:
            continue
        origin = "both" if (key, f.pinpoint) in out else "basis"
        _add(out, (0, key, f.ref, f.pinpoint, f.quote, origin, _flags(f.flags, flags)))
    return list(out.values()), problems


def _flags(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({flag for group in groups for flag in group}))


def _add(out: dict[tuple[str, Pinpoint], _Planned], c: _Planned) -> None:
    """One citation per (document, pinpoint) in an item; repeated quotes are joined."""
    cell, key, ref, pinpoint, quote, origin, flags = c
    old = out.get((key, pinpoint))
    if old is None:
        out[(key, pinpoint)] = c
        return
    old_quote, old_origin = old[4], old[5]
    quote = old_quote if quote in old_quote else f"{old_quote} … {quote}".strip(" …")
    origin = old_origin if old_origin == origin else "both"
    out[(key, pinpoint)] = (*old[:4], quote, origin, _flags(old[6], flags))


def _match_statute(doc: Document, library: Any, on_date: str | None = None) -> Document:
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
