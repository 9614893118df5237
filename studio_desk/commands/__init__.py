"""Command-line commands, one module per group (see ``studio_desk.cli``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio_desk.core.store import Store


def db_path(args: argparse.Namespace) -> Path:
    from studio_desk.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def open_store(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the database the command works on (``--db`` or the default one)."""
    return Store.open(db_path(args), create=create)
