"""kg.rdf.graph: pipeline values in, triples of the documented graph shape out."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg.models import (
    CatalogRead,
    Citation,
    Document,
    DocumentRef,
    Item,
    Pinpoint,
    Repair,
    Responsibility,
    Unit,
)
from kg.rdf import vocab as V
from kg.rdf.graph import GraphBuilder
from kg.rdf.iris import Iris, digest
from kg.rdf.ntterms import step_label
from kg.rdf.statements import (
    catalog_statements,
    catalog_triples,
    extraction_statements,
    read_statements,
)
from kg.rdf.terms import from_nt
from kg.rdf.vocab import ELI, ORG

INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
AGENCY = "衡阳市人力资源和社会保障局"
BASE = "http://example.org/id/"
IRIS = Iris(BASE)
ACT = URIRef(BASE + "act/国务院令第711号")
ITEM = URIRef(BASE + f"agency/{AGENCY}/item/领导信息")


def item(ident: str = "领导信息", line: int = 7) -> Item:
    return Item(
        agency=AGENCY,
        ident=ident,
        category="机构职能信息",
        name=ident,
        content="主要领导姓名",
        basis="《中华人民共和国政府信息公开条例》",
        provisions="第二十条",
        channel="政府网站",
        time_limit="20个工作日",
        mode="主动公开",
        responsibility="组织人事科",
        file="data/catalogs/hengyang-hrss.txt",
        line=line,
    )


def citation(
    pin: Pinpoint,
    quote: str = "（二）机关职能",
    key: str = "国务院令第711号",
    ident: str = "领导信息",
) -> Citation:
    return Citation(
        agency=AGENCY,
        item=ident,
        document_key=key,
        ref=DocumentRef(title="中华人民共和国政府信息公开条例", number="国务院令711号"),
        pinpoint=pin,
        quote=quote,
        origin="both",
        file="data/catalogs/hengyang-hrss.txt",
        line=9,
        flags=("typo-variant",),
    )


DOC = Document(
    key="国务院令第711号",
    title="中华人民共和国政府信息公开条例",
    alt_titles=("政府信息公开条例",),
    number="国务院令第711号",
    issuer="国务院令",
    kind="regulation",
    mentions=("国办发〔2010〕5号",),
)
READ = CatalogRead(
    file="data/catalogs/hengyang-hrss.txt",
    format="page-text",
    encoding="utf-8",
    agency=AGENCY,
    rows_read=1,
    items=(item(),),
)
UNIT = Unit(AGENCY, "法规信访股", aliases=("审批服务股",))


def graph_of(*citations: Citation, builder: GraphBuilder | None = None, **kw) -> Graph:
    g = Graph()
    for t in catalog_triples(
        [READ],
        citations,
        [DOC],
        [UNIT],
        [Responsibility(AGENCY, "领导信息", "法规信访股")],
        builder=builder or GraphBuilder(iris=IRIS),
        **kw,
    ):
        g.add(t)
    return g


def test_item_node_has_every_cell_and_its_provenance():
    g = graph_of()
    assert (ITEM, RDF.type, V.DisclosureItem) in g
    assert g.value(ITEM, SKOS.prefLabel) == Literal("领导信息")
    assert g.value(ITEM, V.category) == Literal("机构职能信息")
    assert g.value(ITEM, V.timeLimit) == Literal("20个工作日")
    assert g.value(ITEM, V.disclosureMode) == Literal("主动公开")
    assert g.value(ITEM, V.agency) == IRIS.agency(AGENCY)
    assert g.value(ITEM, PROV.wasDerivedFrom) == IRIS.catalog("hengyang-hrss.txt")
    assert g.value(ITEM, V.sourceLine) == Literal(7, datatype=INTEGER)


def test_unit_agency_and_responsibility():
    g = graph_of()
    unit = IRIS.unit(AGENCY, "法规信访股")
    assert (ITEM, V.responsibility, unit) in g
    assert (unit, RDF.type, ORG.OrganizationalUnit) in g
    assert (unit, ORG.unitOf, IRIS.agency(AGENCY)) in g
    assert (IRIS.agency(AGENCY), ORG.hasUnit, unit) in g
    assert g.value(unit, SKOS.altLabel) == Literal("审批服务股")


def test_collective_unit_is_typed():
    g = Graph()
    for t in catalog_triples(
        [], units=[Unit(AGENCY, "各相关业务部门", collective=True)], builder=GraphBuilder(iris=IRIS)
    ):
        g.add(t)
    assert (IRIS.unit(AGENCY, "各相关业务部门"), RDF.type, V.CollectiveUnit) in g


def test_document_node_labels_and_numbers():
    g = graph_of()
    assert (ACT, RDF.type, ELI.LegalResource) in g
    assert g.value(ACT, SKOS.prefLabel) == Literal("中华人民共和国政府信息公开条例")
    assert set(g.objects(ACT, SKOS.altLabel)) == {Literal("政府信息公开条例")}
    assert g.value(ACT, ELI.id_local) == Literal("国务院令第711号")
    assert g.value(ACT, V.mentions) == IRIS.act("国办发〔2010〕5号")


@pytest.mark.parametrize(
    ("pinpoint", "target", "chain"),
    [
        (Pinpoint(), "", []),
        (Pinpoint(whole=True), "", []),
        (Pinpoint(article=20), "/art/20", [("/art/20", "", V.Article, "第二十条", "20")]),
        (
            Pinpoint(article=20, item=2),
            "/art/20/item/2",
            [
                ("/art/20", "", V.Article, "第二十条", "20"),
                ("/art/20/item/2", "/art/20", V.Point, "第（二）项", "2"),
            ],
        ),
        (
            Pinpoint(article=51, paragraph=3),
            "/art/51/para/3",
            [("/art/51/para/3", "/art/51", V.Paragraph, "第三款", "3")],
        ),
        (
            # 第二十条之一 is an article of the act, not a part of article 20.
            Pinpoint(article=20, article_suffix=1),
            "/art/20/suffix/1",
            [("/art/20/suffix/1", "", V.Article, "第二十条之一", "20之1")],
        ),
        (
            Pinpoint(section=(2, 6)),
            "/sec/2/sec/6",
            [
                ("/sec/2", "", V.Section, "（二）", "2"),
                ("/sec/2/sec/6", "/sec/2", V.Section, "（六）", "6"),
            ],
        ),
    ],
)
def test_basis_points_at_the_most_specific_node_with_every_parent(pinpoint, target, chain):
    g = graph_of(citation(pinpoint))
    node = URIRef(str(ACT) + target)
    assert set(g.objects(ITEM, V.basis)) == {node}
    cit = g.value(ITEM, V.hasCitation)
    assert g.value(cit, V.cites) == node
    assert str(cit).startswith(f"{node}/citation/")  # named under the node it cites
    for path, parent, cls, label, number in chain:
        sub = URIRef(str(ACT) + path)
        assert (sub, RDF.type, ELI.LegalResourceSubdivision) in g
        assert (sub, RDF.type, cls) in g
        assert g.value(sub, ELI.is_part_of) == URIRef(str(ACT) + parent)
        assert (URIRef(str(ACT) + parent), ELI.has_part, sub) in g
        assert g.value(sub, SKOS.prefLabel) == Literal(label)
        assert g.value(sub, ELI.number) == Literal(number)
    # every subdivision reaches the act through eli:is_part_of
    for sub in g.subjects(RDF.type, ELI.LegalResourceSubdivision):
        assert ACT in set(g.transitive_objects(sub, ELI.is_part_of))


def test_citation_node_keeps_how_it_was_written():
    g = graph_of(citation(Pinpoint(article=20, item=2)))
    cit = g.value(ITEM, V.hasCitation)
    assert g.value(cit, V.quotedText) == Literal("（二）机关职能")
    assert g.value(cit, V.numberAsWritten) == Literal("国务院令711号")
    assert g.value(cit, V.pinpointLabel) == Literal("第20条第(2)项")
    assert g.value(cit, V.origin) == Literal("both")
    assert g.value(cit, V.flag) == Literal("typo-variant")
    # where it came from is the item's: the node is shared by every item citing these words
    assert (cit, V.sourceLine, None) not in g and (cit, PROV.wasDerivedFrom, None) not in g
    assert g.value(ITEM, V.sourceLine) == Literal(7, datatype=INTEGER)


def test_each_citation_of_an_item_is_linked():
    g = graph_of(citation(Pinpoint(article=20, item=2)), citation(Pinpoint(article=20, item=1)))
    cited = {g.value(c, V.cites) for c in g.objects(ITEM, V.hasCitation)}
    assert cited == {URIRef(f"{ACT}/art/20/item/1"), URIRef(f"{ACT}/art/20/item/2")}
    assert len(set(g.objects(ITEM, V.basis))) == 2


def test_items_citing_in_the_same_words_share_one_citation_node():
    other = URIRef(BASE + f"agency/{AGENCY}/item/机构职能")
    read = replace(READ, items=(item(), item("机构职能", line=8)))
    same = [citation(Pinpoint(article=20, item=2)),
            citation(Pinpoint(article=20, item=2), ident="机构职能")]
    g = Graph()
    for t in catalog_triples([read], same, [DOC], builder=GraphBuilder(iris=IRIS)):
        g.add(t)
    assert g.value(ITEM, V.hasCitation) == g.value(other, V.hasCitation)
    assert len(set(g.subjects(RDF.type, V.Citation))) == 1
    # other words (a different quote) make another node
    words = [citation(Pinpoint(article=20, item=2)),
             citation(Pinpoint(article=20, item=2), quote="（二）机构职能", ident="机构职能")]
    g = Graph()
    for t in catalog_triples([read], words, [DOC], builder=GraphBuilder(iris=IRIS)):
        g.add(t)
    assert g.value(ITEM, V.hasCitation) != g.value(other, V.hasCitation)
    assert g.value(other, V.basis) == g.value(ITEM, V.basis)


def test_shared_node_names_are_stable_and_length_prefixed():
    assert digest(("ab", "c")) != digest(("a", "bc"))
    assert digest(("第二十条",)) == digest(("第二十条",)) == "04355157314e31d8"


def test_unknown_document_key_still_gets_a_valid_node():
    g = graph_of(citation(Pinpoint(article=3), key="未知文件"))
    act = IRIS.act("未知文件")
    assert (act, RDF.type, ELI.LegalResource) in g
    assert g.value(act, SKOS.prefLabel) == Literal("未知文件")


def test_nodes_described_by_the_library_are_linked_not_described():
    act = IRIS.act("政府信息公开条例", "2019-04-03")
    known = {act, URIRef(f"{act}/art/20"), URIRef(f"{act}/art/20/item/2")}
    builder = GraphBuilder(
        iris=IRIS,
        act_iris={"国务院令第711号": act},
        known=known,
        titles={act: "中华人民共和国政府信息公开条例"},
    )
    g = graph_of(citation(Pinpoint(article=20, item=2)), builder=builder)
    assert g.value(ITEM, V.basis) == URIRef(f"{act}/art/20/item/2")
    assert (act, SKOS.prefLabel, None) not in g  # the library gives the act its label
    assert (URIRef(f"{act}/art/20"), SKOS.prefLabel, None) not in g
    assert set(g.objects(act, SKOS.altLabel)) == {Literal("政府信息公开条例")}
    assert g.value(act, ELI.id_local) == Literal("国务院令第711号")


def test_point_without_paragraph_goes_under_the_paragraph_that_has_it():
    act = IRIS.act("统计法", "2024-09-13")
    known = {
        act,
        URIRef(f"{act}/art/29"),
        URIRef(f"{act}/art/29/para/1"),
        URIRef(f"{act}/art/29/para/2"),
        URIRef(f"{act}/art/29/para/2/item/1"),
    }
    builder = GraphBuilder(iris=IRIS, act_iris={"国务院令第711号": act}, known=known)
    g = graph_of(citation(Pinpoint(article=29, item=1)), builder=builder)
    assert g.value(ITEM, V.basis) == URIRef(f"{act}/art/29/para/2/item/1")


def test_verdicts_and_repairs():
    cit = citation(Pinpoint(article=20, item=2))
    builder = GraphBuilder(iris=IRIS, verdicts={cit: ("abridged", "part of 第二十条")})
    repair = Repair(
        "data/catalogs/hengyang-hrss.txt",
        285,
        "provisions",
        "spam-title",
        "X365体育官网Y",
        "X关于Y",
    )
    mine = replace(repair, agency=AGENCY, item="领导信息", line=7)
    g = graph_of(cit, builder=builder, repairs=[repair, mine])
    node = g.value(ITEM, V.hasCitation)
    assert g.value(node, V.verdict) == Literal("abridged")
    assert g.value(node, V.verdictDetail) == Literal("part of 第二十条")
    rep = IRIS.repair("spam-title", "provisions", "X365体育官网Y", "X关于Y", "")
    assert str(rep).startswith(BASE + "repair/spam-title/")
    assert (rep, RDF.type, V.Repair) in g
    assert g.value(rep, V.original) == Literal("X365体育官网Y")
    assert g.value(rep, V.repaired) == Literal("X关于Y")
    assert (rep, V.guess, None) not in g  # only guesses say so
    # the same change is one node, linked from the item whose cell it changed (or from the
    # catalog when the repair names no item)
    assert len(set(g.subjects(RDF.type, V.Repair))) == 1
    assert set(g.subjects(V.hasRepair, rep)) == {ITEM, IRIS.catalog("hengyang-hrss.txt")}


def test_same_values_give_the_same_triples_in_the_same_order():
    pins = [citation(Pinpoint(article=20, item=2)), citation(Pinpoint(section=(6,)))]
    first = list(catalog_triples([READ], pins, [DOC], builder=GraphBuilder(iris=IRIS)))
    second = list(catalog_triples([READ], pins, [DOC], builder=GraphBuilder(iris=IRIS)))
    assert first == second
    assert len(first) == len(set(first))  # each node described once


@pytest.mark.parametrize(
    ("kind", "number", "parent", "expected"),
    [
        ("art", 1, None, ("第一条", "1")),
        ("art", 110, None, ("第一百一十条", "110")),
        ("suffix", 1, 17, ("第十七条之一", "17之1")),
        ("para", 2, None, ("第二款", "2")),
        ("item", 15, None, ("第（十五）项", "15")),
        ("subitem", 3, None, ("第三目", "3")),
        ("sec", 6, None, ("（六）", "6")),
    ],
)
def test_step_labels(kind, number, parent, expected):
    assert step_label(kind, number, parent) == expected


def test_options_learnt_after_the_items_give_the_same_graph():
    """A build describes items before citations are extracted, then configures the builder
    with what the statute library says: the graph equals one built with them from the start."""
    act = IRIS.act("政府信息公开条例", "2019-04-03")
    options = {
        "act_iris": {"国务院令第711号": act},
        "known": {act, URIRef(f"{act}/art/20")},
        "titles": {act: "中华人民共和国政府信息公开条例"},
    }
    cit = citation(Pinpoint(article=20, item=2))
    later = GraphBuilder(iris=IRIS)
    items = list(read_statements(READ, later))
    later.configure(**options)
    rest = list(extraction_statements([cit], [DOC], builder=later))
    builder = GraphBuilder(iris=IRIS, **options)
    at_once = list(catalog_statements([READ], [cit], [DOC], builder=builder))
    assert items + rest == at_once
    with pytest.raises(TypeError):
        later.configure(unknown=1)


def test_items_with_the_same_keywords_share_one_keyword_set():
    builder = GraphBuilder(iris=IRIS)
    first, second, third = item("领导信息"), item("机构信息", line=8), item("统计信息", line=9)
    statements = [
        *builder.item_keywords(first, ["领导", "职务"]),
        *builder.item_keywords(second, ["领导", "职务"]),
        *builder.item_keywords(third, ["统计"]),
        *builder.item_keywords(third, []),  # no keywords: no set, no link
    ]
    g = Graph()
    for s_, p_, o_ in statements:
        g.add((from_nt(s_), from_nt(p_), from_nt(o_)))
    sets = sorted(g.subjects(RDF.type, V.KeywordSet))
    assert len(sets) == 2 and all(str(s).startswith(BASE + "keywords/") for s in sets)
    shared = g.value(ITEM, V.keywordSet)
    assert g.value(URIRef(BASE + f"agency/{AGENCY}/item/机构信息"), V.keywordSet) == shared
    assert {str(w) for w in g.objects(shared, V.keyword)} == {"领导", "职务"}
    assert len(statements) == 4 + 1 + 3  # the shared set is described once
