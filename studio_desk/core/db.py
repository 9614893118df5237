"""Opening, checking and migrating the SQLite file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from studio_desk.core.errors import (
    DatabaseError,
    NotStudioDeskError,
    SchemaTooNewError,
)
from studio_desk.core import schema
from studio_desk.core.schema import APPLICATION_ID, CURRENT_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"


def sqlite_error_message(exc: BaseException, path: Path | str = "") -> str:
    """A Chinese sentence for an SQLite error."""
    text = str(exc).lower()
    where = f"“{path}”" if path else "数据库文件"
    if "readonly" in text or "read-only" in text:
        return f"{where}是只读的，无法写入。请检查文件属性或所在磁盘是否写保护。"
    if "disk is full" in text or "database or disk is full" in text:
        return "磁盘空间已满，操作没有完成，数据保持原样。请清理磁盘后重试。"
    if "locked" in text or "busy" in text:
        return f"{where}正被另一个程序使用，请关闭其他打开它的程序后重试。"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"{where}已损坏或不是数据库文件。"
    if "unable to open" in text:
        return f"无法打开{where}：文件夹不存在或没有访问权限。"
    if "disk i/o" in text or "i/o error" in text:
        return f"读写{where}时出现磁盘错误（设备可能已拔出或损坏），操作没有完成。"
    if "no such table" in text or "no such column" in text:
        return f"{where}的数据结构不完整，不是本程序能用的格式，操作没有完成，数据保持原样。"
    if "constraint" in text:
        return f"{where}中的数据违反了约束（例如记录编号重复），操作没有完成，数据保持原样。"
    code = getattr(exc, "sqlite_errorcode", None)
    return f"{where}的数据库操作失败（错误代码 {code if code is not None else '未知'}），操作没有完成，数据保持原样。"


def sniff_file(path: Path) -> None:
    """Refuse, without opening it, a file that cannot be an SQLite database."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError as exc:
        raise DatabaseError(f"找不到文件“{path}”。") from exc
    except IsADirectoryError as exc:
        raise DatabaseError(f"“{path}”是文件夹，不是数据库文件。") from exc
    except PermissionError as exc:
        raise DatabaseError(f"没有权限读取“{path}”。") from exc
    except OSError as exc:
        from studio_desk.core.files import os_error_message

        raise DatabaseError(os_error_message(exc, path, action="读取")) from exc
    if size == 0:
        raise DatabaseError(f"“{path}”是空文件，不是履职台账数据库。")
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        raise DatabaseError(f"“{path}”不是履职台账数据库（文件格式不对）。")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(head[28:32], "big")
    # A file shorter than its header says is a cut-off copy (e.g. a pulled USB stick).
    if page_count and size < page_size * page_count:
        raise DatabaseError(
            f"“{path}”不完整（文件被截断，只有 {size:,} 字节，应为 {page_size * page_count:,} 字节），"
            "可能是复制时U盘被拔出。请用完整的文件或备份。"
        )


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the durable settings the app relies on."""
    mode = "ro" if readonly else "rwc"
    uri = f"{Path(path).resolve().as_uri()}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseError(sqlite_error_message(exc, path)) from exc
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            # Rollback journal: when idle, the .sqlite file alone holds every committed change.
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            # A long write keeps its changes in memory (up to 128 MB of 4 KB pages) instead of
            # spilling them into the file early: until it commits, the window's read-only
            # connection can still read and the pages keep painting.
            conn.execute("PRAGMA cache_spill = 32768")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseError(sqlite_error_message(exc, path)) from exc
    return conn


def read_versions(conn: sqlite3.Connection) -> tuple[int, int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return app_id, version, tables


def ensure_ours(conn: sqlite3.Connection, path: Path) -> int:
    """Return the file's schema version; refuse other programs' files and newer versions."""
    try:
        app_id, version, tables = read_versions(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(sqlite_error_message(exc, path)) from exc
    if app_id != APPLICATION_ID:
        if app_id == 0 and version == 0 and tables == 0:
            return 0  # an empty SQLite file: ours to fill
        raise NotStudioDeskError(f"“{path}”是其他程序的数据库，不是履职台账数据库，未做任何改动。")
    if version > CURRENT_VERSION:
        raise SchemaTooNewError(
            f"“{path}”由更新版本的履职台账创建（数据格式第 {version} 版，本程序只支持到第 "
            f"{CURRENT_VERSION} 版）。请先升级本程序再打开，文件未做任何改动。"
        )
    return version


_OBJECT_KINDS = {"table": "表", "view": "视图", "trigger": "触发器", "index": "索引"}
_expected: dict[int, frozenset[tuple[str, str, str, str | None]]] = {}


def _schema_rows(conn: sqlite3.Connection) -> frozenset[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (kind, name, table, " ".join(sql.split()) if sql else None)
        for kind, name, table, sql in rows
        if not name.startswith("sqlite_stat")  # statistics a PRAGMA optimize may leave
    )


def expected_schema(version: int) -> frozenset[tuple[str, str, str, str | None]]:
    """The schema objects a file of ``version`` has: the migration steps run on an empty database."""
    if version not in _expected:
        conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            for step_version, step in schema.MIGRATIONS:
                if step_version <= version:
                    step(conn)
            _expected[version] = _schema_rows(conn)
        finally:
            conn.close()
    return _expected[version]


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file whose tables, indexes, views or triggers are not exactly those of ``version``.

    A file from elsewhere (a merge source, a backup to restore) could carry a trigger that would
    then run in the working database, or a table swapped for a view that never ends. Reading
    ``sqlite_master`` runs nothing, so this is checked before any other query touches the file.
    """
    try:
        found = _schema_rows(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(sqlite_error_message(exc, path)) from exc
    odd = sorted((found - expected_schema(version)) | (expected_schema(version) - found))
    if odd:
        names = "、".join(dict.fromkeys(f"{_OBJECT_KINDS.get(kind, kind)}“{name}”" for kind, name, _, _ in odd))
        raise DatabaseError(
            f"“{Path(path).name}”的数据结构与履职台账不符（多出或改动了：{names}），"
            "可能被其他程序改过。为安全起见不能使用这个文件，未做任何改动。"
        )


def migrate(conn: sqlite3.Connection, from_version: int) -> list[int]:
    """Run the steps after ``from_version``, each in its own transaction. Returns the steps run."""
    done = []
    for version, step in schema.MIGRATIONS:
        if version <= from_version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(version)
    return done


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of an open database (SQLite backup API), fsynced, rollback journal.

    ``target`` must be a new name or a file that is not a database (``core.files``)."""
    from studio_desk.core.files import atomic_output

    with atomic_output(Path(target)) as tmp:
        dest = sqlite3.connect(str(tmp))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()


@dataclass
class CheckReport:
    path: Path
    ok: bool = True
    version: int | None = None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def check_file(path: Path) -> CheckReport:
    """Check a database file without changing a byte of it.

    A file left with a transaction log (a crash, or another program writing right now) or
    locked by a writer is checked as a temporary copy, rolled back there the way SQLite would
    roll it back on the next open; the report says what was found."""
    import shutil
    import tempfile

    path = Path(path)
    report = CheckReport(path)
    try:
        sniff_file(path)
    except DatabaseError as exc:
        report.ok = False
        report.problems.append(str(exc))
        return report
    found = _unfinished(path)
    if found is None:
        _check_connection(path, path, report)
        return report
    report.problems.append(found)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-check-"))
    try:
        copy = work / path.name
        shutil.copyfile(path, copy)
        journal = Path(str(path) + "-journal")
        if journal.exists():
            shutil.copyfile(journal, Path(str(copy) + "-journal"))
        conn = connect(copy)  # rolls the copy's journal back, as an open would
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
        _check_connection(copy, path, report)
        report.problems.append("以上检查的是按事务日志回滚后的临时副本；原文件未做任何改动。")
    except (OSError, DatabaseError, sqlite3.DatabaseError) as exc:
        report.ok = False
        report.problems.append(f"无法做临时副本来检查：{exc}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def hot_journal(path: Path) -> Path | None:
    """The rollback journal beside ``path`` when it holds a change to undo, else None.

    SQLite's own rule: a journal is hot when its first byte is not zero. Under synchronous=FULL
    a transaction writes its journal with a zeroed header and stamps the header only just before
    the database file itself is changed, so a process killed earlier leaves a cold journal: the
    database is exactly as committed, and SQLite ignores the file and reuses it on the next save."""
    journal = Path(str(path) + "-journal")
    try:
        with journal.open("rb") as handle:
            first = handle.read(1)
    except OSError:
        return None
    return journal if first not in (b"", b"\x00") else None


def _unfinished(path: Path) -> str | None:
    """What stands between a read-only look and the last saved state: a journal, a lock."""
    from studio_desk.core.instance_lock import DatabaseInUse, DatabaseLock

    for suffix in ("-wal",):
        side = Path(str(path) + suffix)
        if side.exists() and side.stat().st_size > 0:
            return f"文件旁有预写日志“{side.name}”（不是本程序的写法），以它为准的内容未计入原文件。"
    journal = hot_journal(path)
    in_use = ""
    try:
        with DatabaseLock(path, holder="command"):
            pass
    except DatabaseInUse as exc:
        in_use = str(exc)
    if journal is not None:
        if in_use:
            return f"{in_use}（它正在写入，文件旁有它的事务日志“{journal.name}”）。"
        return (
            f"文件旁有上次未完成的事务日志“{journal.name}”：程序曾意外退出或断电。"
            "下次用本程序打开时会自动回滚这次未完成的保存，已保存的数据不受影响。"
        )
    if _locked(path):
        return (in_use or "数据库正被另一个程序写入") + "（文件被锁定）。"
    return None


def _locked(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return False
    except sqlite3.Error as exc:  # a damaged file is the full check's to describe
        return "locked" in str(exc).lower() or "busy" in str(exc).lower()
    finally:
        conn.close()


def _check_connection(path: Path, shown: Path, report: CheckReport) -> None:
    from studio_desk.core.models import LEDGER_TYPES

    try:
        conn = connect(path, readonly=True)
    except DatabaseError as exc:
        report.ok = False
        report.problems.append(str(exc).replace(str(path), str(shown)))
        return
    try:
        version = ensure_ours(conn, shown)
        report.version = version
        if version:
            check_schema(conn, shown, version)
        if version < CURRENT_VERSION:
            report.problems.append(
                f"数据格式为第 {version} 版，打开时会先备份再升级到第 {CURRENT_VERSION} 版。"
            )
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        bad = [r[0] for r in rows if r[0] != "ok"]
        if bad:
            report.ok = False
            report.problems.append("数据库完整性检查未通过：" + "；".join(bad[:5]))
        if version >= 1 and not bad:
            for cls in LEDGER_TYPES:
                report.counts[cls.TITLE] = conn.execute(
                    f"SELECT count(*) FROM {cls.TABLE} WHERE deleted = 0"
                ).fetchone()[0]
            dangling = conn.execute(
                "SELECT count(*) FROM record_members rm "
                "LEFT JOIN members m ON m.id = rm.member_id WHERE m.id IS NULL"
            ).fetchone()[0]
            if dangling:
                report.ok = False
                report.problems.append(f"有 {dangling} 处引用了不存在的委员。")
            report.problems += _shared_ids(conn)
    except DatabaseError as exc:
        report.ok = False
        report.problems.append(str(exc))
    except sqlite3.DatabaseError as exc:
        report.ok = False
        report.problems.append(sqlite_error_message(exc, shown))
    finally:
        conn.close()


def _shared_ids(conn: sqlite3.Connection) -> list[str]:
    """Ids that two kinds of record share (older versions let an import add one): each record
    keeps its own data, but the clerk should know which ids are doubled."""
    from studio_desk.core.models import BY_TABLE, RECORD_TYPES

    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    union = " UNION ALL ".join(
        f"SELECT id, '{cls.TABLE}' AS t FROM {cls.TABLE}" for cls in RECORD_TYPES if cls.TABLE in present
    )
    rows = conn.execute(
        f"SELECT id, group_concat(t, ',') FROM ({union}) GROUP BY id HAVING count(*) > 1 LIMIT 20"
    ).fetchall()
    return [
        f"记录编号 {record_id} 同时用于两类记录（{'、'.join(BY_TABLE[t].TITLE for t in tables.split(','))}），"
        "两条记录各自保留，但请核对。"
        for record_id, tables in rows
    ]
