"""Check the words each citation quotes against the statute text it names.

Verdicts, in the order they are tried:
- act-unknown: the cited document is not an act of the library;
- not-quoted: the citation quotes no words (nothing to check);
- exact / abridged: the words are the place's words, or a part of them (lead-in + item);
- pinpoint-missing: the words are one item (or one article) but the pinpoint does not say
  which (衡阳's 统计信息 quotes 第二十条 without `(四)`); the suggested pinpoint says it;
- other-version: the words are those of another version of the act (say which, and where);
- wrong-number: the words stand in another article or item of the act (say which);
- mismatch: the words are nowhere in the act.
A quote naming several articles (`…。第十八条 …`) is split and each piece checked; the
citation gets the worst verdict of its pieces.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from kg import patterns as P
from kg.models import Citation, Document, DocumentRef, Pinpoint
from kg.statutes.compare import (
    COVERED,
    Place,
    coverage,
    narrow,
    scope_texts,
    search,
    statute_words,
)
from kg.statutes.model import Act
from kg.statutes.normalise import numeral, words

VERDICTS = (
    "exact",
    "abridged",
    "pinpoint-missing",
    "other-version",
    "wrong-number",
    "mismatch",
    "act-unknown",
    "not-quoted",
)
PROBLEMS = frozenset({"pinpoint-missing", "other-version", "wrong-number", "mismatch"})


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one citation, with the statute's words and what to write instead."""

    citation: Citation
    verdict: str
    detail: str = ""
    act_id: str = ""
    statute_words: str = ""  # the words of the place checked against (or where found)
    suggested: Pinpoint | None = None  # for pinpoint-missing, wrong-number, other-version
    suggested_act: str = ""  # for other-version: the version whose words these are
    score: float = 0.0  # coverage of the quote by the statute words (0..1)

    @property
    def is_problem(self) -> bool:
        return self.verdict in PROBLEMS


def check(
    citations: Iterable[Citation] | object,
    documents: Iterable[Document] | object = (),
    library=None,
    on_date: str | None = None,
) -> tuple[CheckResult, ...]:
    """One CheckResult per citation. Also accepts `check(extraction, library)`."""
    if library is None and hasattr(citations, "citations"):
        extraction, library = citations, documents
        citations, documents = extraction.citations, extraction.documents
    if library is None:
        raise TypeError("check() needs a statute library")
    acts = _acts_by_key(documents, library, on_date)
    results = []
    for c in citations:
        act = acts.get(c.document_key)
        if act is None:
            found = library.match(c.ref, on_date=on_date) if (c.ref.title or c.ref.number) else None
            act = found.act if found else None
        results.append(check_one(c, act, library))
    return tuple(results)


def _acts_by_key(documents, library, on_date) -> dict[str, Act]:
    out: dict[str, Act] = {}
    for doc in documents:
        act = library.act(doc.statute) if doc.statute else None
        if act is None:
            found = library.match(DocumentRef(doc.title, doc.number), on_date=on_date)
            act = found.act if found else None
        if act is not None:
            out[doc.key] = act
    return out


def check_one(c: Citation, act: Act | None, library) -> CheckResult:
    """The verdict on one citation whose document resolved to `act` (None: unknown)."""
    if act is None:
        return CheckResult(c, "act-unknown", "the statute library has no such act")
    if not words(P.SPAM.sub("", c.quote)):
        return CheckResult(c, "not-quoted", "no words quoted", act.id)
    pieces = split_quote(c.pinpoint, c.quote)
    results = [_check_piece(c, act, library, pin, quote) for pin, quote in pieces]
    worst = max(results, key=lambda r: VERDICTS.index(r.verdict))
    if len(results) > 1 and worst.verdict in ("exact", "abridged"):
        worst = replace(
            worst, verdict="abridged" if any(r.verdict == "abridged" for r in results) else "exact"
        )
    return worst


