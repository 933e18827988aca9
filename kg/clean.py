"""Cleaning of catalog cells before the citation grammar reads them: a registry of named steps.

Each step takes text and returns the new text and the changes it made. `clean` runs the steps in
registry order; the caller turns changes into `Repair` records (file, line, field) so every
change to catalog text is reported with the original.

Canonical forms chosen for legal text (documented in docs/citations.md): full-width brackets
（）, colon ：, comma ，and semicolon ；; nested titles 〈〉; ASCII digits; no layout spaces inside
Chinese text or document numbers; simplified characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import patterns as P


@dataclass(frozen=True)
class Change:
    """One change a step made: `original` and `repaired` fragments, `guess` if not certain."""

    rule: str
    original: str
    repaired: str
    guess: bool = False


Step = Callable[[str], tuple[str, list[Change]]]
STEPS: dict[str, Step] = {}
# Cleaned cells remembered: catalogs copied from templates repeat the same cell text across
# thousands of agencies, and keys clean the same titles again and again.
CLEAN_CACHE_SIZE = 1 << 13
# Passes over the steps before giving up on a fixed point (two suffice in practice).
MAX_PASSES = 4


@lru_cache(maxsize=CLEAN_CACHE_SIZE)
def _clean(text: str, steps: tuple[str, ...] | None) -> tuple[str, tuple[Change, ...]]:
    """`clean`, remembered: every step is a pure function of the text and results are
    immutable. None stands for all steps, which keeps the key cheap to hash."""
    changes: list[Change] = []
    # One step can expose work for an earlier one (removing the space in `" "0` leaves a
    # quoted cell), so the steps run again until the text is stable: clean(clean(x)) == clean(x).
    for _ in range(MAX_PASSES):
        before = text
        for name in steps or tuple(STEPS):
            text, made = STEPS[name](text)
            changes.extend(made)
        if text == before:
            break
    return text, tuple(changes)


def step(name: str) -> Callable[[Step], Step]:
    """Register a cleaning step under `name`; registry order is run order."""

    def register(fn: Step) -> Step:
        STEPS[name] = fn
        _clean.cache_clear()  # results remembered from the old registry would be stale
        return fn

    return register


def _whole(rule: str, before: str, after: str, guess: bool = False) -> list[Change]:
    return [Change(rule, before, after, guess)] if before != after else []


@step("csv-quotes")
def strip_csv_quotes(text: str) -> tuple[str, list[Change]]:
    """Surrounding CSV quotes left on a cell: "《…》…" -> 《…》…, "" inside -> "."""
    m = P.CSV_WRAP.match(text)
    # A quote left on one end only (the other end cut off by a row split) goes as well: Chinese
    # text never uses the ASCII double quote.
    out = m.group(1).replace('""', '"') if m else text.strip().strip('"')
    return out, _whole("csv-quotes", text, out)


@step("html")
def strip_html(text: str) -> tuple[str, list[Change]]:
    """HTML tags (<p>, </p>, <br/>) become a space, entities (&nbsp; &lt;) their character."""
    out = html.unescape(P.HTML_TAG.sub(" ", text)).replace("\u00a0", " ").strip()
    return out, _whole("html", text, out)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _convertible() -> frozenset[str]:
    """Characters without which OpenCC's t2s leaves text unchanged.

    OpenCC replaces dictionary entries (phrases and characters) found in the text. An entry
    whose replacement differs has a character that the replacement changes (or, when the
    lengths differ, any of its characters); text holding none of those can match only entries
    that replace it by itself. Converting is slow, and most cells are simplified already.
    """
    chars: set[str] = set()
    for group in _t2s()._dict_chain_data:
        for _, _, table in group:
            for key, value in table.items():
                if len(key) != len(value):
                    chars.update(key)
                else:
                    chars.update(k for k, v in zip(key, value, strict=True) if k != v)
    return frozenset(chars)


@step("traditional")
def to_simplified(text: str) -> tuple[str, list[Change]]:
    """Traditional characters read as simplified (國務院令第711號 -> 国务院令第711号)."""
    if _convertible().isdisjoint(text):
        return text, []
    out = _t2s().convert(text)
    return out, _whole("traditional", text, out)


