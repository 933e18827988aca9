"""Okapi BM25 over token lists: a small inverted index that marshals to bytes."""

from __future__ import annotations

import marshal
import math
from collections import Counter
from collections.abc import Iterable, Sequence


class BM25:
    """Postings `term -> [doc, tf, doc, tf, ...]` and document lengths.

    Scores use the usual Okapi form with a non-negative IDF
    (ln(1 + (N - df + 0.5) / (df + 0.5))), so a term in every document still counts a little.
    """

    def __init__(self, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.postings: dict[str, list[int]] = {}
        self.lengths: list[int] = []

    @classmethod
    def from_documents(cls, documents: Iterable[Sequence[str]], **params: float) -> BM25:
        index = cls(**params)
        for tokens in documents:
            index.add(tokens)
        return index

    def add(self, tokens: Sequence[str]) -> int:
        doc = len(self.lengths)
        self.lengths.append(len(tokens))
        for term, tf in sorted(Counter(tokens).items()):
            self.postings.setdefault(term, []).extend((doc, tf))
        return doc

    def __len__(self) -> int:
        return len(self.lengths)

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ())) // 2
        n = len(self.lengths)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query: Iterable[str]) -> dict[int, float]:
        """Score of every document containing at least one query term (each term once)."""
        if not self.lengths:
            return {}
        average = sum(self.lengths) / len(self.lengths) or 1.0
        out: dict[int, float] = {}
        for term in dict.fromkeys(query):
            posting = self.postings.get(term)
            if not posting:
                continue
            idf = self.idf(term)
            for i in range(0, len(posting), 2):
                doc, tf = posting[i], posting[i + 1]
                norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / average)
                out[doc] = out.get(doc, 0.0) + idf * tf * (self.k1 + 1) / (tf + norm)
        return out

    def top(
        self, query: Iterable[str], limit: int = 10, allowed: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """Best documents first; ties broken by document number so results are stable."""
        ranked = [
            (doc, score)
            for doc, score in self.scores(query).items()
            if allowed is None or doc in allowed
        ]
        ranked.sort(key=lambda pair: (-pair[1], pair[0]))
        return ranked[:limit]

    def to_bytes(self) -> bytes:
        return marshal.dumps((self.k1, self.b, self.postings, self.lengths))

    @classmethod
    def from_bytes(cls, data: bytes) -> BM25:
        k1, b, postings, lengths = marshal.loads(data)
        index = cls(k1, b)
        index.postings, index.lengths = postings, lengths
        return index
