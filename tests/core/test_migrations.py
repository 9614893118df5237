from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from studio_desk.core import schema
from studio_desk.core.db import migrate
from studio_desk.core.errors import DatabaseError, NotStudioDeskError, SchemaTooNewError
from studio_desk.core.models import Member
from studio_desk.core.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_v1_file(path: Path) -> None:
    """A file as the first release wrote it: schema step 1 only, one member."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    schema.MIGRATIONS[0][1](conn)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO members (id, created_at, updated_at, replica_id, version_id, deleted, name, role)"
        " VALUES ('m1', '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z', 'old', 'v1', 0,"
        " '刘刚', '召集人')"
    )
    conn.execute("COMMIT")
    conn.close()


def test_steps_are_numbered_in_order():
    versions = [v for v, _ in schema.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert schema.CURRENT_VERSION == versions[-1]


def test_older_file_is_backed_up_then_upgraded(db_path: Path, tmp_path: Path):
    make_v1_file(db_path)
    backups = tmp_path / "backups"
    with Store.open(db_path, replica_id="r", backup_dir=backups) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
        assert store.get(Member, "m1").name == "刘刚"
        assert store.count(Member, search="lg") == 1  # search text filled after the upgrade
    saved = list(backups.glob("*v1*.sqlite"))
    assert len(saved) == 1
    conn = sqlite3.connect(saved[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM members").fetchone() == ("刘刚",)
    conn.close()


def test_failed_step_leaves_file_at_previous_version(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_v1_file(db_path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE members ADD COLUMN half_done TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], (2, broken)])
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, 1)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(members)")]
    assert "half_done" not in columns
    conn.close()


def test_newer_version_is_refused_and_file_untouched(db_path: Path):
    Store.open(db_path, replica_id="r").close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {schema.CURRENT_VERSION + 5}")
    conn.close()
    before = digest(db_path)
    with pytest.raises(SchemaTooNewError, match="更新版本"):
        Store.open(db_path, replica_id="r")
    assert digest(db_path) == before


def test_other_programs_database_is_refused(db_path: Path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(NotStudioDeskError, match="其他程序"):
        Store.open(db_path, replica_id="r")
    assert digest(db_path) == before


@pytest.mark.parametrize(
    "content, message",
    [
        (b"PK\x03\x04 this is a zip file" + b"\0" * 200, "不是履职台账数据库"),
        ("就是一个文本文件".encode() * 20, "不是履职台账数据库"),
    ],
)
def test_non_sqlite_files_are_refused(db_path: Path, content: bytes, message: str):
    db_path.write_bytes(content)
    with pytest.raises(DatabaseError, match=message):
        Store.open(db_path, replica_id="r")
    assert db_path.read_bytes() == content


def test_truncated_file_is_refused(demo_path: Path):
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseError, match="不完整"):
        Store.open(demo_path, replica_id="r")
    assert len(demo_path.read_bytes()) == len(data) // 3


def test_missing_folder_is_a_clear_message(tmp_path: Path):
    with pytest.raises(DatabaseError, match="不存在"):
        Store.open(tmp_path / "没有这个文件夹" / "x.sqlite", replica_id="r")
