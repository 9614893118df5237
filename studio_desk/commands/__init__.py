"""Command-line commands, one module per group (see ``studio_desk.cli``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio_desk.core.store import Store


def db_path(args: argparse.Namespace) -> Path:
    from studio_desk.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def _notify(message: str) -> None:
    print(message, file=sys.stderr)


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the database the command works on (``--db`` or the default one).

    A file on a USB stick is worked on through a local copy that is written back safely when
    the store closes (``core.removable``); the first open of a day makes the daily backup.
    """
    from studio_desk.core.backup import backup_if_due
    from studio_desk.core.errors import StudioDeskError
    from studio_desk.core.instance_lock import DatabaseLock
    from studio_desk.core.removable import (
        open_database,
        removable_reason,
        working_copy_path,
    )

    path = db_path(args)
    # The window's lock: a command must not work on a database a window has open (for a file on
    # a stick both would share one working copy, and the later write-back would drop the other's
    # changes). Refused at once, with the window's own sentence.
    lock = DatabaseLock(working_copy_path(path) if removable_reason(path) else path, holder="command")
    lock.acquire()
    try:
        store = open_database(path, create=create, notify=_notify)
    except BaseException:
        lock.release()
        raise
    close = store.close

    def close_and_unlock() -> None:
        try:
            close()
        finally:
            lock.release()

    store.close = close_and_unlock  # type: ignore[method-assign]
    if getattr(args, "command", None) not in ("backup", "restore"):
        try:
            backup_if_due(store)
        except StudioDeskError as exc:  # a failed backup must not stop the work; say so
            _notify(f"提示：今天的自动备份没有做成：{exc}")
    return store
