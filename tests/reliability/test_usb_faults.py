"""Faults while copying to a stick or merging from one: full, read-only or pulled stick, I/O
errors, and the process killed half-way. Each time the working database passes
``integrity_check`` and holds exactly the data before (or after) the operation, and no partial
file sits under the final name."""

from __future__ import annotations

import dataclasses
import errno
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio_desk.core.models import Activity, Member
from studio_desk.core.snapshot import SnapshotError, write_snapshot
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint, merge_file

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(path: Path):
    with Store.open(path, replica_id="check", create=False) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return data_fingerprint(s)


def no_final_file(target: Path) -> None:
    assert not target.exists()


@pytest.fixture
def tiny_stick(tmp_path: Path):
    """A real 200 KB file system (tmpfs), as a nearly full USB stick. Needs root."""
    mount_point = tmp_path / "stick"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount_point)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


@pytest.mark.parametrize("password", [None, "密码1234"])
def test_full_stick(demo_path: Path, tiny_stick: Path, password):
    before = fingerprint(demo_path)
    target = tiny_stick / "台账.sqlite"
    with Store.open(demo_path, replica_id="w") as store:
        with pytest.raises(SnapshotError, match="空间不足"):
            write_snapshot(store, target, password=password)
    no_final_file(target)
    assert list(tiny_stick.iterdir()) == []  # the part file was removed as well
    assert fingerprint(demo_path) == before


def test_read_only_stick(store: Store, tiny_stick: Path):
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_stick)], check=True)
    with pytest.raises(SnapshotError, match="只读"):
        write_snapshot(store, tiny_stick / "x.sqlite")
    no_final_file(tiny_stick / "x.sqlite")


def test_stick_pulled_mid_copy(demo_path: Path, tiny_stick: Path):
    subprocess.run(["mount", "-o", "remount,size=4m", str(tiny_stick)], check=True)
    before = fingerprint(demo_path)
    target = tiny_stick / "台账.sqlite"
    pulled = []

    def progress(done, total, text):
        if "写入" in text and done and not pulled:
            subprocess.run(["umount", "-l", str(tiny_stick)], check=True)  # yanked out
            pulled.append(done)

    with Store.open(demo_path, replica_id="w") as store:
        with pytest.raises(SnapshotError, match="拔出"):
            write_snapshot(store, target, progress=progress)
    assert pulled
    no_final_file(target)
    assert fingerprint(demo_path) == before


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
@pytest.mark.parametrize("where", ["write", "fsync"])
def test_injected_write_errors(demo_path: Path, tmp_path: Path, monkeypatch, code, where):
    before = fingerprint(demo_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    target = stick / "台账.sqlite"
    real_write, real_fsync = os.write, os.fsync
    written = [0]

    def failing_write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(stick)):
            written[0] += len(data)
            if written[0] > 300_000:
                raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    def failing_fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(stick)):
            raise OSError(code, os.strerror(code))
        return real_fsync(fd)

    if where == "write":
        monkeypatch.setattr(os, "write", failing_write)
    else:
        monkeypatch.setattr(os, "fsync", failing_fsync)
    with Store.open(demo_path, replica_id="w") as store:
        with pytest.raises(SnapshotError, match="空间不足" if code == errno.ENOSPC else "设备出错"):
            write_snapshot(store, target)
    no_final_file(target)
    assert list(stick.iterdir()) == []
    monkeypatch.undo()
    assert fingerprint(demo_path) == before


def test_failed_snapshot_keeps_the_old_copy_under_the_name(store: Store, tmp_path: Path, monkeypatch):
    with pytest.raises(SnapshotError, match="本身"):
        write_snapshot(store, store.path, overwrite=True)
    target = tmp_path / "副本.sqlite"
    write_snapshot(store, target)
    old = target.read_bytes()
    store.save(Member(name="新来的"))

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(SnapshotError):
        write_snapshot(store, target, overwrite=True)
    assert target.read_bytes() == old


# Killed processes.

_SNAPSHOT_CHILD = """
import os, sys, time
real_write = os.write
count = [0]
def slow_write(fd, data):
    count[0] += 1
    if count[0] == 2:
        print("WRITING", flush=True)
        time.sleep(30)
    return real_write(fd, data)
os.write = slow_write
from studio_desk.core.store import Store
from studio_desk.core.snapshot import write_snapshot
store = Store.open(sys.argv[1], replica_id="k")
write_snapshot(store, sys.argv[2])
print("DONE", flush=True)
"""

