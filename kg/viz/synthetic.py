"""Small graphs in the shape of the built graph, for tests and the `kg show` benchmark.

`sample_triples()` is a hand-made graph (two agencies, a regulation in two versions with
articles and points, a notice that promulgates a measure); `synthetic_triples(n)` scales the
same shape to n items. `memory_store` loads them into an in-memory kg Store.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.models import Pinpoint
from kg.rdf import vocab as V
from kg.rdf.iris import Iris
from kg.rdf.vocab import ELI, ORG

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# Catalog text a hostile or careless publisher could write; it must show as text.
PAYLOADS = ("<img src=x onerror=document.title='pwned'>", "<script>document.title='pwned'</script>")

REGULATION = "政府信息公开条例"
REGULATION_TITLE = "中华人民共和国政府信息公开条例"
DECREE = "国务院令第711号"


def memory_store(triples: Iterable[Triple]):
    """An in-memory kg Store holding the triples (its `select` is what kg.viz reads)."""
    from kg.rdf.store import Store

    return Store.memory(triples)


def _act(iris: Iris, short: str, version: str, title: str, number: str, in_force: bool) -> Iterator[Triple]:
    act = iris.act(short, version)
    yield act, RDF.type, V.LegalResource
    yield act, SKOS.prefLabel, Literal(title)
    yield act, V.shortTitle, Literal(short)
    if number:
        yield act, ELI.id_local, Literal(number)
    yield act, V.versionDate, Literal(version, datatype=XSD.date)
    yield act, ELI.in_force, Literal(in_force)
    yield act, V.level, Literal("行政法规")


def _sub(iris: Iris, act: URIRef, pinpoint: Pinpoint, text: str) -> Iterator[Triple]:
    """A subdivision and every ancestor between it and the act."""
    path = pinpoint.path()
    parent = act
    kinds = {"art": V.Article, "para": V.Paragraph, "item": V.Point, "sec": V.Section}
    labels = {"art": "第{}条", "para": "第{}款", "item": "（{}）", "sec": "（{}）"}
    for depth in range(1, len(path) + 1):
        kind, number = path[depth - 1]
        node = URIRef(f"{act}" + "".join(f"/{k}/{n}" for k, n in path[:depth]))
        yield node, RDF.type, ELI.LegalResourceSubdivision
        yield node, RDF.type, kinds[kind]
        yield node, ELI.is_part_of, parent
        yield parent, ELI.has_part, node
        yield node, ELI.number, Literal(str(number))
        yield node, V.ordinal, Literal(number)
        yield node, SKOS.prefLabel, Literal(labels[kind].format(number))
        if depth == len(path) and text:
            yield node, V.text, Literal(text)
        parent = node


def _item(iris: Iris, agency: str, ident: str, unit: str, targets, line: int, file: str,
          content: str = "", quote: str = "") -> Iterator[Triple]:
    item = iris.item(agency, ident)
    yield item, RDF.type, V.DisclosureItem
    yield item, SKOS.prefLabel, Literal(ident)
    yield item, V.category, Literal("机构职能信息")
    yield item, V.content, Literal(content or f"{ident}的内容")
    yield item, V.agency, iris.agency(agency)
    yield item, V.sourceLine, Literal(line)
    yield item, PROV.wasDerivedFrom, iris.catalog(file)
    if unit:
        yield item, V.responsibility, iris.unit(agency, unit)
    for target in targets:
        words = quote or f"{ident}引用的条文"
        cit = iris.citation(target, "basis", words)
        yield item, V.basis, target
        yield item, V.hasCitation, cit
        yield cit, RDF.type, V.Citation
        yield cit, V.cites, target
        yield cit, V.origin, Literal("basis")
        yield cit, V.quotedText, Literal(words)


def _agency(iris: Iris, agency: str, file: str, units: dict[str, tuple[str, ...]]) -> Iterator[Triple]:
    a = iris.agency(agency)
    yield a, RDF.type, ORG.Organization
    yield a, SKOS.prefLabel, Literal(agency)
    cat = iris.catalog(file)
    yield cat, RDF.type, V.Catalog
    yield cat, RDFS.label, Literal(file)
    yield cat, V.agency, a
    for unit, alts in units.items():
        u = iris.unit(agency, unit)
        yield u, RDF.type, ORG.OrganizationalUnit
        if unit.startswith("各"):
            yield u, RDF.type, V.CollectiveUnit
        yield u, SKOS.prefLabel, Literal(unit)
        for alt in alts:
            yield u, SKOS.altLabel, Literal(alt)
        yield u, ORG.unitOf, a
        yield a, ORG.hasUnit, u


def sample_triples(payload: bool = False, iris: Iris | None = None) -> list[Triple]:
    """The hand-made graph; with payload, one item's name, content and quote are PAYLOADS."""
    iris = iris or Iris()
    out: list[Triple] = []
    hy, xx = "衡阳市人力资源和社会保障局", "湘乡市人力资源和社会保障局"
    out += _agency(iris, hy, "hengyang-hrss.txt",
                   {"办公室": (), "法规信访股": ("审批服务股",), "各相关业务部门": ()})
    out += _agency(iris, xx, "xiangxiang-hrss.tsv", {"办公室": ()})
    reg = iris.act(REGULATION, "2019-04-03")
    out += _act(iris, REGULATION, "2019-04-03", REGULATION_TITLE, DECREE, True)
    out += _act(iris, REGULATION, "2007-04-05", REGULATION_TITLE, "国务院令第492号", False)
    out += [(reg, ELI.amends, iris.act(REGULATION, "2007-04-05"))]
    out += _sub(iris, reg, Pinpoint(article=19), "对涉及公众利益调整、需要公众广泛知晓……的政府信息，行政机关应当主动公开。")
    out += _sub(iris, reg, Pinpoint(article=20), "行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：")
    out += _sub(iris, reg, Pinpoint(article=20, item=2), "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；")
    out += _sub(iris, reg, Pinpoint(article=20, item=9), "政府集中采购项目的目录、标准及实施情况；")
    notice, measure = iris.act("关于印发就业补助资金管理办法的通知"), iris.act("就业补助资金管理办法")
    out += [(notice, RDF.type, V.LegalResource), (notice, SKOS.prefLabel, Literal("关于印发《就业补助资金管理办法》的通知")),
            (notice, ELI.id_local, Literal("财社〔2017〕164号")), (notice, V.promulgates, measure),
            (measure, RDF.type, V.LegalResource), (measure, SKOS.prefLabel, Literal("就业补助资金管理办法"))]
    out += _sub(iris, measure, Pinpoint(article=24), "各级财政、人力资源社会保障部门应当……公开就业补助资金使用情况。")
    art = lambda *p: iris.subdivision(reg, Pinpoint(*p))  # noqa: E731
    item_2 = iris.subdivision(reg, Pinpoint(article=20, item=2))
    out += _item(iris, hy, "领导信息", "办公室", [item_2], 7, "hengyang-hrss.txt")
    out += _item(iris, hy, "机构信息", "办公室", [item_2], 8, "hengyang-hrss.txt")
    out += _item(iris, hy, "政府采购", "法规信访股", [iris.subdivision(reg, Pinpoint(article=20, item=9))], 9, "hengyang-hrss.txt")
    out += _item(iris, hy, "信息公开年报", "各相关业务部门", [reg], 10, "hengyang-hrss.txt")
    out += _item(iris, hy, "就业补助资金", "", [iris.subdivision(measure, Pinpoint(article=24)), notice], 11, "hengyang-hrss.txt")
    out += _item(iris, xx, "领导信息", "办公室", [item_2, art(19)], 4, "xiangxiang-hrss.tsv")
    if payload:
        out += _item(iris, hy, PAYLOADS[0], "法规信访股", [art(19)], 12, "hengyang-hrss.txt",
                     content=PAYLOADS[1], quote=PAYLOADS[0] + PAYLOADS[1])
    return out


