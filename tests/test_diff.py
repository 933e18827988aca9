"""Aligning two versions of an act: 统计法 2009 -> 2024, written out by hand, and small cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.main import cli
from kg.statutes.diff import align, align_articles, short_diff, summary
from kg.statutes.library import cached_library
from kg.statutes.parse import read_body

# (old article, new article, status), read from 经济法/统计法(2009-06-27).md and
# 经济法/统计法(2024-09-13).md side by side. 2024 added 第六条 (统计监督体系), 第九条
# (防范和惩治统计造假) and 第二十条 (国民经济核算), so the old 第六条 onwards moves down by
# one, two, then three: old 第二十四条 (部门统计资料由本部门公布) is new 第二十七条.
STATISTICS_LAW = [
    (1, 1, "changed"),  # adds 加强统计监督, 高质量发展
    (2, 2, "unchanged"),
    (3, 3, "changed"),  # adds 统计工作坚持中国共产党的领导 as a first paragraph
    (4, 4, "unchanged"),
    (5, 5, "changed"),
    (None, 6, "added"),
    (6, 7, "changed"),  # adds 不得明示、暗示…填报虚假统计数据
    (7, 8, "renumbered"),
    (None, 9, "added"),
    (8, 10, "renumbered"),
    (9, 11, "changed"),  # adds 工作秘密、个人隐私
    (10, 12, "changed"),  # 职务晋升 -> 职务职级等晋升
    (11, 13, "renumbered"),
    (12, 14, "renumbered"),
    (13, 15, "renumbered"),
    (14, 16, "changed"),  # 依照本法第十二条 -> 第十四条
    (15, 17, "renumbered"),
    (16, 18, "changed"),  # adds 社会大数据
    (17, 19, "renumbered"),
    (None, 20, "added"),
    (18, 21, "renumbered"),
    (19, 22, "renumbered"),
    (20, 23, "changed"),
    (21, 24, "changed"),
    (22, 25, "renumbered"),
    (23, 26, "renumbered"),
    (24, 27, "renumbered"),
    (25, 28, "renumbered"),
    (26, 29, "renumbered"),
    (27, 30, "renumbered"),
    (28, 31, "renumbered"),
    (29, 32, "renumbered"),
    (30, 33, "renumbered"),
    (31, 34, "renumbered"),
    (32, 35, "changed"),  # drops 及其监察机关
    (33, 36, "renumbered"),
    (34, 37, "renumbered"),
    (35, 38, "renumbered"),
    (36, 39, "renumbered"),
    (37, 40, "changed"),
    (38, 41, "changed"),
    (39, 42, "changed"),
    (40, 43, "changed"),  # adds 工作秘密
    (44, 47, "renumbered"),
    (47, 50, "changed"),  # adds 民事责任
    (48, 51, "renumbered"),
    (49, 52, "renumbered"),
    (50, 53, "renumbered"),
]


@pytest.fixture(scope="module")
def statistics_changes(statutes_dir: Path):
    lib = cached_library(str(statutes_dir))
    return align(lib.act("统计法@2009-06-27"), lib.act("统计法@2024-09-13"))


@pytest.mark.parametrize(("old", "new", "status"), STATISTICS_LAW)
def test_statistics_law_alignment(statistics_changes, old, new, status):
    found = [
        c
        for c in statistics_changes
        if c.new_number == new or (new is None and c.old_number == old)
    ]
    assert [(c.old_number, c.new_number, c.status) for c in found] == [(old, new, status)]


def test_statistics_law_is_complete(statistics_changes):
    assert [c.new_number for c in statistics_changes] == list(range(1, 54))
    assert sorted(c.old_number for c in statistics_changes if c.old_number) == list(range(1, 51))
    assert summary(statistics_changes)["removed"] == 0


def test_changed_article_has_short_diff(statistics_changes):
    change = next(c for c in statistics_changes if c.new_number == 16)
    assert change.diff == "[-二-]{+四+}"
    assert change.old_label == "第十四条" and change.new_label == "第十六条"


def _articles(text: str):
    return read_body(text.splitlines())[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "第一条 甲甲甲甲。\n第二条 乙乙乙乙。\n第三条 丙丙丙丙。",
            "第一条 甲甲甲甲。\n第二条 丙丙丙丙。",
            [(1, 1, "unchanged"), (2, None, "removed"), (3, 2, "renumbered")],
        ),
        (
            "第一条 甲甲甲甲。\n第二条 乙乙乙乙。",
            "第一条 新新新新新。\n第二条 甲甲甲甲。\n第三条 乙乙乙乙乙。",
            [(None, 1, "added"), (1, 2, "renumbered"), (2, 3, "changed")],
        ),
        (
            "第一条 完全不同的内容一。\n第二条 行政机关应当公开下列信息。",
            "第一条 行政机关应当主动公开下列信息。\n第二条 另一个毫无关系的条文。",
            [(1, None, "removed"), (2, 1, "changed"), (None, 2, "added")],
        ),
    ],
)
def test_align_small(old, new, expected):
    changes = align_articles(_articles(old), _articles(new))
    assert [(c.old_number, c.new_number, c.status) for c in changes] == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("依照本法第十二条的规定", "依照本法第十四条的规定", "[-二-]{+四+}"),
        ("统计机构", "统计机构和人员", "{+和人员+}"),
        ("甲乙丙", "甲丙", "[-乙-]"),
    ],
)
def test_short_diff(old, new, expected):
    assert short_diff(old, new) == expected


def test_cli_diff_files_json(statutes_dir: Path):
    folder = statutes_dir / "经济法"
    result = CliRunner().invoke(
        cli,
        [
            "diff",
            str(folder / "统计法(2009-06-27).md"),
            str(folder / "统计法(2024-09-13).md"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert {
        "old article": "第二十四条",
        "new article": "第二十七条",
        "status": "renumbered",
    }.items() <= next(r for r in records if r["new article"] == "第二十七条").items()


def test_cli_diff_library_acts_table(statutes_dir: Path):
    result = CliRunner().invoke(
        cli, ["diff", "统计法@2009-06-27", "统计法@2024-09-13", "--statutes", str(statutes_dir)]
    )
    assert result.exit_code == 0, result.output
    assert "第二十七条" in result.output and "renumbered" in result.output


def test_cli_diff_unknown_act(statutes_dir: Path):
    result = CliRunner().invoke(
        cli, ["diff", "没有这部法", "统计法", "--statutes", str(statutes_dir)]
    )
    assert result.exit_code != 0
    assert "没有这部法" in result.output
