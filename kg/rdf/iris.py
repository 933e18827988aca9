"""Deterministic, readable IRIs for every node, under a configurable base.

Chinese stays readable (IRIs allow it); ASCII characters that are not unreserved in a path
segment, whitespace and controls are percent-encoded, so a key can never break out of its
segment. A subdivision's IRI nests under its act's: <base>act/<key>/art/20/item/2.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef

from kg.models import Pinpoint
from kg.rdf.vocab import DEFAULT_BASE

# Unreserved ASCII per RFC 3986; everything else ASCII is percent-encoded.
_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@lru_cache(maxsize=65536)
def encode_segment(value: str) -> str:
    """Percent-encode one path segment, keeping non-ASCII letters and digits readable."""
    if not value:
        raise ValueError("an IRI segment cannot be empty")
    if value.isalnum():  # letters and digits of any script are printable, never spaces
        return value
    out = []
    for ch in value:
        if ch in _SAFE_ASCII or (ord(ch) > 0x7F and ch.isprintable() and not ch.isspace()):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


@dataclass(frozen=True)
class Iris:
    """IRI factory for one base. `Iris()` uses DEFAULT_BASE."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith(("/", "#")):
            object.__setattr__(self, "base", self.base + "/")

    def _make(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(segments))

    def agency(self, agency: str) -> URIRef:
        return self._make("agency", encode_segment(agency))

    def unit(self, agency: str, unit: str) -> URIRef:
        return self._make("agency", encode_segment(agency), "unit", encode_segment(unit))

    def item(self, agency: str, ident: str) -> URIRef:
        return self._make("agency", encode_segment(agency), "item", encode_segment(ident))

    def citation(self, target: URIRef | str, *words: str) -> URIRef:
        """A citation as written: nested under the node it cites, named by its words."""
        return URIRef(citation_under(str(target), words))

    def catalog(self, file_name: str) -> URIRef:
        return self._make("catalog", encode_segment(file_name))

    def act(self, key: str, version: str | None = None) -> URIRef:
        """A legal resource by document key; `version` (a date) names one version of an act."""
        segs = ["act", encode_segment(key)]
        if version:
            segs.append(encode_segment(version))
        return self._make(*segs)

    def subdivision(self, act: URIRef, pinpoint: Pinpoint) -> URIRef:
        """The node for a pinpoint under an act IRI; the act itself for an empty pinpoint."""
        iri = str(act)
        for kind, number in pinpoint.path():
            iri += f"/{kind}/{number}"
        return URIRef(iri)

    def change(self, new_version: URIRef, n: int) -> URIRef:
        return URIRef(f"{new_version}/change/{n}")

    def repair(self, rule: str, *words: str) -> URIRef:
        """A repair (one cleaning rule turning one text into another), named by its words."""
        return URIRef(repair_under(self.base, rule, words))


# Citations and repairs are values: catalogs copied from one template cite and misspell in
# the same words, so equal words make one node, shared by every item that has them. The
# node is named by a digest of its words (stable across runs and machines). Plain-string
# forms for the build's hot path (a URIRef costs microseconds; a build makes millions).
def digest(words: tuple[str, ...]) -> str:
    """16 hex digits of BLAKE2b over the words, each length-prefixed (no two tuples collide
    by concatenation)."""
    data = "".join(f"{len(w)}:{w}" for w in words).encode("utf-8")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def citation_under(target_iri: str, words: tuple[str, ...]) -> str:
    return f"{target_iri}/citation/{digest(words)}"


def repair_under(base: str, rule: str, words: tuple[str, ...]) -> str:
    return f"{base}repair/{encode_segment(rule)}/{digest((rule, *words))}"


def keywords_under(base: str, words: tuple[str, ...]) -> str:
    return f"{base}keywords/{digest(words)}"
