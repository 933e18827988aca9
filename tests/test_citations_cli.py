"""`kg citations` through click's test runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["citations", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_records(bundled_catalogs: list[Path]) -> None:
    code, out, err = run(*map(str, bundled_catalogs), "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert len(records) == 135
    first = records[0]
    assert set(first) == {
        "agency",
        "item",
        "document",
        "title as written",
        "number as written",
        "pinpoint",
        "quoted words",
        "origin",
        "flags",
        "source",
    }
    assert (first["item"], first["document"], first["pinpoint"], first["number as written"]) == (
        "领导信息",
        "国务院令第711号",
        "第20条第(2)项",
        "国务院令第711号",
    )
    assert first["source"].endswith("hengyang-hrss.txt:45")
    assert "135 citations of 55 documents" in err and "spam-title 48" in err


def test_csv_and_table(bundled_catalogs: list[Path]) -> None:
    code, out, _ = run(str(bundled_catalogs[1]), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 69 and rows[0]["document"] == "国务院令第711号"
    code, out, _ = run(str(bundled_catalogs[1]))
    assert (
        code == 0
        and out.splitlines()[0].startswith("agency")
        and "湘乡市人力资源和社会保障局" in out
    )


@pytest.mark.parametrize(
    ("view", "column"),
    [("documents", "document"), ("units", "unit"), ("repairs", "rule"), ("problems", "problem")],
)
def test_other_views(bundled_catalogs: list[Path], view: str, column: str) -> None:
    code, out, _ = run(*map(str, bundled_catalogs), "--show", view, "--format", "json")
    records = json.loads(out)
    assert code == 0 and records and column in records[0]


def test_bad_file_is_one_line_and_others_still_read(
    tmp_path: Path, bundled_catalogs: list[Path]
) -> None:
    code, out, err = run(
        str(tmp_path / "missing.txt"), str(bundled_catalogs[1]), "--format", "json"
    )
    assert code == 2
    assert "missing.txt" in err and "Traceback" not in err
    assert len(json.loads(out)) == 69


def test_statutes_option(bundled_catalogs: list[Path], statutes_dir: Path) -> None:
    code, out, _ = run(
        str(bundled_catalogs[0]),
        "--show",
        "documents",
        "--statutes",
        str(statutes_dir),
        "--format",
        "json",
    )
    docs = {d["document"]: d for d in json.loads(out)}
    assert code == 0 and docs["国务院令第711号"]["statute"] == "政府信息公开条例@2019-04-03"
