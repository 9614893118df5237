"""``check`` on a database left with a transaction log by a crash, or locked by a writer: it
says exactly what it found, checks a rolled-back temporary copy and changes nothing."""

from __future__ import annotations

import hashlib
from dataclasses import replace
import os
import subprocess
import sys
from pathlib import Path

from studio_desk.cli import main
from studio_desk.core.db import check_file

ROOT = Path(__file__).resolve().parents[2]

CRASH_MID_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 2")  # spill: the file itself is changed before the commit
conn.execute("BEGIN IMMEDIATE")
for n in range(300):
    conn.execute("UPDATE activities SET topic = ? || topic", ("未保存" * 20,))
print("mid-write", flush=True)
os._exit(9)  # killed: the journal stays beside the file, hot
"""

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_hot_journal_is_named_and_a_rolled_back_copy_is_checked(demo_path: Path, capsys):
    done = subprocess.run([sys.executable, "-c", CRASH_MID_WRITE, str(demo_path)], capture_output=True, text=True)
    assert "mid-write" in done.stdout, done.stderr
    journal = Path(str(demo_path) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    before = sha(demo_path), sha(journal)
    report = check_file(demo_path)
    assert report.ok, report.problems
    assert any("未完成的事务日志" in p for p in report.problems)
    assert any("回滚后的临时副本" in p for p in report.problems)
    assert report.counts["活动"] > 0
    assert (sha(demo_path), sha(journal)) == before
    assert main(["check", "--db", str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert "只读" not in out and "数据库有问题" not in out and "完好" in out
    assert (sha(demo_path), sha(journal)) == before


def test_a_database_locked_by_a_writer_is_checked_as_a_copy(demo_path: Path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(demo_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = sha(demo_path)
        report = check_file(demo_path)
        assert report.ok, report.problems
        assert any("锁定" in p for p in report.problems), report.problems
        assert not any("只读" in p for p in report.problems)
        assert sha(demo_path) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)


CRASH_BEFORE_THE_FILE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE activities SET topic = '未保存' || topic")
print("journal written, file untouched", flush=True)
os._exit(9)  # killed before the commit stamped the journal's header and changed the file
"""


def test_a_cold_journal_left_by_a_kill_before_the_file_changed_is_no_problem(demo_path: Path):
    """Killed after writing its journal but before touching the database (the header is still
    zero), a writer leaves a journal SQLite ignores: check says the file is whole, and the next
    save reuses and removes the journal."""
    from studio_desk.core.models import Activity
    from studio_desk.core.store import Store

    before = sha(demo_path)
    done = subprocess.run([sys.executable, "-c", CRASH_BEFORE_THE_FILE, str(demo_path)], capture_output=True, text=True)
    assert "file untouched" in done.stdout, done.stderr
    journal = Path(str(demo_path) + "-journal")
    assert journal.stat().st_size > 0 and journal.read_bytes()[:1] == b"\x00"
    assert sha(demo_path) == before
    report = check_file(demo_path)
    assert report.ok and report.problems == [], report.problems
    store = Store.open(demo_path, replica_id="replica-after-kill")
    try:
        first = store.list_records(Activity)[0]
        assert not first.topic.startswith("未保存")
        store.save(replace(first, topic=first.topic + "（补记）"))
    finally:
        store.close()
    assert not journal.exists()
    assert check_file(demo_path).problems == []
