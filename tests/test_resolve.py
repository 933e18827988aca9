"""Keys, user references and one node per document."""

from __future__ import annotations

import pytest

from kg.clean import clean_text
from kg.find import find_citations
from kg.models import DocumentRef, Pinpoint
from kg.resolve import Resolver, match_form, normalise_number, normalise_title, parse_user_reference

TIAOLI = "中华人民共和国政府信息公开条例"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国务院令711号", "国务院令第711号"),
        ("国务院 令第 711 号", "国务院令第711号"),
        ("國務院令第711號", "国务院令第711号"),
        ("中华人民共和国国务院令第492号", "国务院令第492号"),
        ("主席令第七十号", "主席令第70号"),
        ("中华人民共和国主席令第七十号", "主席令第70号"),
        ("国办发[2018]118号", "国办发〔2018〕118号"),
        ("( 国 办 发 〔 2018 〕 37 号)", "国办发〔2018〕37号"),
        ("湘法办〔2024 〕9号", "湘法办〔2024〕9号"),
        ("国发(2007)18号", "国发〔2007〕18号"),
        ("湘政发【2011】3号", "湘政发〔2011〕3号"),
        ("湖南省人民政府令〔2009〕第245号", "湖南省人民政府令〔2009〕第245号"),
        ("湖南省人民政府令327号", "湖南省人民政府令第327号"),
        (
            "湖南省第十四届人民代表大会常务委员会公告第47号",
            "湖南省第十四届人民代表大会常务委员会公告第47号",
        ),
        ("渝府发〔201455号", "渝府发〔201455号"),
        ("不是文号", "不是文号"),
    ],
)
def test_normalise_number(text: str, expected: str) -> None:
    assert normalise_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "《中共中央办公厅 国务院办公厅印发<365体育官网全面推进政务公开工作的意见>》",
            "中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉",
        ),
        ("国务院办公厅关于全面推行行政 执法公示制度", "国务院办公厅关于全面推行行政执法公示制度"),
        ("中华人民共和国政府信息公开条例", TIAOLI),
    ],
)
def test_normalise_title(text: str, expected: str) -> None:
    assert normalise_title(text) == expected


def test_match_form_ignores_notice_suffix_after_nested_title() -> None:
    assert match_form("甲印发〈乙意见〉的通知") == match_form("甲印发〈乙意见〉")
    assert match_form("关于做好工作的通知") == "关于做好工作的通知"


@pytest.mark.parametrize(
    ("text", "ref", "pin"),
    [
        ("国务院令第711号", DocumentRef(number="国务院令第711号"), Pinpoint()),
        ("国务院令711号", DocumentRef(number="国务院令第711号"), Pinpoint()),
        ("政府信息公开条例", DocumentRef(title="政府信息公开条例"), Pinpoint()),
        ("711号令第二十条", DocumentRef(number="令第711号"), Pinpoint(article=20)),
        (
            f"《{TIAOLI}》第二十条第（二）项",
            DocumentRef(title=TIAOLI),
            Pinpoint(article=20, item=2),
        ),
        ("统计法第27条", DocumentRef(title="统计法"), Pinpoint(article=27)),
        ("统计法第二十七条", DocumentRef(title="统计法"), Pinpoint(article=27)),
        (
            "国务院令第711号第二十条(二)",
            DocumentRef(number="国务院令第711号"),
            Pinpoint(article=20, item=2),
        ),
        (
            "就业促进法第三十五条第一款",
            DocumentRef(title="就业促进法"),
            Pinpoint(article=35, paragraph=1),
        ),
        ("国办发〔2018〕118号(六)", DocumentRef(number="国办发〔2018〕118号"), Pinpoint()),
    ],
)
def test_parse_user_reference(text: str, ref: DocumentRef, pin: Pinpoint) -> None:
    assert parse_user_reference(text) == (ref, pin)


def resolver_for(*cells: str) -> Resolver:
    found = [f for cell in cells for f in find_citations(clean_text(cell))]
    return Resolver((f.ref, f.number) for f in found)


def key(resolver: Resolver, cell: str) -> tuple[str, tuple[str, ...]]:
    (f, *_) = find_citations(clean_text(cell))
    return resolver.key_of(f.ref, f.number)


def test_number_spellings_are_one_document() -> None:
    cells = (f"《{TIAOLI}》(国务院令第711号)", f"《{TIAOLI}》（国务院令711号）", f"《{TIAOLI}》")
    r = resolver_for(*cells)
    assert {key(r, c)[0] for c in cells} == {"国务院令第711号"}
    assert [d.key for d in r.documents()] == ["国务院令第711号"]


def test_title_alone_takes_the_key_of_the_numbered_document() -> None:
    r = resolver_for("《中华人民共和国就业促进法》(主席令第七十号)", "《中华人民共和国就业促进法》")
    assert key(r, "《中华人民共和国就业促进法》第三十五条") == ("主席令第70号", ())


