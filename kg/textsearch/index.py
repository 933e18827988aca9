"""Full-text search over the graph: items, articles, acts and units ranked by BM25.

The index (documents, postings) is built from the store on first use and cached in the
user's cache folder under a key of the store's files and the dictionary, so later searches
only load bytes. Tokenising tens of thousands of article texts is CPU-bound: large builds
are spread over processes (threads would wait on the GIL).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.textsearch import sparql
from kg.textsearch.bm25 import BM25
from kg.textsearch.lexicon import (
    cache_dir,
    clean_terms,
    dictionary_key,
    load_tokenizer,
    write_cache,
)
from kg.textsearch.tokenize import TextTokenizer, normalise

KINDS = ("item", "article", "act", "unit")
INDEX_FORMAT = "kg-search-3"
# Below this many documents, starting worker processes costs more than it saves.
PARALLEL_FROM = 4000


@dataclass(frozen=True)
class Doc:
    """One searchable node: `title` is weighed twice, `text` and `extra` (an item's
    category) once; `context` (the agency of an item or unit, the act of an article) is
    only shown, `extra` never."""

    iri: str
    kind: str
    title: str
    text: str
    context: str = ""
    extra: str = ""


@dataclass(frozen=True)
class Hit:
    doc: Doc
    score: float
    matched: tuple[str, ...]

    def snippet(self, width: int = 60) -> str:
        return snippet(self.doc.text or self.doc.title, self.matched, width)


def store_fingerprint(path: Path) -> str:
    """Names, sizes and times of the files of the store's current database (logs and locks
    left out: opening a store touches them without changing the graph)."""
    try:
        from kg.rdf.store import database_folder

        folder = database_folder(path)
    except ImportError:
        folder = path
    digest = hashlib.sha256(str(folder.resolve()).encode())
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        if file.name.startswith(("LOG", "LOCK", ".")):
            continue
        stat = file.stat()
        digest.update(f"{file.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def read_documents(store: Any) -> list[Doc]:
    """Every searchable node of the graph, in a stable order."""
    docs = [
        Doc(r["iri"], "item", r.get("label") or "", r.get("content") or "", r.get("agency") or "",
            r.get("category") or "")
        for r in store.select(sparql.SEARCH_ITEMS)
    ]
    for r in store.select(sparql.SEARCH_ARTICLES):
        text = r.get("text") or r.get("parts") or ""
        docs.append(Doc(r["iri"], "article", r.get("label") or "", text, _versioned(r.get("act"), r.get("version"))))
    for r in store.select(sparql.SEARCH_ACTS):
        docs.append(Doc(r["iri"], "act", r.get("label") or "", r.get("names") or "", _versioned("", r.get("version"))))
    for r in store.select(sparql.SEARCH_UNITS):
        docs.append(Doc(r["iri"], "unit", r["label"], r.get("alts") or "", r.get("agency") or ""))
    return docs


def graph_terms(store: Any) -> list[str]:
    """The graph's labels as dictionary terms (see lexicon.clean_terms)."""
    from kg.textsearch.lexicon import LEGAL_TERMS

    labels = [r["label"] for r in store.select(sparql.LEXICON_LABELS)]
    return clean_terms([*LEGAL_TERMS, *labels])


