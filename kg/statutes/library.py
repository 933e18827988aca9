"""The statute library: every act of ../shared/statutes, indexed for matching and quoting.

`Library.load(path)` reads all Markdown acts and index.sqlite3 (level, validity) in about a
second: it reads each act's header (title, history) and leaves the body until the act's
articles are first used. Lookups by id, decree number and title are dict lookups; matches
are remembered per reference.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import patterns as P
from kg.errors import StatuteError
from kg.models import DocumentRef, Pinpoint
from kg.statutes.model import Act, Article, Paragraph, Point
from kg.statutes.normalise import decree_number, title_key
from kg.statutes.parse import ParsedAct, parse_act

# Level of an act whose file the index does not list, from its top folder.
_FOLDER_LEVELS = {
    "行政法规": "行政法规",
    "部门规章": "部门规章",
    "司法解释": "司法解释",
    "宪法": "宪法",
}
_SKIPPED_FILES = {"_index.md", "README.md"}
# History kinds that make a new text (a version); 施行 only brings one into force.
_TEXT_EVENTS = {"公布", "通过", "修订", "修正", "批准", "印发"}


@dataclass(frozen=True)
class _Row:
    level: str
    name: str
    publish: str
    expired: bool
    valid_from: str


@dataclass
class Library:
    """All acts of one library folder, with indexes. Build with `Library.load`."""

    root: Path
    acts: tuple[Act, ...] = ()
    problems: tuple[str, ...] = ()  # files skipped, with the reason
    by_id: dict[str, Act] = field(default_factory=dict, repr=False)
    versions: dict[str, tuple[Act, ...]] = field(default_factory=dict, repr=False)
    by_number: dict[str, tuple[Act, ...]] = field(default_factory=dict, repr=False)
    by_title: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # built lazily by kg.statutes.match (a FuzzyIndex; serial -> acts)
    fuzzy_index: Any = field(default=None, repr=False, compare=False)
    serial_index: dict[str, list[Act]] | None = field(default=None, repr=False, compare=False)
    # (title, number, on_date) -> Match | None: the build asks for each document twice
    _matches: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: str | Path) -> Library:
        """Read every act under `path`. Raises StatuteError when it is not a statute library."""
        root = Path(path)
        if not root.is_dir():
            raise StatuteError("statute library folder not found", file=str(root))
        files = sorted(f for f in root.rglob("*.md") if f.name not in _SKIPPED_FILES)
        if not files:
            raise StatuteError("no Markdown acts in the statute library folder", file=str(root))
        rows = _read_index(root / "index.sqlite3")
        parsed: list[tuple[Path, ParsedAct]] = []
        problems: list[str] = []
        for f in files:
            _read_file(root, f, parsed, problems)
        acts = _make_acts(root, parsed, rows, problems)
        return cls.from_acts(acts, root=root, problems=problems)

    @classmethod
    def from_acts(cls, acts: Iterable[Act], root: Path = Path("."), problems=()) -> Library:
        """A library of given acts (tests build small ones); later versions expire earlier ones."""
        lib = cls(root=root, problems=tuple(problems))
        works: dict[str, list[Act]] = defaultdict(list)
        for act in acts:
            works[act.short_title].append(act)
        final: list[Act] = []
        for short, versions in works.items():
            versions.sort(key=lambda a: a.version_date)
            newest = versions[-1]
            for act in versions:
                if act is not newest and not act.expired:
                    act = _replace(act, expired=True)
                final.append(act)
            lib.versions[short] = tuple(a for a in final[-len(versions) :])
        lib.acts = tuple(sorted(final, key=lambda a: a.id))
        lib.by_id = {a.id: a for a in lib.acts}
        numbers: dict[str, list[Act]] = defaultdict(list)
        titles: dict[str, list[str]] = defaultdict(list)
        for act in lib.acts:
            for n in act.decree_numbers:
                numbers[n].append(act)
            for name in (act.title, act.short_title, *act.alt_titles):
                key = title_key(name, traditional=False)
                if key and act.short_title not in titles[key]:
                    titles[key].append(act.short_title)
        lib.by_number = {k: tuple(v) for k, v in numbers.items()}
        lib.by_title = {k: tuple(v) for k, v in titles.items()}
        return lib

    # --- lookups ------------------------------------------------------------------------
    def act(self, act_id: str) -> Act | None:
        return self.by_id.get(act_id)

    def related_versions(self, act_id: str) -> tuple[Act, ...]:
        """Every version of the act `act_id` is one of (itself included), oldest first."""
        act = self.by_id.get(act_id)
        return self.versions.get(act.short_title, ()) if act else ()

    def find(self, name: str) -> Act | None:
        """An act by id, decree number or title (the newest version); None if unknown."""
        if name in self.by_id:
            return self.by_id[name]
        found = self.match(DocumentRef(title=name)) or self.match(DocumentRef(number=name))
        return found.act if found else None

    def match(self, ref: DocumentRef, on_date: str | None = None):
        """The act a catalog's reference names (see kg.statutes.match.match_ref)."""
        key = (ref.title, ref.number, on_date)
        if key not in self._matches:
            from kg.statutes.match import match_ref

            self._matches[key] = match_ref(self, ref, on_date)
        return self._matches[key]

    # --- text -----------------------------------------------------------------------------
    def text(self, act_id: str, pinpoint: Pinpoint | None = None) -> str | None:
        """Words at a pinpoint of an act (the whole act for an empty one); None if not there."""
        act = self.by_id.get(act_id)
        if act is None:
            return None
        node = locate(act, pinpoint or Pinpoint())
        if node is None:
            return None
        if isinstance(node, Act):
            return full_text(node)
        return node.text if isinstance(node, Article) else node.full_text

    def reference_text(self, ref: DocumentRef | str, pinpoint: Pinpoint) -> str | None:
        """What a statute says at a pinpoint, for a reference or an act id.

        The citations stage calls this to repair spam in a quote with the words that stood
        there (国务院令第711号 第十二条 reads 政府信息公开目录).
        """
        if isinstance(ref, str):
            act = self.find(ref)
        else:
            found = self.match(ref)
            act = found.act if found else None
        return self.text(act.id, pinpoint) if act else None


