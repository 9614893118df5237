"""One atomic writer for every output, and no output ever written over a database, its journal,
a backup, the lock file or a file still being built."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from studio_desk.cli import main
from studio_desk.core.files import OutputError, atomic_output, protected_reason
from studio_desk.core.instance_lock import DatabaseLock
from studio_desk.core.models import Member
from studio_desk.core.store import Store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "导出"
    folder.mkdir()
    return folder


def test_writes_beside_the_target_and_replaces_it_whole(out: Path):
    tmp_path = out
    target = tmp_path / "报表.txt"
    target.write_text("旧内容", encoding="utf-8")
    with atomic_output(target) as part:
        assert part.parent == tmp_path and part.name.startswith(".") and part != target
        part.write_text("新内容", encoding="utf-8")
        assert target.read_text(encoding="utf-8") == "旧内容"  # not yet
    assert target.read_text(encoding="utf-8") == "新内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.txt"]


def test_a_failure_leaves_the_old_file_and_no_part(out: Path):
    tmp_path = out
    target = tmp_path / "报表.txt"
    target.write_text("旧内容", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as part:
            part.write_text("写了一半", encoding="utf-8")
            raise RuntimeError("cut")
    assert target.read_text(encoding="utf-8") == "旧内容"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报表.txt"]


def test_an_os_error_becomes_a_chinese_sentence_naming_the_file(out: Path):
    tmp_path = out
    target = tmp_path / "报表.txt"
    with pytest.raises(OutputError, match="报表.txt") as caught:
        with atomic_output(target) as part:
            raise OSError(28, "No space left on device", str(part))
    assert "空间不足" in str(caught.value) and "No space" not in str(caught.value)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_missing_folder_and_folder_as_target(tmp_path: Path):
    with pytest.raises(OutputError, match="不存在"):
        with atomic_output(tmp_path / "没有" / "x.xlsx"):
            pass
    with pytest.raises(OutputError, match="文件夹"):
        with atomic_output(tmp_path / "数据 文件夹"):
            pass


def test_every_file_of_a_database_is_protected(store: Store, db_path: Path, tmp_path: Path):
    store.save(Member(name="甲"))
    backups = tmp_path / "backups"
    backups.mkdir()
    backup = backups / "台账-manual-20260101-000000.sqlite"
    store.backup_to(backup)
    with DatabaseLock(db_path):
        lock = Path(str(db_path) + ".lock")
        journal = Path(str(db_path) + "-journal")
        building = tmp_path / "demo.sqlite.building"
        building.write_bytes(b"")
        for path in (db_path, journal, lock, backup, building):
            assert protected_reason(path), path
            before = path.read_bytes() if path.exists() else None
            with pytest.raises(OutputError, match="不能把导出的文件写在它上面") as caught:
                with atomic_output(path) as part:
                    part.write_bytes(b"PK output")
            assert path.name in str(caught.value)
            assert (path.read_bytes() if path.exists() else None) == before
        # a copy of a database may replace an older copy (a stick's file), never a backup
        assert protected_reason(db_path, allow_database=True) is None
        assert protected_reason(backup, allow_database=True)
    assert protected_reason(tmp_path / "新文件.xlsx") is None
    other = tmp_path / "别的.sqlite"
    other.write_bytes(b"SQLite format 3\x00" + bytes(200))  # some other program's SQLite file
    assert protected_reason(other) is None


@pytest.mark.parametrize("option", ["--xlsx", "--pdf"])
def test_export_named_like_the_database_is_refused(demo_path: Path, option: str, capsys):
    before = sha(demo_path)
    code = main(["export", "--db", str(demo_path), "--year", "2026", option, str(demo_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "数据库文件" in err and demo_path.name in err and "Traceback" not in err
    assert sha(demo_path) == before
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.name.startswith(".")) == []


def test_export_over_the_journal_or_the_lock_is_refused(demo_path: Path, capsys):
    before = sha(demo_path)
    for name in (demo_path.name + "-journal", demo_path.name + ".lock"):
        target = demo_path.with_name(name)
        assert main(["export", "--db", str(demo_path), "--year", "2026", "--xlsx", str(target)]) == 1
        assert "不能把导出的文件写在它上面" in capsys.readouterr().err
        assert not target.exists() or target.stat().st_size < 200
    assert sha(demo_path) == before


def test_package_and_snapshot_never_land_on_a_backup(demo_path: Path, tmp_path: Path, capsys):
    backups = tmp_path / "数据 文件夹" / "backups"
    assert main(["backup", "--db", str(demo_path)]) == 0
    backup = next(backups.glob("*.sqlite"))
    before = sha(backup)
    assert main(["snapshot", "--db", str(demo_path), "--overwrite", str(backup)]) == 1
    assert "备份" in capsys.readouterr().err
    assert sha(backup) == before


def test_demo_force_replaces_only_a_demo_database(tmp_path: Path, capsys):
    real = tmp_path / "正式.sqlite"
    with Store.open(real, replica_id="r") as store:
        store.save(Member(name="真实的委员"))
    before = sha(real)
    assert main(["demo", "--force", "--db", str(real)]) == 1
    assert "不是演示数据库" in capsys.readouterr().err
    assert sha(real) == before
    demo = tmp_path / "演示.sqlite"
    assert main(["demo", "--db", str(demo)]) == 0
    capsys.readouterr()
    with Store.open(demo, replica_id="r") as store:
        store.save(Member(name="试着加的"))
    assert main(["demo", "--force", "--db", str(demo)]) == 0
    with Store.open(demo, replica_id="r") as store:
        assert "试着加的" not in {m.name for m in store.list_records(Member)}
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_demo_force_refuses_a_demo_database_open_in_a_window(tmp_path: Path, capsys):
    demo = tmp_path / "演示.sqlite"
    assert main(["demo", "--db", str(demo)]) == 0
    capsys.readouterr()
    before = sha(demo)
    with DatabaseLock(demo):
        assert main(["demo", "--force", "--db", str(demo)]) == 1
        assert "窗口" in capsys.readouterr().err
    assert sha(demo) == before


def test_backups_and_outputs_are_flushed(store: Store, tmp_path: Path, monkeypatch):
    """The workbook writer once skipped the flush: every output now goes through one."""
    from studio_desk.exports.workbook import write_workbook

    flushed: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        flushed.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_workbook(store, 2026, tmp_path / "台账.xlsx")
    store.backup_to(tmp_path / "备份.sqlite")
    assert any(".台账.xlsx." in p for p in flushed)
    assert any(".备份.sqlite." in p for p in flushed)
