"""What does this amendment touch? (`kg impact`)

Every item citing the amended act is checked against the amendment: it cites a repealed,
renumbered or changed article, or the whole act. Catalogs may quote an act by its old or its
new numbers (a catalog written after 2024 quotes 统计法 第二十七条, which was 第二十四条
before), so for each citation the numbering is decided by evidence, strongest first:
1. its quoted words match the old or the new text of the cited article number;
2. the version of the act node it cites (a statute build resolves versions);
3. the catalog's date: a catalog citing documents numbered in a year after the amendment's
   was written after it (衡阳 cites 湘人社规〔2025〕1号), so it uses the new numbers;
4. otherwise the old numbering is assumed (and said so).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import URIRef

from kg.analysis import amendment as amendments
from kg.analysis.amendment import Amendment
from kg.analysis.items import ItemInfo, citation_field, iri_values, item_details
from kg.analysis.lookup import Act, Target, resolve
from kg.analysis.phrase import LIST_MARKER, ArticleNo, number_key
from kg.analysis.source import RecordingSource, Source, as_source, select

# Order of urgency, used for sorting and in reports.
REASONS = ("repealed", "renumbered", "changed", "whole-act", "current")
REASON_TEXT = {
    "repealed": "cites a repealed article",
    "renumbered": "cites a renumbered article",
    "changed": "cites a changed article",
    "whole-act": "cites the whole act",
    "current": "already cites the amended numbering",
}

# Texts of one version's articles, by number.
Texts = Mapping[ArticleNo, str]

# Every place of the act an item rests on (the act itself for no pinpoint).
_CITED = """
SELECT ?item ?x WHERE {
  ?x eli:is_part_of* ?act .
  ?item kg:basis ?x .
}
"""
# The article (and 之N suffix) each of those places is in.
_ARTICLE_OF = """
SELECT ?x ?artNo WHERE {
  ?art eli:is_part_of ?act ; a kg:Article ; eli:number ?artNo .
  ?x eli:is_part_of* ?art .
}
"""
_SUFFIX_OF = """
SELECT ?x ?sfxNo WHERE {
  ?art eli:is_part_of ?act ; a kg:Article .
  ?sfx eli:is_part_of ?art ; a kg:Article ; eli:number ?sfxNo .
  ?x eli:is_part_of* ?sfx .
}
"""
# Numbered documents of the graph (few), then the agencies citing the later ones.
_NUMBERS = """
SELECT ?act ?number WHERE { ?act eli:id_local ?number }
"""
_AGENCIES_CITING = """
SELECT DISTINCT ?agencyLabel WHERE {
  %s
  ?x eli:is_part_of* ?act .
  ?item kg:basis ?x ; kg:agency/skos:prefLabel ?agencyLabel .
}
"""
_TEXTS = """
SELECT ?act ?n ?text WHERE {
  ?art eli:is_part_of ?act ; a kg:Article ; eli:number ?n .
  ?d eli:is_part_of* ?art . ?d kg:text ?text .
}
"""


@dataclass(frozen=True)
class Impact:
    """One item touched by the amendment, with the reason and what to do."""

    item: ItemInfo
    reason: str  # one of REASONS
    cited: str  # what the item cites, e.g. 第二十七条, or the act's title for whole-act
    old_number: str = ""  # the article's number before the amendment
    new_number: str = ""  # and after ("" if repealed)
    numbering: str = ""  # old | new: which version's numbers the item uses
    evidence: str = ""  # quote | version | catalog date | assumed: how that was decided
    text_changed: bool = False
    quote: str = ""
    action: str = ""

    def sort_key(self) -> tuple:
        i = self.item
        return (i.agency, i.units, REASONS.index(self.reason), self.cited, i.line, i.name)


@dataclass(frozen=True)
class ImpactResult:
    amendment: Amendment
    acts: tuple[Act, ...]
    impacts: tuple[Impact, ...]
    notes: tuple[str, ...] = ()
    queries: tuple[str, ...] = ()  # the SPARQL run, values bound

    def records(self) -> list[dict]:
        """One record per (impact, responsible unit), grouped by agency and unit."""
        rows = []
        for imp in sorted(self.impacts, key=lambda i: REASONS.index(i.reason)):
            for unit in imp.item.units:
                rows.append({
                    "agency": imp.item.agency, "unit": unit, "item": imp.item.name,
                    "category": imp.item.category, "cites": imp.cited,
                    "reason": REASON_TEXT[imp.reason], "old number": imp.old_number,
                    "new number": imp.new_number, "action": imp.action,
                    "numbering": f"{imp.numbering} ({imp.evidence})" if imp.numbering else "",
                    "source": imp.item.source,
                })
        # Stable sort: within a unit, the most urgent reason stays first.
        rows.sort(key=lambda r: (r["agency"], r["unit"]))
        return rows


def _plain(text: str) -> str:
    """Words only: width folded, punctuation and spaces dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def quote_matches(quote: str, text: str) -> bool:
    """The quote is the text, a part of it, or its items with the ones between left out."""
    t = _plain(text)
    if not t or not _plain(quote):
        return False
    parts = [_plain(p) for p in LIST_MARKER.split(unicodedata.normalize("NFKC", quote))]
    parts = [p for p in parts if len(p) >= 4]
    if parts and all(p in t for p in parts):
        return True
    return difflib.SequenceMatcher(None, _plain(quote), t, autojunk=False).ratio() >= 0.85


