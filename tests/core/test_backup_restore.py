"""Restoring a backup into the open store, after backing up the current state."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.backup import (
    backup_counts,
    backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
)
from studio_desk.core.errors import DatabaseError
from studio_desk.core.models import Activity, Member
from studio_desk.core.schema import CURRENT_VERSION
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint


def test_restore_brings_back_the_backup_and_keeps_the_connection(store: Store, tmp_path: Path):
    folder = tmp_path / "backups"
    store.save(Member(name="甲"))
    first = make_backup(store, folder, "manual")
    snapshot = data_fingerprint(store)
    store.save(Member(name="乙"))
    conn = store.conn

    before = restore_backup(store, first.path, folder)

    assert store.conn is conn
    assert data_fingerprint(store) == snapshot
    assert [m.name for m in store.list_records(Member)] == ["甲"]
    assert before.kind == "restore"
    assert backup_counts(before.path)["委员"] == 2  # the state before is kept, so undo is possible
    store.save(Member(name="丙"))  # the store works on after a restore
    restore_backup(store, before.path, folder)
    assert sorted(m.name for m in store.list_records(Member)) == ["乙", "甲"]


def test_a_backup_searched_by_an_earlier_rule_is_searched_by_this_one_once_restored(store: Store, tmp_path: Path):
    from studio_desk.core.models import FollowUp, Reception

    folder = tmp_path / "backups"
    store.save(Reception(date=date(2025, 3, 1), mode="入户走访", person_name="李四", request_content="路灯坏了",
                         followups=[FollowUp(date(2025, 3, 2), "已转交城管局")]))
    old = make_backup(store, folder, "manual")
    with sqlite3.connect(old.path) as conn:  # as an earlier version wrote it: the note not searched
        conn.execute("UPDATE receptions SET search_text = '李四 路灯坏了'")
        conn.execute("DELETE FROM meta WHERE key = 'search_text_version'")
    conn.close()
    store.save(Reception(date=date(2025, 4, 1), mode="电话/线上", person_name="王五", request_content="噪音"))

    restore_backup(store, old.path, folder)

    assert store.count(Reception) == 1
    assert store.count(Reception, search="城管局") == 1
    assert store.file_mark("search_text_version") is not None


def test_restore_refuses_a_bad_backup_and_changes_nothing(store: Store, tmp_path: Path):
    folder = tmp_path / "backups"
    store.save(Member(name="甲"))
    snapshot = data_fingerprint(store)
    bad = tmp_path / "x-manual-20260101-000000.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(DatabaseError):
        restore_backup(store, bad, folder)
    newer = tmp_path / "newer.sqlite"
    store.backup_to(newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        restore_backup(store, newer, folder)
    assert data_fingerprint(store) == snapshot
    assert list_backups(folder) == []


def test_restore_of_a_demo_backup_into_a_fresh_store(store: Store, demo_path: Path, tmp_path: Path):
    restore_backup(store, demo_path, tmp_path / "b")
    assert store.count(Activity, year=2026) > 10
    assert store.list_records(Activity, search="集中学习")


def test_daily_backup_once_a_day(store: Store, tmp_path: Path):
    folder = tmp_path / "b"
    assert backup_if_due(store, folder) is not None
    assert backup_if_due(store, folder) is None
    assert [b.kind for b in list_backups(folder)] == ["daily"]


def test_backup_counts_for_the_list(demo_path: Path, tmp_path: Path):
    with Store.open(demo_path) as s:
        info = make_backup(s, tmp_path / "b", "manual")
        assert backup_counts(info.path)["活动"] == s.count(Activity)
        assert info.made_at.date() == date.today()


def test_before_migration_backups_are_listed_as_such(tmp_path: Path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "台账-升级前-v1-20261120-101010.sqlite").write_bytes(b"")
    (folder / "台账-daily-20261121-080000.sqlite").write_bytes(b"")
    found = list_backups(folder, "台账")
    assert [(b.kind, b.label) for b in found] == [("daily", "每日自动备份"), ("migration", "升级前")]
