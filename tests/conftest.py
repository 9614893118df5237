"""Shared fixtures: every test gets its own data folder and a fresh database file."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from studio_desk.core.store import Store  # noqa: E402

DEMO_TODAY = date(2026, 11, 21)  # demo data is made as of a fixed day, so tests are stable


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder (backups, logs, installation id) for each test."""
    home = tmp_path / "数据 文件夹"
    home.mkdir()
    monkeypatch.setenv("STUDIO_DESK_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "台账.sqlite"


@pytest.fixture
def store(db_path: Path):
    s = Store.open(db_path, replica_id="replica-test")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per test session; tests work on copies of it."""
    from studio_desk.core.demo import create_demo_database

    folder = tmp_path_factory.mktemp("demo")
    os.environ.setdefault("STUDIO_DESK_HOME", str(folder / "home"))
    (folder / "home").mkdir(exist_ok=True)
    path = folder / "demo.sqlite"
    create_demo_database(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_store(demo_path: Path):
    s = Store.open(demo_path, replica_id="replica-demo")
    yield s
    s.close()


@pytest.fixture(scope="session")
def county_studios(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Three studios' databases and masked copies (``tests/county_support.py``), made once."""
    from tests.county_support import build_studios

    return build_studios(tmp_path_factory.mktemp("county-studios"))
