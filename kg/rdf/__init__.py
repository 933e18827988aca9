"""RDF side of kg: vocabulary, IRIs, graph building, stores and SPARQL."""
