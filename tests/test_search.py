"""The search stage: legal jieba dictionary and its cache, tokens, BM25, highlighting."""

from __future__ import annotations

import marshal
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_search_graph import cache_folder, write_store

from kg.analysis.source import as_source
from kg.textsearch import lexicon
from kg.textsearch.bm25 import BM25
from kg.textsearch.index import SearchIndex, graph_terms, highlight, snippet
from kg.textsearch.keywords import item_keywords
from kg.textsearch.tokenize import TextTokenizer


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_folder(tmp_path_factory)))
        yield cache_folder(tmp_path_factory)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("search") / "store")


@pytest.fixture(scope="module")
def source(store_dir: Path):
    return as_source(store_dir)


@pytest.fixture(scope="module")
def index(source) -> SearchIndex:
    return SearchIndex.build(source)


@pytest.fixture(scope="module")
def before() -> TextTokenizer:
    return TextTokenizer(lexicon.load_tokenizer(()))


@pytest.fixture(scope="module")
def after(source) -> TextTokenizer:
    return TextTokenizer(lexicon.load_tokenizer(graph_terms(source)))


# --- dictionary terms ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "terms"),
    [
        ("《政府信息公开条例》", ["政府信息公开条例"]),
        ("国务院令第711号", ["国务院令711号", "国务院令第711号"]),
        ("中办发〔2015〕21号", ["21号", "中办发"]),
        ("中共湖南省委组织部 湖南省人力资源和社会保障厅", ["中共湖南省委组织部", "湖南省人力资源和社会保障厅"]),
        ("法规信访股（审批服务股）", ["审批服务股", "法规信访股"]),
        ("办", []),
        ("2015", []),
        ("", []),
    ],
)
def test_clean_terms_never_keep_brackets_or_spaces(label: str, terms: list[str]) -> None:
    assert lexicon.clean_terms([label]) == terms


def test_graph_terms_hold_titles_numbers_units_and_legal_terms(source) -> None:
    terms = graph_terms(source)
    for term in ("中华人民共和国政府信息公开条例", "政府信息公开条例", "国务院令第711号",
                 "法规信访股", "审批服务股", "行政审批服务科", "衡阳市人力资源和社会保障局", "权责清单"):
        assert term in terms
    assert not [t for t in terms if set(t) & set("《》()（）〔〕 \u3000")]


# --- segmentation before and after the legal dictionary ------------------------------------
@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("依据中华人民共和国政府信息公开条例第二十条", "中华人民共和国政府信息公开条例"),
        ("《中华人民共和国政府信息公开条例》(国务院令第711号)第二十条", "中华人民共和国政府信息公开条例"),
        ("《中华人民共和国政府信息公开条例》(国务院令第711号)第二十条", "国务院令第711号"),
        ("《中华人民共和国政府信息公开条例》（国务院令711号）", "国务院令711号"),
        ("由法规信访股负责公开", "法规信访股"),
        ("行政审批服务科负责", "行政审批服务科"),
        ("衡阳市人力资源和社会保障局主要领导姓名", "衡阳市人力资源和社会保障局"),
        ("权责清单和责任清单", "权责清单"),
    ],
)
def test_legal_dictionary_keeps_names_whole(before, after, sentence: str, word: str) -> None:
    assert word not in before.words(sentence)
    assert word in after.words(sentence)


def test_full_width_digits_cut_like_ascii(after) -> None:
    assert after.words("国务院令第７１１号") == after.words("国务院令第711号")


def test_search_terms_include_dictionary_parts(after) -> None:
    terms = after.terms("中华人民共和国政府信息公开条例")
    assert "中华人民共和国政府信息公开条例" in terms
    assert {"政府", "信息公开", "条例"} <= set(terms)
    assert "的" not in after.terms("公开的信息")


