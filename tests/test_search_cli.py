"""`kg search` through click's runner, on the hand-made graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_search_graph import HY, IRIS, XX, cache_folder, write_store

from kg.cli.main import cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("cli") / "store")


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(cache_folder(tmp_path_factory)))
        yield cache_folder(tmp_path_factory)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_table_highlights_matches_and_shows_iris(store: Path) -> None:
    code, out, _err = run("search", "社会保险", "--store", str(store))
    assert code == 0
    assert "【社会保险】费征缴" in out
    assert str(IRIS.item(HY, "社会保险费征缴")) in out
    assert "\x1b[" not in out  # no colours when not on a terminal
    assert out.splitlines()[0].split()[:4] == ["rank", "score", "kind", "label"]


@pytest.mark.parametrize(
    ("args", "first_label", "kinds"),
    [
        (("社会保险", "--kind", "item"), "社会保险费征缴", {"item"}),
        (("社会保险", "--kind", "act"), "中华人民共和国社会保险法", {"act"}),
        (("缴费记录", "--kind", "article"), "中华人民共和国社会保险法 第4条", {"article"}),
        (("审批服务", "--kind", "unit"), "行政审批服务科", {"unit"}),
        (("领导", "--limit", "1"), "领导信息", {"item"}),
    ],
)
def test_json_records(store: Path, args: tuple[str, ...], first_label: str, kinds: set[str]) -> None:
    code, out, _err = run("search", *args, "--store", str(store), "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert records[0]["label"] == first_label
    assert {r["kind"] for r in records} == kinds
    assert [r["rank"] for r in records] == list(range(1, len(records) + 1))
    assert all(r["matched"] and r["iri"].startswith("https://") for r in records)
    assert all("【" not in r["snippet"] for r in records)
    if "--limit" in args:
        assert len(records) == 1


def test_csv_has_a_header_and_one_row_per_hit(store: Path) -> None:
    code, out, _err = run("search", "领导信息", "--store", str(store), "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("rank,score,kind,label")
    assert sum("领导信息" in line for line in lines[1:]) >= 2


def test_related_items_share_keywords(store: Path) -> None:
    code, out, _err = run("search", "--related", "领导信息", "--store", str(store), "--format", "json")
    assert code == 0
    records = json.loads(out)
    pairs = {(r["item agency"], r["iri"]) for r in records}
    assert (HY, str(IRIS.item(XX, "领导信息"))) in pairs
    assert all(r["shared"] >= 1 and r["keywords"] for r in records)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search",), 2, "give a QUERY"),
        (("search", "--related", "没有这个事项"), 9, "no item named"),
        (("search", "社会保险", "--kind", "law"), 2, "Invalid value"),
    ],
)
def test_bad_input_gets_one_clear_line(store: Path, args, code: int, message: str) -> None:
    got, _out, err = run(*args, "--store", str(store))
    assert got == code
    assert message in err and "Traceback" not in err


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    code, _out, err = run("search", "社会保险", "--store", str(tmp_path / "nothing"))
    assert code == 5 and "kg: error:" in err


def test_terminal_gets_colours_instead_of_brackets(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.cli.search as search_cli

    monkeypatch.setattr(search_cli, "on_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["search", "社会保险", "--store", str(store), "--kind", "item"],
                                color=True)
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert "\x1b[1;31m社会保险\x1b[0m费征缴" in out and "【" not in out


def test_build_stores_keywords_without_the_agency_name(tmp_path):
    """Regression: `kg build` stores keywords by default, and words of the agency's own name
    (湘乡市, 保障局), which every item repeats, are not among them."""
    from kg.rdf.store import Store

    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", str(Path(__file__).resolve().parents[1] / "data" / "catalogs" / "xiangxiang-hrss.tsv"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    with Store.open(store) as st:
        rows = st.select(
            "SELECT ?agency ?k WHERE { ?i kg:keywordSet/kg:keyword ?k ; kg:agency/skos:prefLabel ?agency }"
        )
    assert len({r["k"] for r in rows}) > 30
    assert not [r["k"] for r in rows if r["k"] in r["agency"]]
