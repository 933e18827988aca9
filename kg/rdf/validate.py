"""SHACL validation of a graph against ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import SH

from kg.errors import ValidationError

# kg/ontology links to the top-level ontology/ folder, so wheels ship the same files.
ONTOLOGY_DIR = Path(__file__).parents[1] / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"


@dataclass
class Report:
    conforms: bool
    results: list[dict[str, str]] = field(default_factory=list)


def load(path: Path) -> rdflib.Graph:
    if not path.is_file():
        raise ValidationError("ontology file missing", file=str(path))
    return rdflib.Graph().parse(path, format="turtle")


def validate_graph(data: rdflib.Graph) -> Report:
    """Validate `data`; the ontology is mixed in so sh:class sees rdfs:subClassOf."""
    import pyshacl

    conforms, results_graph, _ = pyshacl.validate(
        data,
        shacl_graph=load(SHAPES),
        ont_graph=load(ONTOLOGY),
        inference="none",
        allow_warnings=True,
    )
    rows = []
    for result in results_graph.subjects(rdflib.RDF.type, SH.ValidationResult):

        def get(p: rdflib.URIRef, r: rdflib.term.Node = result) -> str:
            value = results_graph.value(r, p)
            return "" if value is None else str(value)

        rows.append(
            {
                "severity": get(SH.resultSeverity).rsplit("#", 1)[-1],
                "node": get(SH.focusNode),
                "path": get(SH.resultPath),
                "value": get(SH.value),
                "message": get(SH.resultMessage),
            }
        )
    rows.sort(key=lambda r: (r["node"], r["path"], r["message"]))
    return Report(bool(conforms), rows)
