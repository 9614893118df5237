"""The one way a database is opened for work, by the window and by every command.

Take the database's lock (one window or command at a time; for a file on a stick the lock is on
its local working copy, which both would share), open it — through a working copy when it is
on a stick, migrating an older file after a backup — and free the lock when the store closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from studio_desk.core.instance_lock import DatabaseInUse, DatabaseLock
from studio_desk.core.store import Store


def lock_target(path: Path) -> Path:
    """The file whose lock means "this database is open": the local copy for a stick's file."""
    from studio_desk.core.removable import removable_reason, working_copy_path

    return working_copy_path(path) if removable_reason(path) else path


def take_lock(path: Path, holder: str) -> DatabaseLock:
    """The lock that says ``path`` is open for work (the county file's too), taken; raises
    ``DatabaseInUse`` at once when another window or command has it."""
    lock = DatabaseLock(lock_target(path), holder=holder)
    lock.acquire()
    return lock


def open_for_work(
    path: Path | str,
    *,
    holder: str,
    create: bool = True,
    notify: Callable[[str], None] | None = None,
) -> Store:
    """Lock and open ``path`` (``holder`` is "window" or "command"); closing frees the lock.

    Raises ``DatabaseInUse`` at once when another window or command has it open.
    """
    from studio_desk.core.removable import open_database

    path = Path(path)
    lock = take_lock(path, holder)
    try:
        store = open_database(path, create=create, notify=notify)
    except BaseException:
        lock.release()
        raise
    store.on_close(lock.release)
    return store


def not_made_yet(path: Path) -> bool:
    """No database at ``path`` yet (opening for work makes it: there is nothing in it to back up,
    and a refused import may remove it again). A path that cannot be looked at counts as made:
    opening it says what is wrong."""
    try:
        return not path.exists() or path.stat().st_size == 0
    except OSError:
        return False


def discard_new_database(path: Path) -> bool:
    """Remove a database a command has just made and written nothing into (an import refused
    before it wrote): the clerk is not left with an empty file beside the ledgers. Only a file on
    the PC's own disks, and only while no window or command has it open; returns whether it went."""
    from studio_desk.core.removable import removable_reason

    path = Path(path)
    if removable_reason(path):
        return False
    try:
        lock = take_lock(path, "command")
    except DatabaseInUse:
        return False
    if not lock.held:  # (a folder that takes no lock file takes no removal either)
        return False
    try:
        path.unlink(missing_ok=True)
    finally:
        lock.release()
    lock.path.unlink(missing_ok=True)
    return True


__all__ = ["discard_new_database", "lock_target", "not_made_yet", "open_for_work", "take_lock"]
