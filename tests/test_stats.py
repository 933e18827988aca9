"""`kg stats` on the hand-made graph and on the bundled catalogs."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.analysis.amendment import from_mapping
from kg.analysis.centrality import build_graph
from kg.analysis.latency import depends_latency, impact_latency, stats_latency, time_call
from kg.analysis.sample import AGENCY_A as A
from kg.analysis.sample import AGENCY_B as B
from kg.analysis.sample import sample_store
from kg.analysis.source import as_source, open_source
from kg.analysis.stats import act_labels, jaccard, stats
from kg.cli.main import cli

HY = "衡阳市人力资源和社会保障局"
XX = "湘乡市人力资源和社会保障局"


@pytest.fixture(scope="module")
def sample():
    return as_source(sample_store())


@pytest.fixture(scope="module")
def tables(sample):
    return stats(sample, top=50)


def test_most_cited_acts(tables):
    top = tables["most cited acts"][0]
    # 领导信息 x2, 法规规章, 指南, 依申请公开, 试点条款, 财政预决算 rest on the 2019 regulation.
    assert top == {"act": "政府信息公开条例(2019-04-03) 国务院令第711号", "items": 7,
                   "agencies": 2}


def test_most_cited_articles_count_items_under_the_article(tables):
    rows = {(r["act"], r["article"]): r["items"] for r in tables["most cited articles"]}
    # 第二十条 holds 领导信息 (A, B), 法规规章 and 财政预决算; 第二十条之一 (nested under it
    # in IRIs) is an article of its own with 试点条款.
    assert rows[("政府信息公开条例(2019-04-03) 国务院令第711号", "第二十条")] == 4
    assert rows[("政府信息公开条例(2019-04-03) 国务院令第711号", "第二十条之一")] == 1
    assert rows[("代表法", "第五十一条")] == 2


def test_units_by_items(tables):
    rows = {(r["agency"], r["unit"]): r["items"] for r in tables["units by items"]}
    assert rows[(A, "办公室")] == 4 and rows[(B, "人事股")] == 2 and rows[(A, "信息中心")] == 2


def test_items_without_basis(tables):
    assert [(r["agency"], r["item"]) for r in tables["items without basis"]] == [
        (A, "社会保障卡信息")]


def test_documents_cited_by_one_agency_only(tables):
    acts = {(r["act"], r["agency"]) for r in tables["documents cited by one agency only"]}
    assert ("代表法", B) in acts and ("统计法(2009-06-27)", B) in acts
    assert not any(a.startswith("政府信息公开条例(2019") for a, _ in acts)


def test_shared_templates_by_hand(tables):
    (row,) = tables["agencies sharing a template"]
    # Item names: A has 9, B has 7, one shared (领导信息): 1 / 15.
    # Basis nodes: A 9 distinct (社会保障卡信息 has none), B 7, shared art/20/item/2: 1 / 15.
    assert row["shared items"] == 1
    assert row["items jaccard"] == round(1 / 15, 3)
    assert row["citations jaccard"] == round(1 / 15, 3)


@pytest.mark.parametrize(("a", "b", "value"), [
    (set(), set(), 0.0), ({1}, {1}, 1.0), ({1, 2}, {2, 3}, 0.333), ({1}, {2}, 0.0)])
def test_jaccard(a, b, value):
    assert jaccard(a, b) == value


def test_the_networkx_graph_has_one_node_per_iri(sample):
    graph, ids = build_graph(sample, act_labels(sample))
    assert len(ids) == graph.number_of_nodes() == len(set(ids.values()))
    assert all(graph.nodes[n]["iri"] == iri for iri, n in ids.items())
    kinds = {graph.nodes[n]["kind"] for n in graph}
    assert kinds == {"item", "document", "unit"}
    # B's 领导信息 links the regulation and two units.
    item = ids[next(i for i in ids if i.endswith("乙市人力资源和社会保障局/item/领导信息"))]
    assert graph.degree(item) == 3


def test_centrality_ranks_the_regulation_first(tables):
    first = tables["centrality"][0]
    assert first["node"].startswith("政府信息公开条例(2019") and first["kind"] == "document"
    assert all(r["kind"] in ("document", "unit") for r in tables["centrality"])


def test_latency_hooks_report_figures(sample):
    assert set(time_call(lambda: None, repeat=3)) == {"runs", "median_ms", "p95_ms", "best_ms"}
    figures = depends_latency(sample, "国务院令第711号", repeat=2, article=20)
    assert figures["items"] == 5 and figures["runs"] == 2
    am = from_mapping({"act": "统计法", "date": "2024-09-13", "renumbered": {"24": 27}})
    assert impact_latency(sample, am, repeat=2)["items"] == 3
    assert stats_latency(sample, repeat=1)["runs"] == 1


def test_bundled_stats(bundled_store):
    tables = stats(open_source(bundled_store), top=5)
    assert [(r["agency"], r["item"]) for r in tables["items without basis"]] == [
        (HY, "社会保障卡信息")]
    (article,) = [r for r in tables["most cited articles"] if r["article"] == "第二十条"]
    assert article["items"] == 22 and "政府信息公开条例" in article["act"]
    assert tables["most cited acts"][0]["items"] == 28
    (pair,) = tables["agencies sharing a template"]
    assert {pair["agency"], pair["other agency"]} == {HY, XX} and pair["shared items"] > 10
    assert all(len(t) <= 5 for name, t in tables.items() if name != "items without basis")


def test_cli_stats(bundled_store):
    runner = CliRunner()
    table = runner.invoke(cli, ["stats", "--store", str(bundled_store), "--top", "3"])
    assert table.exit_code == 0, table.output
    assert "## most cited acts" in table.output and "## centrality" in table.output
    result = runner.invoke(cli, ["stats", "--store", str(bundled_store), "--format", "json",
                                 "--table", "items without basis"])
    rows = json.loads(result.output)
    assert [(r["table"], r["item"]) for r in rows] == [("items without basis", "社会保障卡信息")]
    csv_out = runner.invoke(cli, ["stats", "--store", str(bundled_store), "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("table,")
