"""A database file from elsewhere (a merge source, a backup to restore, a file to check) with
hostile content: views and triggers that call functions, a table replaced by an endless view, a
header claiming a huge file. Each is refused with a Chinese sentence before anything of it runs
against the working database, and the working database stays byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studio_desk.core.backup import restore_backup
from studio_desk.core.db import check_file
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = {
    # fires on the next save if it ever reached the working database
    "trigger_deleting_history": "CREATE TRIGGER wipe AFTER INSERT ON activities BEGIN DELETE FROM history; END",
    # a function only a trusted schema may call
    "view_calling_load_extension": "CREATE VIEW boom AS SELECT load_extension('/tmp/evil.so') AS x",
    "trigger_calling_fts3_tokenizer": (
        "CREATE TRIGGER tok AFTER UPDATE ON members BEGIN SELECT fts3_tokenizer('simple'); END"
    ),
    # a table swapped for a view that never ends
    "endless_view_for_a_table": (
        "ALTER TABLE activities RENAME TO activities_old;"
        "CREATE VIEW activities AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT a.* FROM activities_old a, n"
    ),
    "extra_table": "CREATE TABLE stash (payload BLOB)",
    "index_on_expression_with_function": "CREATE INDEX odd ON members (randomblob(8))",
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hostile_copy(demo_path: Path, folder: Path, kind: str) -> Path:
    path = folder / f"来历不明 {kind}.sqlite"
    shutil.copyfile(demo_path, path)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(HOSTILE[kind])
    except sqlite3.OperationalError as exc:  # e.g. randomblob is refused in an index by SQLite itself
        conn.close()
        pytest.skip(f"SQLite itself refuses to create it: {exc}")
    conn.close()
    return path


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_merge_refuses_a_hostile_schema(demo_path: Path, tmp_path: Path, kind: str):
    source = hostile_copy(demo_path, tmp_path, kind)
    working = tmp_path / "working.sqlite"
    shutil.copyfile(demo_path, working)
    before = sha(working)
    # in a child process with a time limit: an endless view must not hang the merge
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from studio_desk.core.store import Store\nfrom studio_desk.core.sync import merge_file\n"
        "from studio_desk.core.errors import StudioDeskError\n"
        "store = Store.open(Path(sys.argv[1]), replica_id='w')\n"
        "try:\n    merge_file(store, Path(sys.argv[2]), backup_dir=Path(sys.argv[3]))\n"
        "except StudioDeskError as exc:\n    print('REFUSED', exc); sys.exit(3)\n"
        "finally:\n    store.close()\n"
        "print('MERGED')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(working), str(source), str(tmp_path / "backups")],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 3, done.stdout + done.stderr
    assert "REFUSED" in done.stdout and "Traceback" not in done.stderr
    assert sha(working) == before


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_restore_and_check_refuse_a_hostile_schema(demo_path: Path, tmp_path: Path, kind: str):
    backup = hostile_copy(demo_path, tmp_path, kind)
    backup_hash = sha(backup)
    report = check_file(backup)
    assert not report.ok and report.problems
    assert sha(backup) == backup_hash
    with Store.open(demo_path, replica_id="w") as store:
        with pytest.raises(StudioDeskError):
            restore_backup(store, backup, backup_dir=tmp_path / "backups")
        # nothing of the file reached the working database
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert not names & {"wipe", "boom", "tok", "stash", "odd", "activities_old"}


def test_huge_page_count_in_header_is_refused(demo_path: Path, tmp_path: Path):
    bad = tmp_path / "巨大.sqlite"
    data = bytearray(demo_path.read_bytes())
    data[28:32] = (2**31 - 1).to_bytes(4, "big")
    bad.write_bytes(bytes(data))
    assert not check_file(bad).ok
    with Store.open(tmp_path / "w.sqlite", replica_id="w") as store:
        with pytest.raises(StudioDeskError):
            merge_file(store, bad, backup_dir=tmp_path / "backups")
        with pytest.raises(StudioDeskError):
            restore_backup(store, bad, backup_dir=tmp_path / "backups")


def test_external_files_are_opened_with_trusted_schema_off(demo_path: Path):
    from studio_desk.core.db import connect

    for readonly in (True, False):
        conn = connect(demo_path, readonly=readonly)
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        conn.close()
