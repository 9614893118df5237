"""This installation's replica id, and the backup taken before a migration."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from studio_desk.core.db import copy_database
from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.ids import random_id


def backup_before_migration(
    conn: sqlite3.Connection, path: Path, version: int, backup_dir: Path | None
) -> Path:
    if backup_dir is None:
        from studio_desk.paths import backups_dir

        backup_dir = backups_dir()
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{path.stem}-升级前-v{version}-{stamp}.sqlite"
    try:
        copy_database(conn, target)
    except (sqlite3.Error, OSError, StudioDeskError) as exc:
        raise DatabaseError(f"升级前备份失败，未做任何改动：{exc}") from exc
    return target


def installation_id() -> str:
    """This installation's replica id, kept in the data folder (made on first use)."""
    from studio_desk.paths import data_dir

    marker = data_dir() / "installation-id"
    try:
        value = marker.read_text(encoding="utf-8").strip()
        uuid.UUID(value)
        return value
    except (OSError, ValueError):
        value = random_id()
        try:
            marker.write_text(value, encoding="utf-8")
        except OSError:
            pass
        return value