def split_quote(pin: Pinpoint, quote: str) -> list[tuple[Pinpoint, str]]:
    """Pieces of a quote that names further articles at sentence starts (…。第十八条 …)."""
    quote = quote.strip()
    lead = P.STATUTE_ARTICLE_IN_QUOTE.match(quote)
    if lead and pin.article == numeral(lead["n"]):
        quote = quote[lead.end() :]
    marks = [
        m
        for m in P.STATUTE_ARTICLE_IN_QUOTE.finditer(quote)
        if m.start() > 0 and quote[m.start() - 1] in "。；;.\n " and pin.article is not None
    ]
    if not marks:
        return [(pin, quote)]
    pieces = [(pin, quote[: marks[0].start()])]
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(quote)
        suffix = numeral(m["suffix"]) if m["suffix"] else None
        pieces.append(
            (Pinpoint(article=numeral(m["n"]), article_suffix=suffix), quote[m.end() : end])
        )
    return [(a, b) for a, b in pieces if words(b)]


def _check_piece(c: Citation, act: Act, library, pin: Pinpoint, quote: str) -> CheckResult:
    spam = bool(P.SPAM.search(quote))
    q = words(P.SPAM.sub("", quote))
    note = " (spam in the quote ignored)" if spam else ""
    scope = scope_texts(act, pin) if not pin.is_empty else None
    result = CheckResult(c, "mismatch", act_id=act.id)
    if scope is not None:
        own, with_lead = scope
        score = max(coverage(q, statute_words(own)), coverage(q, statute_words(with_lead)))
        result = replace(result, statute_words=own, score=round(score, 3))
        if score >= COVERED:
            return _in_place(result, act, pin, q, own, with_lead, note)
    elif not pin.is_empty:
        result = replace(result, detail=f"{act.id} has no {pin.label()}")
    else:
        found = search(act, q)
        if found is not None:
            return _found(
                result, "pinpoint-missing", found, f"the words are {found.pinpoint.label()}{note}"
            )
    return _elsewhere(result, act, library, pin, q, note)


def _in_place(result, act, pin, q, own, with_lead, note) -> CheckResult:
    if q in (statute_words(own), statute_words(with_lead)) and not note:
        verdict, detail = "exact", ""
    else:
        verdict, detail = "abridged", f"part of {pin.label()}{note}"
    if "pinpoint-recovered" in result.citation.flags:
        return replace(
            result,
            verdict="pinpoint-missing",
            suggested=pin,
            detail=f"the catalog omits {pin.label()}; recovered from the words",
        )
    if pin.item is None and pin.paragraph is None:
        article = act.article(pin.article, pin.article_suffix)
        narrowed = narrow(article, q) if article else pin
        if narrowed.item is not None:
            detail = f"the words are item {narrowed.item} of {pin.label()}; the pinpoint omits it"
            text = scope_texts(act, narrowed)[0]
            return replace(
                result,
                verdict="pinpoint-missing",
                suggested=narrowed,
                detail=detail,
                statute_words=text,
            )
    return replace(result, verdict=verdict, detail=detail)


def _elsewhere(
    result: CheckResult, act: Act, library, pin: Pinpoint, q: str, note: str
) -> CheckResult:
    others = [v for v in library.related_versions(act.id) if v.id != act.id]
    if not pin.is_empty:
        for other in reversed(others):
            scope = scope_texts(other, pin)
            if scope and max(coverage(q, statute_words(s)) for s in scope) >= COVERED:
                detail = f"the words are {pin.label()} of the version {other.version_date}{note}"
                return replace(
                    result,
                    verdict="other-version",
                    suggested=pin,
                    suggested_act=other.id,
                    detail=detail,
                    statute_words=scope[0],
                )
    found = search(act, q, skip=pin)
    if found is not None:
        detail = f"the words are {found.pinpoint.label()}, not {pin.label()}{note}"
        return _found(result, "wrong-number", found, detail)
    for other in reversed(others):
        found = search(other, q)
        if found is not None:
            detail = (
                f"the words are {found.pinpoint.label()} of the version {other.version_date}{note}"
            )
            return replace(_found(result, "other-version", found, detail), suggested_act=other.id)
    return replace(result, detail=result.detail or f"the words are not in {act.id}{note}")


def _found(result: CheckResult, verdict: str, place: Place, detail: str) -> CheckResult:
    return replace(
        result,
        verdict=verdict,
        suggested=place.pinpoint,
        statute_words=place.text,
        score=round(place.score, 3),
        detail=detail,
    )


def counts(results: Sequence[CheckResult]) -> dict[str, int]:
    """Number of results per verdict, every verdict present, in VERDICTS order."""
    out = dict.fromkeys(VERDICTS, 0)
    for r in results:
        out[r.verdict] += 1
    return out
