"""One open path for the window and the commands, and a stick's working copy that survives a
crash: after one, the working copy is the truth and goes back to the stick, never the reverse."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from studio_desk.core.instance_lock import DatabaseInUse
from studio_desk.core.models import Member
from studio_desk.core.open import lock_target, open_for_work
from studio_desk.core.removable import ROOTS_ENV, WorkingCopyStore, working_copy_path
from studio_desk.core.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_the_lock_is_held_while_open_and_freed_on_close(db_path: Path):
    store = open_for_work(db_path, holder="window")
    with pytest.raises(DatabaseInUse, match="窗口"):
        open_for_work(db_path, holder="command")
    store.close()
    open_for_work(db_path, holder="command").close()


def test_a_second_command_is_told_another_command_has_it(db_path: Path):
    store = open_for_work(db_path, holder="command")
    try:
        code = (
            "import sys; from pathlib import Path\n"
            "from studio_desk.core.open import open_for_work\n"
            "from studio_desk.core.instance_lock import DatabaseInUse\n"
            "try:\n"
            f"    open_for_work(Path({str(db_path)!r}), holder='window')\n"
            "except DatabaseInUse as e:\n"
            "    print(e); sys.exit(3)\n"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert other.returncode == 3, other.stderr
        assert "另一个 studio-desk 命令" in other.stdout and "窗口" not in other.stdout
    finally:
        store.close()


KILLED_AFTER_SAVE = """
import os, sys
from pathlib import Path
from studio_desk.core.models import Member
from studio_desk.core.open import open_for_work
store = open_for_work(Path(sys.argv[1]), holder="command")
store.save(Member(name="崩溃前录入"))
print("saved", flush=True)
os.kill(os.getpid(), 9)  # killed before closing: nothing written back to the stick
"""


def _names(path: Path) -> list[str]:
    with Store.open(path, replica_id="check", create=False) as s:
        return sorted(m.name for m in s.list_records(Member))


def test_after_a_crash_the_working_copy_is_written_back_not_replaced(stick: Path, data_home: Path):
    origin = stick / "台账.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(data_home), ROOTS_ENV: str(stick)}
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_SAVE, str(origin)], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGKILL and "saved" in done.stdout, done.stderr
    assert _names(origin) == ["原有委员"]  # the stick still has the older file
    assert "崩溃前录入" in _names(working_copy_path(origin))
    notes: list[str] = []
    store = open_for_work(origin, holder="command", notify=notes.append)
    try:
        assert isinstance(store, WorkingCopyStore)
        assert sorted(m.name for m in store.list_records(Member)) == ["原有委员", "崩溃前录入"]
        assert any("没有丢失" in n for n in notes), notes
        assert _names(origin) == ["原有委员", "崩溃前录入"]  # written back at once
    finally:
        store.close()
    assert not store.pending_marker.exists()


def test_after_a_crash_edits_made_elsewhere_meanwhile_are_merged_in(stick: Path, data_home: Path):
    origin = stick / "台账.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(data_home), ROOTS_ENV: str(stick)}
    subprocess.run([sys.executable, "-c", KILLED_AFTER_SAVE, str(origin)], capture_output=True, env=env,
                   cwd=ROOT, check=False)
    with Store.open(origin, replica_id="third-pc") as s:  # the stick went to another PC meanwhile
        s.save(Member(name="别处录入"))
    with open_for_work(origin, holder="command") as store:
        assert sorted(m.name for m in store.list_records(Member)) == ["别处录入", "原有委员", "崩溃前录入"]
    assert _names(origin) == ["别处录入", "原有委员", "崩溃前录入"]


def test_without_the_stick_the_unsaved_work_is_kept_and_said_so(stick: Path, tmp_path: Path):
    origin = stick / "台账.sqlite"
    store = open_for_work(origin, holder="command")
    store.save(Member(name="未写回"))
    store.close_without_write_back()  # as a crash would leave it
    away = tmp_path / "口袋里"
    stick.rename(away)
    with pytest.raises(Exception, match="没有丢失"):
        open_for_work(origin, holder="command")
    assert "未写回" in _names(working_copy_path(origin))
    away.rename(stick)
    with open_for_work(origin, holder="command") as store:
        assert "未写回" in {m.name for m in store.list_records(Member)}
    assert "未写回" in _names(origin)


def test_a_clean_session_leaves_no_marker_and_the_stick_file_wins_next_time(stick: Path):
    origin = stick / "台账.sqlite"
    with open_for_work(origin, holder="command") as store:
        store.save(Member(name="本次录入"))
    assert not Path(str(working_copy_path(origin)) + ".pending").exists()
    with Store.open(origin, replica_id="third-pc") as s:
        s.save(Member(name="别处录入"))
    with open_for_work(origin, holder="command") as store:
        assert "别处录入" in {m.name for m in store.list_records(Member)}
    assert lock_target(origin) == working_copy_path(origin)