def store_texts(source: Source, acts: tuple[Act, ...], version: str) -> dict[ArticleNo, str]:
    """Article texts of the act node of one version date, when the store holds them."""
    out: dict[ArticleNo, list[str]] = defaultdict(list)
    for act in acts:
        if not version or act.version != version:
            continue
        for r in select(source, _TEXTS, {"act": URIRef(act.iri)}):
            out[ArticleNo.parse(r["n"])].append(r["text"])
    return {k: "".join(v) for k, v in out.items()}


def act_texts(act) -> dict[ArticleNo, str]:
    """Article texts of a kg.statutes Act."""
    return {ArticleNo(a.number, a.suffix or 0): a.text for a in act.articles}


def impact(store, amendment: Amendment | str | Path, old_texts: Texts | None = None,
           new_texts: Texts | None = None) -> ImpactResult:
    """Items the amendment touches. Texts of the two versions (from the store when it holds
    them, else as given) let quotes tell which numbering a citation uses."""
    source = RecordingSource(as_source(store))
    if not isinstance(amendment, Amendment):
        amendment = amendments.load(amendment)
    target = resolve(source, amendment.act)
    old_version = amendment.old_version or _before(target.acts, amendment.after)
    # Texts given by the caller (the library, two act files) win over those in the store.
    if old_texts is None:
        old_texts = store_texts(source, target.acts, old_version)
    if new_texts is None:
        new_texts = store_texts(source, target.acts, amendment.after)
    result = _assess(source, amendment, target, old_version, old_texts, new_texts)
    return replace(result, queries=tuple(source.queries))


def _before(acts: tuple[Act, ...], after: str) -> str:
    older = sorted(a.version for a in acts if a.version and (not after or a.version < after))
    return older[-1] if older else ""


