"""Backups in the data folder: made on demand, daily, and before risky operations; rotated."""

from __future__ import annotations

import glob
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from studio_desk.core.db import connect
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_EVENT = 20  # before import / merge / restore / migration
STALE_PART_SECONDS = 3600

_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>\w+)-(?P<stamp>\d{8}-\d{6})\.sqlite$")
# The store names its own before-migration backups ``<stem>-升级前-v<N>-<stamp>.sqlite``.
_MIGRATION_NAME = re.compile(r"^(?P<stem>.+)-升级前-v\d+-(?P<stamp>\d{8}-\d{6})\.sqlite$")

KIND_LABELS = {
    "manual": "手动备份",
    "daily": "每日自动备份",
    "import": "导入前",
    "merge": "合并前",
    "restore": "恢复前",
    "migration": "升级前",
}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    made_at: datetime

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def make_backup(store: Store, backup_dir: Path, kind: str = "manual") -> BackupInfo:
    """Write a consistent copy of the open database into ``backup_dir`` and rotate old ones."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now().replace(microsecond=0)
    target = backup_dir / f"{store.path.stem}-{kind}-{now:%Y%m%d-%H%M%S}.sqlite"
    while target.exists():  # two backups in one second: the later one takes the next second
        now += timedelta(seconds=1)
        target = backup_dir / f"{store.path.stem}-{kind}-{now:%Y%m%d-%H%M%S}.sqlite"
    store.backup_to(target)
    rotate(backup_dir, store.path.stem)
    return BackupInfo(target, kind, now)


def list_backups(backup_dir: Path, stem: str | None = None) -> list[BackupInfo]:
    """Backups in the folder, newest first."""
    out: list[BackupInfo] = []
    if not backup_dir.exists():
        return out
    for path in backup_dir.glob("*.sqlite"):
        migration = _MIGRATION_NAME.match(path.name)
        match = migration or _NAME.match(path.name)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        try:
            made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        out.append(BackupInfo(path, "migration" if migration else match["kind"], made))
    out.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return out


def rotate(backup_dir: Path, stem: str) -> list[Path]:
    """Keep the newest daily backups, one per month for a year, and recent event backups."""
    keep: set[Path] = set()
    removed = []
    backups = list_backups(backup_dir, stem)
    days: dict[str, Path] = {}
    months: dict[str, Path] = {}
    events: list[Path] = []
    for b in backups:  # newest first
        if b.kind in ("daily", "manual"):
            days.setdefault(b.made_at.strftime("%Y%m%d"), b.path)
            months.setdefault(b.made_at.strftime("%Y%m"), b.path)
            if b.kind == "manual":
                events.append(b.path)
        else:
            events.append(b.path)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(months.values())[:KEEP_MONTHLY])
    keep.update(events[:KEEP_EVENT])
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    # A backup cut off by a crash or a kill stays as a hidden ``.<name>.sqlite.<random>.part``
    # (``<name>.sqlite.part`` from older versions), never under a final name; each is as big as
    # the database, so drop those old enough not to be a copy still being made.
    stale = datetime.now().timestamp() - STALE_PART_SECONDS
    parts = [*backup_dir.glob(f"{glob.escape(stem)}-*.sqlite.part"),
             *backup_dir.glob(f".{glob.escape(stem)}-*.sqlite.*.part")]
    for part in parts:
        try:
            if part.stat().st_mtime < stale:
                part.unlink()
                removed.append(part)
        except OSError:
            pass
    return removed


def daily_backup_due(backup_dir: Path, stem: str) -> bool:
    today = datetime.now().strftime("%Y%m%d")
    return not any(
        b.made_at.strftime("%Y%m%d") == today
        for b in list_backups(backup_dir, stem)
        if b.kind in ("daily", "manual")
    )


def backup_counts(path: Path) -> dict[str, int]:
    """Record counts inside a backup file (read-only), for the restore list."""
    from studio_desk.core.models import LEDGER_TYPES

    conn = connect(path, readonly=True)
    try:
        return {
            cls.TITLE: conn.execute(f"SELECT count(*) FROM {cls.TABLE} WHERE deleted = 0").fetchone()[0]
            for cls in LEDGER_TYPES
        }
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def check_backup(path: Path) -> int:
    """Refuse a backup that cannot be restored; return its schema version."""
    from studio_desk.core.db import check_file
    from studio_desk.core.errors import DatabaseError

    path = Path(path)
    report = check_file(path)
    if not report.ok:
        raise DatabaseError("这个备份不能恢复：" + "；".join(report.problems))
    if not report.version:
        raise DatabaseError(f"“{path.name}”不是履职台账数据库，不能恢复。")
    from studio_desk.core.masked_marker import masked_database_file_reason

    masked = masked_database_file_reason(path)
    if masked:
        raise DatabaseError(masked)
    return report.version


def restore_backup(
    store: Store,
    backup: Path,
    backup_dir: Path | None = None,
    progress: ProgressFn | None = None,
) -> BackupInfo:
    """Replace the open database's contents with ``backup``, after backing up the current state.

    The store keeps its connection (the backup is copied into it with SQLite's backup API, one
    atomic step under the rollback journal: killed half-way, the database is as before).
    Returns the backup of the state before the restore, so it can be undone.
    """
    import shutil
    import tempfile

    from studio_desk.core.errors import DatabaseError
    from studio_desk.core.schema import CURRENT_VERSION

    backup = Path(backup)
    if backup_dir is None:
        from studio_desk.paths import backups_dir

        backup_dir = backups_dir()
    report(progress, 0, 3, "正在检查备份……")
    version = check_backup(backup)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-restore-"))
    try:
        source = work / "restore.sqlite"
        shutil.copyfile(backup, source)
        if version < CURRENT_VERSION:
            Store.open(source, replica_id=store.replica_id, create=False, backup_dir=work).close()
        report(progress, 1, 3, "正在备份当前数据……")
        before = make_backup(store, backup_dir, "restore")
        report(progress, 2, 3, "正在恢复……")
        src = sqlite3.connect(str(source))
        try:
            with store._lock:
                if store.conn.in_transaction:
                    raise DatabaseError("数据库正在写入，请稍后再恢复。")
                src.backup(store.conn)
                store._type_cache.clear()
        except sqlite3.Error as exc:
            from studio_desk.core.db import sqlite_error_message

            raise DatabaseError("恢复失败，数据保持原样：" + sqlite_error_message(exc, store.path)) from exc
        finally:
            src.close()
        report(progress, 3, 3, "恢复完成")
        return before
    finally:
        shutil.rmtree(work, ignore_errors=True)


def backup_if_due(store: Store, backup_dir: Path | None = None) -> BackupInfo | None:
    """The automatic daily backup, made on start when none was made today."""
    if backup_dir is None:
        from studio_desk.paths import backups_dir

        backup_dir = backups_dir()
    if not daily_backup_due(backup_dir, store.path.stem):
        return None
    return make_backup(store, backup_dir, "daily")