def synthetic_triples(n_items: int, seed: int = 7, iris: Iris | None = None) -> list[Triple]:
    """About n_items items over 20 agencies, 10 units each, 60 acts with 30 articles each."""
    iris = iris or Iris()
    rng = random.Random(seed)
    out: list[Triple] = []
    agencies = [f"第{a}人力资源和社会保障局" for a in range(20)]
    units = [f"第{u}股" for u in range(10)]
    for a in agencies:
        out += _agency(iris, a, f"{a}.txt", {u: () for u in units})
    acts = []
    for k in range(60):
        short = f"条例{k}"
        out += _act(iris, short, "2020-01-01", f"中华人民共和国{short}", f"国务院令第{700 + k}号", True)
        acts.append(iris.act(short, "2020-01-01"))
    for n in range(n_items):
        agency = agencies[n % len(agencies)]
        act = acts[min(int(rng.expovariate(0.15)), len(acts) - 1)]
        pin = Pinpoint(article=rng.randint(1, 30), item=rng.choice([None, None, 1, 2, 3]))
        target = iris.subdivision(act, pin)
        out += _sub(iris, act, pin, f"第{pin.article}条的条文")
        out += _item(iris, agency, f"事项{n}", rng.choice(units), [target], n + 4, f"{agency}.txt")
    return list(dict.fromkeys(out))
