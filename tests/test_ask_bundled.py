"""`kg ask` on the graph of the bundled catalogs: every way of writing the Article 20
question gets exactly the answer of `depends 国务院令第711号 --article 20`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search_graph import cache_folder

from kg.analysis.depends import depends
from kg.pipeline import build_bundled
from kg.textsearch.ask import ask


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_folder(tmp_path_factory)))
        path = tmp_path_factory.mktemp("bundled") / "store"
        build_bundled(path)
        yield path


@pytest.fixture(scope="module")
def article_20(store: Path) -> list[dict]:
    records = depends(store, "国务院令第711号", article=20).records()
    assert len({(r["agency"], r["item"]) for r in records if r["relation"] == "direct"}) >= 20
    return records


@pytest.mark.parametrize(
    "question",
    [
        "哪些事项依据国务院令第711号第二十条？",
        "哪些事项依据国务院令第711号第20条",
        "哪些事项依据国务院令711号第二十条",
        "哪些事项依据国务院令711号第20条?",
        "哪些事项依据711号令第二十条",
        "有哪些事项依据711号令第20条",
        "哪些事项依据政府信息公开条例第二十条",
        "哪些事项依据《政府信息公开条例》第20条",
        "哪些事项依据中华人民共和国政府信息公开条例第二十条",
        "依据政府信息公开条例第二十条的事项有哪些",
        "哪些事项以国务院令第711号第二十条为依据",
        "政府信息公开条例第二十条涉及哪些事项",
    ],
)
def test_article_20_in_any_spelling(store: Path, article_20: list[dict], question: str) -> None:
    assert list(ask(store, question).records) == article_20


def test_units_and_basis_of_an_item(store: Path) -> None:
    units = ask(store, "领导信息由哪个科室负责").records
    assert {(r["agency"], r["unit"]) for r in units} == {
        ("衡阳市人力资源和社会保障局", "组织人事科"), ("湘乡市人力资源和社会保障局", "办公室")}
    basis = ask(store, "领导信息的依据是什么").records
    assert {r["place"] for r in basis} == {"第20条第(2)项"}


@pytest.mark.parametrize(
    "question",
    ["哪些事项依据国务院令第711号第二十条第（二）项", "哪些事项依据711号令第20条第(二)项",
     "哪些事项依据政府信息公开条例第二十条第2项"],
)
def test_an_item_of_article_20(store: Path, question: str) -> None:
    expected = depends(store, "国务院令第711号", article=20, item=2).records()
    assert {r["item"] for r in expected} >= {"领导信息", "机构信息"}
    assert list(ask(store, question).records) == expected