# --- the per-user cache ----------------------------------------------------------------------
def test_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "a"))
    assert lexicon.cache_dir() == tmp_path / "a"
    monkeypatch.delenv("KG_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert lexicon.cache_dir() == tmp_path / "xdg" / "kg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert lexicon.cache_dir() == tmp_path / "home" / ".cache" / "kg"


def test_second_load_reads_the_marshalled_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    terms = ["法规信访股", "行政审批服务科"]
    first = lexicon.load_tokenizer(terms)
    path = lexicon.cache_path(lexicon.clean_terms(terms))
    assert path.parent == cache and path.is_file()
    assert not Path(first.tmp_dir).samefile("/tmp")

    def no_rebuild(*_args):
        raise AssertionError("the dictionary was rebuilt instead of read from the cache")

    monkeypatch.setattr(jieba.Tokenizer, "gen_pfdict", no_rebuild)
    second = lexicon.load_tokenizer(terms)
    assert second.FREQ == first.FREQ and second.total == first.total
    assert list(second.cut("法规信访股")) == ["法规信访股"]


def test_a_corrupt_cache_is_rebuilt(cache: Path) -> None:
    terms = ["组织人事科"]
    path = lexicon.cache_path(lexicon.clean_terms(terms))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not marshal")
    tokenizer = lexicon.load_tokenizer(terms)
    assert list(tokenizer.cut("组织人事科")) == ["组织人事科"]
    freq, _total = marshal.loads(path.read_bytes())
    assert "组织人事科" in freq


# --- BM25 ------------------------------------------------------------------------------------
CORPUS = [
    ["社会保险", "征缴", "社会保险"],  # 0: the term twice, short
    ["社会保险", "征缴", "政策", "标准", "程序", "查询", "方式", "记录"],  # 1: once, long
    ["领导", "姓名", "职务"],  # 2: no match
    ["社会保险", "工伤"],  # 3: once, short
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (["社会保险"], [0, 3, 1]),
        (["工伤"], [3]),
        (["领导", "职务"], [2]),
        (["社会保险", "工伤"], [3, 0, 1]),
        (["不存在"], []),
        ([], []),
    ],
)
def test_bm25_ranks_by_frequency_rarity_and_length(query: list[str], expected: list[int]) -> None:
    index = BM25.from_documents(CORPUS)
    assert [doc for doc, _score in index.top(query, limit=10)] == expected


def test_bm25_rarer_terms_weigh_more_and_bytes_round_trip() -> None:
    index = BM25.from_documents(CORPUS)
    assert index.idf("工伤") > index.idf("社会保险") > 0
    again = BM25.from_bytes(index.to_bytes())
    assert again.top(["社会保险"], 3) == index.top(["社会保险"], 3)
    assert index.top(["社会保险"], 10, allowed={1, 3}) == [(3, index.scores(["社会保险"])[3]),
                                                         (1, index.scores(["社会保险"])[1])]


# --- highlighting and snippets ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("社会保险费征缴", ["社会保险", "保险"], "【社会保险】费征缴"),
        ("保险和社会保险", ["社会保险", "保险"], "【保险】和【社会保险】"),
        ("国务院令第７１１号", ["国务院令第711号"], "【国务院令第７１１号】"),
        ("没有匹配", ["保险"], "没有匹配"),
        ("ABC abc", ["abc"], "【ABC】 【abc】"),
    ],
)
def test_highlight_marks_longest_terms_without_overlap(text: str, terms: list[str], expected: str) -> None:
    assert highlight(text, terms) == expected


def test_snippet_is_a_window_around_the_first_match() -> None:
    text = "前言" * 40 + "社会保险费征缴" + "结尾" * 40
    piece = snippet(text, ["社会保险"], width=30)
    assert piece.startswith("…") and piece.endswith("…") and "社会保险" in piece
    assert len(piece) <= 34


