"""Every OSError, zip and SQLite failure the clerk can meet is said in Chinese, naming the
clerk's own file, with none of the system's English."""

from __future__ import annotations

import errno
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from studio_desk.core.db import sqlite_error_message
from studio_desk.core.files import error_message, os_error_message

ENGLISH = re.compile(r"[A-Za-z]{4,}")
ALLOWED = {"Excel", "SQLite"}  # names of things, not sentences
TARGET = Path("/media/clerk/U盘/年度台账.xlsx")


def _english(text: str) -> list[str]:
    for name in (str(TARGET), str(TARGET.parent), TARGET.name):  # the clerk's own names may be anything
        text = text.replace(name, "")
    return [w for w in ENGLISH.findall(text) if w not in ALLOWED]


OS_ERRORS = [
    OSError(errno.ENOSPC, "No space left on device"),
    OSError(errno.EROFS, "Read-only file system"),
    OSError(errno.EISDIR, "Is a directory"),
    OSError(errno.EACCES, "Permission denied"),
    OSError(errno.EIO, "Input/output error"),
    OSError(errno.ENOENT, "No such file or directory"),
    OSError(errno.ENAMETOOLONG, "File name too long"),
    OSError(errno.ENOTDIR, "Not a directory"),
    OSError(errno.EEXIST, "File exists"),
    OSError(errno.EBUSY, "Device or resource busy"),
]


@pytest.mark.parametrize("exc", OS_ERRORS, ids=lambda e: e.strerror)
@pytest.mark.parametrize("action", ["写入", "读取"])
def test_os_errors(exc: OSError, action: str):
    text = os_error_message(exc, TARGET, action=action)
    assert not _english(text), text
    assert "年度台账.xlsx" in text or "U盘" in text


ZIP_ERRORS = [
    zipfile.BadZipFile("File is not a zip file"),
    zipfile.BadZipFile("Bad CRC-32 for file 'xl/worksheets/sheet1.xml'"),
    zipfile.BadZipFile("Truncated file header"),
    ValueError("invalid Zip archive: Could not find EOCD"),
    RuntimeError("File 'x' is encrypted, password required for extraction"),
]


@pytest.mark.parametrize("exc", ZIP_ERRORS, ids=str)
def test_zip_errors(exc: BaseException):
    text = error_message(exc, TARGET)
    assert not _english(text), text
    assert "年度台账.xlsx" in text


SQLITE_ERRORS = [
    sqlite3.OperationalError("database is locked"),
    sqlite3.OperationalError("attempt to write a readonly database"),
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.DatabaseError("file is not a database"),
    sqlite3.DatabaseError("database disk image is malformed"),
    sqlite3.OperationalError("unable to open database file"),
    sqlite3.OperationalError("disk I/O error"),
    sqlite3.OperationalError("no such table: something"),
    sqlite3.IntegrityError("UNIQUE constraint failed: members.id"),
]


@pytest.mark.parametrize("exc", SQLITE_ERRORS, ids=str)
def test_sqlite_errors(exc: sqlite3.Error):
    for text in (sqlite_error_message(exc, TARGET), error_message(exc, TARGET)):
        assert not _english(text), text
        assert "年度台账.xlsx" in text or "磁盘" in text


def test_a_full_local_temp_folder_is_not_a_full_stick(store, tmp_path: Path, monkeypatch):
    """The snapshot is made in the local temp folder first: when that disk is full the clerk is
    told so, not that the stick is full."""
    from studio_desk.core.snapshot import SnapshotError, write_snapshot

    from studio_desk.core.errors import DatabaseError

    def full(self, target):  # what the store's copy raises when the local disk fills up
        try:
            raise sqlite3.OperationalError("database or disk is full")
        except sqlite3.Error as exc:
            raise DatabaseError(sqlite_error_message(exc, target)) from exc

    monkeypatch.setattr(type(store), "backup_to", full)
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(SnapshotError) as caught:
        write_snapshot(store, stick / "台账.sqlite")
    text = str(caught.value)
    assert "本机" in text and "临时文件夹" in text and "U盘" not in text, text
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize("content", [b"not a database at all " * 10, b"SQLite format 3\x00" + bytes(84) + b"x" * 50])
def test_merge_errors_name_the_clerks_file_not_a_temporary_copy(store, tmp_path: Path, content: bytes):
    from studio_desk.core.errors import StudioDeskError
    from studio_desk.core.sync import merge_file

    bad = tmp_path / "张三的副本.sqlite"
    bad.write_bytes(content)
    with pytest.raises(StudioDeskError) as caught:
        merge_file(store, bad, backup_dir=tmp_path / "backups")
    text = str(caught.value)
    assert "张三的副本.sqlite" in text and "other.sqlite" not in text and "studio-desk-merge" not in text, text
