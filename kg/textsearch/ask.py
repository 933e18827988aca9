"""Questions in Chinese mapped onto the analysis the project already has.

Each known form is a few regexes (kg.patterns, search section) capturing the act or item the
question names. "Which items rest on …" and "what does the amendment of … affect" are
answered by kg.analysis.depends / kg.analysis.impact themselves; the unit, basis and
citing-documents forms are one bound SPARQL query each. Every answer carries the SPARQL
that produced it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import patterns as P
from kg.errors import QuestionError
from kg.textsearch import sparql
from kg.textsearch.tokenize import normalise

# (form, how to ask it, patterns); the first pattern that matches wins, in this order.
FORMS: tuple[tuple[str, str, tuple[re.Pattern[str], ...]], ...] = (
    ("impact", "<法规>修订影响哪些事项", (P.IMPACT_AFFECTS, P.IMPACT_OF, P.IMPACT_VERB_FIRST)),
    ("cites", "哪些文件引用了<法规>", (P.CITES_WHICH, P.CITES_BY, P.CITES_WHO)),
    ("depends", "哪些事项依据<法规>[第N条]",
     (P.DEPENDS_WHICH_ITEMS, P.DEPENDS_ITEMS_OF, P.DEPENDS_AS_BASIS, P.DEPENDS_INVOLVES)),
    ("unit", "<事项>由哪个科室负责", (P.UNIT_BY, P.UNIT_FIRST, P.UNIT_OF)),
    ("basis", "<事项>的依据是什么", (P.BASIS_OF, P.BASIS_WHICH)),
)

# Words naming items rather than documents in a "who cites" question.
_ITEM_WORDS = ("事项", "信息")


@dataclass(frozen=True)
class Intent:
    """What a question asks: the form and its subject as written (an act phrase or an item
    name). `scope` is "items" or "documents" for the cites form."""

    form: str
    subject: str
    scope: str = ""


@dataclass(frozen=True)
class Answer:
    intent: Intent
    summary: str
    records: tuple[dict[str, Any], ...]
    queries: tuple[str, ...] = field(default=())


def known_forms() -> str:
    return "; ".join(f"{how}？" for _form, how, _patterns in FORMS)


def parse_question(question: str) -> Intent:
    """The Intent of a question, or QuestionError naming the forms understood."""
    text = P.QUESTION_TRIM.sub("", normalise(question)).replace(" ", "")
    for form, _how, forms in FORMS:
        for pattern in forms:
            m = pattern.match(text)
            if not m:
                continue
            groups = m.groupdict()
            subject = (groups.get("ref") or groups.get("act") or groups.get("item") or "").strip("「」“”\"'")
            if not subject or subject in ("哪些", "什么"):
                continue
            scope = ""
            if form == "cites":
                scope = "items" if (groups.get("what") or "") in _ITEM_WORDS else "documents"
            return Intent(form, subject, scope)
    raise QuestionError(f"cannot map the question {question.strip()!r}; ask one of: {known_forms()}")


def default_amendments() -> list[Path]:
    """Amendment files looked at when none are given: $KG_AMENDMENTS (folders or files,
    separated by the path separator), else the data/amendments folder of a source checkout."""
    if os.environ.get("KG_AMENDMENTS"):
        return [Path(p) for p in os.environ["KG_AMENDMENTS"].split(os.pathsep) if p]
    bundled = Path(__file__).resolve().parents[2] / "data" / "amendments"
    return [bundled] if bundled.is_dir() else []


def ask(store: Any, question: str, amendments: Sequence[Path] | None = None,
        statutes: Path | None = None) -> Answer:
    """Answer a question on a store (anything with `select`, a folder, a pyoxigraph Store).
    Amendment questions use the amendment files given (default: default_amendments()) or,
    with a statute library, the act's two newest versions."""
    from kg.analysis.source import as_source

    source = as_source(store)
    intent = parse_question(question)
    if intent.form == "depends" or (intent.form == "cites" and intent.scope == "items"):
        return _depends(source, intent)
    if intent.form == "impact":
        chosen = default_amendments() if amendments is None else list(amendments)
        return _impact(source, intent, chosen, statutes)
    if intent.form == "cites":
        return _citing_documents(source, intent)
    query = sparql.UNIT_OF_ITEM if intent.form == "unit" else sparql.BASIS_OF_ITEM
    rows = [_without(r, "label") for r in source.select(query, {"label": intent.subject})]
    # An item named exactly so hides items whose names merely contain the words.
    exact = [r for r in rows if r["item"] == intent.subject]
    rows = exact or rows
    if not rows and not source.select(sparql.ITEMS_NAMED, {"label": intent.subject}):
        from kg.errors import NotFoundError

        raise NotFoundError(f"no item named {intent.subject!r} in the graph")
    what = "responsible unit" if intent.form == "unit" else "basis"
    return Answer(intent, f"{what} of {intent.subject}", tuple(rows), (_shown(query, label=intent.subject),))


