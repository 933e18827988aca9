"""Understand what the user typed: an act (number or title) and an optional pinpoint.

`kg.resolve.parse_user_reference` (citations stage) is used when it is installed; this
module's own small parser is the fallback and also normalises article numbers written in
amendment files (`第二十四条`, `24`, `20之一`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kg import numerals
from kg import patterns as P
from kg.models import DocumentRef, Pinpoint
from kg.statutes.model import chinese_number

# Regexes live in kg/patterns.py (its analysis section), named here for this module.
NUMERAL = P.ANALYSIS_NUMERAL
ARTICLE_PATTERN = P.ANALYSIS_ARTICLE
PARAGRAPH_PATTERN = P.ANALYSIS_PARAGRAPH
ITEM_PATTERN = P.ANALYSIS_ITEM
NUMBER_PATTERN = P.ANALYSIS_DECREE
DOC_NUMBER_PATTERN = P.ANALYSIS_DOC_NUMBER
BARE_DECREE_PATTERN = P.ANALYSIS_BARE_DECREE
ARTICLE_NUMBER = P.ANALYSIS_ARTICLE_NUMBER
LIST_MARKER = P.ANALYSIS_LIST_MARKER
VERSION_SPEC = P.ANALYSIS_VERSION_SPEC
TITLE_NOISE = P.ANALYSIS_TITLE_NOISE


def to_int(numeral: str) -> int:
    """An Arabic, full-width or Chinese numeral (captured group only) as an int."""
    return numerals.to_int(numeral)




@dataclass(frozen=True, order=True)
class ArticleNo:
    """An article number: 24, or 20之一 as (20, 1). Equal when the numbers are equal."""

    number: int
    suffix: int = 0

    @classmethod
    def parse(cls, text: str | int) -> ArticleNo:
        if isinstance(text, int):
            return cls(text)
        m = ARTICLE_NUMBER.match(str(text))
        if not m:
            raise ValueError(f"not an article number: {text!r}")
        return cls(to_int(m.group(1)), to_int(m.group(2)) if m.group(2) else 0)

    def label(self) -> str:
        """第二十七条, 第二十条之一: the way the law itself writes it."""
        out = f"第{chinese_number(self.number)}条"
        return out + (f"之{chinese_number(self.suffix)}" if self.suffix else "")

    def __str__(self) -> str:
        return f"{self.number}之{self.suffix}" if self.suffix else str(self.number)


def parse_phrase(text: str) -> tuple[DocumentRef, Pinpoint]:
    """Split `711号令第二十条` into the document part and the pinpoint part."""
    try:
        from kg.resolve import parse_user_reference
    except ImportError:
        return _parse_phrase(text)
    return parse_user_reference(text)


def _parse_phrase(text: str) -> tuple[DocumentRef, Pinpoint]:
    text = text.strip()
    art = ARTICLE_PATTERN.search(text)
    doc_part, pin_part = (text[: art.start()], text[art.start():]) if art else (text, "")
    pin = Pinpoint()
    if art:
        para = PARAGRAPH_PATTERN.search(pin_part, art.end() - art.start())
        item = ITEM_PATTERN.search(pin_part, art.end() - art.start())
        pin = Pinpoint(
            article=to_int(art.group(1)),
            article_suffix=to_int(art.group(2)) if art.group(2) else None,
            paragraph=to_int(para.group(1)) if para else None,
            item=to_int(item.group(1) or item.group(2)) if item else None,
        )
    doc_part = doc_part.strip().rstrip("的")
    number = (
        NUMBER_PATTERN.search(doc_part)
        or DOC_NUMBER_PATTERN.search(doc_part)
        or BARE_DECREE_PATTERN.search(doc_part)
    )
    if number:
        title = (doc_part[: number.start()] + doc_part[number.end():]).strip(" ()（）")
        return DocumentRef(title=TITLE_NOISE.sub("", title), number=number.group(0)), pin
    return DocumentRef(title=doc_part), pin


def number_key(text: str) -> tuple[str, int, int] | None:
    """(issuer, year, serial) of a number written any way: issuer "" for `711号令`, year 0
    for decrees. Issuers drop a 中华人民共和国 prefix (history lines keep it)."""
    text = "".join(text.split()).replace("中华人民共和国", "")
    m = NUMBER_PATTERN.fullmatch(text)
    if m:
        return m.group(1), 0, to_int(m.group(2))
    m = DOC_NUMBER_PATTERN.fullmatch(text)
    if m:
        return m.group(1), int(m.group(2)), int(m.group(3))
    m = BARE_DECREE_PATTERN.fullmatch(text)
    if m:
        return "", 0, to_int(m.group(1))
    return None


def same_number(wanted: tuple[str, int, int], have: tuple[str, int, int] | None) -> bool:
    """`711号令` (no issuer, or just 令) matches any decree 令 with serial 711."""
    if have is None:
        return False
    if wanted[0] not in ("", "令"):
        return wanted == have
    return have[0].endswith("令") and wanted[1:] == have[1:]


def title_key(text: str) -> str:
    """A title without brackets, spaces and the 中华人民共和国 prefix."""
    return TITLE_NOISE.sub("", TITLE_NOISE.sub("", text))
