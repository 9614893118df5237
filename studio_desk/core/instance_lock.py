"""One running window per database: an operating-system lock on ``<database>.lock``.

The lock is released by the operating system when the process ends, even if it crashes,
so a stale lock file never blocks anyone; only a copy that is really running does.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import IO

from studio_desk.core.errors import StudioDeskError


class DatabaseInUse(StudioDeskError):
    pass


def _try_lock(handle: IO[str]) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


class DatabaseLock:
    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = self.db_path.with_name(self.db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock. Raises :class:`DatabaseInUse` when another copy holds it.

        Returns False (and runs unlocked) when the folder does not allow a lock file at all.
        """
        try:
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError:
            return False
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            who = f"（{holder}）" if holder else ""
            raise DatabaseInUse(
                f"数据库“{self.db_path.name}”已在另一个履职台账窗口中打开{who}。"
                "请切换到那个窗口继续工作，或先关闭它再打开。"
            )
        if os.name != "nt":  # on Windows the locked byte range cannot be rewritten
            try:
                handle.seek(0)
                handle.truncate()
                handle.write(f"进程 {os.getpid()}，计算机 {socket.gethostname()}")
                handle.flush()
            except OSError:
                pass
        self._handle = handle
        return True

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is not None:
            try:
                self._handle.close()
            finally:
                self._handle = None

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
