"""Checking quoted words against the statute texts: verdicts on hand-built citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.models import Citation, Document, DocumentRef, Pinpoint
from kg.statutes.check import check, counts, split_quote
from kg.statutes.library import cached_library

OGI = "国务院令第711号"  # key of the 政府信息公开条例 in the catalogs
LEAD = "行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息："
ART12_1 = "行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。"
STATS_2009_24 = "县级以上人民政府有关部门统计调查取得的统计资料，由本部门按照国家有关规定公布。"

DOCUMENTS = (
    Document(
        key=OGI,
        title="中华人民共和国政府信息公开条例",
        number=OGI,
        statute="政府信息公开条例@2019-04-03",
    ),
    # no statute id: check() must match the title itself, and take the newest version
    Document(key="中华人民共和国统计法", title="中华人民共和国统计法"),
    Document(
        key="国办发〔2018〕118号", title="国务院办公厅关于全面推行行政执法公示制度…的指导意见"
    ),
)


def cite(key: str, pin: Pinpoint, quote: str, flags: tuple[str, ...] = ()) -> Citation:
    return Citation(
        agency="测试局", item="事项", document_key=key, ref=DocumentRef(), pinpoint=pin,
        quote=quote, origin="provisions", file="test.tsv", line=7, flags=flags,
    )  # fmt: skip


@pytest.fixture(scope="module")
def library(statutes_dir: Path):
    return cached_library(str(statutes_dir))


CASES = [
    # (name, document key, pinpoint, quote, flags, verdict, suggested pinpoint, suggested act)
    ("item with lead-in", OGI, Pinpoint(article=20, item=2),
     LEAD + "（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名。", (),
     "exact", None, ""),
    ("item alone", OGI, Pinpoint(article=20, item=4), "国民经济和社会发展统计信息；", (),
     "exact", None, ""),
    ("whole paragraph", OGI, Pinpoint(article=12, paragraph=1), ART12_1, (), "exact", None, ""),
    ("one sentence of a long article", OGI, Pinpoint(article=12), ART12_1, (),
     "abridged", None, ""),
    ("widths and spaces ignored", OGI, Pinpoint(article=12),
     "行政机关编制, 公布的 政府信息公开指南和政府信息公开目录应当及时更新.", (), "abridged", None, ""),
    ("lead-in and several items", OGI, Pinpoint(article=20),
     LEAD + "(一)行政法规、规章和规范性文件；(二)机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名；",
     (), "abridged", None, ""),
    ("衡阳 统计信息: item omitted", OGI, Pinpoint(article=20),
     LEAD + "国民经济和社会发展统计信息。", (),
     "pinpoint-missing", Pinpoint(article=20, item=4), ""),
    ("item recovered by the citations stage", OGI, Pinpoint(article=20, item=4),
     LEAD + "国民经济和社会发展统计信息。", ("pinpoint-recovered",),
     "pinpoint-missing", Pinpoint(article=20, item=4), ""),
    ("no pinpoint at all", OGI, Pinpoint(),
     "政府信息公开目录包括政府信息的索引、名称、内容概述、生成日期等内容。", (),
     "pinpoint-missing", Pinpoint(article=12), ""),
    ("words of another item", OGI, Pinpoint(article=20, item=3),
     LEAD + "国民经济和社会发展统计信息。", (),
     "wrong-number", Pinpoint(article=20, item=4), ""),
    ("words of another article", OGI, Pinpoint(article=13), ART12_1, (),
     "wrong-number", Pinpoint(article=12), ""),
    ("article the act lacks", OGI, Pinpoint(article=99), ART12_1, (),
     "wrong-number", Pinpoint(article=12), ""),
    ("words of the 2009 version", "中华人民共和国统计法", Pinpoint(article=24), STATS_2009_24, (),
     "other-version", Pinpoint(article=24), "统计法@2009-06-27"),
    ("2024 words at the 2024 number", "中华人民共和国统计法", Pinpoint(article=27), STATS_2009_24, (),
     "exact", None, ""),
    ("words in no version", OGI, Pinpoint(article=20, item=4), "各单位应当按季度报送工资总额统计报表。",
     (), "mismatch", None, ""),
    ("spam stands for words", OGI, Pinpoint(article=12),
     "行政机关编制、公布的政府信息公开指南和政府信息365体育官网应当及时更新。", (),
     "abridged", None, ""),
    ("several articles in one quote", OGI, Pinpoint(article=12),
     ART12_1 + "第十三条 除本条例第十四条、第十五条、第十六条规定的政府信息外，政府信息应当公开。", (),
     "abridged", None, ""),
    ("second article's words wrong", OGI, Pinpoint(article=12),
     ART12_1 + "第十三条 各单位应当按季度报送工资总额统计报表。", (), "mismatch", None, ""),
    ("no words quoted", OGI, Pinpoint(article=20), "", (), "not-quoted", None, ""),
    ("document not in the library", "国办发〔2018〕118号", Pinpoint(section=(2,)), "全面推行行政执法公示制度", (),
     "act-unknown", None, ""),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "key", "pin", "quote", "flags", "verdict", "suggested", "version"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_verdicts(library, name, key, pin, quote, flags, verdict, suggested, version):
    (result,) = check([cite(key, pin, quote, flags)], DOCUMENTS, library)
    assert result.verdict == verdict, result.detail
    assert result.suggested == suggested
    assert result.suggested_act == version


def test_problem_carries_statute_words(library):
    (result,) = check(
        [cite(OGI, Pinpoint(article=20), LEAD + "国民经济和社会发展统计信息。")], DOCUMENTS, library
    )
    assert result.statute_words == "(四)国民经济和社会发展统计信息；"
    assert result.act_id == "政府信息公开条例@2019-04-03"
    assert result.is_problem


def test_reference_in_citation_used_without_documents(library):
    c = Citation(
        agency="测试局", item="事项", document_key="x", ref=DocumentRef(number="国务院令711号"),
        pinpoint=Pinpoint(article=12), quote=ART12_1,
    )  # fmt: skip
    (result,) = check([c], (), library)
    assert result.verdict == "abridged"


def test_check_takes_an_extraction(library):
    class Extraction:
        citations = (cite(OGI, Pinpoint(article=12), ART12_1),)
        documents = DOCUMENTS

    (result,) = check(Extraction(), library)
    assert result.verdict == "abridged"


def test_counts_has_every_verdict(library):
    results = check([cite(OGI, Pinpoint(article=12), ART12_1)], DOCUMENTS, library)
    found = counts(results)
    assert found["abridged"] == 1 and sum(found.values()) == 1
    assert list(found)[:2] == ["exact", "abridged"]


@pytest.mark.parametrize(
    ("pin", "quote", "expected"),
    [
        (Pinpoint(article=12), "甲。", [(Pinpoint(article=12), "甲。")]),
        (Pinpoint(article=12), "第十二条：甲。", [(Pinpoint(article=12), "甲。")]),
        (
            Pinpoint(article=17),
            "甲。第十八条 乙；第十八条之一 丙。",
            [
                (Pinpoint(article=17), "甲。"),
                (Pinpoint(article=18), "乙；"),
                (Pinpoint(article=18, article_suffix=1), "丙。"),
            ],
        ),
        # an article named inside a sentence is a reference, not a new piece
        (
            Pinpoint(article=20),
            "依照本条例第十九条的规定",
            [(Pinpoint(article=20), "依照本条例第十九条的规定")],
        ),
    ],
)
def test_split_quote(pin, quote, expected):
    assert split_quote(pin, quote) == expected
