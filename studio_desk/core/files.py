"""Writing an output file safely: the one path every output takes.

``atomic_output(path)`` yields a temporary name beside the target; what the caller writes there
is flushed to the device and renamed over the target only when the whole file is written, so a
full disk, a pulled stick or a killed process leaves at most a hidden ``*.part`` file, never a
half-written file under the final name. It also refuses, before anything is written, to put an
output over a Studio Desk database, its journal, a backup, the lock file or a file the app is
still building: an export named like the database must never replace it.
"""

from __future__ import annotations

import errno
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from studio_desk.core.errors import StudioDeskError

PART_SUFFIX = ".part"
SQLITE_HEADER = b"SQLite format 3\x00"
# ``PRAGMA application_id`` of a Studio Desk file ("SDK1"), bytes 68–71 of the header.
_APPLICATION_ID = (0x53444B31).to_bytes(4, "big")
# The county roll-up file's ("SDKC", core.county): no output may go over it either, ever.
_COUNTY_APPLICATION_ID = (0x53444B43).to_bytes(4, "big")
# Files that sit beside a database while it is open, copied, built or written back.
_SIDE_SUFFIXES = {
    "-journal": "事务日志",
    "-wal": "事务日志",
    "-shm": "事务日志",
    ".lock": "锁文件",
    ".building": "正在生成的演示数据库",
    ".pending": "待写回U盘的标记",
    ".incoming": "从U盘读入的副本",
}

# Windows error numbers that Python does not map onto the errno values tested below.
_WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_WIN_GONE = {21, 55, 1117, 1167}  # NOT_READY, DEV_NOT_EXIST, IO_DEVICE, DEVICE_NOT_CONNECTED
_WIN_READONLY = {19}  # ERROR_WRITE_PROTECT
_WIN_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class OutputError(StudioDeskError):
    """An output could not be written; the target is as it was."""


