"""`kg ingest` through CliRunner: summaries, rejections, JSON, and failures one line each."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import HENGYANG, XIANGXIANG

from kg.cli.main import cli


def run(*args):
    result = CliRunner().invoke(cli, ["ingest", *map(str, args)])
    return result


def test_table_output_for_both_catalogs():
    result = run(HENGYANG, XIANGXIANG)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "format", "encoding", "agency", "rows", "read", "items",
                                "rejections", "notes"]
    assert lines[2].split()[1:7] == ["page-text", "utf-8", "衡阳市人力资源和社会保障局", "310",
                                     "34", "1"]
    assert lines[3].split()[1:7] == ["tsv", "utf-8", "湘乡市人力资源和社会保障局", "33", "30", "0"]
    assert any(line.split()[1:2] == ["1"] and "365体育官网" in line for line in lines)


def test_json_output():
    result = run(HENGYANG, XIANGXIANG, "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [(r["format"], r["items"], r["rows read"]) for r in records] == [
        ("page-text", 34, 310), ("tsv", 30, 33)]
    assert records[0]["rejections"] == [
        {"file": str(HENGYANG), "line": 1, "reason": records[0]["rejections"][0]["reason"],
         "text": "365体育官网"}]
    assert records[1]["rejections"] == []


def test_csv_output():
    result = run(XIANGXIANG, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "file,format,encoding,agency,rows read,items,rejections,notes")


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty.tsv", b"", "empty file"),
        ("junk.bin", bytes(range(256)) * 4, "binary"),
        ("people.tsv", "姓名\t年龄\n张三\t3\n".encode(), "no catalog header"),
        ("notes.txt", "随便写的一段话\n".encode(), "unknown format"),
    ],
)
def test_bad_file_beside_good_one(tmp_path, name, data, words):
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run(bad, XIANGXIANG, "--format", "json")
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and words in errors[0] and str(bad) in errors[0]
    assert "Traceback" not in result.output
    assert [r["items"] for r in json.loads(result.stdout)] == [30]


def test_every_failure_gets_its_line(tmp_path):
    empty = tmp_path / "a.tsv"
    empty.write_bytes(b"")
    result = run(empty, tmp_path / "missing.tsv", HENGYANG)
    assert result.exit_code == 2
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["kg", "kg"]
    assert "no such file" in result.stderr and "empty file" in result.stderr
    assert "page-text" in result.stdout


def test_agency_option(tmp_path):
    path = tmp_path / "plain.tsv"
    path.write_text("事项名称\t公开依据\t公开责任\n甲\t依\t办\n", encoding="utf-8")
    assert run(path).exit_code == 2
    result = run(path, "--agency", "某某局", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["agency"] == "某某局"


def test_help_ends_with_example():
    result = CliRunner().invoke(cli, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "Example: kg ingest" in result.output