def _read_file(root: Path, f: Path, parsed: list, problems: list[str]) -> None:
    """Parse one file of the library into `parsed`, or say in `problems` why it is skipped."""
    try:
        act = parse_act(f.read_text(encoding="utf-8"), str(f), lazy=True)
    except (UnicodeDecodeError, ValueError) as err:
        problems.append(f"{f.relative_to(root)}: {err}")
        return
    # 其他/ also holds guides and technical standards: without a history or an article
    # they are not acts; elsewhere a text of bare paragraphs still is one.
    top = f.relative_to(root).parts[0]
    if not act.history and not act.articles and (top == "其他" or not act.preamble):
        problems.append(f"{f.relative_to(root)}: not an act (no history, no articles)")
        return
    parsed.append((f, act))


def load_act_file(path: str | Path) -> Act:
    """One act from a single Markdown file, outside any library (for `kg diff OLD.md NEW.md`)."""
    f = Path(path)
    try:
        doc = parse_act(f.read_text(encoding="utf-8"), str(f))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise StatuteError(f"cannot read the act: {err}", file=str(f)) from err
    return _make_act(f.parent, f, doc, {})


@lru_cache(maxsize=4)
def cached_library(path: str) -> Library:
    """One loaded library per folder per process (tests and long-lived callers share it)."""
    return Library.load(path)


def full_text(act: Act) -> str:
    lines = list(act.preamble)
    for art in act.articles:
        lines.append(f"{art.label} {art.text}")
    return "\n".join(lines)


def locate(act: Act, pin: Pinpoint) -> Act | Article | Paragraph | Point | None:
    """The most specific part of `act` a pinpoint names, or None when the act lacks it."""
    if pin.is_empty or pin.whole:
        return act
    if pin.article is None:
        return None  # sections of policy documents: acts of the library have none
    article = act.article(pin.article, pin.article_suffix)
    if article is None:
        return None
    if pin.item is None:
        if pin.paragraph is None:
            return article
        return _nth(article.paragraphs, pin.paragraph)
    found = item_of(article, pin.item, pin.paragraph)
    if found is None:
        return None
    point = found[1]
    if pin.subitem is None:
        return point
    return _nth(point.subitems, pin.subitem)


