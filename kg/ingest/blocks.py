"""Key-value blocks (`事项类别 X` / `事项名称 Y` / … one key per line) -> drafts.

A block starts at a 事项类别 line, or at a 事项名称 line when the open block already has a
name. Every field keeps the line it was written on (Item.field_lines); the item's line is
the block's first line. A key with an empty value is legal (the cell was empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.ingest.catalog import Catalog, Draft
from kg.ingest.columns import label


@dataclass
class Block:
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    raw: list[tuple[str, str]] = field(default_factory=list)


Entry = tuple[int, str, str, str]  # line, field, key as written, value


def group(entries: list[Entry], cat: Catalog) -> list[Block]:
    """Blocks from key lines in file order; repeated keys inside a block are rejected."""
    blocks: list[Block] = []
    current: Block | None = None
    for line, fld, key, value in entries:
        starts = (
            current is None
            or (fld == "category" and bool(current.fields))
            or (fld == "name" and "name" in current.fields)
        )
        if starts:
            current = Block(start=line, end=line)
            blocks.append(current)
        elif fld in current.fields:
            cat.reject(line, f"repeated key {key} in the block starting at line {current.start}",
                       f"{key} {value}")
            continue
        current.fields[fld] = value
        current.lines[fld] = line
        current.raw.append((key, value))
        current.end = line
    return blocks


def to_drafts(blocks: list[Block], cat: Catalog) -> list[Draft]:
    """Drafts for blocks with a name; a block without one becomes a rejection."""
    drafts = []
    for block in blocks:
        if not block.fields.get("name"):
            text = " / ".join(f"{k} {v}".strip() for k, v in block.raw)
            cat.reject(block.start, f"key-value block (lines {block.start}-{block.end}) "
                       f"without {label('name')}", text)
            continue
        drafts.append(Draft(fields=dict(block.fields), line=block.start, raw=list(block.raw),
                            field_lines=dict(block.lines)))
    return drafts