def test_title_variants_become_alternative_labels() -> None:
    r = resolver_for(
        "《中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉的通知》（中办发〔2016〕8号）",
        "《中共中央办公厅 国务院办公厅印发<365体育官网全面推进政务公开工作的意见>》",
        "《中共国务院办公厅印发<关于全面推进政务公开工作的意见>实施细则的通知》(国办发〔2016〕80号)",
        "《国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知》（国办发〔2016〕80号）",
        "《中共国务院办公厅印发<关于全面推进政务公开工作的意见>实施细则的通知》(国办发〔2016〕80号)",
    )
    docs = {d.key: d for d in r.documents()}
    assert docs["中办发〔2016〕8号"].alt_titles == (
        "中共中央办公厅国务院办公厅印发〈关于全面推进政务公开工作的意见〉",
    )
    # the 中共国务院… spelling is more frequent here but impossible, so it is the variant
    assert (
        docs["国办发〔2016〕80号"].title
        == "国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知"
    )
    assert docs["国办发〔2016〕80号"].alt_titles == (
        "中共国务院办公厅印发〈关于全面推进政务公开工作的意见〉实施细则的通知",
    )
    # the notice promulgates the opinion; the implementing rules only name it
    assert docs["中办发〔2016〕8号"].promulgates == ("关于全面推进政务公开工作的意见",)
    assert docs["国办发〔2016〕80号"].mentions == ("关于全面推进政务公开工作的意见",)


def test_typo_in_issuer_code_is_one_document_flagged() -> None:
    title = "国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知"
    r = resolver_for(
        f"《{title}》(国办公开办函〔2019〕61号)", f"《{title}》（国办公开函〔2019〕61号）"
    )
    assert key(r, f"《{title}》（国办公开函〔2019〕61号）") == (
        "国办公开办函〔2019〕61号",
        ("typo-variant",),
    )
    (doc,) = r.documents()
    assert doc.alt_numbers == ("国办公开函〔2019〕61号",) and "typo-variant" in doc.flags


def test_same_serial_different_documents_stay_apart() -> None:
    r = resolver_for(
        "《国务院关于甲的意见》（国发〔2019〕5号）",
        "《国务院办公厅关于乙的通知》（国办发〔2019〕5号）",
    )
    assert len(r.documents()) == 2


def test_law_named_inside_a_notice_title_is_not_that_law() -> None:
    r = resolver_for(
        f"《{TIAOLI}》(国务院令第711号)",
        "《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)",
    )
    docs = {d.key: d for d in r.documents()}
    assert docs["国办公开办函〔2021〕30号"].promulgates == (
        "中华人民共和国政府信息公开工作年度报告格式",
    )
    assert "中华人民共和国政府信息公开工作年度报告格式" in docs
    assert docs["国务院令第711号"].alt_titles == ()


def test_promulgated_act_cited_under_the_notice_number_is_not_split() -> None:
    r = resolver_for(
        "《财政部关于印发〈项目支出绩效评价管理办法〉的通知》（财预〔2020〕10号）",
        "《项目支出绩效评价管理办法》（财预〔2020〕10号）第二十八条",
    )
    (doc,) = r.documents()
    assert doc.promulgates == () and doc.alt_titles == ("项目支出绩效评价管理办法",)


def test_promulgation_creates_the_embedded_document() -> None:
    r = resolver_for(
        "《中共湖南省委组织部 湖南省人力资源和社会保障厅365体育官网印发<湖南省事业单位公开招聘人员办法>的通知》(湘人社规〔2025〕1号)"
    )
    docs = {d.key: d for d in r.documents()}
    assert docs["湘人社规〔2025〕1号"].promulgates == ("湖南省事业单位公开招聘人员办法",)
    assert docs["湖南省事业单位公开招聘人员办法"].title == "湖南省事业单位公开招聘人员办法"


def test_broken_number_keys_by_title() -> None:
    r = resolver_for("《重庆市人民政府关于进一步加强政务公开工作的意见》（渝府发〔201455号）")
    (doc,) = r.documents()
    assert doc.key == "重庆市人民政府关于进一步加强政务公开工作的意见"
    assert "broken-number" in doc.flags and doc.number == ""


def test_document_fields() -> None:
    r = resolver_for(
        "《中华人民共和国就业促进法》(主席令第七十号)",
        "《湖南省规范性文件管理办法》（湖南省人民政府令327号）",
    )
    docs = {d.key: d for d in r.documents()}
    law = docs["主席令第70号"]
    assert (law.title, law.number, law.issuer, law.serial, law.kind) == (
        "中华人民共和国就业促进法",
        "主席令第70号",
        "主席令",
        70,
        "law",
    )
    assert docs["湖南省人民政府令第327号"].kind == "rule"


def test_short_titles_join_the_full_title() -> None:
    r = resolver_for(
        f"《{TIAOLI}》(国务院令第711号)",
        "《政府信息公开条例》第二十条",
        "《预算法》",
        "《中华人民共和国预算法》第十四条",
    )
    assert key(r, "《政府信息公开条例》")[0] == "国务院令第711号"
    assert key(r, "《预算法》")[0] == "中华人民共和国预算法"
    assert sorted(d.key for d in r.documents()) == ["中华人民共和国预算法", "国务院令第711号"]
    assert {d.key: d.alt_titles for d in r.documents()}["中华人民共和国预算法"] == ("预算法",)
