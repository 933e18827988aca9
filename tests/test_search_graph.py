"""A small hand-made graph in the brief's shape, with texts worth searching.

Used by tests/test_search*.py and tests/test_ask*.py; it holds no tests itself.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDFS, SKOS

from kg.models import Pinpoint
from kg.rdf import vocab as V
from kg.rdf.iris import Iris

IRIS = Iris()
HY = "衡阳市人力资源和社会保障局"
XX = "湘乡市人力资源和社会保障局"
OGI = IRIS.act("政府信息公开条例", "2019-04-03")
INSURANCE = IRIS.act("社会保险法", "2018-12-29")
STATS = IRIS.act("统计法", "2024-09-13")
OPINION = IRIS.act("关于全面推进政务公开工作的意见")

ART20 = "行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息："
ART20_2 = "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；"
INS4 = "中华人民共和国境内的用人单位和个人依法缴纳社会保险费，有权查询缴费记录、个人权益记录。"
STATS27 = "县级以上人民政府有关部门统计调查取得的统计资料，由本部门按照国家有关规定公布。"

# (agency, name, content, unit, basis pinpoint or None for the whole act, act)
ITEMS = (
    (HY, "领导信息", "衡阳市人力资源和社会保障局主要领导姓名、职务、主管或分管工作、简介、工作寸照等。",
     "组织人事科", Pinpoint(article=20, item=2), OGI),
    (XX, "领导信息", "湘乡市人力资源和社会保障局主要领导姓名、职务、主管或分管工作、简介。",
     "办公室", Pinpoint(article=20, item=2), OGI),
    (HY, "机构信息", "法定职能，以及机关名称、办公地址、办公时间、联系方式、负责人姓名等。",
     "组织人事科", Pinpoint(article=20, item=2), OGI),
    (HY, "社会保险费征缴", "社会保险费征缴的政策、标准、程序及缴费记录查询方式。",
     "行政审批服务科", Pinpoint(article=4), INSURANCE),
    (HY, "信访事项办理", "信访事项的受理、办理程序和结果。", "法规信访股", Pinpoint(), OGI),
    (XX, "统计信息", "人力资源和社会保障事业发展统计公报、统计数据。", "办公室",
     Pinpoint(article=27), STATS),
    (XX, "权责清单", "权力清单和责任清单。", "办公室", Pinpoint(), OPINION),
)


def _act(g: Graph, act: URIRef, title: str, short: str, number: str = "") -> None:
    g.add((act, RDF.type, V.LegalResource))
    g.add((act, SKOS.prefLabel, Literal(title)))
    if short:
        g.add((act, V.shortTitle, Literal(short)))
    if number:
        g.add((act, V.ELI.id_local, Literal(number)))


def _sub(g: Graph, act: URIRef, pin: Pinpoint, text: str = "") -> URIRef:
    parent = act
    for kind, number in pin.path():
        node = URIRef(f"{parent}/{kind}/{number}")
        g.add((node, RDF.type, V.LegalResourceSubdivision))
        g.add((node, RDF.type, V.Article if kind == "art" else V.Point))
        g.add((node, V.ELI.is_part_of, parent))
        g.add((parent, V.ELI.has_part, node))
        g.add((node, V.ELI.number, Literal(str(number))))
        g.add((node, V.ordinal, Literal(number)))
        if kind == "art":
            g.add((node, SKOS.prefLabel, Literal(f"第{number}条")))
        parent = node
    if text:
        g.add((parent, V.text, Literal(text)))
    return parent


def search_graph(keywords: bool = True) -> Graph:
    g = Graph()
    _act(g, OGI, "中华人民共和国政府信息公开条例", "政府信息公开条例", "国务院令第711号")
    _act(g, INSURANCE, "中华人民共和国社会保险法", "社会保险法", "主席令第三十五号")
    _act(g, STATS, "中华人民共和国统计法", "统计法")
    _act(g, OPINION, "关于全面推进政务公开工作的意见", "")
    g.add((OPINION, V.mentions, OGI))
    _sub(g, OGI, Pinpoint(article=20), ART20)
    _sub(g, OGI, Pinpoint(article=20, item=2), ART20_2)
    _sub(g, INSURANCE, Pinpoint(article=4), INS4)
    _sub(g, STATS, Pinpoint(article=27), STATS27)
    for file, agency in (("hengyang-hrss.txt", HY), ("xiangxiang-hrss.tsv", XX)):
        catalog, ag = IRIS.catalog(file), IRIS.agency(agency)
        g.add((catalog, RDF.type, V.Catalog))
        g.add((catalog, RDFS.label, Literal(file)))
        g.add((catalog, V.agency, ag))
        g.add((ag, RDF.type, V.Organization))
        g.add((ag, SKOS.prefLabel, Literal(agency)))
    for line, (agency, name, content, unit, pin, act) in enumerate(ITEMS, 5):
        item, ag = IRIS.item(agency, name), IRIS.agency(agency)
        u = IRIS.unit(agency, unit)
        g.add((u, RDF.type, V.OrganizationalUnit))
        g.add((u, SKOS.prefLabel, Literal(unit)))
        g.add((u, V.ORG.unitOf, ag))
        g.add((item, RDF.type, V.DisclosureItem))
        g.add((item, SKOS.prefLabel, Literal(name)))
        g.add((item, V.content, Literal(content)))
        g.add((item, V.agency, ag))
        g.add((item, V.responsibility, u))
        g.add((item, V.basis, _sub(g, act, pin)))
        g.add((item, V.sourceLine, Literal(line)))
        g.add((item, PROV.wasDerivedFrom, IRIS.catalog("hengyang-hrss.txt" if agency == HY else "xiangxiang-hrss.tsv")))
        if keywords:
            from kg.textsearch.keywords import item_keywords

            words = item_keywords(f"{name} {content}", agency=agency)
            keyword_set = URIRef(f"{item}/keywords")  # the build shares sets; one each here
            g.add((item, V.keywordSet, keyword_set))
            g.add((keyword_set, RDF.type, V.KeywordSet))
            for word in words:
                g.add((keyword_set, V.keyword, Literal(word)))
    g.add((IRIS.unit(HY, "法规信访股"), SKOS.altLabel, Literal("审批服务股")))
    return g


def cache_folder(tmp_path_factory) -> Path:
    """One jieba/index cache folder for every search test module of the session."""
    return tmp_path_factory.getbasetemp() / "kg-cache"


def write_store(path: Path, graph: Graph | None = None) -> Path:
    """The graph in an on-disk Oxigraph store folder (what `kg build` leaves behind)."""
    store = ox.Store(str(path))
    data = (graph or search_graph()).serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    return path
