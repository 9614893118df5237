"""Backups belong to their database (by its identity, not its file name) and are ordered by
sequence: a clock set back never makes rotation remove the backup an operation just named."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from studio_desk.cli import main
from studio_desk.core import backup as backup_module
from studio_desk.core.backup import KEEP_EVENT, list_backups, make_backup
from studio_desk.core.models import Member
from studio_desk.core.store import Store


def test_two_databases_with_one_file_name_keep_their_own_backups(tmp_path: Path):
    folder = tmp_path / "backups"
    (tmp_path / "甲").mkdir()
    (tmp_path / "乙").mkdir()
    with Store.open(tmp_path / "甲" / "台账.sqlite", replica_id="r") as a, \
            Store.open(tmp_path / "乙" / "台账.sqlite", replica_id="r") as b:
        a.save(Member(name="甲库委员"))
        b.save(Member(name="乙库委员"))
        mine = make_backup(a, folder, "manual")
        theirs = make_backup(b, folder, "manual")
        assert [i.path for i in list_backups(folder, a)] == [mine.path]
        assert [i.path for i in list_backups(folder, b)] == [theirs.path]
        assert a.database_id() != b.database_id()


def test_a_copy_is_the_same_database(store: Store, tmp_path: Path):
    copy = tmp_path / "副本.sqlite"
    store.backup_to(copy)
    with Store.open(copy, replica_id="other") as other:
        assert other.database_id() == store.database_id()


def test_restore_by_number_never_crosses_to_another_database(tmp_path: Path, monkeypatch, capsys):
    home = tmp_path / "数据 文件夹"
    (tmp_path / "甲").mkdir()
    (tmp_path / "乙").mkdir()
    a_path, b_path = tmp_path / "甲" / "台账.sqlite", tmp_path / "乙" / "台账.sqlite"
    for path, name in ((a_path, "甲库委员"), (b_path, "乙库委员")):
        with Store.open(path, replica_id="r") as s:
            s.save(Member(name=name))
    assert main(["backup", "--db", str(a_path)]) == 0
    assert main(["backup", "--db", str(b_path)]) == 0
    capsys.readouterr()
    assert main(["backups", "--db", str(a_path)]) == 0
    listed = capsys.readouterr().out
    assert listed.count(".sqlite") == 1
    assert main(["restore", "--db", str(a_path), "1"]) == 0
    with Store.open(a_path, replica_id="r") as s:
        assert [m.name for m in s.list_records(Member)] == ["甲库委员"]
    assert (home / "backups").exists()


def test_a_clock_set_back_never_removes_the_backup_just_announced(store: Store, tmp_path: Path, monkeypatch):
    folder = tmp_path / "backups"
    real_now = datetime.now()
    # Many event backups made "in the future" (the PC's clock was ahead then).
    for n in range(KEEP_EVENT + 3):
        ahead = real_now + timedelta(days=400, minutes=n)
        monkeypatch.setattr(backup_module, "datetime", _FixedClock(ahead))
        make_backup(store, folder, "merge")
    monkeypatch.setattr(backup_module, "datetime", _FixedClock(real_now))  # clock set back
    announced = make_backup(store, folder, "merge")
    assert announced.path.exists()
    found = list_backups(folder, store)
    assert found[0].path == announced.path  # newest by sequence, whatever the clock said
    assert len([b for b in found if b.kind == "merge"]) == KEEP_EVENT


class _FixedClock:
    """Stands in for ``datetime`` in the backup module: ``now()`` is fixed, the rest is real."""

    def __init__(self, when: datetime):
        self._when = when

    def now(self) -> datetime:
        return self._when

    def __getattr__(self, name: str):  # strptime, fromtimestamp…
        return getattr(datetime, name)


@pytest.mark.parametrize("name", ["台账-manual-20260101-080000.sqlite", "台账-升级前-v1-20260101-080000.sqlite"])
def test_older_versions_backups_still_listed_by_file_name(store: Store, tmp_path: Path, name: str):
    folder = tmp_path / "backups"
    folder.mkdir()
    store.backup_to(folder / name)
    assert [b.path.name for b in list_backups(folder, store)] == [name]
