"""Amendments from two versions of an act (`kg impact --old OLD --new NEW`) and the texts
of an amendment's two versions from the statute library (for telling old from new numbers).

OLD and NEW are Markdown files of acts, or library acts named `统计法(2009-06-27)`,
`统计法@2009-06-27` or by title/decree number (the newest version) with `--statutes DIR`.
"""

from __future__ import annotations

from pathlib import Path

from kg.analysis.amendment import Amendment, from_changes
from kg.analysis.impact import act_texts
from kg.analysis.phrase import VERSION_SPEC, ArticleNo
from kg.errors import NotFoundError, StatuteError


def _library(statutes: Path | None):
    if statutes is None:
        raise StatuteError("naming an act of the library needs --statutes DIR "
                           "(or give the path of a Markdown act)")
    from kg.statutes.library import cached_library

    return cached_library(str(statutes))


def load_version(spec: str, statutes: Path | None = None):
    """One version of an act (a kg.statutes Act) from a file path or a library name."""
    path = Path(spec)
    if path.suffix.lower() == ".md" or path.is_file():
        from kg.statutes.library import load_act_file

        return load_act_file(path)
    library = _library(statutes)
    m = VERSION_SPEC.match(spec)
    if m:
        act = library.act(f"{m.group(1)}@{m.group(2)}")
        if act is None:
            found = library.find(m.group(1))
            versions = library.related_versions(found.id) if found else ()
            act = next((a for a in versions if a.version_date == m.group(2)), None)
            if act is None:
                dates = ", ".join(a.version_date for a in versions) or "none"
                raise NotFoundError(f"no version {m.group(2)} of {m.group(1)} in the library "
                                    f"(versions: {dates})")
        return act
    act = library.find(spec)
    if act is None:
        raise NotFoundError(f"no act called {spec!r} in the statute library")
    return act


def _amending(act) -> str:
    """The history line of the new version: who amended it and how."""
    events = [e for e in act.history if e.date == act.version_date]
    return events[-1].text.strip() if events else ""


def amendment_from_versions(old, new) -> Amendment:
    """The amendment that turns `old` into `new`, from the statute stage's alignment."""
    from kg.statutes.diff import align

    if old.version_date and new.version_date and old.version_date >= new.version_date:
        raise StatuteError(f"--old ({old.version_date}) must be older than --new "
                           f"({new.version_date})")
    return from_changes(align(old, new), act=new.title or new.short_title,
                        old_version=old.version_date, new_version=new.version_date,
                        amending=_amending(new))


def library_texts(statutes: Path, amendment: Amendment
                  ) -> tuple[dict[ArticleNo, str], dict[ArticleNo, str]]:
    """Article texts of the versions before and after the amendment, from the library."""
    library = _library(statutes)
    act = library.find(amendment.act)
    if act is None:
        return {}, {}
    versions = library.related_versions(act.id)
    after = amendment.after
    new = next((a for a in versions if a.version_date == after), None)
    older = [a for a in versions if not after or a.version_date < after]
    old = next((a for a in versions if a.version_date == amendment.old_version), None)
    old = old or (older[-1] if older else None)
    return (act_texts(old) if old else {}), (act_texts(new) if new else {})