def _application_id(path: Path | str) -> bytes | None:
    """An SQLite file's application id (read from its header only), or None for any other file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return None
    return head[68:72] if head.startswith(SQLITE_HEADER) and len(head) == 72 else None


def is_studio_desk_database(path: Path | str) -> bool:
    """Whether ``path`` is an SQLite file made by Studio Desk (read from its header only)."""
    return _application_id(path) == _APPLICATION_ID


def protected_reason(path: Path | str, *, allow_database: bool = False) -> str | None:
    """Why no output may be written at ``path`` (a Chinese phrase), or None when it may."""
    path = Path(path)
    if path.is_file() and _application_id(path) == _COUNTY_APPLICATION_ID:
        return "县政协汇总文件"
    if path.is_file() and is_studio_desk_database(path):
        if path.parent.name == "backups":
            return "履职台账数据库的备份"
        if not allow_database:
            return "履职台账的数据库文件"
    name = path.name
    for suffix, what in _SIDE_SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix):
            base = path.with_name(name[: -len(suffix)])
            if base.exists() or path.exists():
                return f"数据库“{base.name}”的{what}"
    return None


def refuse_protected(path: Path | str, *, allow_database: bool = False) -> None:
    reason = protected_reason(path, allow_database=allow_database)
    if reason is not None:
        raise OutputError(
            f"“{path}”是{reason}，不能把导出的文件写在它上面（那样会毁掉数据）。"
            "请换一个文件名或文件夹。原文件未被改动。"
        )


def _in_temp_folder(filename: object) -> bool:
    if not filename:
        return False
    try:
        Path(str(filename)).resolve().relative_to(Path(tempfile.gettempdir()).resolve())
        return True
    except (ValueError, OSError):
        return False


def _on_removable(path: Path) -> bool:
    from studio_desk.core.removable import removable_reason

    try:
        return removable_reason(path) is not None
    except OSError:
        return False


def os_error_message(exc: OSError, target: Path | str, *, action: str = "写入") -> str:
    """A Chinese sentence for a failed read or write of ``target`` (or of the temp folder)."""
    target = Path(target)
    code = exc.errno
    win = getattr(exc, "winerror", None)
    where = f"“{target.parent}”"
    if _in_temp_folder(getattr(exc, "filename", None)) and not _in_temp_folder(target):
        return temp_folder_message(exc)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or win in _WIN_FULL:
        disk = "目标磁盘（U盘）" if _on_removable(target) else f"“{target.parent}”所在的磁盘"
        return f"{disk}空间不足，{action}“{target.name}”没有完成。请清理磁盘后重试。原有文件和数据库均未受影响。"
    if code == errno.EROFS or win in _WIN_READONLY:
        return f"目标位置{where}是只读的（U盘可能有写保护开关），无法{action}“{target.name}”。原有文件和数据库均未受影响。"
    if win in _WIN_IN_USE or (code in (errno.EACCES, errno.EPERM) and target.is_file()):
        return (
            f"无法{action}“{target}”：文件可能正被其他程序（如 Excel/WPS、PDF 阅读器）打开，或没有权限。"
            "请关闭它后重试。原有文件未被改动。"
        )
    if code in (errno.EACCES, errno.EPERM):
        return f"没有权限在{where}中{action}文件。请换一个文件夹。原有文件和数据库均未受影响。"
    if code == errno.EISDIR:
        return f"“{target}”是一个文件夹，请给出文件名。"
    if code == errno.ENOTDIR:
        return f"“{target}”的路径中有一部分不是文件夹，请检查路径。"
    if code == errno.ENAMETOOLONG:
        return f"文件名“{target.name}”太长，请换一个短一些的文件名。"
    if code in (errno.EIO, errno.ENODEV, errno.ENXIO, errno.ESTALE, errno.ENOENT) or win in _WIN_GONE:
        return (
            f"{action}{where}时设备出错，U盘可能已被拔出或损坏，操作没有完成，"
            "工作数据库未受影响。请重新插好U盘后再试。"
        )
    if code == errno.EEXIST:
        return f"文件“{target.name}”已存在。"
    return f"{action}“{target}”失败（系统错误 {code or win or '未知'}）。原有文件和数据库均未受影响。"


def zip_error_message(exc: BaseException, path: Path | str) -> str:
    """A Chinese sentence for a zip archive (an .xlsx, a package) that cannot be read."""
    name = Path(path).name
    text = str(exc).lower()
    if "crc" in text:
        return f"“{name}”中的内容校验不符（文件已损坏，可能是复制时出错），无法读取。原文件未被改动。"
    if "password" in text or "encrypted" in text:
        return f"“{name}”有密码保护，无法读取。请在 Excel/WPS 中去掉密码后另存，再导入。"
    if any(word in text for word in ("eocd", "not a zip", "end of central", "truncated", "magic", "directory")):
        return (
            f"“{name}”不完整或不是有效的 Excel（zip）文件：文件末尾缺失或格式不对，"
            "可能没有复制或下载完整。请用完整的文件。原文件未被改动。"
        )
    return f"“{name}”已损坏，无法作为 Excel（zip）文件读取。原文件未被改动。"


def error_message(exc: BaseException, path: Path | str, *, action: str = "读取") -> str:
    """The one translation of a file's OSError, zip or SQLite error into a Chinese sentence
    that names the clerk's file (never the system's English)."""
    import sqlite3
    import zipfile

    if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile):
        return os_error_message(exc, path, action=action)
    text = f"{type(exc).__name__} {exc}".lower()
    zip_words = ("zip", "crc", "password", "encrypted")
    if isinstance(exc, (zipfile.BadZipFile, zipfile.LargeZipFile)) or any(w in text for w in zip_words):
        return zip_error_message(exc, path)
    if isinstance(exc, sqlite3.Error):
        from studio_desk.core.db import sqlite_error_message

        return sqlite_error_message(exc, path)
    return f"{action}“{Path(path).name}”失败（{type(exc).__name__}），文件可能已损坏。原文件未被改动。"


def temp_folder_message(exc: BaseException | None = None) -> str:
    """The local temp folder (not the target) is full, missing or read-only."""
    folder = tempfile.gettempdir()
    code = getattr(exc, "errno", None)
    text = str(exc or "")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)) or "ENOSPC" in text or "full" in text.lower():
        why = "本机磁盘空间不足"
    elif code == errno.EROFS:
        why = "文件夹是只读的"
    elif code in (errno.EACCES, errno.EPERM):
        why = "没有写入权限"
    else:
        why = "文件夹不存在、只读或空间不足"
    return f"写入本机的临时文件夹“{folder}”失败（{why}），操作没有完成。请清理本机磁盘后重试。原有文件和数据库均未受影响。"


def check_target(target: Path, *, overwrite: bool = True, folder: bool = False) -> None:
    """Refuse early what cannot work: no name, no folder, a folder as target, an existing name."""
    if not target.name:
        raise OutputError("请给出文件名。")
    if not target.parent.exists():
        raise OutputError(f"无法写入“{target}”：文件夹“{target.parent}”不存在（U盘是否已插好？）。")
    if target.is_dir() and not folder:
        raise OutputError(f"“{target}”是一个文件夹，请给出文件名，例如“{target / target.name}”。")
    if target.exists() and not overwrite:
        raise OutputError(f"文件“{target}”已存在。为免覆盖，请换一个文件名，或选择覆盖。")


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the rename) to the device; Windows flushes them with the file."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file (or every file of a written folder) to the device."""
    if path.is_dir():
        for child in path.rglob("*"):
            if child.is_file():
                fsync_file(child)
        fsync_dir(path)
        return
    # Windows flushes only through a handle open for writing.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _clean_leftovers(target: Path) -> None:
    """Parts left by an earlier, interrupted write to the same name."""
    try:
        for leftover in target.parent.glob(f".{_glob_escape(target.name)}.*{PART_SUFFIX}"):
            remove_quietly(leftover)
    except OSError:
        pass


