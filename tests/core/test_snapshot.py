"""Snapshots to a stick: plain and encrypted, refusals, and merging bad or foreign files."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from studio_desk.core import encryption
from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.models import Activity, Member
from studio_desk.core.schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS
from studio_desk.core.snapshot import (
    NeedPassword,
    SnapshotError,
    quick_check,
    write_snapshot,
)
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint, merge_file


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_snapshot_is_a_checked_self_contained_copy(demo_store: Store, tmp_path: Path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    result = write_snapshot(demo_store, stick / "台账.sqlite")
    assert "可以安全拔出" in result.message
    assert sorted(p.name for p in stick.iterdir()) == ["台账.sqlite"]  # no journal, no part
    conn = sqlite3.connect(stick / "台账.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    with Store.open(stick / "台账.sqlite", replica_id="x") as copy:
        assert data_fingerprint(copy) == data_fingerprint(demo_store)
    assert result.counts["activities"] == demo_store.conn.execute("SELECT count(*) FROM activities").fetchone()[0]


def test_existing_name_missing_folder_and_folder_as_target_are_refused(store: Store, tmp_path: Path):
    existing = tmp_path / "old.sqlite"
    existing.write_bytes(b"keep me")
    with pytest.raises(SnapshotError, match="已存在"):
        write_snapshot(store, existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(SnapshotError, match="不存在"):
        write_snapshot(store, tmp_path / "gone" / "x.sqlite")
    with pytest.raises(SnapshotError, match="文件夹"):
        write_snapshot(store, tmp_path)
    write_snapshot(store, existing, overwrite=True)
    assert quick_check(existing)["studio"] == 1


def test_read_only_folder_is_a_clear_message(store: Store, tmp_path: Path, monkeypatch):
    real_open = os.open

    def refusing_open(path, flags, *args):
        if str(path).endswith(".part"):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(SnapshotError, match="只读"):
        write_snapshot(store, tmp_path / "x.sqlite")
    assert not (tmp_path / "x.sqlite").exists()


def test_encrypted_snapshot_round_trip_and_wrong_password(demo_store: Store, store: Store, tmp_path: Path):
    target = tmp_path / "加密.sqlite"
    result = write_snapshot(demo_store, target, password="正确的密码")
    assert result.encrypted and encryption.is_encrypted(target)
    assert b"SQLite format 3" not in target.read_bytes()
    assert target.read_bytes().startswith(b"StudioDesk encrypted v1\n")

    before = data_fingerprint(store)
    with pytest.raises(NeedPassword):
        merge_file(store, target)
    with pytest.raises(encryption.WrongPassword, match="密码不正确"):
        merge_file(store, target, password="错误的密码")
    assert data_fingerprint(store) == before

    summary = merge_file(store, target, password="正确的密码")
    assert summary.per_type["活动"].added == demo_store.count(Activity)


def test_tampered_or_cut_encrypted_file_is_refused(demo_store: Store, store: Store, tmp_path: Path):
    target = tmp_path / "enc.sqlite"
    write_snapshot(demo_store, target, password="pass1234")
    data = bytearray(target.read_bytes())
    before = data_fingerprint(store)
    for name, damaged in (
        ("flip", data[:5000] + bytes([data[5000] ^ 1]) + data[5001:]),
        ("cut", data[: len(data) // 2]),
        ("tail", data + b"x"),
    ):
        path = tmp_path / f"{name}.sqlite"
        path.write_bytes(bytes(damaged))
        with pytest.raises(encryption.TamperedFile, match="损坏或被改动"):
            merge_file(store, path, password="pass1234")
    assert data_fingerprint(store) == before


def test_short_password_is_refused(store: Store, tmp_path: Path):
    with pytest.raises(StudioDeskError, match="密码太短"):
        write_snapshot(store, tmp_path / "x.sqlite", password="12")
    assert not (tmp_path / "x.sqlite").exists()


# Merging bad files.


def _refused(store: Store, path: Path, match: str) -> None:
    before = data_fingerprint(store)
    digest = sha(path)
    backups = list((Path(os.environ["STUDIO_DESK_HOME"]) / "backups").glob("*"))
    with pytest.raises(DatabaseError, match=match):
        merge_file(store, path)
    assert data_fingerprint(store) == before
    assert sha(path) == digest
    assert list((Path(os.environ["STUDIO_DESK_HOME"]) / "backups").glob("*")) == backups


def test_merge_refuses_truncated_file(demo_path: Path, store: Store, tmp_path: Path):
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(demo_path.read_bytes()[:200_000])
    _refused(store, cut, "不完整")


def test_merge_refuses_non_sqlite_and_empty_files(store: Store, tmp_path: Path):
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库" * 100, encoding="utf-8")
    _refused(store, text, "不是履职台账数据库")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    _refused(store, empty, "空文件")
    blank = tmp_path / "blank.sqlite"
    sqlite3.connect(blank).execute("CREATE TABLE t(x)").connection.close()
    _refused(store, blank, "其他程序")


def test_merge_refuses_other_applications_database(store: Store, tmp_path: Path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE activities (id TEXT)")
    conn.commit()
    conn.close()
    _refused(store, other, "其他程序")


def test_merge_refuses_file_from_a_newer_version(demo_path: Path, store: Store, tmp_path: Path):
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(demo_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    _refused(store, newer, "更新版本")


def test_merge_refuses_a_damaged_database(demo_path: Path, store: Store, tmp_path: Path):
    bad = tmp_path / "bad.sqlite"
    data = bytearray(demo_path.read_bytes())
    page = 4096
    for offset in range(page * 5, page * 5 + 3000):
        data[offset] = 0x5A
    bad.write_bytes(bytes(data))
    _refused(store, bad, "损坏")


def test_merge_migrates_a_copy_of_an_older_file(store: Store, tmp_path: Path):
    old = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(old, isolation_level=None)
    MIGRATIONS[0][1](conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO members (id, created_at, updated_at, replica_id, version_id, name, role)"
        " VALUES ('m-old', '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z', 'old', 'v1', '周老师', '成员')"
    )
    conn.close()
    digest = sha(old)
    summary = merge_file(store, old)
    assert sha(old) == digest  # the stick's file stays at version 1
    assert summary.per_type["委员"].added == 1
    assert [m.name for m in store.list_records(Member, search="zls")] == ["周老师"]


def test_cancelled_snapshot_leaves_nothing(demo_store: Store, tmp_path: Path):
    from studio_desk.core.progress import Cancelled

    def progress(done, total, text):
        if "写入" in text and done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_snapshot(demo_store, tmp_path / "x.sqlite", progress=progress)
    assert not any(p.name.startswith((".x.sqlite", "x.sqlite")) for p in tmp_path.iterdir())
