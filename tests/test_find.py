"""The citation grammar on cells written the way real catalogs write them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.clean import clean_text
from kg.find import find_citations, number_at, to_int
from kg.models import Pinpoint

TIAOLI = "中华人民共和国政府信息公开条例"
ART20 = "第二十条:行政机关应当依照本条例第十九条的规定,主动公开本行政机关的下列政府信息:"


def cites(cell: str) -> list[tuple[str, str, str]]:
    return [
        (f.ref.title, f.ref.number, f.pinpoint.label()) for f in find_citations(clean_text(cell))
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # title with a decree number, Hengyang half-width brackets
        (f"《{TIAOLI}》(国务院令第711号)", [(TIAOLI, "国务院令第711号", "")]),
        # Xiangxiang: no 第, full-width brackets, item in the quote
        (
            f"《{TIAOLI}》（国务院令711号）{ART20}（二）机关职能、机构设置。",
            [(TIAOLI, "国务院令711号", "第20条第(2)项")],
        ),
        # the quote carries no item number: the pinpoint stays at the article
        (
            f'"《{TIAOLI}》(国务院令第711号){ART20}国民经济和社会发展统计信息。"',
            [(TIAOLI, "国务院令第711号", "第20条")],
        ),
        # several items in one quote
        (
            f"《{TIAOLI}》（国务院令711号）{ART20}（一）行政法规、规章和规范性文件。（十五）法律、法规规定应当主动公开的其他政府信息。",
            [
                (TIAOLI, "国务院令711号", "第20条第(1)项"),
                (TIAOLI, "国务院令711号", "第20条第(15)项"),
            ],
        ),
        # title without number, a space before the article
        (
            "《中华人民共和国预算法》 第十四条:经本级人民代表大会批准的预算",
            [("中华人民共和国预算法", "", "第14条")],
        ),
        # number without title
        ("国办发〔2018〕118号", [("", "国办发〔2018〕118号", "")]),
        ("依据：国务院令第711号第二十条", [("", "国务院令第711号", "第20条")]),
        # number forms
        (
            "《国务院关于加强法治政府建设的意见》（国发[2010]33号）",
            [("国务院关于加强法治政府建设的意见", "国发[2010]33号", "")],
        ),
        (
            "《国务院关于全面推进依法行政实施纲要的通知》(国发(2004)10号)",
            [("国务院关于全面推进依法行政实施纲要的通知", "国发（2004）10号", "")],
        ),
        (
            "《湖南省人民政府关于规范行政裁量权的办法》（湘政发【2009】11号）",
            [("湖南省人民政府关于规范行政裁量权的办法", "湘政发【2009】11号", "")],
        ),
        (
            "《中华人民共和国就业促进法》(主席令第七十号)",
            [("中华人民共和国就业促进法", "主席令第七十号", "")],
        ),
        (
            "《湖南省行政程序规定》（湖南省人民政府令〔2008〕第222号）",
            [("湖南省行政程序规定", "湖南省人民政府令〔2008〕第222号", "")],
        ),
        (
            "《湖南省行政执法监督条例》（湖南省第十四届人民代表大会常务委员会公告第47号）第五条：行政执法机关",
            [("湖南省行政执法监督条例", "湖南省第十四届人民代表大会常务委员会公告第47号", "第5条")],
        ),
        (
            "《湖南省规范性文件管理办法》（湖南省人民政府令327号）",
            [("湖南省规范性文件管理办法", "湖南省人民政府令327号", "")],
        ),
        (
            "《重大行政决策程序暂行条例》( 国务院 令第 713 号)",
            [("重大行政决策程序暂行条例", "国务院令第713号", "")],
        ),
        # pinpoints
        (
            "《中华人民共和国刑法》第二百八十七条之一：利用信息网络",
            [("中华人民共和国刑法", "", "第287条之1")],
        ),
        (
            "《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》第五十一条第三款:代表建议",
            [("中华人民共和国全国人民代表大会和地方各级人民代表大会代表法", "", "第51条第3款")],
        ),
        (f"《{TIAOLI}》第二十条第（二）项", [(TIAOLI, "", "第20条第(2)项")]),
        (f"《{TIAOLI}》第二十条(二)", [(TIAOLI, "", "第20条第(2)项")]),
        (
            f"《{TIAOLI}》第十九条第（五）、第（六）项",
            [(TIAOLI, "", "第19条第(5)项"), (TIAOLI, "", "第19条第(6)项")],
        ),
        ("《某条例》第十条第一款第（二）项第3目", [("某条例", "", "第10条第1款第(2)项第3目")]),
        ("《某办法》第十七条、第十八条", [("某办法", "", "第17条"), ("某办法", "", "第18条")]),
        (
            "《某办法》第十七条至第十九条",
            [("某办法", "", "第17条"), ("某办法", "", "第18条"), ("某办法", "", "第19条")],
        ),
        ("《某办法》第27条", [("某办法", "", "第27条")]),
        (
            "《国务院办公厅关于做好政府信息依申请公开工作的意见》(国办发〔2010〕5号)全文。",
            [("国务院办公厅关于做好政府信息依申请公开工作的意见", "国办发〔2010〕5号", "全文")],
        ),
        (
            "《湘潭市人民政府办公室关于认真做好人大代表建议和政协提案办理结果公开工作的通知》（潭政办发〔2017〕74号）第三点：建议",
            [
                (
                    "湘潭市人民政府办公室关于认真做好人大代表建议和政协提案办理结果公开工作的通知",
                    "潭政办发〔2017〕74号",
                    "第(3)部分",
                )
            ],
        ),
        # sections of policy documents
        (
            "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）（八）及时公开发布：行政规范性文件",
            [
                (
                    "国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知",
                    "国办发〔2018〕37号",
                    "第(8)部分",
                )
            ],
        ),
        (
            "《某意见》(中办发〔2015〕21号):(七)公布权力清单。地方各级政府。(八)建立健全机制。(九)积极推进责任清单工作。",
            [
                ("某意见", "中办发〔2015〕21号", "第(7)部分"),
                ("某意见", "中办发〔2015〕21号", "第(8)部分"),
                ("某意见", "中办发〔2015〕21号", "第(9)部分"),
            ],
        ),
        (
            "《某通知》(国办公开办函〔2019〕61号)二、统一规范:二是政府信息公开制度",
            [("某通知", "国办公开办函〔2019〕61号", "第(2)部分")],
        ),
        # several articles in one quote; a reference inside the quote is not a new article
        (
            "《湖南省规范性文件管理办法》（湖南省人民政府令327号）第十七条 政府规范性文件，依照本办法第十五条规定审议后公布。第十八条 部门规范性文件，依照本办法第十五条规定统一公布。",
            [
                ("湖南省规范性文件管理办法", "湖南省人民政府令327号", "第17条"),
                ("湖南省规范性文件管理办法", "湖南省人民政府令327号", "第18条"),
            ],
        ),
        # several documents in one cell, separated by spaces, 、, <p> or nothing after 。
        (
            f"《{TIAOLI}》（国务院令711号）、《中华人民共和国就业促进法》",
            [(TIAOLI, "国务院令711号", ""), ("中华人民共和国就业促进法", "", "")],
        ),
        (
            "<p>《甲意见》（国办发〔2024〕54号）</p> <p>《乙意见》（国市监信规〔2024〕5号）</p>",
            [("甲意见", "国办发〔2024〕54号", ""), ("乙意见", "国市监信规〔2024〕5号", "")],
        ),
        (
            f"《{TIAOLI}》（国务院令711号）{ART20}（十一）促进就业。《中华人民共和国就业促进法》第三十五条：县级以上人民政府",
            [
                (TIAOLI, "国务院令711号", "第20条第(11)项"),
                ("中华人民共和国就业促进法", "", "第35条"),
            ],
        ),
        (
            "《国务院关于加强和规范事中事后监管的指导意见》（国发〔2019〕 18号）建立统一的执法信息公示平台",
            [("国务院关于加强和规范事中事后监管的指导意见", "国发〔2019〕18号", "")],
        ),
        # traditional characters
        (
            "《中国人民政治协商会议全国委员会提案工作条例》第二十二條：有序推进",
            [("中国人民政治协商会议全国委员会提案工作条例", "", "第22条")],
        ),
        ("《國務院令》國務院令第711號第二十條", [("国务院令", "国务院令第711号", "第20条")]),
        # nested titles and spam in the title
        (
            "《中共中央办公厅 国务院办公厅印发<365体育官网全面推进政务公开工作的意见>》",
            [("中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉", "", "")],
        ),
    ],
)
def test_citations_in_a_cell(cell: str, expected: list[tuple[str, str, str]]) -> None:
    assert cites(cell) == expected


def test_a_title_inside_quoted_words_is_a_mention() -> None:
    cell = (
        "《国务院办公厅政府信息与政务公开办公室365体育官网规范政府信息公开平台有关事项的通知》(国办公开办函〔2019〕61号)"
        "二、统一规范:二是政府信息公开制度,包括《中华人民共和国政府信息公开条例》,政府信息公开方面的地方性法规"
    )
    found = find_citations(clean_text(cell))
    assert len(found) == 1
    assert [m.title for m in found[0].mentions] == [TIAOLI]


def test_a_mention_followed_by_words_after_a_full_stop_is_not_cited() -> None:
    found = find_citations(
        clean_text("《甲通知》（国发〔2019〕5号）：要求如下。《乙条例》规定的事项应当公开。")
    )
    assert [f.ref.title for f in found] == ["甲通知"]
    assert [m.title for m in found[0].mentions] == ["乙条例"]


def test_broken_number_is_reported_not_guessed() -> None:
    (f,) = find_citations(
        clean_text("《重庆市人民政府关于进一步加强政务公开工作的意见》（渝府发〔201455号）")
    )
    assert "broken-number" in f.flags
    assert (
        f.problems
        and "渝府发〔201455号" in f.problems[0]
        and "perhaps 渝府发〔2014〕55号" in f.problems[0]
    )
    assert f.number is not None and f.number.serial is None


def test_quote_words_stay_with_each_citation() -> None:
    cell = "《某办法》第十七条 甲规定。第十八条 乙规定。"
    first, second = find_citations(clean_text(cell))
    assert first.quote == "甲规定。" and second.quote == "乙规定。"
    assert second.pinpoint == Pinpoint(article=18)


def test_item_quote_keeps_the_lead_in() -> None:
    (f,) = find_citations(clean_text(f"《{TIAOLI}》（国务院令711号）{ART20}（二）机关职能。"))
    assert f.quote.startswith("行政机关应当依照") and f.quote.endswith("（二）机关职能。")


def test_spam_in_quote_is_flagged() -> None:
    (f,) = find_citations(
        clean_text(
            f"《{TIAOLI}》(国务院令第711号)第十二条:政府信息公开指南和365体育官网应当及时更新。"
        )
    )
    assert "spam-unresolved" in f.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国务院令第711号", ("国务院令", None, 711, "decree")),
        ("国务院令711号", ("国务院令", None, 711, "decree")),
        ("主席令第七十号", ("主席令", None, 70, "decree")),
        ("国办发〔2018〕118号", ("国办发", 2018, 118, "year")),
        ("国发[2011]5号", ("国发", 2011, 5, "year")),
        ("湘政发（2007）3号", ("湘政发", 2007, 3, "year")),
        ("湘政发【2007】3号", ("湘政发", 2007, 3, "year")),
        ("湖南省人民政府令〔2009〕第245号", ("湖南省人民政府令", 2009, 245, "year")),
        (
            "湖南省第十四届人民代表大会常务委员会公告第47号",
            ("湖南省第十四届人民代表大会常务委员会公告", None, 47, "announcement"),
        ),
        ("渝府发〔201455号", ("渝府发", None, None, "broken")),
    ],
)
def test_number_forms(text: str, expected: tuple) -> None:
    n = number_at(text, 0)
    assert n is not None and (n.issuer, n.year, n.serial, n.kind) == expected


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("二十", 20), ("十五", 15), ("二百八十七", 287), ("七十", 70), ("27", 27)],
)
def test_numerals(numeral: str, value: int) -> None:
    assert to_int(numeral) == value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "《某通知》（国办发〔2019〕61号）二、统一规范。（六）推进公开。（七）再推进。",
            ["第(2)部分(6)", "第(2)部分(7)"],
        ),
        ("依据：《中华人民共和国政府信息公开条例》第二十条", ["第20条"]),
        (
            "《某法》第十条第二款第（一）项至第（三）项",
            ["第10条第2款第(1)项", "第10条第2款第(2)项", "第10条第2款第(3)项"],
        ),
    ],
)
def test_more_pinpoint_forms(cell: str, expected: list[str]) -> None:
    assert [label for _, _, label in cites(cell)] == expected


ALPHABET = '《》〈〉<>（）()〔〕[]【】第条款项目之至、，。：；号令发办 0123456789一二三十百千零两条例法国务院365体育官网"<p>'


@given(st.text(alphabet=ALPHABET, max_size=80))
@settings(max_examples=300, deadline=None)
def test_grammar_never_crashes(text: str) -> None:
    for f in find_citations(clean_text(text)):
        assert f.ref.title or f.ref.number


@pytest.mark.parametrize(
    "cell",
    [
        "《某法》第十十条：甲。",
        "《某法》第十条：甲。第十十条乙",
        "《某通知》（国发〔2019〕5号）十十、甲。（百）乙",
    ],
)
def test_malformed_numerals_name_no_place(cell: str) -> None:
    assert cites(cell)[0][0] == "某法" or cites(cell)[0][0] == "某通知"


def test_malformed_serial_is_a_broken_number() -> None:
    (f,) = find_citations(clean_text("《某法》（国发〔2019〕百号）"))
    assert "broken-number" in f.flags


@pytest.mark.parametrize(
    ("cell", "quotes", "expected"),
    [
        # a label before the first title does not make it a mention
        ("依据《中华人民共和国政府信息公开条例》第二十条的规定", True, [(TIAOLI, "", "第20条")]),
        # a 公开依据 cell lists documents only: every title is cited, nothing is quoted
        ("《甲办法》等；《乙条例》", False, [("甲办法", "", ""), ("乙条例", "", "")]),
        ("《甲办法》第一条：包括《乙条例》等", True, [("甲办法", "", "第1条")]),
    ],
)
def test_basis_cells_and_lead_in(cell: str, quotes: bool, expected: list) -> None:
    found = find_citations(clean_text(cell), quotes=quotes)
    assert [(f.ref.title, f.ref.number, f.pinpoint.label()) for f in found] == expected
    if not quotes:
        assert all(f.quote == "" for f in found)


def test_a_list_inside_a_policy_paragraph_is_not_sections() -> None:
    assert cites("《某意见》（国发〔2019〕5号）：要求如下：（一）甲；（二）乙。") == [
        ("某意见", "国发〔2019〕5号", "")
    ]
