"""Conversions between rdflib terms, pyoxigraph terms, N-Triples text and plain Python values.

N-Triples is written by hand because it is the hot path of a build (millions of terms);
literals are escaped per the N-Triples grammar and IRIs checked, so any text is safe.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

XSD_STRING = str(XSD.string)
# Characters N-Triples forbids inside <...> (IRIREF): controls, space and <>"{}|^`\
_BAD_IRI_CHAR = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri_nt(iri: str) -> str:
    if _BAD_IRI_CHAR.search(iri):
        iri = _BAD_IRI_CHAR.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), iri)
    return f"<{iri}>"


def literal_nt(lexical: str, datatype: str | None = None, language: str | None = None) -> str:
    # str.replace behind `in` checks: far faster than str.translate on long CJK text.
    if "\\" in lexical:
        lexical = lexical.replace("\\", "\\\\")
    if '"' in lexical:
        lexical = lexical.replace('"', '\\"')
    if "\n" in lexical:
        lexical = lexical.replace("\n", "\\n")
    if "\r" in lexical:
        lexical = lexical.replace("\r", "\\r")
    text = f'"{lexical}"'
    if language:
        return f"{text}@{language}"
    if datatype and datatype != XSD_STRING:
        return f"{text}^^<{datatype}>"
    return text


def term_nt(term: Any) -> str:
    """N-Triples (and SPARQL) syntax of an rdflib or pyoxigraph term."""
    if isinstance(term, URIRef):
        return iri_nt(str(term))
    if isinstance(term, Literal):
        dt = str(term.datatype) if term.datatype else None
        return literal_nt(str(term), dt, term.language)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, ox.NamedNode):
        return iri_nt(term.value)
    if isinstance(term, ox.Literal):
        return literal_nt(term.value, term.datatype.value, term.language)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    raise TypeError(f"not an RDF term: {term!r}")


def triple_nt(s: Any, p: Any, o: Any) -> str:
    return f"{term_nt(s)} {term_nt(p)} {term_nt(o)} .\n"


def to_ox(value: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A pyoxigraph term for a bound value: rdflib terms keep their kind, a Python str is a
    plain literal (never an IRI: IRIs must be given as URIRef), ints and bools are typed."""
    if isinstance(value, ox.NamedNode | ox.Literal | ox.BlankNode):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(str(XSD.boolean)))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer)))
    if isinstance(value, str):
        return ox.Literal(value)
    raise TypeError(f"cannot bind {type(value).__name__} {value!r} in SPARQL")


def to_rdflib(term: Any) -> URIRef | Literal | BNode:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == XSD_STRING else URIRef(dt))
    raise TypeError(f"not an RDF term: {term!r}")


def plain(term: Any) -> str | None:
    """The value of a result term as a string: IRI, lexical form, or blank node label."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


def results_json_term(term: Any) -> dict[str, str] | None:
    """A term as an entry of SPARQL 1.1 results JSON."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def from_results_json(
    entry: dict[str, str] | None,
) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
    """The inverse of results_json_term, for answers of a remote server."""
    if entry is None:
        return None
    kind = entry.get("type")
    if kind == "uri":
        return ox.NamedNode(entry["value"])
    if kind == "bnode":
        return ox.BlankNode(entry["value"])
    if "xml:lang" in entry:
        return ox.Literal(entry["value"], language=entry["xml:lang"])
    if entry.get("datatype"):
        return ox.Literal(entry["value"], datatype=ox.NamedNode(entry["datatype"]))
    return ox.Literal(entry["value"])


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    def one(m: re.Match) -> str:
        if m[1] or m[2]:
            return chr(int(m[1] or m[2], 16))
        return _SIMPLE.get(m[3], m[3])

    return _UNESCAPE.sub(one, text) if "\\" in text else text


def from_nt(term: str) -> URIRef | Literal | BNode:
    """The rdflib term of one N-Triples term (the inverse of term_nt)."""
    if term.startswith("<"):
        return URIRef(term[1:-1])
    if term.startswith("_:"):
        return BNode(term[2:])
    end = term.rindex('"')
    lexical = _unescape(term[1:end])
    rest = term[end + 1 :]
    if rest.startswith("@"):
        return Literal(lexical, lang=rest[1:])
    if rest.startswith("^^<"):
        return Literal(lexical, datatype=URIRef(rest[3:-1]))
    return Literal(lexical)
