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


@pytest.fixture(scope="session")
def library(statutes_dir: Path):
    """The shared statute library, loaded once per test session."""
    from kg.statutes.library import cached_library

    return cached_library(str(statutes_dir))


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory) -> Path:
    """A store built from the two bundled catalogs without statutes, once per session.

    Tests must only read it; a test that writes builds its own.
    """
    from kg.pipeline import build_bundled

    path = tmp_path_factory.mktemp("bundled") / "store"
    build_bundled(path)
    return path


@pytest.fixture(scope="session")
def bundled_store_with_statutes(tmp_path_factory, statutes_dir: Path) -> Path:
    """A store built from the bundled catalogs with the statute library, once per session."""
    from kg.pipeline import build_bundled

    path = tmp_path_factory.mktemp("bundled-statutes") / "store"
    build_bundled(path, statutes=statutes_dir)
    return path
