"""An amendment of one act as data: what changed, moved, went and came, by article number.

Read from a small TOML or JSON file (see docs/analysis.md) or derived from the alignment of
two versions (`kg.statutes.diff.align`). Numbers of `changed`, `repealed` and the keys of
`renumbered` are the OLD version's; `added` and the values of `renumbered` are the NEW's.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from kg.analysis.phrase import ArticleNo
from kg.errors import InputError

FIELDS = ("act", "amending", "decree", "date", "old_version", "new_version", "changed",
          "renumbered", "repealed", "added", "note")


@dataclass(frozen=True)
class Amendment:
    act: str  # as `kg depends` takes it: title, short title or decree number
    amending: str = ""  # the amending instrument, e.g. 关于修改〈…〉的决定
    decree: str = ""  # its decree number, when it has one (主席令第X号)
    date: str = ""  # ISO date the amendment was adopted
    old_version: str = ""  # version date of the act before, when known
    new_version: str = ""  # version date after (defaults to `date`)
    changed: frozenset[ArticleNo] = frozenset()
    renumbered: Mapping[ArticleNo, ArticleNo] = field(default_factory=dict)
    repealed: frozenset[ArticleNo] = frozenset()
    added: frozenset[ArticleNo] = frozenset()
    note: str = ""
    file: str = ""

    @property
    def after(self) -> str:
        return self.new_version or self.date

    def new_number(self, old: ArticleNo) -> ArticleNo | None:
        """Where an old article went (itself if not moved); None if repealed."""
        if old in self.repealed:
            return None
        return self.renumbered.get(old, old)

    def old_number(self, new: ArticleNo) -> ArticleNo | None:
        """Where a new article came from; None if it was added."""
        if new in self.added:
            return None
        back = {v: k for k, v in self.renumbered.items()}
        if new in back:
            return back[new]
        if new in self.renumbered:  # its number was taken by a moved article
            return None
        return new

    def describe(self) -> str:
        parts = [self.act]
        if self.amending or self.decree:
            parts.append(" ".join(x for x in (self.amending, self.decree) if x))
        if self.date:
            parts.append(self.date)
        return ", ".join(parts)


def _numbers(raw: Any, field_name: str, file: str) -> frozenset[ArticleNo]:
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise InputError(f"{field_name} must be a list of article numbers", file=file,
                         field=field_name)
    try:
        return frozenset(ArticleNo.parse(x) for x in raw)
    except ValueError as err:
        raise InputError(str(err), file=file, field=field_name) from err


def _date(raw: Any, field_name: str, file: str) -> str:
    if raw in (None, ""):
        return ""
    text = raw.isoformat() if isinstance(raw, Date) else str(raw)
    try:
        return Date.fromisoformat(text[:10]).isoformat()
    except ValueError as err:
        raise InputError(f"not a date (YYYY-MM-DD): {raw!r}", file=file,
                         field=field_name) from err


def from_mapping(data: Mapping[str, Any], file: str = "") -> Amendment:
    """Validate a parsed TOML/JSON document into an Amendment."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}",
                         file=file, field=unknown[0])
    act = str(data.get("act") or "").strip()
    if not act:
        raise InputError("the amendment names no act", file=file, field="act")
    raw_map = data.get("renumbered") or {}
    if not isinstance(raw_map, Mapping):
        raise InputError("renumbered must map old numbers to new ones", file=file,
                         field="renumbered")
    try:
        renumbered = {ArticleNo.parse(k): ArticleNo.parse(v) for k, v in raw_map.items()}
    except ValueError as err:
        raise InputError(str(err), file=file, field="renumbered") from err
    targets = sorted(renumbered.values())
    clash = next((a for a, b in zip(targets, targets[1:], strict=False) if a == b), None)
    if clash is not None:
        raise InputError(f"two articles renumbered to {clash.label()}", file=file,
                         field="renumbered")
    repealed = _numbers(data.get("repealed"), "repealed", file)
    both = repealed & set(renumbered)
    if both:
        raise InputError(f"{min(both).label()} is both repealed and renumbered", file=file,
                         field="repealed")
    return Amendment(
        act=act,
        amending=str(data.get("amending") or ""),
        decree=str(data.get("decree") or ""),
        date=_date(data.get("date"), "date", file),
        old_version=_date(data.get("old_version"), "old_version", file),
        new_version=_date(data.get("new_version"), "new_version", file),
        changed=_numbers(data.get("changed"), "changed", file),
        renumbered=renumbered,
        repealed=repealed,
        added=_numbers(data.get("added"), "added", file),
        note=str(data.get("note") or ""),
        file=file,
    )


def load(path: str | Path) -> Amendment:
    """Read an amendment file: `.toml` or `.json`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the amendment file: {err.strerror}", file=str(path)) from err
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        line = getattr(err, "lineno", None)
        raise InputError(f"not a valid amendment file: {err}", file=str(path), line=line) from err
    if not isinstance(data, Mapping):
        raise InputError("an amendment file holds one object", file=str(path))
    return from_mapping(data, file=str(path))


def _number(value: Any, suffix: int | None = None) -> ArticleNo | None:
    if value in (None, ""):
        return None
    if isinstance(value, int):
        return ArticleNo(value, suffix or 0)
    return ArticleNo.parse(value)


def from_changes(changes: Iterable[Any], act: str, old_version: str = "",
                 new_version: str = "", amending: str = "") -> Amendment:
    """An Amendment from aligned articles (objects with old_number, new_number, status)."""
    changed, repealed, added, renumbered = set(), set(), set(), {}
    for change in changes:
        old = _number(change.old_number, getattr(change, "old_suffix", None))
        new = _number(change.new_number, getattr(change, "new_suffix", None))
        status = str(change.status)
        if old is None and new is not None:
            added.add(new)
        elif new is None and old is not None:
            repealed.add(old)
        elif old is not None and new is not None:
            if old != new:
                renumbered[old] = new
            if status not in ("unchanged", "renumbered"):
                changed.add(old)
    return Amendment(act=act, amending=amending, date=new_version, old_version=old_version,
                     new_version=new_version, changed=frozenset(changed), renumbered=renumbered,
                     repealed=frozenset(repealed), added=frozenset(added))


def to_toml(amendment: Amendment) -> str:
    """The amendment as a TOML file in the documented format (for `kg impact --save`)."""
    def lst(items: Iterable[ArticleNo]) -> str:
        return "[" + ", ".join(f'"{a}"' for a in sorted(items)) + "]"

    lines = [f"act = {json.dumps(amendment.act, ensure_ascii=False)}"]
    for name in ("amending", "decree", "date", "old_version", "new_version", "note"):
        value = getattr(amendment, name)
        if value:
            lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    lines += [f"changed = {lst(amendment.changed)}", f"repealed = {lst(amendment.repealed)}",
              f"added = {lst(amendment.added)}", "", "[renumbered]"]
    lines += [f'"{k}" = "{v}"' for k, v in sorted(amendment.renumbered.items())]
    return "\n".join(lines) + "\n"
