"""Print lists of records as an aligned table, CSV or JSON.

Records are dicts with plain English keys; JSON output is the list of records as it is.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMATS = ("table", "csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def display_width(text: str) -> int:
    """Terminal columns taken by text: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if display_width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def render(
    records: Sequence[Mapping[str, Any]],
    fmt: str = "table",
    columns: Sequence[str] | None = None,
    max_width: int = 60,
) -> str:
    """Render records in one of FORMATS. `columns` fixes order (default: keys of the first)."""
    if fmt == "json":
        return json.dumps(list(records), ensure_ascii=False, indent=2, default=str) + "\n"
    cols = list(columns) if columns else _columns(records)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for rec in records:
            writer.writerow([_cell(rec.get(c)) for c in cols])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}")
    if not records:
        return "(no results)\n"
    rows = [[_clip(_cell(rec.get(c)), max_width) for c in cols] for rec in records]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in rows]) for i, c in enumerate(cols)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"


def _columns(records: Iterable[Mapping[str, Any]]) -> list[str]:
    cols: list[str] = []
    for rec in records:
        for k in rec:
            if k not in cols:
                cols.append(k)
    return cols
