"""Values of the statute library: acts, their history, articles, paragraphs and items.

All frozen. An act compares equal by its id alone (`统计法@2024-09-13`); its parts by their
position, so one article of two versions compares on number and text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from kg.models import Pinpoint

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """20 -> 二十, 123 -> 一百二十三: how acts write article numbers (1..9999)."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out[1:] if out.startswith("一十") else out


@dataclass(frozen=True)
class HistoryEvent:
    """One header line of an act: 2019-04-03 修订 by 国务院令第711号."""

    date: str  # ISO date
    kind: str  # 公布 | 修订 | 修正 | 施行 | 通过 | 批准 | 印发 (发布 is read as 公布)
    decree: str = ""  # normalised decree or document number, if the line names one
    text: str = ""  # the line as written


@dataclass(frozen=True)
class Point:
    """An item (项) `(四)…`, or a sub-item (目) `1.…` inside one."""

    number: int
    text: str  # without the `(四)` marker
    subitems: tuple[Point, ...] = ()
    is_subitem: bool = False

    @property
    def marker(self) -> str:
        return f"{self.number}." if self.is_subitem else f"({chinese_number(self.number)})"

    @property
    def full_text(self) -> str:
        return "\n".join([self.marker + self.text] + [s.full_text for s in self.subitems])


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (款) and the items written under it."""

    number: int
    text: str
    items: tuple[Point, ...] = ()

    @property
    def full_text(self) -> str:
        return "\n".join([self.text] + [i.full_text for i in self.items])


@dataclass(frozen=True)
class Article:
    """An article (条), `第十七条之一` having number 17 and suffix 1."""

    number: int
    suffix: int | None
    paragraphs: tuple[Paragraph, ...]
    chapter: str = ""  # heading of the chapter / section it stands in

    @property
    def label(self) -> str:
        base = f"第{chinese_number(self.number)}条"
        return base + (f"之{chinese_number(self.suffix)}" if self.suffix else "")

    @property
    def pinpoint(self) -> Pinpoint:
        return Pinpoint(article=self.number, article_suffix=self.suffix)

    @property
    def text(self) -> str:
        """The article's words without its label, paragraphs and items on their own lines."""
        return "\n".join(p.full_text for p in self.paragraphs)

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.suffix or 0)

    @cached_property
    def words(self) -> str:
        """The article's words as compared (kg.statutes.normalise.words), computed once."""
        from kg.statutes.normalise import words

        return words(self.text, traditional=False)


@dataclass(frozen=True)
class Act:
    """One version of one act, as one Markdown file of the library holds it."""

    id: str  # `<short title>@<version date>`
    title: str = field(compare=False)  # full: 中华人民共和国政府信息公开条例
    short_title: str = field(compare=False)  # file name without the date: 政府信息公开条例
    level: str = field(default="", compare=False)  # 法律 | 行政法规 | 部门规章 | 司法解释 ...
    version_date: str = field(default="", compare=False)
    valid_from: str = field(default="", compare=False)
    expired: bool = field(default=False, compare=False)
    decree_numbers: tuple[str, ...] = field(default=(), compare=False)
    history: tuple[HistoryEvent, ...] = field(default=(), compare=False)
    # a tuple, or (acts of a loaded library) a sequence that reads the body when first used
    articles: Sequence[Article] = field(default=(), compare=False)
    preamble: Sequence[str] = field(default=(), compare=False)  # lines outside articles
    path: str = field(default="", compare=False)  # file(s) relative to the library

    @property
    def alt_titles(self) -> tuple[str, ...]:
        """Other names the act goes by: the title without 中华人民共和国, the short title."""
        names = [self.title.removeprefix("中华人民共和国"), self.short_title]
        return tuple(dict.fromkeys(n for n in names if n and n != self.title))

    @cached_property
    def _by_key(self) -> dict[tuple[int, int], Article]:
        return {a.key: a for a in self.articles}

    def article(self, number: int, suffix: int | None = None) -> Article | None:
        return self._by_key.get((number, suffix or 0))

    @property
    def in_force(self) -> bool:
        return not self.expired