class SearchIndex:
    def __init__(self, docs: Sequence[Doc], bm25: BM25, tokenizer: TextTokenizer) -> None:
        self.docs = list(docs)
        self.bm25 = bm25
        self.tokenizer = tokenizer

    @classmethod
    def build(cls, store: Any, terms: list[str] | None = None) -> SearchIndex:
        """A fresh index of everything searchable in the store (no cache)."""
        terms = graph_terms(store) if terms is None else terms
        tokenizer = TextTokenizer(load_tokenizer(terms))
        docs = read_documents(store)
        return cls(docs, BM25.from_documents(_tokenise_all(tokenizer, terms, docs)), tokenizer)

    @classmethod
    def open(cls, store: Any, store_path: Path) -> SearchIndex:
        """The index of the store at `store_path`, from the cache while the store's files
        are unchanged; built and cached otherwise."""
        terms = graph_terms(store)
        key = hashlib.sha256(
            f"{INDEX_FORMAT}:{store_fingerprint(store_path)}:{dictionary_key(terms)}".encode()
        ).hexdigest()[:20]
        path = cache_dir() / f"index-{key}.marshal"
        try:
            rows, postings = marshal.loads(path.read_bytes())
            tokenizer = TextTokenizer(load_tokenizer(terms))
            return cls([Doc(*row) for row in rows], BM25.from_bytes(postings), tokenizer)
        except (OSError, ValueError, EOFError, TypeError):
            pass
        index = cls.build(store, terms)
        rows = [(d.iri, d.kind, d.title, d.text, d.context, d.extra) for d in index.docs]
        write_cache(path, marshal.dumps((rows, index.bm25.to_bytes())), prefix="index-")
        return index

    def query_terms(self, query: str) -> list[str]:
        """Documents are indexed with every dictionary part of their words, queries with
        whole words (社会保险 must not match 社会保障); a query word the index lacks falls
        back to its parts."""
        out: list[str] = []
        postings = self.bm25.postings
        for word in self.tokenizer.words(query):
            terms = self.tokenizer.terms(word)
            if word.lower() in terms and word.lower() in postings:
                out.append(word.lower())
            else:
                out.extend(t for t in terms if t in postings)
        return list(dict.fromkeys(out))

    def search(self, query: str, kind: str | None = None, limit: int = 20) -> list[Hit]:
        terms = self.query_terms(query)
        allowed = None
        if kind is not None:
            allowed = {i for i, d in enumerate(self.docs) if d.kind == kind}
        hits = []
        for doc_id, score in self.bm25.top(terms, limit, allowed):
            doc = self.docs[doc_id]
            hits.append(Hit(doc, round(score, 4), _matched(terms, self.tokenizer, doc)))
        return hits


def _tokens(tokenizer: TextTokenizer, doc: Doc) -> list[str]:
    title = tokenizer.terms(doc.title)
    return title + title + tokenizer.terms(doc.text) + tokenizer.terms(doc.extra)


def _tokenise_all(tokenizer: TextTokenizer, terms: list[str], docs: list[Doc]) -> list[list[str]]:
    if len(docs) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return [_tokens(tokenizer, d) for d in docs]
    chunk = 500
    batches = [docs[i : i + chunk] for i in range(0, len(docs), chunk)]
    with ProcessPoolExecutor(initializer=_init_worker, initargs=(terms,)) as pool:
        return [tokens for batch in pool.map(_tokenise_batch, batches) for tokens in batch]


_WORKER: TextTokenizer | None = None


def _init_worker(terms: list[str]) -> None:
    global _WORKER
    _WORKER = TextTokenizer(load_tokenizer(terms))


def _tokenise_batch(docs: list[Doc]) -> list[list[str]]:
    assert _WORKER is not None
    return [_tokens(_WORKER, d) for d in docs]


def _matched(terms: list[str], tokenizer: TextTokenizer, doc: Doc) -> tuple[str, ...]:
    """Query terms found in the document, longest first (the order highlighting needs)."""
    haystack = normalise(f"{doc.title}\n{doc.text}\n{doc.extra}").lower()
    found = {t for t in terms if t in haystack}
    return tuple(sorted(found, key=lambda t: (-len(t), t)))


def _versioned(title: str | None, version: str | None) -> str:
    """统计法(2009-06-27): which version of an act, when the graph knows it."""
    return f"{title or ''}({version[:10]})" if version else (title or "")


def highlight(text: str, terms: Sequence[str], before: str = "【", after: str = "】") -> str:
    """Wrap every occurrence of the terms (longest first, never overlapping) in markers."""
    spans = _spans(text, terms)
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], before, text[start:end], after]
        last = end
    out.append(text[last:])
    return "".join(out)


def _spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    folded = normalise(text).lower()
    taken = [False] * len(text)
    spans = []
    for term in sorted(set(terms), key=lambda t: (-len(t), t)):
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            if not any(taken[start:end]):
                spans.append((start, end))
                taken[start:end] = [True] * len(term)
            start = folded.find(term, end)
    return sorted(spans)


def snippet(text: str, terms: Sequence[str], width: int = 60) -> str:
    """About `width` characters of one line around the first match."""
    flat = " ".join(text.split())
    spans = _spans(flat, terms)
    start = max(0, spans[0][0] - width // 4) if spans else 0
    piece = flat[start : start + width]
    # Never cut a matched term in half at the right edge.
    for s, e in spans:
        if s < start + width < e:
            piece = flat[start:e]
    return ("…" if start else "") + piece + ("…" if start + len(piece) < len(flat) else "")
