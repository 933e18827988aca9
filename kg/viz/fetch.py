"""Read the drawable part of the graph from a store with a few SPARQL SELECTs.

Items (optionally of one agency or unit), their units and agencies, the acts and
subdivisions they rest on with every ancestor up to the act, and promulgation links between
those acts. Optionally the whole subtree of a focused act or article, cited or not.
`select(sparql) -> list[dict[str, str]]` is any store's SELECT (kg.rdf.store.Store.select).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from kg.rdf import vocab
from kg.rdf.vocab import sparql_prologue
from kg.viz.model import Edge, Info, Node

Select = Callable[[str], list[dict[str, str]]]

# Characters that may not appear inside <...> in SPARQL; IRIs from a store never hold them.
_IRI_FORBIDDEN = frozenset('<>"{}|^`\\') | {chr(c) for c in range(0x21)}

_BATCH = 400  # IRIs per VALUES block

_SUBDIVISION_TYPES = {
    str(vocab.Article): "article",
    str(vocab.Paragraph): "paragraph",
    str(vocab.Point): "point",
    str(vocab.SubPoint): "point",
    str(vocab.Section): "section",
}
_ACT_TYPE = str(vocab.LegalResource)


def sparql_iri(iri: str) -> str:
    """An IRI as a SPARQL term; characters that could end the term are percent-encoded."""
    return "<" + "".join(
        "".join(f"%{b:02X}" for b in ch.encode()) if ch in _IRI_FORBIDDEN else ch for ch in iri
    ) + ">"


def sparql_literal(text: str) -> str:
    """A string as a SPARQL literal with quotes, backslashes and line breaks escaped."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def run(select: Select, body: str) -> list[dict[str, str]]:
    rows = select(sparql_prologue() + body)
    # Missing optional values may come back absent or as None; make both "".
    return [{k: ("" if v is None else str(v)) for k, v in row.items()} for row in rows]


def item_filter(agencies: Iterable[str] = (), units: Iterable[str] = ()) -> str:
    """Graph pattern restricting ?item to some agencies and/or units (IRIs from the store)."""
    out = ""
    if agencies:
        out += f" VALUES ?itemAgency {{ {' '.join(sparql_iri(a) for a in sorted(agencies))} }}"
        out += " ?item kg:agency ?itemAgency ."
    if units:
        out += f" VALUES ?itemUnit {{ {' '.join(sparql_iri(u) for u in sorted(units))} }}"
        out += " ?item kg:responsibility ?itemUnit ."
    return out


def _values(var: str, iris: Iterable[str]) -> Iterable[str]:
    ordered = sorted(set(iris))
    for i in range(0, len(ordered), _BATCH):
        yield f"VALUES ?{var} {{ {' '.join(sparql_iri(x) for x in ordered[i : i + _BATCH])} }}"


def _first(rows: list[dict[str, str]], key: str, *fields: str) -> dict[str, dict[str, str]]:
    """One record per key: for each field, the smallest non-empty value (deterministic)."""
    out: dict[str, dict[str, str]] = {}
    for row in sorted(rows, key=lambda r: tuple(r.get(f, "") for f in (key, *fields))):
        rec = out.setdefault(row[key], {})
        for f in fields:
            if row.get(f) and not rec.get(f):
                rec[f] = row[f]
    return out


