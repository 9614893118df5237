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
    from studio_desk.core.removable import open_database

    store = open_database(db_path(args), create=create, notify=_notify)
    if getattr(args, "command", None) not in ("backup", "restore"):
        try:
            backup_if_due(store)
        except StudioDeskError as exc:  # a failed backup must not stop the work; say so
            _notify(f"提示：今天的自动备份没有做成：{exc}")
    return store