def item_of(article: Article, item: int, paragraph: int | None = None):
    """(paragraph, item) for 第X条(N): in the paragraph named, else the one whose items have N."""
    paragraphs = article.paragraphs
    if paragraph is not None:
        para = _nth(paragraphs, paragraph)
        paragraphs = (para,) if para else ()
    for para in paragraphs:
        for point in para.items:
            if point.number == item:
                return para, point
    return None


def _nth(parts, number: int):
    return next((x for x in parts if x.number == number), None)


def _replace(act: Act, **changes) -> Act:
    from dataclasses import replace

    return replace(act, **changes)


def _read_index(db: Path) -> dict[tuple[str, str], list[_Row]]:
    """Rows of index.sqlite3 by (folder, name); empty when the library has no index."""
    if not db.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            cur = con.execute(
                "SELECT c.folder, coalesce(l.filename, l.name), l.level, l.name, l.publish,"
                " l.expired, l.valid_from FROM law l JOIN category c ON c.id = l.category_id"
            )
            out: dict[tuple[str, str], list[_Row]] = defaultdict(list)
            for folder, stem, level, name, publish, expired, valid_from in cur:
                row = _Row(level, name, publish or "", bool(expired), valid_from or "")
                out[(folder, stem)].append(row)
            return out
        finally:
            con.close()
    except sqlite3.Error as err:
        raise StatuteError(f"cannot read the library index: {err}", file=str(db)) from err


def _make_acts(root, parsed, rows, problems: list[str]) -> list[Act]:
    acts: dict[str, Act] = {}
    parts: dict[tuple[str, str], list[tuple[Path, ParsedAct]]] = defaultdict(list)
    for f, doc in parsed:
        if doc.subtitle:  # a part of a code (民法典 总则): joined into one act below
            parts[(str(f.parent.relative_to(root)), doc.title)].append((f, doc))
            continue
        act = _make_act(root, f, doc, rows)
        if act.id in acts:
            problems.append(f"{act.path}: a second file for {act.id}; kept {acts[act.id].path}")
            continue
        acts[act.id] = act
    for (_, title), files in sorted(parts.items()):
        act = _join_parts(root, title, files, rows)
        acts.setdefault(act.id, act)
    return list(acts.values())


def _make_act(root: Path, f: Path, doc: ParsedAct, rows) -> Act:
    m = P.STATUTE_FILE_NAME.match(f.name)
    short = m["title"] if m else f.stem
    folder = str(f.parent.relative_to(root))
    candidates = rows.get((folder, short), [])
    row = next((r for r in candidates if m and r.publish == m["date"]), None)
    row = row or (candidates[0] if len(candidates) == 1 else None)
    version = (m["date"] if m else "") or (row.publish if row else "") or _last_text_date(doc)
    valid_from = (row.valid_from if row else "") or next(
        (e.date for e in reversed(doc.history) if e.kind == "施行"), ""
    )
    return Act(
        id=f"{short}@{version}" if version else short,
        title=doc.title,
        short_title=short,
        level=(row.level if row else "") or _FOLDER_LEVELS.get(folder.split("/")[0], "法律"),
        version_date=version,
        valid_from=valid_from,
        expired=row.expired if row else False,
        decree_numbers=doc.decree_numbers,
        history=doc.history,
        articles=doc.articles,
        preamble=doc.preamble,
        path=str(f.relative_to(root)),
    )


def _join_parts(root: Path, title: str, files, rows) -> Act:
    """One act from the files of a code's parts (the 民法典's 总则, 物权编 ... 附则)."""
    first = _make_act(root, files[0][0], files[0][1], rows)
    articles = sorted((a for _, doc in files for a in doc.articles), key=lambda a: a.key)
    short = title.removeprefix("中华人民共和国")
    version = _last_text_date(files[0][1]) or first.version_date
    return Act(
        id=f"{short}@{version}",
        title=title,
        short_title=short,
        level=first.level,
        version_date=version,
        valid_from=first.valid_from,
        expired=first.expired,
        decree_numbers=first.decree_numbers,
        history=first.history,
        articles=tuple(articles),
        path=";".join(sorted(str(f.relative_to(root)) for f, _ in files)),
    )


def _last_text_date(doc: ParsedAct) -> str:
    dates = [e.date for e in doc.history if e.kind in _TEXT_EVENTS]
    return max(dates) if dates else ""


__all__ = ["Library", "cached_library", "decree_number", "item_of", "locate", "full_text"]
