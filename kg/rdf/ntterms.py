"""N-Triples text of the project's terms, made once: classes, predicates, literals, labels.

A build writes millions of statements as N-Triples text (rdflib terms cost microseconds
each), so kg.rdf.graph composes them from these strings; `lit` makes the same values as
rdflib literals for the statute side and tests.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePath

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.rdf import vocab as V
from kg.rdf.terms import literal_nt
from kg.rdf.vocab import ELI, ORG

Triple = tuple[Node, Node, Node]
Statement = tuple[str, str, str]  # subject, predicate, object in N-Triples syntax


def n(term: str) -> str:
    """An IRI in N-Triples syntax (IRIs from kg.rdf.iris need no further escaping)."""
    return f"<{term}>"


@lru_cache(maxsize=1 << 17)
def s(text: str) -> str:
    """A string literal in N-Triples syntax; cached, as catalogs repeat cells across agencies."""
    return literal_nt(text)


INTEGER = f"^^<{XSD.integer}>"
TRUE = f'"true"^^<{XSD.boolean}>'


def i(number: int) -> str:
    return f'"{number}"{INTEGER}'


# Predicates and classes, as N-Triples text once.
TYPE, PREF, ALT, LABEL = n(RDF.type), n(SKOS.prefLabel), n(SKOS.altLabel), n(RDFS.label)
DERIVED, LINE, IDENT, FORMAT = (
    n(PROV.wasDerivedFrom),
    n(V.sourceLine),
    n(DCTERMS.identifier),
    n(DCTERMS.format),
)
PART_OF, HAS_PART, NUMBER, ORDINAL = n(ELI.is_part_of), n(ELI.has_part), n(ELI.number), n(V.ordinal)
AGENCY, UNIT_OF, HAS_UNIT = n(V.agency), n(ORG.unitOf), n(ORG.hasUnit)
QUOTED, TITLE_WRITTEN = n(V.quotedText), n(V.titleAsWritten)
NUMBER_WRITTEN, PINPOINT_LABEL = n(V.numberAsWritten), n(V.pinpointLabel)


class NTerms:
    """`T.basis` is n(V.basis): N-Triples text of a namespace's terms, made on first use."""

    def __init__(self, source: object) -> None:
        self._source = source

    def __getattr__(self, name: str) -> str:
        value = n(getattr(self._source, name))
        setattr(self, name, value)
        return value


T, E, G, P = NTerms(V), NTerms(ELI), NTerms(ORG), NTerms(PROV)  # kg, eli, org, prov


# Item fields stored as literals, in the order of kg.models.ITEM_FIELDS.
ITEM_LITERALS = (
    ("category", n(V.category)),
    ("content", n(V.content)),
    ("basis", n(V.basisText)),
    ("provisions", n(V.provisionsText)),
    ("channel", n(V.channel)),
    ("time_limit", n(V.timeLimit)),
    ("mode", n(V.disclosureMode)),
)

# Pinpoint step kind -> subdivision class.
STEP_CLASS = {
    "art": V.Article,
    "suffix": V.Article,
    "para": V.Paragraph,
    "item": V.Point,
    "subitem": V.SubPoint,
    "sec": V.Section,
}
STEP_CLASS_NT = {kind: n(cls) for kind, cls in STEP_CLASS.items()}


def lit(value: str | int | bool) -> Literal:
    """An rdflib literal of the project's datatypes: xsd:string, xsd:integer, xsd:boolean."""
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(value)


@lru_cache(maxsize=65536)
def catalog_name(file: str) -> str:
    """The catalog's node is named by the file's base name (paths differ between machines)."""
    return PurePath(file.replace("\\", "/")).name or file


@lru_cache(maxsize=4096)
def numeral(number: int) -> str:
    from kg.statutes.model import chinese_number

    return chinese_number(number)


def step_label(kind: str, number: int, parent_number: int | None = None) -> tuple[str, str]:
    """(skos:prefLabel, eli:number) of one pinpoint step, e.g. ("第二十条", "20")."""
    if kind == "art":
        return f"第{numeral(number)}条", str(number)
    if kind == "suffix":
        base = numeral(parent_number) if parent_number is not None else ""
        return f"第{base}条之{numeral(number)}", f"{parent_number}之{number}"
    if kind == "para":
        return f"第{numeral(number)}款", str(number)
    if kind == "item":
        return f"第（{numeral(number)}）项", str(number)
    if kind == "subitem":
        return f"第{numeral(number)}目", str(number)
    return f"（{numeral(number)}）", str(number)
