"""Find the acts and subdivisions a user names, by their labels in the store.

Acts are found by decree/document number (eli:id_local) or title (skos:prefLabel,
skos:altLabel, kg:shortTitle), first with exact bound-value lookups, then by comparing
normalised keys over all act labels. IRIs are never rebuilt from strings.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass

from rdflib import URIRef

from kg.analysis.phrase import (
    ArticleNo,
    number_key,
    parse_phrase,
    same_number,
    title_key,
)
from kg.analysis.source import Source, select
from kg.errors import NotFoundError
from kg.models import DocumentRef, Pinpoint
from kg.rdf.vocab import KG
from kg.statutes.model import chinese_number


@dataclass(frozen=True, order=True)
class Act:
    """One act node of the graph (one version of a library act, or a catalog document)."""

    title: str
    version: str
    iri: str
    number: str = ""
    short_title: str = ""

    @property
    def label(self) -> str:
        name = self.short_title or self.title
        return f"{name}({self.version})" if self.version else name


@dataclass(frozen=True)
class Target:
    """What the user named: the acts (every matching version) and a pinpoint inside them."""

    phrase: str
    acts: tuple[Act, ...]
    pinpoint: Pinpoint

    @property
    def label(self) -> str:
        names = sorted({a.short_title or a.title for a in self.acts})
        return "、".join(names) + pinpoint_label(self.pinpoint)


def pinpoint_label(pin: Pinpoint) -> str:
    if pin.is_empty:
        return ""
    out = ArticleNo(pin.article, pin.article_suffix or 0).label() if pin.article else ""
    if pin.paragraph:
        out += f"第{chinese_number(pin.paragraph)}款"
    if pin.item:
        out += f"第({chinese_number(pin.item)})项"
    return out


_ACT_FIELDS = """
  OPTIONAL { ?act skos:prefLabel ?title }
  OPTIONAL { ?act kg:shortTitle ?short }
  OPTIONAL { ?act eli:id_local ?number }
  OPTIONAL { ?act kg:versionDate ?version }
