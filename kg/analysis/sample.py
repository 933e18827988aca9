"""A small hand-made graph in the contract shape, for tests, docs and examples.

Two agencies, a dozen items, acts with versions, articles, paragraphs, items (项), a
第二十条之一, a notice that promulgates a rule and one that mentions an act. It follows the
graph shape in the team brief, built only from `kg.rdf.iris` and `kg.rdf.vocab`.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD

from kg.models import Pinpoint
from kg.rdf import vocab as V
from kg.rdf.iris import Iris
from kg.rdf.ntterms import step_label

IRIS = Iris()
REGULATION = IRIS.act("政府信息公开条例", "2019-04-03")
REGULATION_2007 = IRIS.act("政府信息公开条例", "2007-04-05")
STATISTICS_2009 = IRIS.act("统计法", "2009-06-27")
STATISTICS_2024 = IRIS.act("统计法", "2024-09-13")
DEPUTIES = IRIS.act("代表法", "2015-08-29")
PLATFORM = IRIS.act("国办公开办函〔2019〕61号")
NOTICE = IRIS.act("湘人社规〔2025〕1号")
HIRING = IRIS.act("湖南省事业单位公开招聘人员办法")

AGENCY_A = "甲市人力资源和社会保障局"
AGENCY_B = "乙市人力资源和社会保障局"

OLD_24 = "县级以上人民政府有关部门统计调查取得的统计资料，由本部门按照国家有关规定公布。"
OLD_27 = "国务院设立国家统计局，依法组织领导和协调全国的统计工作。"
NEW_24 = "国家机关、企业事业单位和其他组织等统计调查对象，应当按照国家有关规定设置原始记录。"
NEW_30 = OLD_27


def _act(g: Graph, act: URIRef, title: str, short: str, *, number: str = "",
         version: str = "", alt: tuple[str, ...] = ()) -> None:
    g.add((act, RDF.type, V.LegalResource))
    g.add((act, SKOS.prefLabel, Literal(title)))
    if short:
        g.add((act, V.shortTitle, Literal(short)))
    for label in alt:
        g.add((act, SKOS.altLabel, Literal(label)))
    if number:
        g.add((act, V.ELI.id_local, Literal(number)))
    if version:
        g.add((act, V.versionDate, Literal(version, datatype=XSD.date)))


_KIND = {"art": V.Article, "suffix": V.Article, "para": V.Paragraph, "item": V.Point,
         "subitem": V.SubPoint, "sec": V.Section}


def _sub(g: Graph, act: URIRef, pin: Pinpoint, text: str = "") -> URIRef:
    """Create every node on the pinpoint's path under `act`, linked both ways."""
    parent, node, previous = act, act, 0
    for kind, number in pin.path():
        node = URIRef(f"{parent}/{kind}/{number}")
        g.add((node, RDF.type, V.LegalResourceSubdivision))
        g.add((node, RDF.type, _KIND[kind]))
        g.add((node, V.ELI.is_part_of, parent))
        g.add((parent, V.ELI.has_part, node))
        # Labelled and numbered as kg.rdf.graph does: 第二十条之一 is "20之1".
        label, eli_number = step_label(kind, number, previous)
        g.add((node, SKOS.prefLabel, Literal(label)))
        g.add((node, V.ELI.number, Literal(eli_number)))
        g.add((node, V.ordinal, Literal(number)))
        parent, previous = node, number
    if text:
        g.add((node, V.text, Literal(text)))
    return node


def _item(g: Graph, agency: str, name: str, line: int, category: str, units: tuple[str, ...],
          cites: tuple[tuple[URIRef, str, str], ...] = ()) -> URIRef:
    catalog = IRIS.catalog("a.txt" if agency == AGENCY_A else "b.tsv")
    item = IRIS.item(agency, name)
    ag = IRIS.agency(agency)
    g.add((item, RDF.type, V.DisclosureItem))
    g.add((item, SKOS.prefLabel, Literal(name)))
    g.add((item, DCTERMS.identifier, Literal(name)))
    g.add((item, V.category, Literal(category)))
    g.add((item, V.agency, ag))
    g.add((item, V.sourceLine, Literal(line)))
    g.add((item, PROV.wasDerivedFrom, catalog))
    for unit in units:
        g.add((item, V.responsibility, IRIS.unit(agency, unit)))
    for target, label, quote in cites:
        origin = "provisions" if label else "basis"
        cit = IRIS.citation(target, origin, quote, label)
        g.add((item, V.basis, target))
        g.add((item, V.hasCitation, cit))
        g.add((cit, RDF.type, V.Citation))
        g.add((cit, V.cites, target))
        g.add((cit, V.origin, Literal(origin)))
        if label:
            g.add((cit, V.pinpointLabel, Literal(label)))
        if quote:
            g.add((cit, V.quotedText, Literal(quote)))
    return item


def _agency(g: Graph, agency: str, file: str, units: tuple[str, ...]) -> None:
    ag = IRIS.agency(agency)
    g.add((ag, RDF.type, V.Organization))
    g.add((ag, SKOS.prefLabel, Literal(agency)))
    catalog = IRIS.catalog(file)
    g.add((catalog, RDF.type, V.Catalog))
    g.add((catalog, RDFS.label, Literal(file)))
    g.add((catalog, V.agency, ag))
    for unit in units:
        u = IRIS.unit(agency, unit)
        g.add((u, RDF.type, V.OrganizationalUnit))
        g.add((u, SKOS.prefLabel, Literal(unit)))
        g.add((u, V.ORG.unitOf, ag))
        g.add((ag, V.ORG.hasUnit, u))


