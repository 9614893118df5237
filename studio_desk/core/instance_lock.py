"""One window or command per database: an operating-system lock on ``<database>.lock``.

The lock is released by the operating system when the process ends, even if it crashes,
so a stale lock file never blocks anyone; only a copy that is really running does.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from studio_desk.core.errors import StudioDeskError


class DatabaseInUse(StudioDeskError):
    pass


# Who holds the lock, written into the lock file so that the one refused can be told.
HOLDERS = {"window": "窗口", "command": "命令"}


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            # Only byte 0 is locked, so another copy can still read who holds it after it.
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _read_holder(fd: int) -> tuple[str, str]:
    """(kind, description) of the holder, from what it wrote after byte 0."""
    try:
        os.lseek(fd, 1, os.SEEK_SET)
        text = os.read(fd, 512).decode("utf-8", errors="replace").strip()
    except OSError:
        return "", ""
    kind, _, who = text.partition("|")
    if kind not in HOLDERS:
        return "", text
    return kind, who


class DatabaseLock:
    """The lock of one database, held by a window or by a command (``holder``)."""

    def __init__(self, db_path: Path, holder: str = "window"):
        self.db_path = Path(db_path)
        self.path = self.db_path.with_name(self.db_path.name + ".lock")
        self.holder = holder
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock. Raises :class:`DatabaseInUse` when another copy holds it.

        Returns False (and runs unlocked) when the folder does not allow a lock file at all.
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError:
            return False
        if not _try_lock(fd):
            kind, who = _read_holder(fd)
            os.close(fd)
            raise DatabaseInUse(self._refusal(kind, who))
        try:
            note = f" {self.holder}|进程 {os.getpid()}，计算机 {socket.gethostname()}".encode()
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, note)
            os.ftruncate(fd, len(note))
        except OSError:
            pass  # the lock holds; only the note for the one refused is missing
        self._fd = fd
        return True

    def _refusal(self, kind: str, who: str) -> str:
        name = self.db_path.name
        who = f"（{who}）" if who else ""
        if kind == "command":
            return (
                f"数据库“{name}”正被另一个 studio-desk 命令使用{who}。"
                "请等它完成后再试。"
            )
        return (
            f"数据库“{name}”已在另一个履职台账窗口中打开{who}。"
            "请切换到那个窗口继续工作，或先关闭它再打开。"
        )

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
