"""Fixtures the core tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio_desk.core.models import Member
from studio_desk.core.removable import ROOTS_ENV
from studio_desk.core.store import Store


@pytest.fixture
def stick(tmp_path: Path, monkeypatch) -> Path:
    """A USB stick (a folder the removable-drive scan is told of) holding a database of another PC."""
    folder = tmp_path / "stick"
    folder.mkdir()
    monkeypatch.setenv(ROOTS_ENV, str(folder))
    with Store.open(folder / "台账.sqlite", replica_id="other-pc") as s:
        s.save(Member(name="原有委员"))
    return folder
