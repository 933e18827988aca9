"""The citation grammar: find documents, numbers, pinpoints and quoted words in cleaned cells.

A cell is a run of citations. Each starts with a head (a 《title》 with an optional number in
brackets, or a bare number) at a boundary (cell start, space or sentence punctuation), then an
optional pinpoint (第二十条第三款, 全文, 第三点 …), then the quoted words up to the next head.
A 《title》 that is not at a boundary, or is followed by ordinary words, is a mention made by the
quoted document, not a citation. One quote may hold several articles (…。第十八条 …), items
(：（二）…。（十五）…) or sections of a policy document ((七)…。(八)…), each its own citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from kg import numerals
from kg import patterns as P
from kg.errors import CitationError
from kg.models import DocumentRef, Pinpoint

# Longest range expanded into single pinpoints (第一条至第九千条 is a typo, not 9000 citations).
MAX_RANGE = 100
# Longest label before a cell's first title that still lets the title be cited (依据：, 根据).
LEAD_IN_LIMIT = 12
# Cells remembered by find_citations: catalogs copied from templates repeat the same cells.
FIND_CACHE_SIZE = 1 << 12


@dataclass(frozen=True)
class Number:
    """A document number as written, with its parts (serial None when the number is broken)."""

    text: str
    issuer: str
    year: int | None
    serial: int | None
    kind: str  # year | decree | announcement | broken


@dataclass(frozen=True)
class Found:
    """One citation found in a cell, before resolution to a document key."""

    ref: DocumentRef
    pinpoint: Pinpoint = Pinpoint()
    quote: str = ""
    mentions: tuple[DocumentRef, ...] = ()
    flags: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    number: Number | None = field(default=None, compare=False)


def to_int(numeral: str) -> int:
    """An Arabic or Chinese numeral (captured by a pattern) as an int: 二十 -> 20, 711 -> 711.

    Raises CitationError for a malformed numeral (十十, 百)."""
    try:
        return numerals.to_int(numeral)
    except ValueError:
        raise CitationError(f"not a number: {numeral}") from None


def number_at(text: str, pos: int) -> Number | None:
    """The document number starting exactly at `pos`, if any (broken ones included)."""
    for kind, pattern in (
        ("year", P.NUMBER_WITH_YEAR),
        ("announcement", P.ANNOUNCEMENT_NUMBER),
        ("decree", P.DECREE_NUMBER),
        ("broken", P.BROKEN_NUMBER),
    ):
        m = pattern.match(text, pos)
        if m:
            g = m.groupdict()
            year = int(g["year"]) if g.get("year") else None
            try:
                serial = to_int(g["serial"]) if g.get("serial") else None
            except CitationError:
                return Number(m.group(0), g["issuer"], year, None, "broken")
            return Number(m.group(0), g["issuer"], year, serial, kind)
    return None


def _list(
    pattern: re.Pattern[str], text: str, pos: int
) -> tuple[list[tuple[int, int | None]], int]:
    """A list or range of one pinpoint kind at pos: 第十七条、第十八条 / 第十七条至第十九条."""
    m = pattern.match(text, pos)
    if not m:
        return [], pos
    out = [_value(m)]
    end = m.end()
    while True:
        joiner = P.RANGE_JOINER.match(text, end) or P.LIST_JOINER.match(text, end)
        nxt = pattern.match(text, joiner.end()) if joiner else None
        if not nxt:
            return out, end
        value = _value(nxt)
        span = value[0] - out[-1][0]
        if P.RANGE_JOINER.fullmatch(joiner.group(0)) and 0 < span <= MAX_RANGE:
            out.extend((n, None) for n in range(out[-1][0] + 1, value[0]))
        out.append(value)
        end = nxt.end()


def _value(m: re.Match[str]) -> tuple[int, int | None]:
    g = m.groupdict()
    n = g.get("n") or g.get("m")
    suffix = g.get("suffix")
    return to_int(n), (to_int(suffix) if suffix else None)


def pinpoints_at(text: str, pos: int) -> tuple[list[Pinpoint], int]:
    """The pinpoints a head names at `pos` (several for lists and ranges), and where they end.
    A malformed numeral (第十十条) names no pinpoint."""
    try:
        return _pinpoints_at(text, pos)
    except CitationError:
        return [], pos


def _pinpoints_at(text: str, pos: int) -> tuple[list[Pinpoint], int]:
    arts, end = _list(P.ARTICLE, text, pos)
    if arts:
        paras, end = _list(P.PARAGRAPH, text, end)
        items, end = _list(P.ITEM, text, end)
        subs, end = _list(P.SUBITEM, text, end)
        combos = product(
            arts, paras or [(None, None)], items or [(None, None)], subs or [(None, None)]
        )
        pins = [
            Pinpoint(article=a, article_suffix=s, paragraph=p, item=i, subitem=u)
            for (a, s), (p, _), (i, _), (u, _) in combos
        ]
        return pins, end
    m = P.WHOLE.match(text, pos)
    if m:
        return [Pinpoint(whole=True)], m.end()
    points, end = _list(P.POINT, text, pos)
    if points:
        return [Pinpoint(section=(n,)) for n, _ in points], end
    return [], pos


def _boundary(text: str, pos: int) -> bool:
    """Start of cell, after a space or sentence sign, or after a leading label (依据：)."""
    if pos == 0 or P.CITATION_BOUNDARY.match(text, pos - 1):
        return True
    return text[pos - 1] == "：" and not P.CITED_BEFORE.search(text, 0, pos)


def _head_follows(text: str, pos: int) -> bool:
    """After a title with no number, what shows that it is cited rather than mentioned."""
    if pos >= len(text) or text[pos].isspace() or text[pos] == "《":
        return True
    signs = (P.HEAD_SEPARATOR, P.LIST_JOINER, P.ARTICLE, P.WHOLE, P.POINT)
    return any(sign.match(text, pos) for sign in signs)


@dataclass
class _Head:
    start: int
    end: int
    ref: DocumentRef
    number: Number | None


def _lead_in(text: str, pos: int) -> bool:
    """Only a short label (依据, 根据) stands before pos: a title there is cited, not mentioned."""
    before = text[:pos].strip()
    return len(before) <= LEAD_IN_LIMIT and not P.CITED_BEFORE.search(before)


def _heads(text: str, quotes: bool = True) -> tuple[list[_Head], list[tuple[int, DocumentRef]]]:
    """Citation heads in order, and the titles that are only mentioned (with their position).
    Without quotes (公开依据 cells) every title is a head."""
    heads: list[_Head] = []
    mentions: list[tuple[int, DocumentRef]] = []
    taken: list[tuple[int, int]] = []
    for m in P.TITLE.finditer(text):
        pos, number = m.end(), None
        opener = P.NUMBER_PAREN_OPEN.match(text, pos)
        candidate = number_at(text, opener.end() if opener else pos)
        if candidate:
            after = (opener.end() if opener else pos) + len(candidate.text)
            closer = P.NUMBER_PAREN_CLOSE.match(text, after) if opener else None
            if closer or not opener:
                number, pos = candidate, closer.end() if closer else after
        ref = DocumentRef(title=m.group("title"), number=number.text if number else "")
        cited = _boundary(text, m.start()) and (number or _head_follows(text, pos))
        if not quotes or cited or _lead_in(text, m.start()):
            heads.append(_Head(m.start(), pos, ref, number))
            taken.append((m.start(), pos))
        else:
            mentions.append((m.start(), ref))
            taken.append((m.start(), m.end()))
    for pattern in (P.NUMBER_WITH_YEAR, P.ANNOUNCEMENT_NUMBER, P.DECREE_NUMBER, P.BROKEN_NUMBER):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or not _boundary(text, m.start()):
                continue
            number = number_at(text, m.start())
            if number:
                end = m.start() + len(number.text)
                heads.append(_Head(m.start(), end, DocumentRef(number=number.text), number))
                taken.append((m.start(), end))
    heads.sort(key=lambda h: h.start)
    return heads, mentions


def find_citations(text: str, quotes: bool = True) -> list[Found]:
    """Every citation in one cleaned cell, in order of appearance. `quotes=False` for a cell
    that lists documents only (公开依据): then no title in it is a mere mention."""
    return list(_find(text, quotes))


@lru_cache(maxsize=FIND_CACHE_SIZE)
def _find(text: str, quotes: bool) -> tuple[Found, ...]:
    """find_citations, remembered: a pure function of the text with immutable results."""
    heads, mentions = _heads(text, quotes)
    found: list[Found] = []
    for i, head in enumerate(heads):
        stop = heads[i + 1].start if i + 1 < len(heads) else len(text)
        pins, pos = pinpoints_at(text, head.end)
        sep = P.HEAD_SEPARATOR.match(text, pos)
        quote = text[sep.end() if sep else pos : stop].strip().strip("、，").strip()
        if (pins and pins[0].whole) or not quotes:
            quote = quote.lstrip("。").strip() if quotes else ""
        inner = tuple(ref for at, ref in mentions if head.end <= at < stop)
        flags, problems = [], []
        if head.number and head.number.kind == "broken":
            flags.append("broken-number")
            problems.append(_broken(head.number))
        if P.SPAM.search(quote):
            flags.append("spam-unresolved")
        try:
            pieces = _split_quote(pins, quote)
        except CitationError:  # a malformed marker inside the words: keep them whole
            pieces = [(p, quote) for p in pins or [Pinpoint()]]
        for pin, words in pieces:
            found.append(
                Found(head.ref, pin, words, inner, tuple(flags), tuple(problems), head.number)
            )
    return tuple(found)


def _broken(number: Number) -> str:
    """The problem line for a broken number, with a reading to check (never applied)."""
    if number.year is not None:
        return f"broken document number {number.text!r}: the serial is not a number"
    digits = "".join(ch for ch in number.text[len(number.issuer) :] if ch.isdigit())
    hint = f" (perhaps {number.issuer}〔{digits[:4]}〕{digits[4:]}号?)" if len(digits) > 4 else ""
    return f"broken document number {number.text!r}: year bracket never closes{hint}"


def _starts(pattern: re.Pattern[str], text: str, anchors: str) -> list[re.Match[str]]:
    """Matches of pattern at the start of text or right after one of the anchor characters."""
    out = []
    for m in pattern.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before[-1] in anchors:
            out.append(m)
    return out


def _pieces(text: str, marks: list[re.Match[str]]) -> tuple[str, list[tuple[int, str]]]:
    """Text before the first mark, and (number, text) from each mark to the next."""
    lead = text[: marks[0].start()] if marks else text
    out = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((to_int(m.group("n")), text[m.start() : end].strip()))
    return lead, out


def _split_quote(pins: list[Pinpoint], quote: str) -> list[tuple[Pinpoint, str]]:
    """Split quoted words naming several articles, items or sections into one piece each."""
    if len(pins) > 1 or (pins and (pins[0].whole or pins[0].section)):
        return [(p, quote) for p in pins]
    if pins:
        return _split_articles(pins[0], quote)
    enum = P.SECTION_ENUM.match(quote)
    prefix = (to_int(enum.group("n")),) if enum else ()
    # Sections start the quote or a sentence; after ： or ； a marker lists points of one text.
    marks = _starts(P.SECTION_PAREN, quote, "。")
    lead, pieces = _pieces(quote, marks)
    if not pieces:
        return [(Pinpoint(section=prefix), quote)]
    sections = [(Pinpoint(section=prefix + (n,)), words) for n, words in pieces]
    if lead.strip(" 。；") and not prefix:
        sections.insert(0, (Pinpoint(), lead.strip()))
    return sections


def _split_articles(pin: Pinpoint, quote: str) -> list[tuple[Pinpoint, str]]:
    """…。第十八条 … starts another article; items （二） at sentence starts become items."""
    marks = [
        m
        for m in _starts(P.ARTICLE, quote, "。；")
        if m.start() > 0 and not P.REFERENCE_TAIL.match(quote, m.end())
    ]
    segments = [(pin, quote[: marks[0].start()] if marks else quote)]
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(quote)
        n, suffix = _value(m)
        segments.append(
            (Pinpoint(article=n, article_suffix=suffix), quote[m.end() : end].lstrip("：: "))
        )
    out: list[tuple[Pinpoint, str]] = []
    for p, words in segments:
        words = words.strip()
        if p.item is not None:
            out.append((p, words))
            continue
        lead, items = _pieces(words, _starts(P.SECTION_PAREN, words, "。；：:"))
        if not items:
            out.append((p, words))
        for n, item_words in items:
            item_pin = Pinpoint(p.article, p.article_suffix, p.paragraph, n)
            out.append((item_pin, (lead + item_words).strip()))
    return out
