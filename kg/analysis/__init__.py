"""Answers to the users' questions over the built graph (issue 6).

- `depends.depends(store, phrase, article=None, paragraph=None, item=None, transitive=False)`:
  what rests on an act or a place in it;
- `impact.impact(store, amendment)`: what an amendment touches (amendment files:
  `amendment.load(path)`; two versions: `versions.amendment_from_versions(old, new)`);
- `stats.stats(store, top=10)`: tables about the whole graph;
- `report.report(result, "md" | "html" | "csv")`: a report of an impact.

`store` is a store folder, a `kg.rdf.store.Store`, a `pyoxigraph.Store` or any object with
`select(sparql, bindings)` (see `source.py`). Modules import lazily; import what you use.
"""