# --- the index over a graph --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "kind", "title"),
    [
        ("社会保险", "item", "社会保险费征缴"),
        ("社会保险", "act", "中华人民共和国社会保险法"),
        ("缴费记录", "article", "第4条"),
        ("办公时间", None, "机构信息"),
        ("政府信息公开条例", "act", "中华人民共和国政府信息公开条例"),
        ("国务院令第711号", None, "中华人民共和国政府信息公开条例"),
        ("审批服务股", "unit", "法规信访股"),
        ("行政审批服务科", None, "行政审批服务科"),
        ("统计公报", "item", "统计信息"),
    ],
)
def test_search_finds_the_expected_node_first(index, query: str, kind: str | None, title: str) -> None:
    hits = index.search(query, kind=kind, limit=5)
    assert hits, query
    assert hits[0].doc.title == title
    assert all(h.doc.kind == kind for h in hits if kind)
    assert hits[0].matched and hits[0].doc.iri.startswith("https://w3id.org/kg-disclosure/id/")


def test_search_of_unknown_words_finds_nothing(index) -> None:
    assert index.search("量子计算机") == []


def test_index_is_cached_until_the_store_changes(source, store_dir: Path, monkeypatch) -> None:
    first = SearchIndex.open(source, store_dir)
    import kg.textsearch.index as index_module

    def no_read(_store):
        raise AssertionError("documents were read again instead of the cached index")

    monkeypatch.setattr(index_module, "read_documents", no_read)
    second = SearchIndex.open(source, store_dir)
    assert [d.iri for d in second.docs] == [d.iri for d in first.docs]
    assert second.search("社会保险")[0].doc == first.search("社会保险")[0].doc


# --- keywords ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agency", "wanted", "unwanted"),
    [
        ("领导信息 衡阳市人力资源和社会保障局主要领导姓名、职务、主管或分管工作、简介",
         "衡阳市人力资源和社会保障局", {"领导", "姓名", "职务"}, {"衡阳市", "社会保障局", "的"}),
        ("社会保险费征缴 社会保险费征缴的政策、标准、程序", "", {"社会保险费", "征缴"}, {"的", "、"}),
        ("权责清单 权力清单和责任清单，2015年版", "", {"权责清单", "权力清单"}, {"2015"}),
    ],
)
def test_item_keywords(text: str, agency: str, wanted: set[str], unwanted: set[str]) -> None:
    words = item_keywords(text, agency=agency)
    assert wanted <= set(words)
    assert not unwanted & set(words)
    assert len(words) <= 8 and words == item_keywords(text, agency=agency)


def test_worker_processes_tokenise_like_one_process(source, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.textsearch.index as index_module

    serial = SearchIndex.build(source)
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 1)
    parallel = SearchIndex.build(source)
    assert parallel.bm25.postings == serial.bm25.postings
    assert parallel.bm25.lengths == serial.bm25.lengths


def test_changing_the_store_changes_its_fingerprint(tmp_path: Path) -> None:
    from rdflib import Literal, URIRef

    from kg.textsearch.index import store_fingerprint

    path = write_store(tmp_path / "store")
    before = store_fingerprint(path)
    assert store_fingerprint(path) == before
    import pyoxigraph as ox

    store = ox.Store(str(path))
    store.add(ox.Quad(ox.NamedNode(str(URIRef("https://example.org/x"))),
                      ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                      ox.Literal(str(Literal("新事项")))))
    store.flush()
    del store
    assert store_fingerprint(path) != before


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from("甲乙丙丁戊己"), max_size=8), min_size=1, max_size=8),
       st.lists(st.sampled_from("甲乙丙丁戊己庚"), max_size=4))
def test_bm25_scores_are_positive_and_sorted(docs: list[list[str]], query: list[str]) -> None:
    index = BM25.from_documents(docs)
    ranked = index.top(query, limit=len(docs))
    assert all(score > 0 for _doc, score in ranked)
    assert [s for _d, s in ranked] == sorted((s for _d, s in ranked), reverse=True)
    assert {d for d, _s in ranked} == {i for i, doc in enumerate(docs) if set(doc) & set(query)}
