"""Departments: split a 公开责任 cell into units of the item's agency.

`法规信访股（审批服务股）、各业务部门` gives the unit 法规信访股 (alias 审批服务股) and the collective
unit 各业务部门. Units are separated by 、 ， ； and 及 (办公室及各业务部门); layout spaces inside a
name go (劳动保障 监察股). Every unit belongs to the agency of the catalog it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from kg import patterns as P
from kg.clean import clean_text
from kg.models import Item, Responsibility, Unit, fast_constructor


def split_units(cell: str) -> list[tuple[str, tuple[str, ...]]]:
    """(name, aliases) of each unit named in a 公开责任 cell, in order, without repeats."""
    return list(_split_units(cell))


@lru_cache(maxsize=1 << 12)
def _split_units(cell: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """split_units, remembered: agencies copied from one template name the same units."""
    text = "".join(clean_text(cell).split())
    out: list[tuple[str, tuple[str, ...]]] = []
    for part in P.UNIT_SEPARATOR.split(text):
        part = part.strip()
        if not part:
            continue
        m = P.UNIT_ALIAS.match(part)
        name, aliases = (m.group("name"), (m.group("alias"),)) if m else (part, ())
        if name not in [n for n, _ in out]:
            out.append((name, aliases))
    return tuple(out)


@lru_cache(maxsize=1 << 12)  # agencies name the same units
def is_collective(name: str) -> bool:
    """各相关业务部门, 相关业务部门, 各业务部门, 各社会保险经办机构: many units, not one."""
    return bool(P.COLLECTIVE_UNIT.search(name))


def units_of(items: Iterable[Item]) -> tuple[tuple[Unit, ...], tuple[Responsibility, ...]]:
    """Units (merged per agency and name, aliases united) and item -> unit responsibilities."""
    responsibility, unit = fast_constructor(Responsibility), fast_constructor(Unit)
    responsibilities: list[Responsibility] = []
    # Agencies copied from one template repeat their cells: units are merged once per agency
    # and distinct cell.
    cells: dict[str, set[str]] = {}
    for item in items:
        units = _split_units(item.responsibility)
        if not units:
            continue
        agency, ident, file = item.agency, item.ident, item.file
        line = item.line_of("responsibility") if item.field_lines else item.line
        for name, _ in units:
            responsibilities.append(responsibility(agency, ident, name, file, line))
        seen = cells.get(agency)
        if seen is None:
            seen = cells[agency] = set()
        seen.add(item.responsibility)
    out: list[Unit] = []
    for agency in sorted(cells):
        aliases: dict[str, set[str]] = {}
        for text in cells[agency]:
            for name, alias in _split_units(text):
                aliases.setdefault(name, set()).update(alias)
        for name in sorted(aliases):
            out.append(unit(agency, name, tuple(sorted(aliases[name])), is_collective(name)))
    return tuple(out), tuple(responsibilities)
