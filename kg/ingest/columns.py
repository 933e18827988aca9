"""Column and key names of disclosure catalogs, with the synonyms real catalogs use.

Header cells and block keys are compared after removing all whitespace and decoration
(`*`, colons), so `公开 责任` and `公开责任：` both name the responsibility column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Item field -> names catalogs print for it. The first name is the standard template's.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "category": ("事项类别", "类别", "信息类别", "事项分类", "公开事项类别", "一级事项", "一级目录"),
    "name": (
        "事项名称", "名称", "公开事项", "公开事项名称", "信息名称", "二级事项", "二级目录", "事项",
    ),
    "content": ("公开内容", "内容", "公开内容（要素）", "公开内容(要素)", "公开要素", "信息内容"),
    "basis": ("公开依据", "依据", "政策依据", "法律依据", "公开依据名称"),
    "provisions": ("条款内容", "依据条款", "具体条款", "法规条款", "条款", "依据条款内容"),
    "channel": ("公开渠道", "渠道", "公开途径", "公开载体", "公开渠道和载体", "公开平台"),
    "time_limit": ("公开时限", "时限", "公开时间"),
    "mode": ("公开方式", "方式", "公开形式", "公开属性"),
    "responsibility": (
        "公开责任", "责任部门", "责任科室", "责任单位", "公开责任部门", "公开责任单位",
        "公开责任科室", "责任股室", "责任处室", "责任主体", "公开主体单位",
    ),
}

# Columns that are known but carry no item field (kept in Item.raw only).
IGNORED = ("序号", "编号", "备注")

_LOOKUP: dict[str, str] = {
    name: field for field, names in SYNONYMS.items() for name in names
}
_IGNORED_MARK = "-"
_ALL_NAMES = sorted([*_LOOKUP, *IGNORED], key=len, reverse=True)
_DECORATION = "*＊:："
# Block keys must be unambiguous at the start of a free-text line: only names of 4+ characters.
_BLOCK_KEYS = sorted((n for n in _LOOKUP if len(n) >= 4), key=len, reverse=True)


def _by_first_character(names: list[str]) -> dict[str, tuple[str, ...]]:
    """Names grouped by first character, in their order (longest first): only one group can
    match at a given position, so the others are not tried at all."""
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(name[0], []).append(name)
    return {first: tuple(group) for first, group in groups.items()}


_ALL_NAMES_BY_FIRST = _by_first_character(_ALL_NAMES)
_BLOCK_KEYS_BY_FIRST = _by_first_character(_BLOCK_KEYS)


def compact(text: str) -> str:
    """Text with all whitespace removed (used for names, idents and comparisons)."""
    return "".join(text.split())


@lru_cache(maxsize=4096)
def field_of(cell: str) -> str | None:
    """The item field a header cell names, `-` for a known ignored column, else None.

    Every data row is tried as a header (a catalog may restart its table), so a cell far
    longer than any header name, spaces and decoration included, is refused before it is
    compacted: that keeps the test cheap on long 条款内容 cells."""
    if len(cell) > _LONGEST_HEADER_CELL:
        return None
    key = compact(cell).strip(_DECORATION)
    if key in IGNORED:
        return _IGNORED_MARK
    return _LOOKUP.get(key)


# Header names are a few characters; allow spaces between every character plus decoration.
_LONGEST_HEADER_CELL = 2 * max(len(k) for k in (*_LOOKUP, *IGNORED)) + 8


@dataclass(frozen=True)
class Header:
    """Where each field sits in a table: field -> column index, plus the header as written."""

    columns: tuple[tuple[str, int], ...]
    names: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for f, _ in self.columns)

    @property
    def width(self) -> int:
        return len(self.names)


def may_be_header(cells: Sequence[str]) -> bool:
    """False when no (stripped) cell names 事项名称 or a synonym: then it is not a header.

    Every row of a table is tried as a header, and this test is all a data row costs
    (field_of is cached, and map/in loop in C)."""
    return "name" in map(field_of, cells)


def match_header(cells: Sequence[str]) -> Header | None:
    """A Header if these cells are a catalog's header row, else None.

    It must name 事项名称 and at least two other fields, and unknown cells must not outnumber
    the known ones (a table of unrelated columns is not a catalog).
    """
    names = tuple(c.strip() for c in cells)
    while names and not names[-1]:
        names = names[:-1]
    return _match_names(names) if may_be_header(names) else None


@lru_cache(maxsize=1024)
def _match_names(names: tuple[str, ...]) -> Header | None:
    """match_header of stripped cells. Cached: catalogs made from one template share their
    header row, and format sniffing has already matched it once. (A Header is immutable.)"""
    fields = [field_of(cell) if cell else _IGNORED_MARK for cell in names]
    # Most rows are data: decide before writing any note.
    known = set(fields) - {None, _IGNORED_MARK}
    if "name" not in known or len(known) < 3 or fields.count(None) > len(known):
        return None
    columns: list[tuple[str, int]] = []
    notes: list[str] = []
    for index, (cell, field) in enumerate(zip(names, fields, strict=True)):
        if field is None:
            notes.append(f"column {index + 1} {cell!r} is not a catalog column; kept in raw cells")
        elif field == _IGNORED_MARK:
            continue
        elif field in dict(columns):
            notes.append(f"column {index + 1} {cell!r} repeats {field}; the first one is used")
        else:
            columns.append((field, index))
    return Header(tuple(columns), names, tuple(notes))


def split_glued_header(line: str) -> Header | None:
    """A Header from a space-separated header line (`事项类别 事项名称 …`), else None.

    Spaces may also sit inside a name (`公开 责任`), so the line is read without whitespace
    as a sequence of known names, longest name first.
    """
    text = compact(line)
    names: list[str] = []
    pos = 0
    while pos < len(text):
        for name in _ALL_NAMES_BY_FIRST.get(text[pos], ()):
            if text.startswith(name, pos):
                names.append(name)
                pos += len(name)
                break
        else:
            return None
    return match_header(names)


def block_key(line: str) -> tuple[str, str, str] | None:
    """(field, key as written, value) if a line is a `key value` line of a key-value block.

    The key is followed by whitespace, a colon or the end of the line; the value may be empty.
    """
    text = line.strip()
    for key in _BLOCK_KEYS_BY_FIRST.get(text[:1], ()):
        if not text.startswith(key):
            continue
        rest = text[len(key):]
        if rest and not (rest[0].isspace() or rest[0] in ":："):
            continue
        value = rest.lstrip()
        if value[:1] in (":", "："):
            value = value[1:]
        return _LOOKUP[key], key, value.strip()
    return None


def label(field: str) -> str:
    """The standard Chinese column name of a field (for messages and raw cells)."""
    return SYNONYMS[field][0]
