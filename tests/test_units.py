"""Departments from 公开责任 cells."""

from __future__ import annotations

import pytest

from kg.models import Item, Unit
from kg.units import is_collective, split_units, units_of


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("办公室", [("办公室", ())]),
        ("劳动保障 监察股", [("劳动保障监察股", ())]),
        ("法规信访股（审批服务股）", [("法规信访股", ("审批服务股",))]),
        (
            "法规信访股（审批服务股）、各业务部门",
            [("法规信访股", ("审批服务股",)), ("各业务部门", ())],
        ),
        ("办公室及各业务部门", [("办公室", ()), ("各业务部门", ())]),
        ("行政审批服务科及相关业务部门", [("行政审批服务科", ()), ("相关业务部门", ())]),
        (
            "就业科、就业服务中心、人力资源服务中心",
            [("就业科", ()), ("就业服务中心", ()), ("人力资源服务中心", ())],
        ),
        (
            "就业促进与失业保险股，人力资源服务中心",
            [("就业促进与失业保险股", ()), ("人力资源服务中心", ())],
        ),
        ("<p>办公室</p>、办公室", [("办公室", ())]),
        ("", []),
    ],
)
def test_split_units(cell: str, expected: list) -> None:
    assert split_units(cell) == expected


@pytest.mark.parametrize(
    ("name", "collective"),
    [
        ("各相关业务部门", True),
        ("相关业务部门", True),
        ("各业务部门", True),
        ("各社会保险经办机构", True),
        ("办公室", False),
        ("法规信访股", False),
        ("就业服务中心", False),
    ],
)
def test_collective(name: str, collective: bool) -> None:
    assert is_collective(name) is collective


def item(agency: str, ident: str, responsibility: str) -> Item:
    return Item(agency, ident, "", ident, "", "", "", "", "", "", responsibility, "f.tsv", 7)


def test_units_are_tied_to_their_agency_and_merged() -> None:
    units, resp = units_of(
        [
            item("甲局", "a", "法规信访股（审批服务股）"),
            item("甲局", "b", "法规信访股、各业务部门"),
            item("乙局", "c", "法规信访股"),
        ]
    )
    assert units == (
        Unit("乙局", "法规信访股"),
        Unit("甲局", "各业务部门", collective=True),
        Unit("甲局", "法规信访股", aliases=("审批服务股",)),
    )
    assert units[2].aliases == ("审批服务股",) and units[1].collective
    assert [(r.agency, r.item, r.unit) for r in resp] == [
        ("甲局", "a", "法规信访股"),
        ("甲局", "b", "法规信访股"),
        ("甲局", "b", "各业务部门"),
        ("乙局", "c", "法规信访股"),
    ]
