"""The shortcuts that make the citations stage fast give the same answers as the long way."""

from __future__ import annotations

import gc
from collections import Counter
from dataclasses import replace

import pytest

from kg.citations import extract
from kg.clean import _clean, _convertible, _t2s, clean, to_simplified
from kg.find import _find, find_citations
from kg.ingest import read_catalog
from kg.resolve import Resolver, normalise_title

TIAOLI = "中华人民共和国政府信息公开条例"


@pytest.mark.parametrize(
    "text",
    [
        "國務院令第711號",
        "第二十二條",
        "《中華人民共和國政府信息公開條例》",
        "统一",
        "中华人民共和国政府信息公开条例",
        "乾隆",
        "儘管",
        "臺灣省",
        "湘人社发〔2019〕12号 第三條",
        "",
    ],
)
def test_simplified_only_when_opencc_would_change_it(text: str) -> None:
    assert to_simplified(text)[0] == _t2s().convert(text)


def test_characters_outside_the_set_are_left_alone_by_opencc() -> None:
    others = "".join(chr(c) for c in range(0x3000, 0xA000) if chr(c) not in _convertible())
    assert len(others) > 15000
    assert _t2s().convert(others) == others


@pytest.mark.parametrize(
    "text",
    ["國務院令711號", "《湖南省365体育官网条例》", "<p>行政 执法&nbsp;</p>", '"《统计法》第七条"'],
)
def test_clean_remembered_equals_clean_run(text: str) -> None:
    _clean.cache_clear()
    first = clean(text)
    assert clean(text) is first  # served from the cache
    assert first == _clean.__wrapped__(text, None)


def test_find_returns_a_fresh_list_of_the_same_values() -> None:
    _find.cache_clear()
    cell = f"《{TIAOLI}》第二十条 行政机关……"
    a, b = find_citations(cell), find_citations(cell)
    assert a == b and a is not b
    a.clear()
    assert find_citations(cell) == b


@pytest.mark.parametrize(
    "cells",
    [
        (f"《{TIAOLI}》(国务院令第711号)", f"《{TIAOLI}》（国务院令711号）", f"《{TIAOLI}》"),
        ("国务院令第711号", "中华人民共和国国务院令第711号", "国务院令711号", "国务院令第711号"),
        ("《关于X的通知》(湘人社发〔2019〕12号)", "《关于X的通知》(湘人设发〔2019〕12号)"),
        ("《统计法》", "《中华人民共和国统计法》", "《统计法》", "渝府发〔201455号"),
    ],
)
def test_counted_resolver_equals_resolver_of_every_reference(cells: tuple[str, ...]) -> None:
    refs = [(f.ref, f.number) for cell in cells * 3 for f in find_citations(clean(cell)[0])]
    refs += refs[:2]
    tally = Counter(reversed(refs))
    by_last_occurrence = [(pair, tally[pair]) for pair in reversed(tally)]
    long_way, counted = Resolver(refs), Resolver.counted(by_last_occurrence)
    assert repr(counted.documents()) == repr(long_way.documents())
    assert counted.problems == long_way.problems


def test_repeated_cells_keep_their_own_file_and_line(bundled_catalogs) -> None:
    read = read_catalog(bundled_catalogs[0])
    copy = replace(
        read,
        items=tuple(
            replace(i, agency="副本", file="copy.txt", line=i.line + 1000, field_lines=())
            for i in read.items
        ),
    )
    both = extract([read, copy])
    own = {(c.file, c.line) for c in both.citations if c.agency == "副本"}
    assert own and all(file == "copy.txt" and line > 1000 for file, line in own)
    assert {r.file for r in both.repairs} == {read.items[0].file, "copy.txt"}


def test_extract_is_the_same_warm_or_cold_and_leaves_the_collector_on(bundled_catalogs) -> None:
    reads = [read_catalog(p) for p in bundled_catalogs]
    warm = repr(extract(reads))
    for cached in (_clean, _find, normalise_title):
        cached.cache_clear()
    assert repr(extract(reads)) == warm
    assert gc.isenabled()
