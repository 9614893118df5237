"""党派 and the 界别 list: a file of the previous schema keeps every 界别 it holds, typed values join
the list with their record, and copies upgraded apart merge their lists without a conflict."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from studio_desk.core import enums, schema
from studio_desk.core.errors import ValidationError
from studio_desk.core.models import Member, Studio, TypeEntry
from studio_desk.core.recycle import restore
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_stores

_STAMP = "2025-01-01T00:00:00.000000Z"


def _id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def make_step8_file(path: Path) -> None:
    """A file as the release before 党派 wrote it: 界别 free text, the studio serving two."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for version, step in schema.MIGRATIONS:
        if version <= 8:
            step(conn)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 8")
    conn.execute("DELETE FROM meta")  # step 2 asks for search texts: the old release had made them
    common = "id, created_at, updated_at, replica_id, version_id, deleted"
    conn.execute(
        f"INSERT INTO studio ({common}, name, sector) VALUES (?, ?, ?, 'old', 'vs', 0, ?, ?)",
        (Studio.SINGLETON_ID, _STAMP, _STAMP, "同心工作室", "经济界、个私协会"),
    )
    members = [
        (_id(1), "刘刚", "经济界", 0),
        (_id(2), "李秀英", "妇联界", 0),
        (_id(3), "张伟", " 个私协会 ", 0),
        (_id(4), "陈丽华", "", 0),
        (_id(5), "老委员", "老界别", 1),  # deleted, and may be restored
    ]
    for member_id, name, sector, deleted in members:
        conn.execute(
            f"INSERT INTO members ({common}, name, role, sector) VALUES (?, ?, ?, 'old', ?, ?, ?, '成员', ?)",
            (member_id, _STAMP, _STAMP, f"v-{member_id}", deleted, name, sector),
        )
    conn.execute(
        f"INSERT INTO type_entries ({common}, list_name, value, position) "
        "VALUES ('00000000-0000-4000-8000-0000000000aa', ?, ?, 'old', 'vt', 0, 'activity_type', '读书会', 0)",
        (_STAMP, _STAMP),
    )
    conn.execute("COMMIT")
    conn.close()


def test_upgrade_keeps_every_sector_in_the_list(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    make_step8_file(path)
    with Store.open(path, replica_id="r", backup_dir=tmp_path / "backups") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        sectors = store.type_values("sector")
        assert sectors[: len(enums.DEFAULT_SECTORS)] == list(enums.DEFAULT_SECTORS)
        # what the file names joins the list as it is written (the stored values do not change)
        assert set(sectors[len(enums.DEFAULT_SECTORS):]) == {"妇联界", "个私协会", "老界别"}
        assert store.get(Member, _id(2)).sector == "妇联界"
        assert store.get(Member, _id(3)).sector == "个私协会"  # blanks around a value trimmed
        assert all(m.party == "" for m in store.list_records(Member, include_deleted=True))
        # the other lists are the clerk's own: an upgrade adds nothing to them
        assert store.type_values("activity_type") == ["读书会"]
        # every stored member can be saved again as it is, the deleted one restored
        for member in store.list_records(Member):
            store.save(Member(**{**member.__dict__, "notes": "核对"}))
        restore(store, Member, [_id(5)])
        store.save(Member(**{**store.get(Member, _id(5)).__dict__, "notes": "恢复"}))
        entries = store.count(TypeEntry, include_deleted=True)
        history = store.conn.execute("SELECT count(*) FROM history WHERE table_name='type_entries'").fetchone()
    with Store.open(path, replica_id="r") as again:  # the list is filled in once
        assert again.count(TypeEntry, include_deleted=True) == entries
        assert again.file_mark("new_type_lists") is None
    assert history == (0,)


def test_copies_upgraded_apart_merge_their_lists_without_conflict(tmp_path: Path):
    make_step8_file(tmp_path / "a.sqlite")
    shutil.copyfile(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    with Store.open(tmp_path / "a.sqlite", replica_id="A", backup_dir=tmp_path / "ba") as a, \
            Store.open(tmp_path / "b.sqlite", replica_id="B", backup_dir=tmp_path / "bb") as b:
        summary = merge_stores(a, b)
        assert summary.conflicts == []
        assert not summary.per_type["类型"].any()
        assert a.type_values("sector") == b.type_values("sector")


def test_a_typed_sector_joins_the_list_with_its_member(store: Store):
    member = Member(name="欧阳明", party="民盟", sector="新阶层人士")
    with pytest.raises(ValidationError, match="界别"):
        store.save(member)  # not in the list: the core refuses it …
    with store.transaction():  # … unless it joins the list with the member (the form's save)
        assert store.add_new_list_values(member) == ["新阶层人士"]
        saved = store.save(member)
    assert store.type_values("sector")[-1] == "新阶层人士"
    assert store.get(Member, saved.id).party == "民盟"

    # removed from the list: the member keeps it, and an edit of another field does not bring it back
    store.remove_type("sector", "新阶层人士")
    edited = Member(**{**saved.__dict__, "phone": "13900001111"})
    assert store.add_new_list_values(edited, saved) == []
    assert "新阶层人士" not in store.type_values("sector")

    # a studio serving several 界别 adds each one it names
    studio = Studio(**{**store.studio().__dict__, "sector": "经济界、工商联、个私协会"})
    with store.transaction():
        assert store.add_new_list_values(studio, store.studio()) == ["个私协会"]
        store.save_studio(studio)
    assert "个私协会" in store.type_values("sector")


def test_party_is_one_of_the_fixed_values(store: Store):
    with pytest.raises(ValidationError, match="党派"):
        store.save(Member(name="王五", party="共青团员"))
    assert store.save(Member(name="王五", party="九三学社")).party == "九三学社"