def _many(rows: list[dict[str, str]], key: str, value: str) -> dict[str, list[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.get(value):
            out[row[key]].add(row[value])
    return {k: sorted(v) for k, v in out.items()}


def _info(*pairs: tuple[str, str]) -> Info:
    return tuple((k, v) for k, v in pairs if v)


def _where(file: str, line: str) -> str:
    return f"{file}:{line}" if file and line else file or (f"line {line}" if line else "")


class GraphReader:
    """Collects nodes and edges from the store; `nodes` and `edges` are filled by the reads."""

    def __init__(self, select: Select) -> None:
        self.select = select
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}

    def _edge(self, source: str, target: str, kind: str, info: Info = ()) -> None:
        self.edges.setdefault((source, target, kind), Edge(source, target, kind, info))

    def read_items(self, agencies: Iterable[str] = (), units: Iterable[str] = ()) -> None:
        flt = item_filter(agencies, units)
        rows = run(self.select, f"""
SELECT ?item ?name ?agency ?category ?content ?basisText ?provisions ?line ?file WHERE {{
  ?item a kg:DisclosureItem .{flt}
  OPTIONAL {{ ?item kg:agency ?agency }}
  OPTIONAL {{ ?item skos:prefLabel ?name }}
  OPTIONAL {{ ?item kg:category ?category }}
  OPTIONAL {{ ?item kg:content ?content }}
  OPTIONAL {{ ?item kg:basisText ?basisText }}
  OPTIONAL {{ ?item kg:provisionsText ?provisions }}
  OPTIONAL {{ ?item kg:sourceLine ?line }}
  OPTIONAL {{ ?item prov:wasDerivedFrom ?cat . ?cat rdfs:label ?file }}
}}""")
        fields = ("name", "agency", "category", "content", "basisText", "provisions", "line", "file")
        for iri, rec in _first(rows, "item", *fields).items():
            name = rec.get("name") or iri.rsplit("/", 1)[-1]
            info = _info(
                ("item", name),
                ("category", rec.get("category", "")),
                ("content", rec.get("content", "")),
                ("basis as written", rec.get("basisText", "")),
                ("provisions as written", rec.get("provisions", "")),
                ("source", _where(rec.get("file", ""), rec.get("line", ""))),
            )
            self.nodes[iri] = Node(iri, "item", name, info, (name,))
        links = run(self.select, f"""
SELECT ?item ?p ?o WHERE {{
  ?item a kg:DisclosureItem .{flt}
  VALUES ?p {{ kg:basis kg:responsibility }}
  ?item ?p ?o .
}}""")
        has_unit = {r["item"] for r in links if r["p"].endswith("#responsibility")}
        for r in links:
            self._edge(r["item"], r["o"], "basis" if r["p"].endswith("#basis") else "responsibility")
        self._read_citations(flt)
        agencies = _many(rows, "item", "agency")
        for iri in sorted(self.nodes):
            if self.nodes[iri].kind == "item" and iri not in has_unit:
                for a in agencies.get(iri, []):
                    self._edge(iri, a, "agency")

    def _read_citations(self, flt: str) -> None:
        rows = run(self.select, f"""
SELECT ?item ?c ?target ?quote ?pin ?title ?number ?verdict ?line ?file ?flag WHERE {{
  ?item a kg:DisclosureItem .{flt}
  ?item kg:hasCitation ?c . ?c kg:cites ?target .
  OPTIONAL {{ ?c kg:quotedText ?quote }}
  OPTIONAL {{ ?c kg:pinpointLabel ?pin }}
  OPTIONAL {{ ?c kg:titleAsWritten ?title }}
  OPTIONAL {{ ?c kg:numberAsWritten ?number }}
  OPTIONAL {{ ?c kg:verdict ?verdict }}
  OPTIONAL {{ ?item kg:sourceLine ?line }}
  OPTIONAL {{ ?item prov:wasDerivedFrom ?cat . ?cat rdfs:label ?file }}
  OPTIONAL {{ ?c kg:flag ?flag }}
}}""")
        flags = _many(rows, "c", "flag")
        # A citation node is shared by the items citing in the same words: one record per
        # (item, citation), the source being the item's.
        for r in rows:
            r["use"] = f"{r['item']}\n{r['c']}"
        cites = _first(rows, "use", "item", "c", "target", "quote", "pin", "title", "number",
                       "verdict", "line", "file")
        per_edge: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for use in sorted(cites):
            rec = cites[use]
            c = rec["c"]
            per_edge[(rec["item"], rec["target"])].extend(_info(
                ("title as written", rec.get("title", "")),
                ("number as written", rec.get("number", "")),
                ("pinpoint as written", rec.get("pin", "")),
                ("quoted words", rec.get("quote", "")),
                ("check", rec.get("verdict", "")),
                ("flags", ", ".join(flags.get(c, []))),
                ("source", _where(rec.get("file", ""), rec.get("line", ""))),
            ))
        for (item, target), info in sorted(per_edge.items()):
            self.edges[(item, target, "basis")] = Edge(item, target, "basis", tuple(info))

    def read_units(self) -> None:
        """Units and agencies that items point at, with unit -> agency edges."""
        units = {e.target for e in self.edges.values() if e.kind == "responsibility"}
        agencies = {e.target for e in self.edges.values() if e.kind == "agency"}
        for block in _values("u", units):
            rows = run(self.select, f"""
SELECT ?u ?label ?alt ?agency ?collective WHERE {{ {block}
  OPTIONAL {{ ?u skos:prefLabel ?label }}
  OPTIONAL {{ ?u skos:altLabel ?alt }}
  OPTIONAL {{ ?u org:unitOf ?agency }}
  BIND(EXISTS {{ ?u a kg:CollectiveUnit }} AS ?collective)
}}""")
            alts = _many(rows, "u", "alt")
            for iri, rec in _first(rows, "u", "label", "agency", "collective").items():
                name = rec.get("label") or iri.rsplit("/", 1)[-1]
                info = _info(
                    ("unit", name),
                    ("also written", "、".join(alts.get(iri, []))),
                    ("stands for several units", "yes" if rec.get("collective") in ("true", "1") else ""),
                )
                self.nodes[iri] = Node(iri, "unit", name, info, (name, *alts.get(iri, [])))
                if rec.get("agency"):
                    agencies.add(rec["agency"])
                    self._edge(iri, rec["agency"], "unit of")
        for block in _values("a", agencies):
            rows = run(self.select, f"SELECT ?a ?label WHERE {{ {block} OPTIONAL {{ ?a skos:prefLabel ?label }} }}")
            for iri, rec in _first(rows, "a", "label").items():
                name = rec.get("label") or iri.rsplit("/", 1)[-1]
                self.nodes[iri] = Node(iri, "agency", name, _info(("agency", name)), (name,))

    def read_legal(self, flt: str = "", focus: str | None = None) -> None:
        """Basis targets, their ancestors, the focus subtree, and promulgation links."""
        legal = {e.target for e in self.edges.values() if e.kind == "basis"}
        parents: dict[str, str] = {}
        up = run(self.select, f"""
SELECT DISTINCT ?s ?p WHERE {{
  ?item kg:basis ?t .{flt} ?t eli:is_part_of* ?s . ?s eli:is_part_of ?p .
}}""")
        if focus:
            up += run(self.select, f"""
SELECT ?s ?p WHERE {{ ?s eli:is_part_of+ {sparql_iri(focus)} . ?s eli:is_part_of ?p . }}""")
            legal.add(focus)
            up += run(self.select, f"""
SELECT ?s ?p WHERE {{ {sparql_iri(focus)} eli:is_part_of+ ?s . ?s eli:is_part_of ?p . }}""")
            up += run(self.select, f"SELECT ?s ?p WHERE {{ {sparql_iri(focus)} eli:is_part_of ?p . BIND({sparql_iri(focus)} AS ?s) }}")
        for r in sorted(up, key=lambda r: (r["s"], r["p"])):
            parents.setdefault(r["s"], r["p"])
            legal.update((r["s"], r["p"]))
        promulgates = run(self.select, "SELECT ?a ?b WHERE { ?a kg:promulgates ?b }")
        for r in sorted(promulgates, key=lambda r: (r["a"], r["b"])):
            if r["a"] in legal or r["b"] in legal:
                legal.update((r["a"], r["b"]))
                self._edge(r["a"], r["b"], "promulgates")
        self._read_legal_nodes(legal, parents)
        for child, parent in sorted(parents.items()):
            if child in self.nodes and parent in self.nodes:
                self._edge(child, parent, "part of")

    def _read_legal_nodes(self, iris: set[str], parents: dict[str, str]) -> None:
        kinds: dict[str, str] = {}
        recs: dict[str, dict[str, str]] = {}
        multi: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for block in _values("n", iris):
            types = run(self.select, f"SELECT ?n ?type WHERE {{ {block} ?n a ?type }}")
            for r in sorted(types, key=lambda r: (r["n"], r["type"])):
                kind = _SUBDIVISION_TYPES.get(r["type"]) or ("act" if r["type"] == _ACT_TYPE else "")
                if kind and kinds.get(r["n"]) in (None, "act"):
                    kinds[r["n"]] = kind
            rows = run(self.select, f"""
SELECT ?n ?label ?short ?number ?ordinal ?text ?level ?version ?inforce ?match WHERE {{ {block}
  OPTIONAL {{ ?n skos:prefLabel ?label }}
  OPTIONAL {{ ?n kg:shortTitle ?short }}
  OPTIONAL {{ ?n eli:number ?number }}
  OPTIONAL {{ ?n kg:ordinal ?ordinal }}
  OPTIONAL {{ ?n kg:text ?text }}
  OPTIONAL {{ ?n kg:level ?level }}
  OPTIONAL {{ ?n kg:versionDate ?version }}
  OPTIONAL {{ ?n eli:in_force ?inforce }}
  OPTIONAL {{ ?n kg:statuteMatch ?match }}
}}""")
            recs.update(_first(rows, "n", "label", "short", "number", "ordinal", "text", "level",
                               "version", "inforce", "match"))
            many = run(self.select, f"""
SELECT ?n ?p ?v WHERE {{ {block} VALUES ?p {{ skos:altLabel eli:id_local }} ?n ?p ?v }}""")
            for p in ("altLabel", "id_local"):
                for n, vals in _many([r for r in many if r["p"].endswith(p)], "n", "v").items():
                    multi[n][p] = vals
        for iri in sorted(kinds):
            rec, kind = recs.get(iri, {}), kinds[iri]
            if kind == "act":
                self.nodes[iri] = _act_node(iri, rec, multi[iri])
            else:
                self.nodes[iri] = _subdivision_node(iri, kind, rec, parents.get(iri, ""))


def _act_node(iri: str, rec: dict[str, str], multi: dict[str, list[str]]) -> Node:
    title = rec.get("label") or iri.rsplit("/", 1)[-1]
    # Without a library short title, drop the state's name as library short titles do.
    short = rec.get("short") or title.removeprefix("中华人民共和国") or title
    numbers = multi.get("id_local", [])
    in_force = {"true": "yes", "1": "yes", "false": "no", "0": "no"}.get(rec.get("inforce", ""), "")
    info = _info(
        ("act", title),
        ("also written", "、".join(a for a in multi.get("altLabel", []) if a != title)),
        ("number", "、".join(numbers)),
        ("level", rec.get("level", "")),
        ("version", rec.get("version", "")),
        ("in force", in_force),
        ("matched to statute by", rec.get("match", "")),
    )
    terms = (title, short, *numbers, *multi.get("altLabel", []))
    return Node(iri, "act", short, info, tuple(dict.fromkeys(terms)))


def subdivision_label(kind: str, number: str, fallback: str) -> str:
    """Short label: 第20条, 第2款, (3), (6)."""
    if not number:
        return fallback
    return {"article": f"第{number}条", "paragraph": f"第{number}款"}.get(kind, f"({number})")


def _subdivision_node(iri: str, kind: str, rec: dict[str, str], parent: str) -> Node:
    number = rec.get("number") or rec.get("ordinal", "")
    label = subdivision_label(kind, number, rec.get("label") or iri.rsplit("/", 1)[-1])
    info = _info((kind, rec.get("label", "") or label), ("statute words", rec.get("text", "")))
    return Node(iri, kind, label, info, (), parent)
