"""Backups in the data folder: made on demand, daily, and before risky operations; rotated."""

from __future__ import annotations

import glob
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from studio_desk.core.db import connect
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_EVENT = 20  # before import / merge / restore / migration
STALE_PART_SECONDS = 3600

# ``<stem>-<kind>-<stamp>-<sequence>-<database id>.sqlite``: the sequence orders a database's
# backups whatever the PC's clock says, the id keeps two databases of one file name apart.
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>\w+)-(?P<stamp>\d{8}-\d{6})-(?P<seq>\d{6})-(?P<owner>[0-9a-f]{8})\.sqlite$"
)
# Names of older versions (no sequence, no database id), and the store's before-migration backups.
_OLD_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>\w+)-(?P<stamp>\d{8}-\d{6})\.sqlite$")
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
    seq: int = 0  # 0: made by an older version, before backups were numbered
    owner: str = ""  # the first 8 hex digits of the database's identity ("" when unknown)

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


Owner = Store | str | None


def _owner_key(store: Store) -> str:
    return store.database_id().replace("-", "")[:8]


def make_backup(store: Store, backup_dir: Path, kind: str = "manual") -> BackupInfo:
    """Write a consistent copy of the open database into ``backup_dir`` and rotate old ones.

    The new backup is never removed by this rotation, whatever the clock says."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    now = datetime.now().replace(microsecond=0)
    key = _owner_key(store)
    mine = list_backups(backup_dir, store)
    seq = max((b.seq for b in mine), default=0) + 1
    target = backup_dir / f"{store.path.stem}-{kind}-{now:%Y%m%d-%H%M%S}-{seq:06d}-{key}.sqlite"
    store.backup_to(target)
    info = BackupInfo(target, kind, now, seq, key)
    rotate(backup_dir, store, keep=(target,))
    return info


def list_backups(backup_dir: Path, owner: Owner = None) -> list[BackupInfo]:
    """Backups in the folder, newest first (by sequence; older versions' by time, after them).

    ``owner`` is an open store (its own backups, by the database's identity, and older
    versions' backups of its file name) or a file name stem; None lists every backup.
    """
    out: list[BackupInfo] = []
    if not backup_dir.exists():
        return out
    stem, key = (owner.path.stem, _owner_key(owner)) if isinstance(owner, Store) else (owner, None)
    for path in backup_dir.glob("*.sqlite"):
        info = _parse(path)
        if info is None:
            continue
        if key is not None and info.owner:
            if info.owner != key:
                continue  # another database's, even under the same file name
        elif stem is not None and _stem(path) != stem:
            continue
        out.append(info)
    out.sort(key=lambda b: (b.seq, b.made_at, b.path.name), reverse=True)
    return out


def _stem(path: Path) -> str:
    match = _NAME.match(path.name) or _MIGRATION_NAME.match(path.name) or _OLD_NAME.match(path.name)
    return match["stem"] if match else ""


def _parse(path: Path) -> BackupInfo | None:
    new = _NAME.match(path.name)
    migration = None if new else _MIGRATION_NAME.match(path.name)
    match = new or migration or _OLD_NAME.match(path.name)
    if match is None:
        return None
    try:
        made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    if new:
        return BackupInfo(path, new["kind"], made, int(new["seq"]), new["owner"])
    return BackupInfo(path, "migration" if migration else match["kind"], made)


def rotate(backup_dir: Path, owner: Owner, *, keep: tuple[Path, ...] = ()) -> list[Path]:
    """Keep the newest daily backups, one per month for a year, and recent event backups.

    "Newest" is by sequence, so a clock set back never makes a fresh backup look old; ``keep``
    names backups an operation has just announced, which are never removed."""
    kept: set[Path] = set(keep)
    removed = []
    backups = list_backups(backup_dir, owner)
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
    kept.update(list(days.values())[:KEEP_DAILY])
    kept.update(list(months.values())[:KEEP_MONTHLY])
    kept.update(events[:KEEP_EVENT])
    for b in backups:
        if b.path not in kept:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                pass
    stem = owner.path.stem if isinstance(owner, Store) else owner
    if stem:
        removed += _remove_stale_parts(backup_dir, stem)
    return removed


def _remove_stale_parts(backup_dir: Path, stem: str) -> list[Path]:
    # A backup cut off by a crash or a kill stays as a hidden ``.<name>.sqlite.<random>.part``
    # (``<name>.sqlite.part`` from older versions), never under a final name; each is as big as
    # the database, so drop those old enough not to be a copy still being made.
    removed = []
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


def daily_backup_due(backup_dir: Path, owner: Owner) -> bool:
    today = datetime.now().strftime("%Y%m%d")
    return not any(
        b.made_at.strftime("%Y%m%d") == today
        for b in list_backups(backup_dir, owner)
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

    backup = Path(backup)
    if backup_dir is None:
        from studio_desk.paths import backups_dir

        backup_dir = backups_dir()
    report(progress, 0, 3, "正在检查备份……")
    check_backup(backup)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-restore-"))
    try:
        source = work / "restore.sqlite"
        shutil.copyfile(backup, source)
        # Opened once as a database of this version: an older file is migrated, and search texts
        # made by an earlier rule are made again (the store keeps its connection: it is not
        # opened afresh after the restore).
        Store.open(source, replica_id=store.replica_id, create=False, backup_dir=work).close()
        report(progress, 1, 3, "正在备份当前数据……")
        before = make_backup(store, backup_dir, "restore")
        report(progress, 2, 3, "正在恢复……")
        store.replace_contents_from(source)
        report(progress, 3, 3, "恢复完成")
        return before
    finally:
        shutil.rmtree(work, ignore_errors=True)


def backup_if_due(store: Store, backup_dir: Path | None = None) -> BackupInfo | None:
    """The automatic daily backup, made on start when none was made today."""
    if backup_dir is None:
        from studio_desk.paths import backups_dir

        backup_dir = backups_dir()
    if not daily_backup_due(backup_dir, store):
        return None
    return make_backup(store, backup_dir, "daily")
