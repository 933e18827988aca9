"""The extract() facade: merging the two columns, repairs, problems, and the measured result."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.citations import Extraction, extract
from kg.ingest import read_catalog
from kg.models import CatalogRead, DocumentRef, Item, Pinpoint

EXPECTED = Path(__file__).parent / "expected" / "citations.json"
TIAOLI = "《中华人民共和国政府信息公开条例》(国务院令第711号)"


def item(
    ident: str, basis: str, provisions: str, responsibility: str = "办公室", agency: str = "测试局"
) -> Item:
    return Item(
        agency,
        ident,
        "类",
        ident,
        "",
        basis,
        provisions,
        "政府网站",
        "",
        "主动公开",
        responsibility,
        "t.txt",
        10,
        field_lines=(("basis", 11), ("provisions", 12), ("responsibility", 13)),
    )


def run(*items: Item, **kwargs) -> Extraction:
    read = CatalogRead("t.txt", "key-value", "utf-8", items[0].agency, len(items), tuple(items))
    return extract([read], **kwargs)


def rows(x: Extraction) -> list[tuple[str, str, str, str]]:
    return [(c.item, c.document_key, c.pinpoint.label(), c.origin) for c in x.citations]


# --- the measured result on the bundled catalogs --------------------------------------------


@pytest.fixture(scope="module")
def bundled(bundled_catalogs: list[Path]) -> Extraction:
    return extract([read_catalog(p) for p in bundled_catalogs])


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_expected_file_has_no_repeats(expected: dict) -> None:
    cites = [tuple(c) for c in expected["citations"]]
    assert len(cites) == len(set(cites))
    assert len({d["key"] for d in expected["documents"]}) == len(expected["documents"])


def test_precision_and_recall_are_one(bundled: Extraction, expected: dict) -> None:
    want = {tuple(c) for c in expected["citations"]}
    got = {(c.agency, c.item, c.document_key, c.pinpoint.label()) for c in bundled.citations}
    true_positives = len(want & got)
    precision, recall = true_positives / len(got), true_positives / len(want)
    assert (precision, recall) == (1.0, 1.0), {
        "missing": sorted(want - got),
        "extra": sorted(got - want),
    }
    assert len(bundled.citations) == len(got)  # one citation per (item, document, pinpoint)


def test_documents_match_the_expected_keys_and_titles(bundled: Extraction, expected: dict) -> None:
    assert len(bundled.documents) == len(expected["documents"])
    assert {(d.key, d.title) for d in bundled.documents} == {
        (d["key"], d["title"]) for d in expected["documents"]
    }
    cited = {c.document_key for c in bundled.citations}
    assert cited <= {d.key for d in bundled.documents}


def test_bundled_spam_and_typos_are_reported(bundled: Extraction) -> None:
    rules = {r.rule for r in bundled.repairs}
    assert {"spam-title", "width", "spaces", "html", "nested-title", "traditional"} <= rules
    assert any("spam" in p and "国务院令第711号" in p for p in bundled.problems)
    typo = [c for c in bundled.citations if "typo-variant" in c.flags]
    assert {c.document_key for c in typo} == {
        "国办公开办函〔2019〕61号",
        "国办公开办函〔2021〕30号",
    }
    assert "国务院令第711号" in bundled.document("国办公开办函〔2019〕61号").mentions


def test_bundled_units(bundled: Extraction) -> None:
    names = {(u.agency[:2], u.name): u for u in bundled.units}
    assert names[("湘乡", "法规信访股")].aliases == ("审批服务股",)
    assert names[("湘乡", "劳动保障监察股")]
    assert names[("衡阳", "各业务部门")].collective and names[("湘乡", "各相关业务部门")].collective
    assert len(bundled.responsibilities) >= 64


# --- merging the two columns ----------------------------------------------------------------


def test_document_in_both_columns_gives_only_pinpointed_citations() -> None:
    x = run(item("a", TIAOLI, f"{TIAOLI}第二十条:下列政府信息:(二)机关职能。(三)规划。"))
    assert rows(x) == [
        ("a", "国务院令第711号", "第20条第(2)项", "both"),
        ("a", "国务院令第711号", "第20条第(3)项", "both"),
    ]


def test_document_only_in_basis_gives_a_bare_citation() -> None:
    x = run(item("a", f"{TIAOLI} 《中华人民共和国预算法》", f"{TIAOLI}第四条:各级人民政府。"))
    assert rows(x) == [
        ("a", "国务院令第711号", "第4条", "both"),
        ("a", "中华人民共和国预算法", "", "basis"),
    ]


def test_document_only_in_provisions() -> None:
    x = run(item("a", "", "《中华人民共和国预算法》第十四条：经本级人民代表大会批准。"))
    assert rows(x) == [("a", "中华人民共和国预算法", "第14条", "provisions")]


def test_quote_without_pinpoint_keeps_the_words() -> None:
    (c,) = run(
        item("a", "《甲意见》(国发〔2019〕18号)", "《甲意见》(国发〔2019〕18号)建立统一的平台。")
    ).citations
    assert (c.pinpoint, c.quote, c.origin, c.line) == (Pinpoint(), "建立统一的平台。", "both", 12)


def test_repeated_citation_is_one_edge() -> None:
    x = run(item("a", "", f"{TIAOLI}第四条:甲。 {TIAOLI}第四条:乙。"))
    (c,) = x.citations
    assert c.quote == "甲。 … 乙。"


def test_title_alone_resolves_across_catalog_items() -> None:
    x = run(
        item("a", "《中华人民共和国就业促进法》(主席令第七十号)", ""),
        item("b", "《中华人民共和国就业促进法》", ""),
    )
    assert {c.document_key for c in x.citations} == {"主席令第70号"}
    assert len(x.documents) == 1


def test_lines_and_files_come_from_the_item() -> None:
    x = run(item("a", "《中华人民共和国预算法》", f"{TIAOLI}第四条:甲。"))
    assert {(c.document_key, c.file, c.line) for c in x.citations} == {
        ("国务院令第711号", "t.txt", 12),
        ("中华人民共和国预算法", "t.txt", 11),
    }


# --- repairs and problems -------------------------------------------------------------------

SPAM_QUOTE = f"{TIAOLI}第十二条:行政机关编制、公布的政府信息公开指南和365体育官网应当及时更新。"
ART12 = "行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。"


def test_spam_in_a_quote_stays_unresolved_without_a_reference() -> None:
    x = run(item("a", TIAOLI, SPAM_QUOTE))
    (c,) = x.citations
    assert "spam-unresolved" in c.flags and "365体育官网" in c.quote
    assert any("t.txt:12" in p and "spam" in p for p in x.problems)


def test_spam_in_a_quote_is_restored_from_a_reference_text() -> None:
    asked = []

    def reference_text(key: str, pinpoint: Pinpoint) -> str | None:
        asked.append((key, pinpoint))
        return ART12 if (key, pinpoint) == ("国务院令第711号", Pinpoint(article=12)) else None

    x = run(item("a", TIAOLI, SPAM_QUOTE), reference_text=reference_text)
    (c,) = x.citations
    assert c.quote == ART12 and "spam-repaired" in c.flags and "spam-unresolved" not in c.flags
    (repair,) = [r for r in x.repairs if r.rule == "spam-quote"]
    assert (repair.line, repair.field, repair.repaired, repair.guess) == (
        12,
        "provisions",
        ART12,
        True,
    )
    assert "365体育官网" in repair.original
    assert asked == [("国务院令第711号", Pinpoint(article=12))]


def test_spam_in_a_title_is_repaired_and_recorded() -> None:
    x = run(
        item(
            "a",
            "《国务院办公厅365体育官网做好政府信息依申请公开工作的意见》(国办发〔2010〕5号)",
            "",
        )
    )
    (repair,) = [r for r in x.repairs if r.rule == "spam-title"]
    assert (repair.file, repair.line, repair.field, repair.guess) == ("t.txt", 11, "basis", False)
    assert x.documents[0].title == "国务院办公厅关于做好政府信息依申请公开工作的意见"


def test_broken_number_is_a_problem_and_a_flag() -> None:
    x = run(item("a", "《重庆市人民政府关于进一步加强政务公开工作的意见》（渝府发〔201455号）", ""))
    (c,) = x.citations
    assert (
        "broken-number" in c.flags
        and c.document_key == "重庆市人民政府关于进一步加强政务公开工作的意见"
    )
    assert any("渝府发〔201455号" in p and "t.txt:11" in p for p in x.problems)


def test_no_citations_in_empty_cells() -> None:
    x = run(item("a", "", ""))
    assert x.citations == () and x.documents == () and [u.name for u in x.units] == ["办公室"]


# --- the optional statute library -----------------------------------------------------------


@dataclass(frozen=True)
class FakeAct:
    id: str


@dataclass(frozen=True)
class FakeMatch:
    act: FakeAct
    method: str
    score: float = 1.0


class FakeLibrary:
    def match(self, ref: DocumentRef, on_date=None):
        if ref.number == "国务院令第711号":
            return FakeMatch(FakeAct("政府信息公开条例@2019-04-03"), "number")
        return None

    def text(self, act_id: str, pinpoint: Pinpoint) -> str | None:
        return ART12 if pinpoint == Pinpoint(article=12) else None


def test_library_sets_statute_and_restores_spam() -> None:
    x = run(item("a", f"{TIAOLI} 《某通知》", SPAM_QUOTE), library=FakeLibrary())
    doc = x.document("国务院令第711号")
    assert (doc.statute, doc.statute_match) == ("政府信息公开条例@2019-04-03", "number")
    assert x.document("某通知").statute == ""
    assert x.citations[0].quote == ART12


@dataclass(frozen=True)
class LabelledMatch(FakeMatch):
    @property
    def label(self) -> str:
        return f"{self.method}:{self.score:.2f}" if self.method == "fuzzy" else self.method


class DatedLibrary(FakeLibrary):
    """Resolves every title, fuzzily, to the version in force on the date it is asked for."""

    def __init__(self) -> None:
        self.dates: list[str | None] = []

    def match(self, ref: DocumentRef, on_date=None):
        self.dates.append(on_date)
        return LabelledMatch(FakeAct(f"某通知@{on_date or 'newest'}"), "fuzzy", 0.93)


@pytest.mark.parametrize(
    ("on_date", "statute"),
    [(None, "某通知@newest"), ("2015-01-01", "某通知@2015-01-01")],
)
def test_catalog_date_and_fuzzy_score_reach_the_document(on_date, statute) -> None:
    library = DatedLibrary()
    x = run(item("a", "《某通知》", ""), library=library, on_date=on_date)
    doc = x.document("某通知")
    assert (doc.statute, doc.statute_match) == (statute, "fuzzy:0.93")
    assert set(library.dates) == {on_date}


def test_pinpoints_written_in_the_basis_column() -> None:
    x = run(item("a", f"{TIAOLI}第二十条、第四条", f"{TIAOLI}第二十条：行政机关。"))
    assert rows(x) == [
        ("a", "国务院令第711号", "第20条", "both"),
        ("a", "国务院令第711号", "第4条", "basis"),
    ]
    assert x.citations[0].quote == "行政机关。" and x.citations[1].quote == ""


CELL = st.text(
    alphabet="《》〈〉()（）〔〕第条款项之至、，。： 0123456789一二十百国务院令发号法条例365体育官网",
    max_size=60,
)


@given(st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_extract_never_crashes_and_keys_are_documents(cells: list[tuple[str, str, str]]) -> None:
    x = run(*(item(f"i{n}", b, p, r) for n, (b, p, r) in enumerate(cells)))
    keys = {d.key for d in x.documents}
    assert all(c.document_key in keys for c in x.citations)
    assert all(k in keys for d in x.documents for k in d.promulgates + d.mentions)


def test_responsibility_repairs_are_recorded() -> None:
    x = run(item("a", "", "", responsibility="劳动保障 监察股"))
    assert [(r.field, r.line, r.rule, r.repaired) for r in x.repairs] == [
        ("responsibility", 13, "spaces", "劳动保障监察股")
    ]
    assert [u.name for u in x.units] == ["劳动保障监察股"]
