"""Captured numerals as ints (kg.numerals.to_int), and cn2an loaded only when needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.numerals import to_int


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        ("711", 711),
        ("0", 0),
        ("７１１", 711),  # full-width digits
        ("二十", 20),
        ("十", 10),
        ("十五", 15),
        ("一百二十三", 123),
        ("一百零三", 103),
        ("两", 2),
        ("两百零二", 202),
        ("二千零二十一", 2021),
        ("零", 0),
        ("〇", 0),
        ("一〇一", 101),
    ],
)
def test_to_int(numeral: str, expected: int) -> None:
    assert to_int(numeral) == expected


@pytest.mark.parametrize(
    "numeral", ["", "十十", "百", "万", "一点五", "负一", "二十之一", "第一", "十 二", "abc", "①"]
)
def test_malformed_numerals_raise_value_error(numeral: str) -> None:
    with pytest.raises(ValueError):
        to_int(numeral)


@pytest.mark.parametrize("module", ["kg.numerals", "kg.find", "kg.resolve", "kg.statutes"])
def test_importing_does_not_load_cn2an(module: str) -> None:
    code = f"import sys, {module}; print('cn2an' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
