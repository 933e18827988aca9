"""Read one Markdown act of the library: header (title, history lines) and body (articles).

The format is described in ../shared/statutes/README.md. Every non-blank body line is one
block: a `第X条` line starts an article (its rest is the first paragraph), `(一)` starts an item
of the paragraph above, `1.` a sub-item of the item above, anything else is the next
paragraph. Lines are read one by one, so articles on adjacent lines (no blank between)
still split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kg import patterns as P
from kg.statutes.model import Article, HistoryEvent, Paragraph, Point
from kg.statutes.normalise import decree_number, numeral

# The line closing the header (title and history) of an act.
INFO_END = "<!-- INFO END -->"
# Verbs of history lines read as one kind: a regulation 发布 is a publication (公布).
_KIND_ALIASES = {"发布": "公布", "公布施行": "公布", "发布施行": "公布"}
# Zero-width and byte-order marks some files carry on otherwise blank lines.
_INVISIBLE = "\u200b\u200c\u200d\ufeff"


@dataclass(frozen=True)
class ParsedAct:
    """What one file says, before the library adds level, validity and id."""

    title: str
    subtitle: str = ""  # a second `#` heading (the part of the 民法典 a file holds)
    history: tuple[HistoryEvent, ...] = ()
    numbers: tuple[str, ...] = ()  # document numbers standing alone in the header
    articles: Sequence[Article] = ()  # a tuple, or a `Lazy` one for `parse_act(lazy=True)`
    preamble: Sequence[str] = ()

    @property
    def decree_numbers(self) -> tuple[str, ...]:
        found = [e.decree for e in self.history if e.decree] + list(self.numbers)
        return tuple(dict.fromkeys(found))


def parse_act(text: str, source: str = "", lazy: bool = False) -> ParsedAct:
    """Parse one act's Markdown. Raises ValueError (with `source`) when there is no title.

    `lazy=True` (the library's load) leaves the body of an act that has a history unread
    until its articles or preamble are first used: a build quotes a handful of 1,500 acts.
    """
    for mark in _INVISIBLE:
        if mark in text:  # str.replace is far faster than str.translate on long texts
            text = text.replace(mark, "")
    head, sep, body = text.partition(INFO_END)
    if not sep:
        head, body = _split_header_without_marker(text)
    title, subtitle, header_lines = _read_title(head)
    if not title:
        raise ValueError(f"{source}: no `# title` line")
    history, numbers = read_history(header_lines)
    if lazy and history:
        unread = _Body(body, source)
        return ParsedAct(title, subtitle, history, numbers, Lazy(unread, 0), Lazy(unread, 1))
    articles, preamble = read_body(body.splitlines())
    return ParsedAct(title, subtitle, history, numbers, articles, preamble)


class _Body:
    """The body of one act, read on first use and kept."""

    __slots__ = ("_text", "_source", "_parts")

    def __init__(self, text: str, source: str) -> None:
        self._text, self._source = text, source
        self._parts: tuple[tuple[Article, ...], tuple[str, ...]] | None = None

    def parts(self) -> tuple[tuple[Article, ...], tuple[str, ...]]:
        if self._parts is None:
            try:
                self._parts = read_body(self._text.splitlines())
            except ValueError as err:  # a malformed numeral (第十十条)
                from kg.errors import StatuteError

                raise StatuteError(f"cannot read the act's body: {err}", file=self._source) from err
            self._text = ""
        return self._parts


class Lazy(Sequence):
    """The articles (part 0) or preamble lines (part 1) of an unread body: a read-only
    sequence that reads the body when first used and then behaves as its tuple."""

    __slots__ = ("_body", "_part")

    def __init__(self, body: _Body, part: int) -> None:
        self._body, self._part = body, part

    def _items(self) -> tuple:
        return self._body.parts()[self._part]

    def __getitem__(self, index):
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self):
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lazy | tuple):
            return self._items() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        return repr(self._items())


def _split_header_without_marker(text: str) -> tuple[str, str]:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if P.STATUTE_ARTICLE.match(line.strip()) or line.startswith("##"):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    return text, ""


def _read_title(head: str) -> tuple[str, str, list[str]]:
    titles: list[str] = []
    rest: list[str] = []
    for raw in head.splitlines():
        line = raw.strip()
        if line.startswith("#") and not line.startswith("##"):
            titles.append(line.lstrip("#").strip())
        elif titles and line and line != "---":
            rest.append(line)
    title = titles[0] if titles else ""
    subtitle = titles[1] if len(titles) > 1 else ""
    return title, subtitle, rest


def read_history(lines: list[str]) -> tuple[tuple[HistoryEvent, ...], tuple[str, ...]]:
    """History events from header lines; a line without a date continues the one before."""
    merged: list[str] = []
    numbers: list[str] = []
    for line in lines:
        if P.STATUTE_DOC_NUMBER_LINE.match(line):
            numbers.append(decree_number(line))
        elif P.STATUTE_HISTORY_DATE.match(line):
            merged.append(line)
        elif merged:
            merged[-1] += line
        # lines before the first dated one are the title wrapped over several lines
    return tuple(history_event(line) for line in merged), tuple(numbers)


def history_event(line: str) -> HistoryEvent:
    """`2019年4月3日 中华人民共和国国务院令第711号修订` -> (2019-04-03, 修订, 国务院令第711号)."""
    m = P.STATUTE_HISTORY_DATE.match(line)
    if m is None:
        raise ValueError(f"not a history line: {line!r}")
    date = f"{int(m['y']):04d}-{int(m['m']):02d}-{int(m['d']):02d}"
    rest = line[m.end() :].strip()
    kind_match = P.STATUTE_HISTORY_KIND.search(rest)
    if kind_match:
        kind = _KIND_ALIASES.get(kind_match.group(1), kind_match.group(1))
    else:
        kind = "修正" if "修正案" in rest or "决定" in rest else "其他"
    decree = P.STATUTE_DECREE.search(P.STATUTE_STATE_PREFIX.sub("", rest))
    number = decree_number(decree.group(0)) if decree else ""
    return HistoryEvent(date=date, kind=kind, decree=number, text=line.strip())


@dataclass
class _Builder:
    """Mutable state while reading a body; frozen into Articles at the end.

    This runs for every line of the library (300k): each pattern is tried only on lines
    whose first character can start it, and values are built positionally.
    """

    articles: list[Article] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    chapter: str = ""
    number: int | None = None
    suffix: int | None = None
    paragraphs: list[list] = field(default_factory=list)  # [text, [[item, text, [subs]]]]

    def close(self) -> None:
        if self.number is None:
            return
        paragraphs = tuple(
            Paragraph(i, text, tuple(_point(*item) for item in items) if items else ())
            for i, (text, items) in enumerate(self.paragraphs, start=1)
        )
        self.articles.append(Article(self.number, self.suffix, paragraphs, self.chapter))
        self.number, self.suffix, self.paragraphs = None, None, []

    def add(self, line: str) -> None:
        first = line[0]
        if first == "#":
            heading = P.STATUTE_HEADING.match(line)
            if heading:
                self.close()
                self.chapter = heading["text"].strip()
                return
        elif first == "第":
            article = P.STATUTE_ARTICLE.match(line)
            if article:
                self.close()
                self.number = numeral(article["n"])
                self.suffix = numeral(article["suffix"]) if article["suffix"] else None
                rest = line[article.end() :].strip()
                if rest:
                    self.paragraphs.append([rest, []])
                return
        if self.number is None:
            self.preamble.append(line)
            return
        if first in _ITEM_OPENERS:
            item = P.STATUTE_ITEM.match(line)
            if item:
                if not self.paragraphs:
                    self.paragraphs.append(["", []])
                self.paragraphs[-1][1].append([numeral(item["n"]), line[item.end() :], []])
                return
        elif first.isdecimal() and self.paragraphs and self.paragraphs[-1][1]:
            sub = P.STATUTE_SUBITEM.match(line)
            if sub:
                self.paragraphs[-1][1][-1][2].append((int(sub["n"]), line[sub.end() :]))
                return
        self.paragraphs.append([line, []])


# First characters of an item line (`(四)`, `（四）`): STATUTE_ITEM is tried on these only.
_ITEM_OPENERS = frozenset("(（")


def _point(number: int, text: str, subs: list[tuple[int, str]]) -> Point:
    return Point(number, text, tuple(Point(n, t, (), True) for n, t in subs) if subs else ())


def read_body(lines: list[str]) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Articles (with paragraphs, items, sub-items) and the lines outside any article."""
    builder = _Builder()
    add = builder.add
    for raw in lines:
        line = raw.strip().strip("\u3000")
        if line and not line.startswith("<!--"):
            add(line)
    builder.close()
    return tuple(builder.articles), tuple(builder.preamble)
