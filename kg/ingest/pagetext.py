"""Page text: a space-separated table and/or the same items as key-value blocks.

Cells of the table contain spaces themselves (several 《…》 titles in one cell), so spaces
cannot split a row. Each row is anchored on a block instead: the row must start with the
block's category and name, and must read as the block's values joined in header order.
The blocks give the fields; the row is compared and any difference is reported in the
item's notes and the catalog's notes. A row without a block is split on spaces only when
it has exactly one word per column; otherwise it is rejected.
"""

from __future__ import annotations

from kg.ingest.blocks import Entry, group, to_drafts
from kg.ingest.catalog import Catalog, Draft
from kg.ingest.columns import Header, block_key, compact, label, split_glued_header

EXCERPT = 30


def read_page_text(lines: list[str], cat: Catalog) -> None:
    header: Header | None = None
    table: list[tuple[int, str]] = []
    entries: list[Entry] = []
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text:
            continue
        cat.rows_read += 1
        found = split_glued_header(text)
        if found is not None:
            header = header or found
            continue
        key = block_key(text)
        if key is not None and key[0] == "mode" and not entries and header is None:
            cat.preamble(number, text)  # a catalog-wide 公开方式 line above everything
            continue
        if key is not None:
            entries.append((number, *key))
            continue
        if entries:
            cat.reject(number, "line among key-value blocks that starts with no known key", text)
        elif header is None:
            cat.preamble(number, text)
        else:
            table.append((number, text))
    cat.format = "page-text" if header is not None else "key-value"
    drafts = to_drafts(group(entries, cat), cat)
    _merge(table, drafts, header, cat)
    for draft in sorted(drafts, key=lambda d: d.line):
        cat.add(draft)


def _prefix(draft: Draft) -> str:
    return compact(draft.fields.get("category", "") + draft.fields["name"])


def _merge(table: list[tuple[int, str]], drafts: list[Draft], header: Header | None,
           cat: Catalog) -> None:
    free = list(drafts)
    leftover: list[tuple[int, str]] = []
    for number, row in table:
        flat = compact(row)
        match = next((d for d in free if flat.startswith(_prefix(d))), None)
        if match is None:
            leftover.append((number, row))
            continue
        free.remove(match)
        _pair(number, row, match, header, cat)
    if leftover and len(leftover) == len(free):
        # Same number of unmatched rows and blocks: pair them in order and show the difference.
        for (number, row), draft in zip(leftover, sorted(free, key=lambda d: d.line), strict=True):
            _pair(number, row, draft, header, cat)
        return
    for number, row in leftover:
        _table_only(number, row, header, drafts, cat)
    if table:
        for draft in free:
            draft.notes.append("no table row for this item; read from its key-value block only")


def _pair(number: int, row: str, draft: Draft, header: Header | None, cat: Catalog) -> None:
    draft.raw += [("table line", str(number)), ("table row", row)]
    fields = header.fields if header else tuple(draft.fields)
    problem = _difference(row, draft, fields)
    if problem:
        note = f"table row at line {number} disagrees with the key-value block: {problem}"
        draft.notes.append(note)
        cat.notes.append(f"line {draft.line}: {note}")


def _difference(row: str, draft: Draft, fields: tuple[str, ...]) -> str:
    flat, pos = compact(row), 0
    for field in fields:
        value = compact(draft.fields.get(field, ""))
        if flat.startswith(value, pos):
            pos += len(value)
            continue
        where = draft.field_lines.get(field, draft.line)
        return (f"{label(field)} reads {flat[pos:pos + EXCERPT]!r} in the table but "
                f"{value[:EXCERPT]!r} at line {where}")
    if pos < len(flat):
        return f"the table row has extra text {flat[pos:pos + EXCERPT]!r}"
    return ""


def _table_only(number: int, row: str, header: Header | None, drafts: list[Draft],
                cat: Catalog) -> None:
    words = row.split()
    if header is not None and len(words) == header.width:
        fields = {f: words[i] for f, i in header.columns}
        if fields.get("name"):
            raw = list(zip(header.names, words, strict=True))
            drafts.append(Draft(fields=fields, line=number, raw=raw,
                                notes=["split on spaces: one word per column"]))
            return
    width = header.width if header else 0
    cat.reject(number, f"table row that matches no key-value block and cannot be split on "
               f"spaces ({len(words)} words for {width} columns)", row)
