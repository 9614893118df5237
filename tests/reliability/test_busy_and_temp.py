"""Another running copy holding the database, and a temp folder that is missing, read-only or full.

A second copy must say clearly that the file is in use and change nothing; an export whose temp
folder fails must end with a Chinese sentence (never a traceback), leave no half-written file under
the target name, and leave the database as it was.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio_desk.core.models import Activity
from studio_desk.core.store import Store
from tests.reliability.conftest import remount_readonly

ROOT = Path(__file__).resolve().parents[2]

HOLDER = r"""
import sys
from datetime import date
from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store

store = Store.open(sys.argv[1], replica_id="holder")
member = store.list_records(Member)[0]
with store.transaction():
    store.save(Activity(date=date(2026, 5, 1), type="集中学习", topic="另一窗口正在保存", member_ids=[member.id]))
    print("holding", flush=True)
    sys.stdin.readline()  # keep the write transaction open until told to finish
print("committed", flush=True)
store.close()
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(db: Path, home: Path, *args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(home), **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "studio_desk", "--db", str(db), *args], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


def test_second_copy_waits_then_says_the_file_is_in_use(demo_path: Path, tmp_path: Path):
    workbook = tmp_path / "台账.xlsx"
    with Store.open(demo_path, replica_id="w") as store:
        from studio_desk.exports.workbook import write_workbook

        write_workbook(store, 2026, workbook)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(demo_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8",
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        # a read-only check runs alongside the writer (it sees the last committed state)
        checked = run_cli(demo_path, tmp_path / "home", "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "数据库完好" in checked.stdout
        # a writing command waits for the lock (5 s), then says so and changes nothing
        started = time.perf_counter()
        done = run_cli(demo_path, tmp_path / "home", "import", str(workbook))
        waited = time.perf_counter() - started
        assert done.returncode == 1, done.stdout + done.stderr
        assert "正被另一个程序使用" in done.stderr
        assert "Traceback" not in done.stderr + done.stdout
        assert waited >= 4.5
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "committed"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store.open(demo_path, replica_id="check") as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        topics = [a.topic for a in store.list_records(Activity)]
        assert topics.count("另一窗口正在保存") == 1  # the first copy's save went through, once


def _fill(point: Path, leave_kb: int) -> None:
    """Fill a tmpfs until only about ``leave_kb`` KB are free."""
    stat = os.statvfs(point)
    free = stat.f_bavail * stat.f_frsize
    (point / "filler.bin").write_bytes(b"\0" * max(free - leave_kb * 1024, 0))


@pytest.mark.parametrize("fault", ["missing", "readonly", "full"])
def test_export_with_a_broken_temp_folder(demo_path: Path, tmp_path: Path, mount_tmpfs, fault: str):
    if fault == "missing":
        temp = tmp_path / "不存在 的 临时"
    else:
        temp = mount_tmpfs(512)
        (temp / "临时 文件").mkdir()
        if fault == "full":
            _fill(temp, 8)
        else:
            remount_readonly(temp)
    out = tmp_path / "导出 结果"
    out.mkdir()
    (out / "报送").mkdir()
    before = sha(demo_path)
    outcomes = {}
    for target, args in ((out / "台账.xlsx", ["export", "--year", "2026", "--xlsx", str(out / "台账.xlsx")]),
                         (out / "总结.pdf", ["export", "--year", "2026", "--pdf", str(out / "总结.pdf")]),
                         (out / "报送", ["package", "--year", "2026", str(out / "报送")]),
                         (out / "副本.sqlite", ["snapshot", str(out / "副本.sqlite")])):
        done = run_cli(demo_path, tmp_path / "home", *args, extra_env={"TMPDIR": str(temp)})
        text = done.stdout + done.stderr
        assert "Traceback" not in text and "意外" not in text, text
        outcomes[target.name] = done.returncode
        if done.returncode == 0:
            continue  # Python fell back to another temp folder, or none was needed: fine
        assert done.returncode == 1 and "错误：" in done.stderr, text
        if target.is_dir():  # the package folder: nothing under a final name
            assert not [p for p in target.iterdir() if not p.name.startswith(".")], text
        else:
            assert not target.exists(), text
    print(fault, outcomes)
    assert sha(demo_path) == before or _same_data(demo_path, before)
    for produced in out.rglob("*"):
        if produced.suffix == ".sqlite":
            conn = sqlite3.connect(produced)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()


def _same_data(path: Path, _before: str) -> bool:
    # the daily backup on first open may touch nothing but the backups folder; the file itself
    # must still be whole
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_export_with_tmpdir_full_in_process(demo_path: Path, tmp_path: Path, mount_tmpfs, monkeypatch):
    """In-process, ``tempfile`` cannot fall back: the temp folder is forced to the full disk."""
    import tempfile

    from studio_desk.core.errors import StudioDeskError
    from studio_desk.exports.workbook import write_workbook

    temp = mount_tmpfs(256)
    _fill(temp, 4)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    out = tmp_path / "台账.xlsx"
    with Store.open(demo_path, replica_id="w") as store:
        try:
            write_workbook(store, 2026, out)
        except StudioDeskError as exc:
            assert "失败" in str(exc) or "无法" in str(exc)
            assert not out.exists()
        else:
            assert out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp.xlsx")]


WINDOW = r"""
import sys
from pathlib import Path
from studio_desk.core.instance_lock import DatabaseLock
from studio_desk.core.store import Store

lock = DatabaseLock(Path(sys.argv[1]))
lock.acquire()  # what the window does before opening (ui.app.open_window)
store = Store.open(sys.argv[1], replica_id="window")
print("open", flush=True)
sys.stdin.readline()
store.close()
lock.release()
"""


def test_a_command_on_a_database_open_in_a_window_is_refused_at_once(demo_path: Path, tmp_path: Path):
    window = subprocess.Popen([sys.executable, "-c", WINDOW, str(demo_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8",
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert window.stdout is not None and window.stdin is not None
    try:
        assert window.stdout.readline().strip() == "open"
        before = sha(demo_path)
        for args in (["restore", str(demo_path)], ["backup"], ["merge", str(demo_path)]):
            done = run_cli(demo_path, tmp_path / "home", *args)
            assert done.returncode == 1, done.stdout + done.stderr
            # the window's lock file answers at once (no wait for SQLite's lock); no clock is
            # asserted: on a loaded machine starting the command alone can take seconds
            assert "已在另一个履职台账窗口中打开" in done.stderr and "Traceback" not in done.stderr
        assert sha(demo_path) == before
        assert run_cli(demo_path, tmp_path / "home", "check").returncode == 0  # reading needs no lock
    finally:
        window.stdin.close()
        window.wait(timeout=30)
    assert run_cli(demo_path, tmp_path / "home", "backup").returncode == 0  # once the window is closed