_MERGE_CHILD = """
import sys, time
from pathlib import Path
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file
stop_after = int(sys.argv[3])
real = Store._write
n = [0]
def counting(self, record):
    real(self, record)
    n[0] += 1
    if n[0] == stop_after:
        print("MIDWAY", flush=True)
        time.sleep(30)
Store._write = counting
store = Store.open(sys.argv[1], replica_id="A")
store.conn.execute("PRAGMA cache_size = 5")  # spill pages early: the file itself is mid-change when killed
merge_file(store, sys.argv[2], backup_dir=Path(sys.argv[4]))
print("DONE", flush=True)
"""


def _child(code: str, *args: str, home: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), STUDIO_DESK_HOME=str(home))
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _kill_on(proc: subprocess.Popen, word: str) -> None:
    line = proc.stdout.readline()
    assert word in line, proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def test_killed_during_snapshot(demo_path: Path, tmp_path: Path, data_home: Path):
    before = fingerprint(demo_path)
    target = tmp_path / "stick" / "台账.sqlite"
    target.parent.mkdir()
    proc = _child(_SNAPSHOT_CHILD, str(demo_path), str(target), home=data_home)
    _kill_on(proc, "WRITING")
    no_final_file(target)
    assert fingerprint(demo_path) == before
    # The next copy to the same name clears the leftover part and succeeds.
    with Store.open(demo_path, replica_id="w") as store:
        write_snapshot(store, target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["台账.sqlite"]


@pytest.fixture
def diverged(demo_path: Path, tmp_path: Path):
    """The working database A and a copy B on a stick with many changes, and the after-state."""
    stick = tmp_path / "stick.sqlite"
    shutil.copyfile(demo_path, stick)
    with Store.open(stick, replica_id="B") as b:
        for activity in b.list_records(Activity)[:60]:
            b.save(dataclasses.replace(activity, topic=activity.topic + "（B 修改）"), check=False)
        for i in range(20):
            b.save(Member(name=f"新委员{i}"))
    after_path = tmp_path / "after.sqlite"
    shutil.copyfile(demo_path, after_path)
    with Store.open(after_path, replica_id="A") as after:
        merge_file(after, stick, backup_dir=tmp_path / "b0")
    return stick, fingerprint(demo_path), fingerprint(after_path)


@pytest.mark.parametrize("stop_after", [1, 45])
def test_killed_during_merge(demo_path: Path, tmp_path: Path, data_home: Path, diverged, stop_after):
    stick, before, after = diverged
    assert before != after
    proc = _child(_MERGE_CHILD, str(demo_path), str(stick), str(stop_after), str(tmp_path / "b"), home=data_home)
    _kill_on(proc, "MIDWAY")
    assert Path(str(demo_path) + "-journal").exists()  # killed inside the transaction
    # Merging the killed file as it is (journal beside it, as on a stick) sees the data before.
    carried = tmp_path / "carried"
    carried.mkdir()
    for name in (demo_path.name, demo_path.name + "-journal"):
        shutil.copyfile(demo_path.parent / name, carried / name)
    with Store.open(tmp_path / "fresh.sqlite", replica_id="fresh") as fresh:
        merge_file(fresh, carried / demo_path.name, backup_dir=tmp_path / "b2")
        topics = sorted(a.topic for a in fresh.list_records(Activity))
    assert fingerprint(demo_path) == before  # the hot journal was rolled back on opening
    with Store.open(demo_path, replica_id="x") as healed:
        assert topics == sorted(a.topic for a in healed.list_records(Activity))


@pytest.mark.parametrize("delay", [0.2, 0.5, 0.9])
def test_killed_at_a_random_moment_of_a_merge(demo_path: Path, tmp_path: Path, data_home: Path, diverged, delay):
    stick, before, after = diverged
    proc = _child(_MERGE_CHILD, str(demo_path), str(stick), "0", str(tmp_path / "b"), home=data_home)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert fingerprint(demo_path) in (before, after)


def test_stick_file_is_never_written_by_merge(demo_path: Path, tmp_path: Path, diverged):
    stick, _, _ = diverged
    os.chmod(stick, 0o444)
    digest = stick.read_bytes()
    with Store.open(demo_path, replica_id="A") as store:
        merge_file(store, stick, backup_dir=tmp_path / "b")
    assert stick.read_bytes() == digest
    assert sorted(p.name for p in stick.parent.iterdir() if p.name.startswith("stick")) == ["stick.sqlite"]
    conn = sqlite3.connect(stick)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
