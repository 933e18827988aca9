"""`kg statutes load | show | match` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["statutes", *args])


def test_load_prints_counts(statutes_dir: Path):
    result = run("load", str(statutes_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["acts"] > 1400 and record["articles"] > 60000
    assert record["works with several versions"] >= 1
    assert "行政法规" in record["levels"]


def test_load_missing_folder(tmp_path: Path):
    result = run("load", str(tmp_path / "none"))
    assert result.exit_code == 4
    assert "statute library folder not found" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "国务院令第711号", "--article", "20"], "国民经济和社会发展统计信息"),
        (["show", "统计法"], "统计法@2009-06-27"),
        (["show", "统计法@2024-09-13"], "2024-09-13 修正"),
        (["match", "《中华人民共和国政府信息公开条例》（国务院令711号）"], "number"),
        (["match", "统计法", "--date", "2020-01-01"], "统计法@2009-06-27"),
    ],
)
def test_show_and_match(statutes_dir: Path, args, expected):
    result = run(*args, "--statutes", str(statutes_dir), "--format", "json")
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["show", "没有这部法"],
        ["show", "统计法", "--article", "999"],
        ["match", "国务院办公厅关于某事的通知"],
    ],
)
def test_not_found(statutes_dir: Path, args):
    result = run(*args, "--statutes", str(statutes_dir))
    assert result.exit_code == 9, result.output