def _shown(query: str, **bindings: str) -> str:
    """The query as run, without the prefix lines, with its bound values as a comment."""
    body = "\n".join(line for line in query.splitlines() if not line.startswith("PREFIX "))
    bound = "".join(f"# bound: ?{k} = {v!r}\n" for k, v in bindings.items())
    return bound + body


def _without(row: dict[str, Any], key: str) -> dict[str, Any]:
    """The row without the bound variable, with plain English keys (item_iri -> item iri)."""
    return {k.replace("_", " "): v for k, v in row.items() if k != key}


def _citing_documents(source: Any, intent: Intent) -> Answer:
    from rdflib import URIRef

    from kg.analysis.lookup import resolve

    target = resolve(source, intent.subject)
    records, queries = [], []
    for act in target.acts:
        for row in source.select(sparql.CITING_DOCUMENTS, {"act": URIRef(act.iri)}):
            records.append({"cited act": act.label, **_without(row, "act")})
        queries.append(_shown(sparql.CITING_DOCUMENTS, act=act.iri))
    return Answer(intent, f"documents and catalogs citing {target.label}", tuple(records), tuple(queries))


def _depends(source: Any, intent: Intent) -> Answer:
    from kg.analysis.depends import depends

    result = depends(source, intent.subject)
    return Answer(intent, _summary(result, f"items resting on {result.target.label}"),
                  tuple(_records(result)), tuple(_shown(q) for q in result.queries))


def _impact(source: Any, intent: Intent, amendments: Sequence[Path], statutes: Path | None) -> Answer:
    from kg.analysis.impact import impact

    change, old_texts, new_texts = _amendment(source, intent.subject, amendments, statutes)
    result = impact(source, change, old_texts=old_texts, new_texts=new_texts)
    return Answer(intent, _summary(result, f"items affected by {change.describe()}"),
                  tuple(_records(result)), tuple(_shown(q) for q in result.queries))


def _amendment(source: Any, subject: str, amendments: Sequence[Path], statutes: Path | None):
    """The amendment of the act named: the newest amendment file about the same act nodes,
    else (with a statute library) the change between its two newest versions."""
    from kg.analysis.amendment import load
    from kg.analysis.lookup import resolve
    from kg.errors import NotFoundError

    wanted = {a.iri for a in resolve(source, subject).acts}
    found = []
    for path in _amendment_files(amendments):
        change = load(path)
        try:
            acts = {a.iri for a in resolve(source, change.act).acts}
        except NotFoundError:
            continue
        if acts & wanted:
            found.append((change.after, str(path), change))
    if found:
        change = max(found, key=lambda f: (f[0], f[1]))[2]
        if statutes is None:
            return change, None, None
        from kg.analysis.versions import library_texts

        return (change, *library_texts(statutes, change))
    if statutes is not None:
        from kg.analysis.impact import act_texts
        from kg.analysis.versions import amendment_from_versions, load_version
        from kg.statutes.library import cached_library

        library = cached_library(str(statutes))
        newest = load_version(subject, statutes)
        versions = sorted(library.related_versions(newest.id), key=lambda a: a.version_date)
        older = [a for a in versions if a.version_date < newest.version_date]
        if older:
            change = amendment_from_versions(older[-1], newest)
            return change, act_texts(older[-1]), act_texts(newest)
    raise NotFoundError(f"no amendment of {subject!r} is known: add an amendment file "
                        "(--amendments DIR) or the statute library (--statutes DIR)")


def _amendment_files(amendments: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for place in amendments:
        if place.is_dir():
            files += sorted(p for p in place.iterdir() if p.suffix.lower() in (".toml", ".json"))
        elif place.is_file():
            files.append(place)
    return files


def _records(result: Any) -> list[dict[str, Any]]:
    if hasattr(result, "records"):
        records = result.records
        return list(records() if callable(records) else records)
    return [dict(r) for r in result]


def _summary(result: Any, default: str) -> str:
    value = getattr(result, "summary", None)
    if callable(value):
        value = value()
    return value if isinstance(value, str) and value else default