def _glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}{PART_SUFFIX}")


@contextmanager
def atomic_output(
    path: Path | str,
    *,
    overwrite: bool = True,
    allow_database: bool = False,
    folder: bool = False,
) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success flush it and rename it to ``path``.

    ``overwrite=False`` refuses an existing target; ``allow_database`` lets a database copy
    replace an older copy of a database (a stick's file written back) — never a journal, a lock
    file or a file being built. On any failure the temporary file is removed and ``path`` is as
    it was; an ``OSError`` becomes an :class:`OutputError` naming the user's file. With
    ``folder`` the caller makes a folder at the temporary path (a new target only).
    """
    target = Path(path)
    check_target(target, overwrite=overwrite, folder=folder)
    refuse_protected(target, allow_database=allow_database)
    _clean_leftovers(target)
    part = part_path(target)
    try:
        yield part
        fsync_file(part)  # a part gone with a pulled stick fails here, as ENOENT
        if target.exists() and not overwrite:  # appeared while we were writing
            raise OutputError(f"文件“{target}”已存在。为免覆盖，请换一个文件名，或选择覆盖。")
        refuse_protected(target, allow_database=allow_database)  # e.g. a database created meanwhile
        os.replace(part, target)
        fsync_dir(target.parent)
    except OSError as exc:
        remove_quietly(part)
        raise OutputError(os_error_message(exc, target)) from exc
    except BaseException:
        remove_quietly(part)
        raise


def remove_quietly(path: Path) -> None:
    """Remove a file or a folder left by a failed write; a pulled stick allows nothing more."""
    try:
        if path.is_dir() and not path.is_symlink():
            import shutil

            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
    except OSError:
        pass


__all__ = [
    "OutputError",
    "atomic_output",
    "check_target",
    "error_message",
    "fsync_dir",
    "is_studio_desk_database",
    "os_error_message",
    "protected_reason",
    "refuse_protected",
    "remove_quietly",
    "temp_folder_message",
    "zip_error_message",
]
