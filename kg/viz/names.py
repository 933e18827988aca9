"""Find the nodes a user names (`--focus ACT[:ARTICLE]`, `--agency`, `--unit`) by their labels.

User text reaches SPARQL only as escaped literals. Acts match on skos:prefLabel, altLabel,
kg:shortTitle or eli:id_local, exactly first, then as a part of a label; decree numbers are
normalised first (国务院令711号 -> 国务院令第711号) when kg.resolve is there to do it.
"""

from __future__ import annotations

from kg.errors import NotFoundError
from kg.models import Pinpoint
from kg.numerals import to_int
from kg.rdf.iris import Iris
from kg.viz.fetch import Select, run, sparql_iri, sparql_literal

_STRIP = "《》〈〉<>\"“” \t\u3000"


def _variants(text: str) -> list[str]:
    """The text as typed, without title marks or spaces, and as a normalised number."""
    plain = "".join(ch for ch in text if ch not in _STRIP)
    out = [text.strip(), plain]
    try:
        from kg.resolve import normalise_number
    except ImportError:  # the citations stage is optional for this lookup
        normalise_number = None
    if normalise_number is not None:
        try:
            out.append(normalise_number(plain))
        except Exception:  # noqa: BLE001 - not a number: fine, match the text as typed
            pass
    return sorted({v for v in out if v})


def _match(select: Select, cls: str, text: str, extra: str = "", props: str = "") -> list[dict[str, str]]:
    values = " ".join(sparql_literal(v) for v in _variants(text))
    props = props or "skos:prefLabel skos:altLabel"
    base = f"?n a {cls} . VALUES ?p {{ {props} }} ?n ?p ?l . {extra}"
    rows = run(select, f"SELECT DISTINCT ?n ?l WHERE {{ {base} VALUES ?q {{ {values} }} FILTER(STR(?l) = ?q) }}")
    if not rows:  # 国务院令711号 names 国务院令第711号 even without kg.resolve
        loose = " ".join(sparql_literal(v.replace("第", "")) for v in _variants(text))
        rows = run(select, f"SELECT DISTINCT ?n ?l WHERE {{ {base} VALUES ?q {{ {loose} }} "
                           'FILTER(REPLACE(STR(?l), "第", "") = ?q) }')
    if not rows:
        longest = sparql_literal(max(_variants(text), key=len))
        rows = run(select, f"SELECT DISTINCT ?n ?l WHERE {{ {base} FILTER(CONTAINS(STR(?l), {longest})) }}")
    return rows


def find_agencies(select: Select, name: str) -> list[str]:
    rows = _match(select, "org:Organization", name)
    if not rows:
        raise NotFoundError(f"no agency is called {name!r}", field="agency")
    return _best(rows)


def find_units(select: Select, name: str, agencies: list[str] = ()) -> list[str]:
    """Units called `name` (in every agency unless agencies are given)."""
    extra = ""
    if agencies:
        extra = f"VALUES ?a {{ {' '.join(sparql_iri(a) for a in agencies)} }} ?n org:unitOf ?a ."
    rows = _match(select, "org:OrganizationalUnit", name, extra)
    if not rows:
        raise NotFoundError(f"no unit is called {name!r}", field="unit")
    return _best(rows)


def _best(rows: list[dict[str, str]]) -> list[str]:
    """Nodes whose matching label is the shortest (exact matches first, then closest)."""
    shortest = min(len(r["l"]) for r in rows)
    return sorted({r["n"] for r in rows if len(r["l"]) == shortest})


def find_act(select: Select, text: str) -> str:
    """The act a title, short title or number names; the cited, in-force, latest version wins."""
    rows = _match(select, "eli:LegalResource", text,
                  props="skos:prefLabel skos:altLabel kg:shortTitle eli:id_local")
    if not rows:
        raise NotFoundError(f"no act is called {text!r}", field="focus")
    shortest = min(len(r["l"]) for r in rows)
    acts = sorted({r["n"] for r in rows if len(r["l"]) == shortest})
    ranked = []
    for act in acts:
        rec = run(select, f"""
SELECT ?inforce ?version ?cited WHERE {{
  OPTIONAL {{ {sparql_iri(act)} eli:in_force ?inforce }}
  OPTIONAL {{ {sparql_iri(act)} kg:versionDate ?version }}
  BIND(EXISTS {{ ?x eli:is_part_of* {sparql_iri(act)} . ?i kg:basis ?x }} AS ?cited)
}}""")
        r = rec[0] if rec else {}
        ranked.append((
            r.get("cited") not in ("true", "1"),
            r.get("inforce") in ("false", "0"),
            _negate(r.get("version", "")),
            act,
        ))
    return min(ranked)[-1]


def _negate(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def parse_article(text: str) -> Pinpoint:
    """`20`, `第20条`, `第二十条`, `20.3` (article 20, paragraph 3) -> Pinpoint."""
    try:
        from kg.resolve import parse_user_reference
    except ImportError:
        parse_user_reference = None
    if parse_user_reference is not None:
        try:
            pinpoint = parse_user_reference(text)[1]
            if not pinpoint.is_empty:
                return pinpoint
        except Exception:  # noqa: BLE001 - fall back to the simple forms below
            pass
    plain = text.strip().removeprefix("第").removesuffix("条")
    article, _, paragraph = plain.partition(".")
    try:
        return Pinpoint(
            article=to_int(article),
            paragraph=int(paragraph) if paragraph else None,
        )
    except (ValueError, TypeError) as err:
        raise NotFoundError(f"cannot read {text!r} as an article", field="focus") from err


def _split_phrase(text: str) -> tuple[str, Pinpoint | None]:
    """`政府信息公开条例第二十条` (no colon) -> the act's words and the pinpoint, via kg.resolve."""
    try:
        from kg.resolve import parse_user_reference

        ref, pinpoint = parse_user_reference(text)
    except Exception:  # noqa: BLE001 - without a parse, the whole text names the act
        return text, None
    if pinpoint.is_empty or not (ref.title or ref.number):
        return text, None
    return ref.title or ref.number, pinpoint


def find_focus(select: Select, text: str) -> str:
    """The IRI of `ACT`, `ACT:ARTICLE` (the colon may be full-width) or `ACT第X条`."""
    act_text, sep, article = text.replace("：", ":").rpartition(":")
    if sep:
        pinpoint = parse_article(article) if article.strip() else None
    else:
        act_text, pinpoint = _split_phrase(text)
    act = find_act(select, act_text)
    if pinpoint is None:
        return act
    iri = str(Iris().subdivision(act, pinpoint))
    if not run(select, f"SELECT ?t WHERE {{ {sparql_iri(iri)} a ?t }} LIMIT 1"):
        raise NotFoundError(f"{act_text} has no {pinpoint.label()} in the graph", field="focus")
    return iri
