"""A database on a USB stick is worked on through a local copy, written back safely."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member
from studio_desk.core.removable import (
    WorkingCopyStore,
    open_database,
    removable_reason,
    working_copy_path,
)
from studio_desk.core.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_detection(tmp_path: Path, stick: Path):
    assert removable_reason(stick / "台账.sqlite")
    assert removable_reason("/media/someone/U盘/台账.sqlite")
    assert removable_reason("/run/media/someone/STICK/x.sqlite")
    assert removable_reason(tmp_path / "local.sqlite") is None


def test_work_happens_on_a_local_copy_and_is_written_back(stick: Path, data_home: Path):
    origin = stick / "台账.sqlite"
    notes = []
    store = open_database(origin, notify=notes.append)
    assert isinstance(store, WorkingCopyStore)
    assert "工作副本" in notes[0]
    assert store.path == working_copy_path(origin) and data_home in store.path.parents
    store.save(Member(name="新委员"))
    assert sorted(p.name for p in stick.iterdir()) == ["台账.sqlite"]  # no journal on the stick
    store.close()
    with Store.open(origin, replica_id="check") as s:
        assert sorted(m.name for m in s.list_records(Member)) == ["原有委员", "新委员"]


def test_nothing_written_when_nothing_changed(stick: Path):
    origin = stick / "台账.sqlite"
    before = origin.stat().st_mtime_ns, origin.read_bytes()
    open_database(origin).close()
    assert (origin.stat().st_mtime_ns, origin.read_bytes()) == before


def test_pulled_stick_keeps_the_changes_and_merges_them_next_time(stick: Path, tmp_path: Path):
    origin = stick / "台账.sqlite"
    store = open_database(origin)
    store.save(Member(name="拔出前录入"))
    away = tmp_path / "in-a-pocket"
    stick.rename(away)  # the stick is pulled before the app closes
    with pytest.raises(StudioDeskError, match="没有丢失"):
        store.close()
    away.rename(stick)
    # Meanwhile someone else added a record to the stick's file on another PC.
    with Store.open(origin, replica_id="third") as s:
        s.save(Member(name="别处录入"))
    store = open_database(origin)
    assert sorted(m.name for m in store.list_records(Member)) == sorted(["原有委员", "别处录入", "拔出前录入"])
    store.close()
    with Store.open(origin, replica_id="check") as s:
        assert sorted(m.name for m in s.list_records(Member)) == sorted(["原有委员", "别处录入", "拔出前录入"])
    assert not Path(str(working_copy_path(origin)) + ".pending").exists()


def test_command_line_uses_a_working_copy(stick: Path, data_home: Path, demo_path: Path):
    env = dict(os.environ, STUDIO_DESK_HOME=str(data_home), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "studio_desk", "--db", str(stick / "台账.sqlite"), "merge",
                        str(demo_path)], capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert r.returncode == 0, r.stderr
    assert "工作副本" in r.stderr and "合并完成" in r.stdout
    with Store.open(stick / "台账.sqlite", replica_id="check") as s:
        assert s.count(Member) > 5
    assert sorted(p.name for p in stick.iterdir()) == ["台账.sqlite"]
