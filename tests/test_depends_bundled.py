"""`kg depends` on the bundled catalogs: the Article 20 question, answered exactly.

The expected lists were written by hand from data/catalogs/*: every item whose 条款内容
quotes 《中华人民共和国政府信息公开条例》(国务院令第711号) 第二十条, with the item (项) it
quotes in brackets. Not there: 政府信息公开指南 (第十二条), 政府信息公开制度 (第四条),
依申请公开 (第二十八条), and every item not citing the 条例.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.analysis.depends import depends
from kg.analysis.source import open_source
from kg.cli.main import cli

HY = "衡阳市人力资源和社会保障局"
XX = "湘乡市人力资源和社会保障局"

ARTICLE_20 = {
    (HY, "领导信息"),  # (二)
    (HY, "机构信息"),  # (二)
    (HY, "内设机构设置"),  # (二)
    (HY, "直属机构设置"),  # (二)
    (HY, "法规规章"),  # words of (一), no marker
    (HY, "工作总结和计划"),  # (三)
    (HY, "统计信息"),  # words of (四), no marker
    (HY, "财政预决算信息"),  # (七)
    (HY, "政府集中采购目录标准"),  # (九)
    (HY, "政府采购情况"),  # (九)
    (HY, "社会保险信息"),  # (十一)
    (HY, "促进就业信息"),  # (十一)
    (XX, "领导信息"),  # (二)
    (XX, "机构信息"),  # (二)
    (XX, "内设机构设置"),  # (二)
    (XX, "行政规范性文件"),  # words of (一), no marker
    (XX, "其他政策文件"),  # (一) and (十五)
    (XX, "财政预决算和专项资金信息"),  # (七)
    (XX, "政府集中采购目录标准"),  # (九)
    (XX, "政府采购实施情况"),  # (九)
    (XX, "社会保险信息"),  # (十一)
    (XX, "促进就业"),  # (十一)
}
ITEM_2 = {(HY, "领导信息"), (HY, "机构信息"), (HY, "内设机构设置"), (HY, "直属机构设置"),
          (XX, "领导信息"), (XX, "机构信息"), (XX, "内设机构设置")}
ITEM_9 = {(HY, "政府集中采购目录标准"), (HY, "政府采购情况"), (XX, "政府集中采购目录标准"),
          (XX, "政府采购实施情况")}
ITEM_11 = {(HY, "社会保险信息"), (HY, "促进就业信息"), (XX, "社会保险信息"), (XX, "促进就业")}


@pytest.fixture(scope="module")
def source(bundled_store):
    return open_source(bundled_store)


def direct(result) -> set[tuple[str, str]]:
    return {(d.item.agency, d.item.name) for d in result.by_relation("direct")}


@pytest.mark.parametrize(("phrase", "options", "expected"), [
    ("国务院令第711号", {"article": 20}, ARTICLE_20),
    ("国务院令711号", {"article": "二十"}, ARTICLE_20),
    ("711号令第二十条", {}, ARTICLE_20),
    ("政府信息公开条例", {"article": 20}, ARTICLE_20),
    ("《中华人民共和国政府信息公开条例》", {"article": 20}, ARTICLE_20),
    ("国务院令第711号", {"article": 20, "item": 2}, ITEM_2),
    ("711号令第二十条第（二）项", {}, ITEM_2),
    ("国务院令第711号", {"article": 20, "item": 9}, ITEM_9),
    ("国务院令第711号", {"article": 20, "item": 11}, ITEM_11),
    ("国务院令第711号", {"article": 12},
     {(HY, "政府信息公开指南"), (XX, "政府信息公开指南")}),
])
def test_the_article_20_question(source, phrase, options, expected):
    assert direct(depends(source, phrase, **options)) == expected


def test_no_item_of_the_bundled_catalogs_cites_the_regulation_without_a_pinpoint(source):
    assert depends(source, "国务院令第711号", article=20).by_relation("act-only") == ()


def test_employment_law_by_decree_number_and_by_title_is_one_act(source):
    by_number = depends(source, "主席令第七十号", article=35)
    by_title = depends(source, "就业促进法", article=35)
    assert direct(by_number) == direct(by_title) == {
        (HY, "促进就业信息"), (HY, "就业公共服务"), (XX, "促进就业")}


def test_cli_table_csv_and_json(bundled_store):
    runner = CliRunner()
    base = ["depends", "国务院令第711号", "--article", "20", "--store", str(bundled_store)]
    table = runner.invoke(cli, base)
    assert table.exit_code == 0, table.output
    assert "22 items" in table.output and "直属机构设置" in table.output
    rows = json.loads(runner.invoke(cli, [*base, "--format", "json"]).output)
    assert {(r["agency"], r["item"]) for r in rows} == ARTICLE_20
    assert all(r["relation"] == "direct" for r in rows)
    csv_out = runner.invoke(cli, [*base, "--item", "2", "--format", "csv"]).output
    assert csv_out.splitlines()[0] == "agency,unit,item,category,pinpoint,relation,via,source"
    assert len(csv_out.splitlines()) == 1 + len(ITEM_2)


def test_cli_unknown_act_is_one_line_and_exit_code_9(bundled_store):
    result = CliRunner().invoke(cli, ["depends", "信息公开条例", "--store", str(bundled_store)])
    assert result.exit_code == 9
    assert "close labels" in result.output and "Traceback" not in result.output


def test_cli_missing_store_is_a_store_error(tmp_path):
    result = CliRunner().invoke(cli, ["depends", "国务院令第711号", "--store",
                                      str(tmp_path / "nothing")])
    assert result.exit_code == 5