"""

_BY_NUMBER = "SELECT ?wanted ?act ?title ?short ?number ?version WHERE { ?act eli:id_local ?wanted ."
_BY_TITLE = (
    "SELECT ?wanted ?act ?title ?short ?number ?version WHERE {"
    " ?act skos:prefLabel|skos:altLabel|kg:shortTitle ?wanted . ?act a eli:LegalResource ."
)
_ALL_LABELS = """
SELECT ?act ?label ?kind WHERE {
  ?act a eli:LegalResource .
  { ?act skos:prefLabel ?label BIND("title" AS ?kind) }
  UNION { ?act skos:altLabel ?label BIND("title" AS ?kind) }
  UNION { ?act kg:shortTitle ?label BIND("title" AS ?kind) }
  UNION { ?act eli:id_local ?label BIND("number" AS ?kind) }
}
"""


def _acts(rows: list[dict]) -> list[Act]:
    """One Act per IRI (several numbers or titles of one node fold into one)."""
    by_iri: dict[str, Act] = {}
    for r in sorted(rows, key=lambda r: tuple(r.get(k) or "" for k in ("act", "number", "title"))):
        if r["act"] not in by_iri:
            by_iri[r["act"]] = Act(
                title=r.get("title") or "",
                version=(r.get("version") or "")[:10],
                iri=r["act"],
                number=r.get("number") or "",
                short_title=r.get("short") or "",
            )
    return sorted(by_iri.values())


def _normalised_number(text: str) -> str:
    try:
        from kg.resolve import normalise_number
    except ImportError:
        key = number_key(text)
        if key is None or not key[0] or key[1]:
            return text
        return f"{key[0]}第{key[2]}号"
    return normalise_number(text)


def find_acts(source: Source, ref: DocumentRef) -> tuple[Act, ...]:
    """Every act node the reference names; NotFoundError (with close labels) if none."""
    if ref.number:
        wanted = _normalised_number(ref.number)
        rows = select(source, _BY_NUMBER + _ACT_FIELDS + "}", {"wanted": wanted})
        if rows:
            return tuple(_acts(rows))
    if ref.title:
        key = title_key(ref.title)
        for variant in dict.fromkeys((ref.title.strip("《》 "), key, "中华人民共和国" + key)):
            rows = select(source, _BY_TITLE + _ACT_FIELDS + "}", {"wanted": variant})
            if rows:
                return tuple(_acts(rows))
    return _scan(source, ref)


def _scan(source: Source, ref: DocumentRef) -> tuple[Act, ...]:
    """Compare normalised keys against every act label; suggest close labels on failure."""
    labels: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in select(source, _ALL_LABELS):
        labels[r["act"]].append((r["kind"], r["label"]))
    hits: set[str] = set()
    wanted_number = number_key(ref.number) if ref.number else None
    wanted_title = title_key(ref.title) if ref.title else ""
    for act, pairs in labels.items():
        for kind, label in pairs:
            if kind == "number" and wanted_number and same_number(wanted_number, number_key(label)):
                hits.add(act)
            elif kind == "title" and wanted_title and title_key(label) == wanted_title:
                hits.add(act)
    if hits:
        rows = []
        for act in sorted(hits):
            rows += select(source,
                "SELECT ?act ?title ?short ?number ?version WHERE {" + _ACT_FIELDS + "}",
                {"act": URIRef(act)},
            )
        return tuple(_acts(rows))
    asked = ref.number or ref.title
    every = sorted({label for pairs in labels.values() for _, label in pairs})
    close = difflib.get_close_matches(asked, every, n=5, cutoff=0.4)
    close += [x for x in every if wanted_title and wanted_title in x and x not in close][:5]
    hint = f"; close labels: {', '.join(close[:8])}" if close else ""
    raise NotFoundError(f"no act called {asked!r} in the graph{hint}")


def resolve(source: Source, phrase: str, article: int | str | None = None,
            paragraph: int | None = None, item: int | None = None) -> Target:
    """The acts and pinpoint a phrase (plus explicit --article/--paragraph/--item) names."""
    if not phrase.strip():
        raise NotFoundError("name an act: a decree number, a title or a phrase like 711号令第二十条")
    ref, pin = parse_phrase(phrase)
    if not ref.title and not ref.number:
        raise NotFoundError(f"{phrase!r} names no act: add a title or a decree number")
    if article is not None:
        number = ArticleNo.parse(article)
        pin = Pinpoint(article=number.number, article_suffix=number.suffix or None,
                       paragraph=pin.paragraph, item=pin.item)
    if paragraph is not None:
        pin = Pinpoint(article=pin.article, article_suffix=pin.article_suffix,
                       paragraph=paragraph, item=pin.item)
    if item is not None:
        pin = Pinpoint(article=pin.article, article_suffix=pin.article_suffix,
                       paragraph=pin.paragraph, item=item)
    if (pin.paragraph or pin.item) and pin.article is None:
        raise NotFoundError("a paragraph or item needs an article (--article N)")
    return Target(phrase=phrase, acts=find_acts(source, ref), pinpoint=pin)


# Children of a node of one kind and number (numbers compared as strings: "20"; a 之N
# article is numbered "20之1" by kg.rdf.graph, so it is also looked for by that name).
_CHILD = """
SELECT ?node WHERE {
  ?node eli:is_part_of ?parent ; a ?kind ; eli:number ?n .
  FILTER(STR(?n) = ?number || STR(?n) = ?alias)
}
"""
# Points (项) anywhere under an article: under it directly or under one of its paragraphs.
_POINT = """
SELECT ?node WHERE {
  ?node eli:is_part_of+ ?parent ; a kg:Point ; eli:number ?n .
  FILTER(STR(?n) = ?number)
}
"""


def subdivisions(source: Source, target: Target) -> tuple[str, ...]:
    """IRIs of the nodes the pinpoint names, in every act of the target (acts if none)."""
    pin = target.pinpoint
    nodes = [a.iri for a in target.acts]
    steps: list[tuple[str, object, int, str]] = []
    if pin.article is not None:
        steps.append(("child", KG.Article, pin.article, ""))
        if pin.article_suffix:
            steps.append(("child", KG.Article, pin.article_suffix,
                          f"{pin.article}之{pin.article_suffix}"))
        if pin.paragraph:
            steps.append(("child", KG.Paragraph, pin.paragraph, ""))
        if pin.item:
            steps.append(("point", KG.Point, pin.item, ""))
    for how, kind, number, alias in steps:
        found: list[str] = []
        for parent in nodes:
            binds = {"parent": URIRef(parent), "number": str(number)}
            if how == "child":
                binds.update(kind=kind, alias=alias or str(number))
                rows = select(source, _CHILD, binds)
            else:
                rows = select(source, _POINT, binds)
            found += [r["node"] for r in rows]
        nodes = sorted(set(found))
    return tuple(nodes)
