"""kg.textsearch.background: keywords ranked by a helper process are the ones ranked in
process, and a build falls back to ranking in process when the helper fails."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.pipeline import BUNDLED, build
from kg.rdf.store import Store
from kg.textsearch import background
from kg.textsearch.background import KeywordRanker
from kg.textsearch.keywords import ranked_words

TEXTS = [
    "社会保险 参保单位和个人缴纳社会保险费的情况",
    "统计信息 国民经济和社会发展统计信息",
    "领导信息 局领导姓名、职务、分工",
    "社会保险 参保单位和个人缴纳社会保险费的情况",  # a repeat
]


def test_helper_ranks_like_the_process():
    ranker = KeywordRanker(top=5, helper=True)
    ranker.add(TEXTS[:2])
    ranker.add(TEXTS[1:])
    assert ranker.ranked() == ranked_words(sorted(set(TEXTS)), 5)


@pytest.mark.parametrize("code", ["import sys; sys.exit(3)", "print('not json')", "pass"])
def test_a_failing_helper_falls_back_to_ranking_in_process(monkeypatch, code):
    def broken(top):
        return subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    monkeypatch.setattr(background, "_start_helper", broken)
    ranker = KeywordRanker(top=5, helper=True)
    ranker.add(TEXTS[:2])
    ranker.add(TEXTS[1:])
    assert ranker.ranked() == ranked_words(sorted(set(TEXTS)), 5)


def test_a_ranker_closed_before_submitting_leaves_no_process():
    ranker = KeywordRanker(top=5, helper=True)
    proc = ranker._proc
    ranker.close()
    assert proc is not None and proc.poll() is not None


def test_small_builds_rank_in_process(tmp_path):
    assert KeywordRanker.for_build(BUNDLED, 5)._proc is None


def dump(store) -> bytes:
    with Store.open(store) as st:
        return st.dump("nt")


def test_a_build_with_the_helper_gives_the_same_graph(tmp_path, monkeypatch):
    build(BUNDLED, store=tmp_path / "in-process", keywords=True)
    monkeypatch.setattr(background, "HELPER_FROM_BYTES", 0)
    monkeypatch.setattr("kg.textsearch.keywords.extractor_loaded", lambda: False)
    started = []
    real = background._start_helper
    monkeypatch.setattr(background, "_start_helper", lambda top: started.append(top) or real(top))
    build(BUNDLED, store=tmp_path / "helper", keywords=True)
    assert started == [5]
    assert dump(tmp_path / "helper") == dump(tmp_path / "in-process")
    assert b"ontology#keyword>" in dump(tmp_path / "helper")


def test_a_stuck_helper_is_stopped_and_the_build_ranks_in_process(monkeypatch):
    def stuck(top):  # reads nothing, answers nothing
        return subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(60)"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

    monkeypatch.setattr(background, "_start_helper", stuck)
    monkeypatch.setattr(background, "HELPER_WAIT_SECONDS", 0.5)
    monkeypatch.setattr(background, "HELPER_WAIT_PER_TEXT", 0.0)
    texts = [f"第{i}项 社会保险信息" * 20 for i in range(1000)]  # more than a pipe holds
    ranker = KeywordRanker(top=5, helper=True)
    proc = ranker._proc
    ranker.add(texts)  # the writer thread blocks on the full pipe, never the build
    assert ranker.ranked() == ranked_words(texts, 5)
    assert proc.poll() is not None


def test_texts_that_utf8_cannot_encode_still_reach_the_helper(monkeypatch):
    texts = ["社会保险 \ud800 缴费", "统计信息"]
    ranker = KeywordRanker(top=5, helper=True)
    ranker.add(texts)
    monkeypatch.setattr(background.kw, "ranked_words", None)  # no fallback: the helper ranks
    assert ranker.ranked() == ranked_words(texts, 5)
