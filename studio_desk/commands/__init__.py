"""Command-line commands, one module per group (see ``studio_desk.cli``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from studio_desk.core.store import Store


def db_path(args: argparse.Namespace) -> Path:
    from studio_desk.paths import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def how_to_begin() -> str:
    """What to do on a data folder with no database yet (said by commands that need one)."""
    return (
        "开始使用：运行 studio-desk 打开程序（会自动创建数据库），"
        "或用 studio-desk import 台账.xlsx 导入已有的台账，或用 studio-desk merge 副本.sqlite 合并U盘上的副本。"
    )


def _notify(message: str) -> None:
    print(message, file=sys.stderr)


def open_store(args: argparse.Namespace, *, create: bool = False, scratch: bool = False) -> Store:
    """Open the database the command works on (``--db`` or the default one), locked for this
    command (``core.open``); the first open of a day makes the daily backup.

    A database that does not exist yet is made when ``create`` (a command that writes records
    says so); with ``scratch`` (a dry run) an empty temporary one stands in for it; otherwise
    the command stops and says how to begin."""
    from studio_desk.core.backup import backup_if_due
    from studio_desk.core.errors import StudioDeskError
    from studio_desk.core.open import not_made_yet, open_for_work

    path = db_path(args)
    missing = not_made_yet(path)
    if missing and scratch:
        return _scratch_store(path)
    if missing and not create:
        raise StudioDeskError(f"找不到数据库“{path}”（还没有建立）。{how_to_begin()}")
    store = open_for_work(path, holder="command", create=create, notify=_notify)
    if missing:
        _notify(f"已新建数据库：{path}")
    # (a database made just now holds nothing to back up)
    if not missing and getattr(args, "command", None) not in ("backup", "restore"):
        try:
            backup_if_due(store)
        except StudioDeskError as exc:  # a failed backup must not stop the work; say so
            _notify(f"提示：今天的自动备份没有做成：{exc}")
    return store


def _scratch_store(path: Path) -> Store:
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="studio-desk-check-"))
    store = Store.open(folder / path.name, backup_dir=folder)
    store.on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
    _notify(f"提示：还没有数据库“{path}”，按一个空数据库检查（不会创建任何文件）。")
    return store
