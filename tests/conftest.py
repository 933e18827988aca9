"""Shared test fixtures: where the bundled catalogs and the shared statute library are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CATALOGS = REPO / "data" / "catalogs"
HENGYANG = CATALOGS / "hengyang-hrss.txt"
XIANGXIANG = CATALOGS / "xiangxiang-hrss.tsv"


def _shared() -> Path:
    return REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared()
    if not (path / "statutes").is_dir():
        pytest.fail(f"the shared data folder is missing: expected {path}/statutes beside the repo")
    return path


@pytest.fixture(scope="session")
def statutes_dir(shared_dir: Path) -> Path:
    return shared_dir / "statutes"


@pytest.fixture(scope="session")
def bundled_catalogs() -> list[Path]:
    return [HENGYANG, XIANGXIANG]
