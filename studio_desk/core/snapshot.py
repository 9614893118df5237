"""A safe, self-contained copy of the database on a USB stick (or any folder).

The copy is made locally first (SQLite backup API, rollback-journal mode), then its bytes are
written to a temporary name in the target folder, flushed to the device, renamed into place,
and read back and checked. A full or pulled stick, a read-only folder or a killed process can
leave at most a hidden ``*.part`` file, never a half-written file under the final name, and the
working database is only ever read.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studio_desk.core import encryption
from studio_desk.core.db import connect, sqlite_error_message
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.files import (
    OutputError,
    atomic_output,
    check_target,
    os_error_message,
    remove_quietly,
    temp_folder_message,
)
from studio_desk.core.models import RECORD_TYPES
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store

_BLOCK = 256 * 1024

# A snapshot's failures are output failures: one error, one set of messages (core.files).
SnapshotError = OutputError


@dataclass
class SnapshotResult:
    path: Path
    size: int
    encrypted: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def message(self) -> str:
        lock = "（已加密）" if self.encrypted else ""
        return f"副本已写好并检查无误{lock}：{self.path}（{self.size / 1024:,.0f} KB）。可以安全拔出U盘。"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_file_safely(
    produce: Callable[[Callable[[bytes], None]], None],
    target: Path,
    *,
    overwrite: bool,
) -> str:
    """Write what ``produce(write)`` emits to ``target`` through :func:`atomic_output`.

    Returns the SHA-256 of the bytes written. A database copy may replace an older copy of a
    database (a stick's file written back), never the working database, a journal or a backup.
    """
    digest = hashlib.sha256()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    with atomic_output(target, overwrite=overwrite, allow_database=True) as part:
        fd = os.open(part, flags, 0o644)
        try:

            def write(data: bytes) -> None:
                digest.update(data)
                _write_all(fd, data)

            produce(write)
        finally:
            os.close(fd)
    return digest.hexdigest()


def record_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table (tombstones and history included): a copy must hold exactly these."""
    counts = {cls.TABLE: conn.execute(f"SELECT count(*) FROM {cls.TABLE}").fetchone()[0] for cls in RECORD_TYPES}
    counts["history"] = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    return counts


def quick_check(path: Path) -> dict[str, int]:
    """``PRAGMA quick_check`` and row counts of a local database file (opened read-only)."""
    try:
        conn = connect(path, readonly=True)
    except StudioDeskError as exc:
        raise SnapshotError(f"副本无法打开：{exc}") from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        bad = [r[0] for r in rows if r[0] != "ok"]
        if bad:
            raise SnapshotError("副本检查未通过：" + "；".join(bad[:3]))
        return record_counts(conn)
    except sqlite3.Error as exc:
        raise SnapshotError(f"副本检查未通过：{sqlite_error_message(exc, path)}") from exc
    finally:
        conn.close()


def _copy_bytes(src: Path, progress: ProgressFn | None, size: int) -> Callable[[Callable[[bytes], None]], None]:
    def produce(write: Callable[[bytes], None]) -> None:
        done = 0
        with open(src, "rb") as fh:
            while block := fh.read(_BLOCK):
                write(block)
                done += len(block)
                report(progress, done, size, "正在写入U盘……")

    return produce


def _read_back(target: Path, local: Path) -> str:
    """Copy the file on the target back to local disk (the device is only read) and hash it."""
    digest = hashlib.sha256()
    try:
        with open(target, "rb") as src, open(local, "wb") as dst:
            while block := src.read(_BLOCK):
                digest.update(block)
                dst.write(block)
    except OSError as exc:
        raise SnapshotError(os_error_message(exc, target, action="读取")) from exc
    return digest.hexdigest()


def write_snapshot(
    store: Store,
    target: Path | str,
    *,
    password: str | None = None,
    overwrite: bool = False,
    progress: ProgressFn | None = None,
) -> SnapshotResult:
    """Write a checked, self-contained copy of ``store`` to ``target`` (optionally encrypted)."""
    target = Path(target)
    if target.resolve() == Path(store.path).resolve():
        raise SnapshotError("副本不能写到正在使用的数据库文件本身，请换一个位置或文件名。")
    check_target(target, overwrite=overwrite)
    if password is not None:
        encryption.check_password(password)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-snapshot-"))
    try:
        report(progress, 0, 0, "正在生成一致的副本……")
        local = work / "snapshot.sqlite"
        try:
            store.backup_to(local)
        except StudioDeskError as exc:  # the local temp folder, not the stick: say which
            raise SnapshotError(temp_folder_message(exc.__cause__ or exc)) from exc
        expected = quick_check(local)
        size = local.stat().st_size
        if password is None:
            produce = _copy_bytes(local, progress, size)
        else:

            def produce(write: Callable[[bytes], None]) -> None:
                with open(local, "rb") as fh:
                    encryption.encrypt_stream(
                        fh, write, password, size,
                        lambda done: report(progress, done, size, "正在加密并写入U盘……"),
                    )

        written = write_file_safely(produce, target, overwrite=overwrite)
        report(progress, size, size, "正在读回检查……")
        back = work / "readback.bin"
        try:
            if _read_back(target, back) != written:
                raise SnapshotError("读回U盘上的副本时发现内容不一致，U盘可能有故障。请换一个U盘重试。")
            if password is not None:
                plain = work / "readback.sqlite"
                encryption.decrypt_file(back, plain, password, name=target.name)
                back = plain
            counts = quick_check(back)
            if counts != expected:
                raise SnapshotError("U盘上的副本记录数与数据库不一致，请重试。")
        except BaseException:
            remove_quietly(target)  # a copy that fails its check must not pass for a good one
            raise
        return SnapshotResult(target, target.stat().st_size, password is not None, counts)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def read_copy(source: Path | str, local: Path, *, password: str | None = None) -> bool:
    """Copy a file from a stick to ``local`` (decrypting it if needed). Returns ``encrypted``.

    The source is only read. ``password`` is required for an encrypted file; a wrong one or a
    damaged file raises a clear error and ``local`` must then be discarded by the caller.
    """
    source = Path(source)
    if not source.exists():
        raise StudioDeskError(f"找不到文件“{source}”（U盘是否已插好？）。")
    if source.is_dir():
        raise StudioDeskError(f"“{source}”是一个文件夹，请选择数据库文件。")
    encrypted = encryption.is_encrypted(source)
    try:
        if encrypted:
            if not password:
                raise NeedPassword(f"“{source.name}”是加密副本，请输入密码。")
            raw = local.with_name(local.name + ".enc")
            shutil.copyfile(source, raw)
            try:
                encryption.decrypt_file(raw, local, password, name=source.name)
            finally:
                remove_quietly(raw)
        else:
            shutil.copyfile(source, local)
            # A copy left mid-transaction by a crash elsewhere carries its journal: bring it along
            # so SQLite rolls the unfinished transaction back here, in our copy.
            for suffix in ("-journal", "-wal"):
                side = Path(str(source) + suffix)
                if side.exists() and side.stat().st_size > 0:
                    shutil.copyfile(side, Path(str(local) + suffix))
    except OSError as exc:
        raise StudioDeskError(os_error_message(exc, source, action="读取")) from exc
    return encrypted


class NeedPassword(StudioDeskError):
    """The file is encrypted and no password was given."""
