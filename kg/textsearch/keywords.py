"""Keywords of an item (jieba's TF-IDF), stored in the graph as kg:keyword so that items on
the same topic can be found; and the items that share keywords with a given one."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from kg.errors import NotFoundError
from kg.textsearch import sparql
from kg.textsearch.tokenize import STOPWORDS, normalise

# Keywords kept per item.
TOP_K = 8
# Catalog boilerplate that TF-IDF would otherwise pick as a keyword of every item.
BOILERPLATE = frozenset({"工作日", "政府信息", "公开", "信息", "主要", "以及", "包括", "情况"})


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """jieba's TF-IDF extractor cutting with the legal dictionary (no graph needed)."""
    from jieba.analyse.tfidf import TFIDF

    from kg.textsearch.lexicon import legal_tokenizer

    extractor = TFIDF()
    extractor.tokenizer = legal_tokenizer()
    extractor.stop_words = set(extractor.stop_words) | STOPWORDS | BOILERPLATE
    return extractor


def item_keywords(item_text: str, top: int = TOP_K, agency: str = "") -> list[str]:
    """Up to `top` keywords of an item's text (name and content), best first; deterministic.

    Words that are part of the agency's name (衡阳市, 社会保障局) are left out: every item of
    the catalog repeats them."""
    return without_agency(_ranked_words(item_text, top), agency, top)


def without_agency(words: Iterable[str], agency: str, top: int = TOP_K) -> list[str]:
    """The first `top` of ranked `words` that are not part of the agency's name."""
    return [w for w in words if w not in agency][:top]


@lru_cache(maxsize=1 << 16)
def _ranked_words(item_text: str, top: int) -> tuple[str, ...]:
    """jieba's best words of a text, before the agency's own are left out. Cached by text:
    catalogs copied from one template repeat an item's text in every agency, and TF-IDF
    costs far more than leaving out one agency's words."""
    words = _extractor().extract_tags(normalise(item_text), topK=top * 3)
    return tuple(w for w in words if not w.isascii())


def ranked_words(texts: Iterable[str], top: int = TOP_K) -> dict[str, tuple[str, ...]]:
    """_ranked_words of each distinct text (what a build asks its helper process for)."""
    return {text: _ranked_words(text, top) for text in texts}


def load_extractor() -> None:
    """Load jieba and the legal dictionary now (a helper process starts with this)."""
    _extractor()


def extractor_loaded() -> bool:
    """True once this process has loaded jieba's extractor."""
    return _extractor.cache_info().currsize > 0


def keyword_source(name: str, content: str) -> str:
    """The text an item's keywords come from: its name and content."""
    return f"{name} {content}"


def graph_keywords(store: Any) -> dict[str, set[str]]:
    """kg:keyword values per item; computed here from names and contents for a graph built
    without them."""
    keywords: dict[str, set[str]] = {}
    for row in store.select(sparql.ITEM_KEYWORDS):
        keywords.setdefault(row["iri"], set()).add(row["keyword"])
    if not keywords:
        for row in store.select(sparql.SEARCH_ITEMS):
            text = keyword_source(row.get("label") or "", row.get("content") or "")
            keywords[row["iri"]] = set(item_keywords(text, agency=row.get("agency") or ""))
    return keywords


def related_items(keywords: dict[str, set[str]], item_iri: str, limit: int = 10) -> list[tuple[str, list[str]]]:
    """Items sharing keywords with `item_iri`, most shared first: (iri, shared keywords)."""
    mine = keywords.get(item_iri, set())
    ranked = sorted(
        (-len(mine & words), iri, sorted(mine & words))
        for iri, words in keywords.items()
        if iri != item_iri and mine & words
    )
    return [(iri, shared) for _n, iri, shared in ranked[:limit]]


def related_records(store: Any, item: str, limit: int = 10) -> list[dict[str, Any]]:
    """`kg search --related`: for the item named (or with IRI) `item`, the related items."""
    names = {r["iri"]: r for r in store.select(sparql.SEARCH_ITEMS)}
    if item in names:
        chosen = [item]
    else:
        exact = [iri for iri, r in names.items() if r.get("label") == item]
        chosen = exact or [iri for iri, r in names.items() if item in (r.get("label") or "")]
    if not chosen:
        raise NotFoundError(f"no item named {item!r} in the graph")
    keywords = graph_keywords(store)
    records = []
    for source in chosen:
        for iri, shared in related_items(keywords, source, limit):
            row = names.get(iri, {})
            records.append({
                "item": names[source].get("label"), "item agency": names[source].get("agency"),
                "related": row.get("label"), "agency": row.get("agency"),
                "shared": len(shared), "keywords": shared, "iri": iri,
            })
    return records