@step("pinyin")
def strip_pinyin(text: str) -> tuple[str, list[Change]]:
    """Pinyin injected after a character goes: 業(yè) -> 業."""
    changes = [Change("pinyin", m.group(0), "") for m in P.PINYIN_GLOSS.finditer(text)]
    return P.PINYIN_GLOSS.sub("", text), changes


_WIDE = str.maketrans({"(": "（", ")": "）", ";": "；", "!": "！", "?": "？"})


@step("width")
def canonical_width(text: str) -> tuple[str, list[Change]]:
    """One width per sign: full-width digits and letters become ASCII; ASCII brackets, colons,
    commas and semicolons become full-width (colons and commas between digits stay)."""
    out = "".join(
        unicodedata.normalize("NFKC", c) if "０" <= c <= "ｚ" and c.isalnum() else c for c in text
    )
    out = out.translate(_WIDE)
    out = P.NARROW_COMMA.sub("，", P.NARROW_COLON.sub("：", out))
    return out, _whole("width", text, out)


@step("nested-title")
def nested_titles(text: str) -> tuple[str, list[Change]]:
    """Inside a 《title》, a nested title in <…> or ＜…＞ is written 〈…〉."""

    def fix(m: re.Match[str]) -> str:
        return P.NESTED_ANGLE.sub(r"〈\1〉", m.group(0))

    out = P.TITLE_SPAN.sub(fix, text)
    return out, _whole("nested-title", text, out)


@step("spaces")
def remove_inner_spaces(text: str) -> tuple[str, list[Change]]:
    """Layout spaces inside Chinese words and document numbers go (行政 执法, 〔2024 〕9号,
    国务院 令第 711 号); a space before 《 separates two citations and stays (as one space)."""

    def drop(m: re.Match[str]) -> str:
        pair = text[m.start() - 1] + text[m.end()]
        return " " if pair.isascii() and pair.isdigit() else ""

    out = P.SPACE_BEFORE_TITLE.sub(" ", P.INNER_SPACE.sub(drop, text)).strip()
    return out, _whole("spaces", text, out)


@step("spam-title")
def repair_spam_in_titles(text: str) -> tuple[str, list[Change]]:
    """`365体育官网` inside a title stands where 关于 was (…厅365体育官网印发…的通知). Certain when
    the title has the 关于…的通知/意见 shape and no 关于 of its own; a guess otherwise."""
    changes: list[Change] = []

    def fix(m: re.Match[str]) -> str:
        title = m.group(0)
        if not P.SPAM.search(title):
            return title
        repaired = P.SPAM.sub("关于", title, count=1)
        certain = "关于" not in title and bool(P.ABOUT_TITLE_END.search(title))
        changes.append(Change("spam-title", title, repaired, guess=not certain))
        return repaired

    return P.TITLE_SPAN.sub(fix, text), changes


def clean(text: str, steps: tuple[str, ...] | None = None) -> tuple[str, tuple[Change, ...]]:
    """Run the named steps (default: all, in registry order) and return text and changes."""
    return _clean(text, tuple(steps) if steps else None)


def clean_text(text: str) -> str:
    """Cleaned text alone, for matching and keys."""
    return clean(text)[0]


def has_spam(text: str) -> bool:
    return bool(P.SPAM.search(text))


def fill_spam(quote: str, reference: str, context: int = 6) -> str | None:
    """What stood where spam is in a quote, read from the reference text of the quoted place.

    The words around the spam (up to `context` characters each side, cleaned the same way) must
    occur in the reference with at most 20 characters between them; those are the lost words.
    Returns the repaired quote, or None when the reference does not show them unambiguously.
    """
    ref = clean_text(reference)
    out = quote
    for m in list(P.SPAM.finditer(quote))[::-1]:
        before = out[max(0, m.start() - context) : m.start()]
        after = out[m.end() : m.end() + context]
        lost = _between(ref, before, after)
        if lost is None:
            return None
        out = out[: m.start()] + lost + out[m.end() :]
    return out


def _between(text: str, before: str, after: str, limit: int = 20) -> str | None:
    """The one string (1..limit characters) that stands between `before` and `after` in text.
    Without words on both sides nothing is anchored: None."""
    if not before or not after:
        return None
    found = set()
    start = text.find(before)
    while start != -1:
        lo = start + len(before)
        end = text.find(after, lo + 1)
        if end != -1 and end - lo <= limit:
            found.add(text[lo:end])
        start = text.find(before, start + 1)
    return found.pop() if len(found) == 1 else None