def _assess(source: Source, am: Amendment, target: Target, old_version: str,
            old_texts: Texts, new_texts: Texts) -> ImpactResult:
    cited: dict[str, dict[ArticleNo, tuple[str, str]]] = defaultdict(dict)
    whole: set[str] = set()
    for act in target.acts:
        bound = {"act": URIRef(act.iri)}
        places = select(source, _CITED, bound)
        article = {r["x"]: ArticleNo.parse(r["artNo"]).number
                   for r in select(source, _ARTICLE_OF, bound)}
        suffix = {r["x"]: _suffix(r["sfxNo"]) for r in select(source, _SUFFIX_OF, bound)}
        quotes = citation_field(source, {r["x"] for r in places if r["x"] in article}, "quote")
        for r in places:
            item, x = r["item"], r["x"]
            if x not in article:  # the act itself, or a part outside any article
                whole.add(item)
                continue
            number = ArticleNo(article[x], suffix.get(x, 0))
            quote = next(iter(quotes.get((x, item), ())), "")
            prev = cited[item].get(number)
            if prev is None or (quote and not prev[1]):
                cited[item][number] = (act.version, quote)
    whole -= set(cited)
    info = item_details(source, set(cited) | whole)
    later: set[str] | None = None  # read only if a citation needs the catalog's date
    found: list[Impact] = []
    assumed = 0
    for iri, numbers in cited.items():
        for number, (version, quote) in sorted(numbers.items()):
            numbering, evidence = _numbering(number, version, quote, am, old_version,
                                             old_texts, new_texts)
            if not evidence:
                if later is None:
                    later = _written_after(source, int(am.after[:4])) if am.after else set()
                numbering, evidence = (("new", "catalog date") if info[iri].agency in later
                                       else ("old", "assumed"))
            assumed += evidence == "assumed"
            imp = _judge(info[iri], number, numbering, quote, am)
            if imp is not None:
                found.append(replace(imp, evidence=evidence))
    for iri in whole:
        found.append(Impact(item=info[iri], reason="whole-act", cited=target.label,
                            action="review the item against the amended act"))
    notes = []
    if assumed:
        notes.append(f"{assumed} citation(s) give no sign of the version they follow (no "
                     "telling quote, no dated version, no later catalog date): old numbering "
                     "assumed; build with --statutes or pass --statutes to decide by the words")
    return ImpactResult(am, target.acts, tuple(sorted(found, key=Impact.sort_key)), tuple(notes))


def _suffix(number: str) -> int:
    """The N of a 之N article numbered "20之1" (kg.rdf.graph) or just "1"."""
    parsed = ArticleNo.parse(number)
    return parsed.suffix or parsed.number


def _written_after(source: Source, year: int) -> set[str]:
    """Agencies whose catalog cites a document numbered in a year after `year`."""
    later = set()
    for r in source.select(_NUMBERS):
        key = number_key(r["number"])
        if key and key[1] > year:
            later.add(r["act"])
    if not later:
        return set()
    return {r["agencyLabel"] for r in source.select(_AGENCIES_CITING % iri_values("act", later))}


def _numbering(number: ArticleNo, version: str, quote: str, am: Amendment, old_version: str,
               old_texts: Texts, new_texts: Texts) -> tuple[str, str]:
    """Which version's numbers a citation uses, and the evidence (see the module doc);
    ("", "") when neither the words nor the version tell."""
    if quote:
        in_old = quote_matches(quote, old_texts.get(number, ""))
        in_new = quote_matches(quote, new_texts.get(number, ""))
        if in_old != in_new:
            return ("old" if in_old else "new"), "quote"
    if version and version == am.after:
        return "new", "version"
    if version and (version == old_version or version < am.after):
        return "old", "version"
    return "", ""


def _judge(item: ItemInfo, number: ArticleNo, numbering: str, quote: str,
           am: Amendment) -> Impact | None:
    """The impact of one cited article on one item, or None if the amendment spared it."""
    label = number.label()
    common = {"item": item, "cited": label, "numbering": numbering, "quote": quote}
    if numbering == "new":
        old = am.old_number(number)
        if old is None:
            return Impact(reason="current", new_number=label, text_changed=True,
                          action="none: the article was added by the amendment", **common)
        if old == number and old not in am.changed:
            return None
        action = (f"none: already cites the new number (formerly {old.label()})"
                  if old != number else "none if the quoted words are the new text")
        return Impact(reason="current", old_number=old.label(), new_number=label,
                      text_changed=old in am.changed, action=action, **common)
    if number in am.repealed:
        return Impact(reason="repealed", old_number=label, text_changed=True,
                      action=f"find another basis: {label} was repealed", **common)
    new = am.renumbered.get(number)
    changed = number in am.changed
    if new is not None:
        action = f"cite {new.label()} instead of {label}"
        if changed:
            action += " and update the quoted words to the new text"
        return Impact(reason="renumbered", old_number=label, new_number=new.label(),
                      text_changed=changed, action=action, **common)
    if changed:
        return Impact(reason="changed", old_number=label, new_number=label, text_changed=True,
                      action="update the quoted words to the new text", **common)
    return None
