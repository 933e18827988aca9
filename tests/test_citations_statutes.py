"""extract() with the real statute library from ../shared/statutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.citations import Extraction, extract
from kg.ingest import read_catalog


@pytest.fixture(scope="module")
def with_library(statutes_dir: Path, bundled_catalogs: list[Path]) -> Extraction:
    from kg.statutes.library import cached_library

    library = cached_library(str(statutes_dir.resolve()))
    return extract([read_catalog(p) for p in bundled_catalogs], library=library)


@pytest.mark.parametrize(
    ("key", "statute", "how"),
    [
        ("国务院令第711号", "政府信息公开条例@2019-04-03", "number"),
        ("国务院令第681号", "统计法实施条例@2017-05-28", "number"),
        ("主席令第70号", "就业促进法@", ""),
        ("中华人民共和国统计法", "统计法@", "title"),
        # a notice naming the 条例 in its own title, and the format it promulgates, are not it
        ("国办公开办函〔2021〕30号", "", ""),
        ("中华人民共和国政府信息公开工作年度报告格式", "", ""),
    ],
)
def test_documents_resolve_to_acts(
    with_library: Extraction, key: str, statute: str, how: str
) -> None:
    doc = with_library.document(key)
    assert doc is not None
    assert doc.statute.startswith(statute) and (doc.statute == "") == (statute == "")
    assert doc.statute_match.startswith(how)


def test_spam_in_quote_restored_from_the_statute(with_library: Extraction) -> None:
    (c,) = [
        c
        for c in with_library.citations
        if c.item == "政府信息公开指南" and c.agency.startswith("衡阳")
    ]
    assert "政府信息公开目录" in c.quote and "spam-repaired" in c.flags
    assert not any("spam" in p for p in with_library.problems)


def test_keys_do_not_depend_on_the_library(
    with_library: Extraction, bundled_catalogs: list[Path]
) -> None:
    plain = extract([read_catalog(p) for p in bundled_catalogs])
    assert [d.key for d in plain.documents] == [d.key for d in with_library.documents]
    assert [(c.item, c.document_key, c.pinpoint) for c in plain.citations] == [
        (c.item, c.document_key, c.pinpoint) for c in with_library.citations
    ]


def test_library_as_reference_text_only(statutes_dir: Path, bundled_catalogs: list[Path]) -> None:
    from kg.statutes.library import cached_library

    library = cached_library(str(statutes_dir.resolve()))
    x = extract([read_catalog(bundled_catalogs[0])], reference_text=library)
    assert all(d.statute == "" for d in x.documents)  # not matched: only used for texts
    assert [r.repaired for r in x.repairs if r.rule == "spam-quote"] == [
        "行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。"
    ]