def sample_graph() -> Graph:
    g = Graph()
    _agency(g, AGENCY_A, "a.txt", ("办公室", "法规科", "信息中心"))
    _agency(g, AGENCY_B, "b.tsv", ("办公室", "人事股", "财务股"))
    _act(g, REGULATION, "中华人民共和国政府信息公开条例", "政府信息公开条例",
         number="国务院令第711号", version="2019-04-03")
    _act(g, REGULATION_2007, "中华人民共和国政府信息公开条例", "政府信息公开条例",
         number="国务院令第492号", version="2007-04-05")
    _act(g, STATISTICS_2009, "中华人民共和国统计法", "统计法", version="2009-06-27")
    _act(g, STATISTICS_2024, "中华人民共和国统计法", "统计法", version="2024-09-13")
    _act(g, DEPUTIES, "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法", "代表法")
    _act(g, PLATFORM, "国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知",
         "", number="国办公开办函〔2019〕61号")
    _act(g, NOTICE, "中共湖南省委组织部 湖南省人力资源和社会保障厅关于印发〈湖南省事业单位公开招聘人员办法〉的通知",
         "", number="湘人社规〔2025〕1号")
    _act(g, HIRING, "湖南省事业单位公开招聘人员办法", "")
    g.add((PLATFORM, V.mentions, REGULATION))
    g.add((NOTICE, V.promulgates, HIRING))

    art20_2 = _sub(g, REGULATION, Pinpoint(article=20, item=2), "机关职能、机构设置……")
    art20_7 = _sub(g, REGULATION, Pinpoint(article=20, item=7), "财政预算、决算信息")
    art20 = _sub(g, REGULATION, Pinpoint(article=20))
    art20_1 = _sub(g, REGULATION, Pinpoint(article=20, article_suffix=1))
    art12 = _sub(g, REGULATION, Pinpoint(article=12))
    old20 = _sub(g, REGULATION_2007, Pinpoint(article=20))
    s24_old = _sub(g, STATISTICS_2009, Pinpoint(article=24), OLD_24)
    _sub(g, STATISTICS_2009, Pinpoint(article=27), OLD_27)
    s27 = _sub(g, STATISTICS_2024, Pinpoint(article=27), OLD_24)
    s24 = _sub(g, STATISTICS_2024, Pinpoint(article=24), NEW_24)
    _sub(g, STATISTICS_2024, Pinpoint(article=30), NEW_30)
    d51_3 = _sub(g, DEPUTIES, Pinpoint(article=51, paragraph=3))
    d51_2 = _sub(g, DEPUTIES, Pinpoint(article=51, paragraph=2))

    a = AGENCY_A
    _item(g, a, "领导信息", 7, "机构职能信息", ("办公室",),
          ((art20_2, "第20条第(2)项", "(二)机关职能"), (REGULATION, "", "")))
    _item(g, a, "法规规章", 12, "政策文件信息", ("法规科",), ((art20, "第20条", "行政法规"),))
    _item(g, a, "政府信息公开指南", 37, "政府信息公开", ("办公室",),
          ((art12, "第12条", ""), (REGULATION, "", "")))
    _item(g, a, "依申请公开", 39, "政府信息公开", ("办公室",), ((REGULATION, "", ""),))
    _item(g, a, "统计信息", 14, "统计信息", ("信息中心",),
          ((s27, "第27条", OLD_24), (STATISTICS_2024, "", "")))
    _item(g, a, "社会保障卡信息", 32, "业务事项", ("信息中心",))
    _item(g, a, "公开平台", 38, "政府信息公开", ("办公室",), ((PLATFORM, "", ""),))
    _item(g, a, "试点条款", 40, "政府信息公开", ("法规科",), ((art20_1, "第20条之1", ""),))
    _item(g, a, "旧条例事项", 41, "政府信息公开", ("法规科",), ((old20, "第20条", ""),))
    b = AGENCY_B
    _item(g, b, "领导信息", 4, "机构职能信息", ("办公室", "人事股"),
          ((art20_2, "第20条第(2)项", "(二)机关职能"),))
    _item(g, b, "财政预决算", 12, "财政信息", ("财务股",), ((art20_7, "第20条第(7)项", ""),))
    _item(g, b, "人员聘用", 15, "人事信息", ("人事股",), ((NOTICE, "", ""),))
    _item(g, b, "统计资料", 20, "统计信息", ("财务股",), ((s24, "第24条", OLD_24),))
    _item(g, b, "旧统计", 21, "统计信息", ("财务股",), ((s24_old, "第24条", OLD_24),))
    _item(g, b, "代表建议", 22, "建议提案", ("办公室",), ((d51_3, "第51条第3款", ""),))
    _item(g, b, "代表意见", 23, "建议提案", ("办公室",), ((d51_2, "第51条第2款", ""),))
    return g


def sample_store() -> ox.Store:
    """The sample graph loaded into an in-memory Oxigraph store."""
    store = ox.Store()
    data = sample_graph().serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return store
