"""Disk full, read-only media, hot journals, missing folders: clear messages, nothing lost."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import studio_desk
from studio_desk.core.db import check_file
from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store
from tests.reliability.conftest import remount_readonly

ROOT = Path(studio_desk.__file__).resolve().parent.parent


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_disk_full_during_writes_keeps_what_was_saved(mount_tmpfs):
    disk = mount_tmpfs(400)
    path = disk / "台账.sqlite"
    saved = []
    with Store.open(path, replica_id="r") as store:
        member = store.save(Member(name="刘刚", role="召集人"))
        with pytest.raises(DatabaseError, match="磁盘空间已满"):
            for i in range(100_000):
                a = store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic=f"学习{i}",
                                        content="内容" * 400, member_ids=[member.id]))
                saved.append(a.id)
        assert len(saved) > 10
        # After the failure the store still answers, and a batch that does not fit is all-or-nothing.
        with pytest.raises(DatabaseError):
            store.save_many([Activity(date=date(2025, 1, 2), type="集中学习", topic=f"批量{i}",
                                      content="长" * 5000) for i in range(50)])
    assert integrity(path) == "ok"
    with Store.open(path, replica_id="r") as store:
        assert store.count(Activity) == len(saved)
        assert store.count(Activity, search="批量") == 0


def test_read_only_medium_is_a_clear_message_and_file_unchanged(mount_tmpfs, demo_path: Path):
    disk = mount_tmpfs(4000)
    path = disk / "只读.sqlite"
    shutil.copyfile(demo_path, path)
    remount_readonly(disk)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StudioDeskError, match="只读"):
        store = Store.open(path, replica_id="r")
        store.save(Member(name="新委员", role="成员"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    report = check_file(path)  # checking needs no write access
    assert report.ok


def test_hot_journal_from_a_killed_writer_is_rolled_back(db_path: Path):
    with Store.open(db_path, replica_id="r") as store:
        store.save(Member(name="刘刚", role="召集人"))
    code = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA journal_mode=DELETE')\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "conn.execute(\"UPDATE members SET name='半截'\")\n"
        "conn.execute(\"INSERT INTO meta(key, value) VALUES ('junk', '" + "x" * 5000 + "')\")\n"
        "conn.execute('PRAGMA cache_spill=1')\n"
        "for i in range(2000):\n"
        "    conn.execute(\"INSERT INTO meta(key, value) VALUES (?, ?)\", (f'k{i}', 'y' * 2000))\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db_path)])
    journal = Path(str(db_path) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0  # a hot journal was left behind
    report = check_file(db_path)
    assert any("事务日志" in p for p in report.problems)
    assert journal.exists()  # the check itself rolled nothing back
    with Store.open(db_path, replica_id="r") as store:
        assert [m.name for m in store.list_records(Member)] == ["刘刚"]
    assert integrity(db_path) == "ok"
    assert not journal.exists() or journal.stat().st_size == 0


def test_data_folder_missing_is_created(tmp_path: Path):
    home = tmp_path / "还不存在" / "数据 2024"
    env = {**os.environ, "STUDIO_DESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "studio_desk", "demo"], capture_output=True, text=True,
                       encoding="utf-8", env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (home / "demo.sqlite").exists()


def test_data_folder_that_cannot_exist_is_a_clear_message(tmp_path: Path):
    blocker = tmp_path / "是个文件"
    blocker.write_text("x")
    env = {**os.environ, "STUDIO_DESK_HOME": str(blocker / "数据"), "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "studio_desk", "demo"], capture_output=True, text=True,
                       encoding="utf-8", env=env, cwd=tmp_path)
    assert r.returncode == 1
    assert "无法创建数据文件夹" in r.stderr and "Traceback" not in r.stderr


def test_untrusted_schema_is_off(store: Store):
    assert store.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
