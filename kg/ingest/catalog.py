"""Collects what a reader finds in one file and turns it into a CatalogRead.

Readers add drafts (fields as written), rejections and preamble lines; `finish` settles the
agency, continues empty categories, fills a catalog-wide 公开方式, and makes idents unique.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import FormatError
from kg.ingest.columns import compact, label
from kg.ingest.preamble import classify
from kg.models import CatalogRead, Item, Rejection


@dataclass
class Draft:
    """An item before the agency and ident are known."""

    fields: dict[str, str]
    line: int
    # A list while a reader may still add to it (page text), else already Item.raw's tuple.
    raw: list[tuple[str, str]] | tuple[tuple[str, str], ...] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    field_lines: dict[str, int] = field(default_factory=dict)


@dataclass
class Catalog:
    file: str
    format: str
    encoding: str
    agency_option: str | None = None
    rows_read: int = 0
    drafts: list[Draft] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title_agency: tuple[str, int] | None = None
    line_agency: tuple[str, int] | None = None
    mode: tuple[str, int] | None = None

    def reject(self, line: int, reason: str, text: str = "") -> None:
        self.rejections.append(Rejection(self.file, line, reason, text.strip()))

    def preamble(self, line: int, text: str) -> None:
        """A non-blank line above the header: title, agency line, or a rejection."""
        found = classify(text)
        if found.kind == "title" and found.agency and self.title_agency is None:
            self.title_agency = (found.agency, line)
        elif found.kind == "agency":
            if found.agency and self.line_agency is None:
                self.line_agency = (found.agency, line)
            if found.mode and self.mode is None:
                self.mode = (found.mode, line)
        if found.kind == "other" or (found.kind == "title" and not found.agency):
            self.reject(line, "stray text above the header (not a title or agency line)",
                        text)

    def add(self, draft: Draft) -> None:
        self.drafts.append(draft)

    def agency(self) -> str:
        found = [a for a in (self.line_agency, self.title_agency) if a]
        if self.agency_option:
            chosen = compact(self.agency_option)
            for name, line in found:
                if name != chosen:
                    self.notes.append(f"--agency {chosen} used; line {line} names {name}")
            return chosen
        if not found:
            raise FormatError(
                "the catalog names no agency (no title or 公开主体 line); pass --agency",
                file=self.file,
            )
        if len(found) == 2 and found[0][0] != found[1][0]:
            self.notes.append(
                f"agency line {found[0][1]} names {found[0][0]}, title line {found[1][1]} "
                f"names {found[1][0]}; the agency line is used"
            )
        return found[0][0]

    def finish(self) -> CatalogRead:
        agency = self.agency()
        items: list[Item] = []
        seen: dict[str, int] = {}
        category, category_line = "", 0
        for draft in self.drafts:
            get = draft.fields.get
            lines = draft.field_lines  # copied before a change only (most items have none)
            if get("category"):
                category, category_line = get("category"), lines.get("category", draft.line)
            elif category:
                # An empty 事项类别 continues the one above (a merged cell), even across blanks.
                lines = {**lines, "category": category_line}
            mode = get("mode", "")
            if "mode" not in draft.fields and self.mode:
                mode, mode_line = self.mode
                lines = {**lines, "mode": mode_line}
            name = get("name", "")
            base = compact(name)
            count = seen[base] = seen.get(base, 0) + 1
            ident = base
            if count > 1:
                ident = f"{base}~{count}"
                draft.notes.append(f"{label('name')} repeats an earlier item; ident {ident}")
            # The fields are passed one by one: building a dict for **values would cost more
            # than the rest of this loop (one Item per catalog row).
            items.append(
                Item(
                    agency=agency,
                    ident=ident,
                    category=category,
                    name=name,
                    content=get("content", ""),
                    basis=get("basis", ""),
                    provisions=get("provisions", ""),
                    channel=get("channel", ""),
                    time_limit=get("time_limit", ""),
                    mode=mode,
                    responsibility=get("responsibility", ""),
                    file=self.file,
                    line=draft.line,
                    raw=tuple(draft.raw),
                    notes=tuple(draft.notes),
                    field_lines=_other_lines(lines, draft.line),
                )
            )
        if self.mode and any("mode" not in d.fields for d in self.drafts):
            self.notes.append(f"{label('mode')} {self.mode[0]} from line {self.mode[1]} applies to "
                              "every item (the table has no such column)")
        return CatalogRead(
            file=self.file,
            format=self.format,
            encoding=self.encoding,
            agency=agency,
            rows_read=self.rows_read,
            items=tuple(items),
            rejections=tuple(sorted(self.rejections, key=lambda r: r.line)),
            notes=tuple(self.notes),
        )


def _other_lines(lines: dict[str, int], line: int) -> tuple[tuple[str, int], ...]:
    """Item.field_lines: the fields written on another line than the item's, sorted."""
    if not lines:
        return ()
    return tuple(sorted((f, n) for f, n in lines.items() if n != line))
