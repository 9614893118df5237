"""The county collection (县政协汇总): the studios' packages gathered in one file of its own.

The county file is an SQLite file with its own application id and schema version (a studio's
database is refused as a county file and the other way round). Each studio is known by its
database's identity — the moment its file was first created, kept in the file and in every copy
of it — never by its name: two studios with the same name stay apart, and a newer package of a
studio replaces that studio's data and nothing else.

What a studio brings is kept ready for the county's work, so that 122 studios × 10 years stay
fast: each year's figures, computed on the studio's own copy by the same core code as the studio's
own summary (``core.figures.period_figures``), and each year's records of every ledger (its
masked rows, compressed), from which the county's workbook is written.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from studio_desk.core import codec
from studio_desk.core.county_figures import (
    DEFAULT_CRITERIA,
    CountyFigures,
    Criterion,
    county_figures,
    figures_format,
    figures_from_json,
    figures_to_json,
)
from studio_desk.core.county_intake import PackageCopy, PackageError, only_workbook, quote, take_copy
from studio_desk.core.county_read import (
    LEDGERS,
    REPLICA,
    StudioData,
    WorkbookReader,
    database_identity,
    read_database_copy,
    read_workbook_copy,
)
from studio_desk.core.db import connect, sniff_file, sqlite_error_message
from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.figures import YearFigures, period_figures
from studio_desk.core.models import Member, Record
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.schema import APPLICATION_ID as STUDIO_APPLICATION_ID
from studio_desk.core.store import Store
from studio_desk.core.text import utc_now

COUNTY_APPLICATION_ID = 0x53444B43  # "SDKC"
COUNTY_FILENAME = "县政协汇总.sqlite"
_CRITERIA_KEY = "rating_criteria"
_NAME_KEY = "county_name"


def _v1_initial(conn: sqlite3.Connection) -> None:
    for statement in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
        """CREATE TABLE studios (
            key TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, county TEXT NOT NULL DEFAULT '',
            sector TEXT NOT NULL DEFAULT '', convenor TEXT NOT NULL DEFAULT '',
            source_name TEXT NOT NULL, data_as_of TEXT NOT NULL, added_at TEXT NOT NULL,
            schema_version INTEGER NOT NULL, years TEXT NOT NULL, figures_format TEXT NOT NULL,
            member_names TEXT NOT NULL)""",
        """CREATE TABLE studio_figures (
            studio_key TEXT NOT NULL, year INTEGER NOT NULL, data TEXT NOT NULL,
            PRIMARY KEY (studio_key, year))""",
        """CREATE TABLE studio_records (
            studio_key TEXT NOT NULL, year INTEGER NOT NULL, ledger TEXT NOT NULL,
            count INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (studio_key, year, ledger))""",
        "CREATE INDEX studio_figures_year ON studio_figures(year)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
    ):
        conn.execute(statement)


def _v2_year_sources(conn: sqlite3.Connection) -> None:
    """How recent the data is, per year (a workbook replaces only its own year, and only with data
    at least as recent) and of the last database copy (a copy replaces only an older copy)."""
    conn.execute("ALTER TABLE studio_figures ADD COLUMN data_as_of TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE studios ADD COLUMN copy_as_of TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE studios SET copy_as_of = data_as_of")
    conn.execute(
        "UPDATE studio_figures SET data_as_of = (SELECT data_as_of FROM studios WHERE key = studio_key) "
        "WHERE year IN (SELECT value FROM json_each((SELECT years FROM studios WHERE key = studio_key)))"
    )


COUNTY_MIGRATIONS = [(1, _v1_initial), (2, _v2_year_sources)]
COUNTY_VERSION = COUNTY_MIGRATIONS[-1][0]


@dataclass(frozen=True)
class StudioEntry:
    key: str
    name: str
    county: str
    sector: str
    convenor: str
    source_name: str
    data_as_of: str
    added_at: str
    years: tuple[int, ...]
    current_format: bool  # False: the figures were kept by an older program and must be added again


@dataclass
class AddResult:
    studio: StudioEntry
    replaced: bool
    records: int
    warnings: list[str] = field(default_factory=list)
    only_years: tuple[int, ...] = ()  # a workbook's year(s): the studio's other years stay as they were

    @property
    def message(self) -> str:
        verb = "已更新" if self.replaced else "已添加"
        if self.only_years:
            added = "、".join(str(y) for y in self.only_years)
            kept = [y for y in self.studio.years if y not in self.only_years]
            rest = f"，其他年份（{'、'.join(str(y) for y in kept)}）不变" if kept else ""
            return f"{verb}{quote(self.studio.name)} {added} 年的台账：{self.records:,} 条记录{rest}。"
        years = "、".join(str(y) for y in self.studio.years) or "无"
        return (
            f"{verb}{quote(self.studio.name)}：{self.records:,} 条记录，年份 {years}"
            f"（数据截至 {self.studio.data_as_of[:10]}）。"
        )


class County:
    """An open county file. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._on_close: list[Callable[[], None]] = []

    @classmethod
    def open_for_work(cls, path: Path | str, *, holder: str, create: bool = True) -> County:
        """Lock and open the county file by the one open path's lock (``core.open.take_lock``,
        ``holder`` "window" or "command"); closing it frees the lock."""
        from studio_desk.core.open import take_lock

        lock = take_lock(Path(path), holder)
        try:
            county = cls.open(path, create=create)
        except BaseException:
            lock.release()
            raise
        county.on_close(lock.release)
        return county

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> County:
        path = Path(path)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise DatabaseError(f"找不到县政协汇总文件“{path}”。可先用“county add 材料包”建立它。")
        if exists:
            sniff_file(path)
        elif not path.parent.exists():
            raise DatabaseError(f"文件夹“{path.parent}”不存在。")
        conn = connect(path)
        try:
            _prepare(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Run ``hook`` after the county file is closed (e.g. to free its lock)."""
        self._on_close.append(hook)

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            hooks, self._on_close = self._on_close, []
            for hook in hooks:
                hook()

    def __enter__(self) -> County:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise DatabaseError(sqlite_error_message(exc, self.path)) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise DatabaseError(sqlite_error_message(exc, self.path)) from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def studios(self) -> list[StudioEntry]:
        """Every studio in the collection, by name."""
        current = figures_format()
        rows = self.conn.execute(
            "SELECT key, name, county, sector, convenor, source_name, data_as_of, added_at, years, "
            "figures_format FROM studios ORDER BY name, key"
        ).fetchall()
        return [
            StudioEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], tuple(json.loads(r[8])), r[9] == current)
            for r in rows
        ]

    def studio(self, key: str) -> StudioEntry | None:
        for entry in self.studios():
            if entry.key == key:
                return entry
        return None

    def years(self) -> list[int]:
        """Years any studio has ledger records in, newest first."""
        years = {year for entry in self.studios() for year in entry.years}
        return sorted(years, reverse=True)

    def add_package(
        self,
        source: Path | str,
        progress: ProgressFn | None = None,
        *,
        read_workbook: WorkbookReader | None = None,
    ) -> AddResult:
        """Add (or, for a studio already here, replace with) a studio's package: all or nothing.

        A database copy replaces all the studio's data; a package of Excel ledgers alone (read by
        ``read_workbook``, the ledger import) replaces only the years it holds."""
        workdir = Path(tempfile.mkdtemp(prefix="studio-desk-county-"))
        try:
            report(progress, 0, 3, "正在读取材料包……")
            copy = take_copy(source, workdir)
            if not copy.workbook:
                data = read_database_copy(copy, workdir, progress)
            elif read_workbook is None:
                raise only_workbook(copy.source)
            else:
                data = read_workbook_copy(copy, workdir, read_workbook, progress)
            report(progress, 2, 3, "正在写入汇总……")
            return self._store(data, copy)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def _year_as_of(self, key: str, year: int) -> str:
        row = self.conn.execute(
            "SELECT data_as_of FROM studio_figures WHERE studio_key = ? AND year = ?", (key, year)
        ).fetchone()
        return str(row[0]) if row else ""

    def _refuse_older(self, data: StudioData, copy: PackageCopy, existing: StudioEntry | None) -> None:
        """A package whose data is certainly older than what the county holds changes nothing.

        A database copy is compared with the last copy added (by their latest changes). A workbook,
        written after its data's last change, is older only than a change the county holds in its
        year that came later than its writing."""
        if existing is None:
            return
        if data.partial:
            kept = max((self._year_as_of(data.key, y) for y in data.years), default="")
        else:
            row = self.conn.execute("SELECT copy_as_of FROM studios WHERE key = ?", (data.key,)).fetchone()
            kept = str(row[0]) if row else ""
        if kept > data.data_as_of:
            raise PackageError(
                f"{quote(copy.source.name)}比已汇总的{quote(existing.name)}旧（数据截至 {data.data_as_of[:10]}，"
                f"已汇总的截至 {kept[:10]}），未作改动。"
            )

    def _store(self, data: StudioData, copy: PackageCopy) -> AddResult:
        existing = self.studio(data.key)
        self._refuse_older(data, copy, existing)
        warnings = [
            f"已有另一个同名的工作室{quote(other.name)}（来自不同的数据库，分开汇总）。如是同一工作室换了电脑"
            "重建了数据库，请在“工作室”中删除旧的一个。"
            for other in self.studios()
            if other.name == data.name and other.key != data.key
        ]
        keep = existing is not None and data.partial
        years, as_of, names = list(data.years), data.data_as_of, dict(data.member_names)
        copy_as_of = "" if data.partial else data.data_as_of
        if keep and existing is not None:
            row = self.conn.execute("SELECT copy_as_of FROM studios WHERE key = ?", (data.key,)).fetchone()
            copy_as_of = str(row[0]) if row else ""
            years = sorted(set(existing.years) | set(data.years))
            as_of = max(existing.data_as_of, data.data_as_of)
            names = {**self.member_names(data.key), **data.member_names}
        with self.transaction() as conn:
            if keep:
                for year in data.years:
                    for table in ("studio_figures", "studio_records"):
                        conn.execute(f"DELETE FROM {table} WHERE studio_key = ? AND year = ?", (data.key, year))
                conn.execute("DELETE FROM studios WHERE key = ?", (data.key,))
            else:
                self._delete(conn, data.key)
            conn.execute(
                "INSERT INTO studios(key, name, county, sector, convenor, source_name, data_as_of, "
                "added_at, schema_version, years, figures_format, member_names, copy_as_of) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    data.key, data.name, data.county, data.sector, data.convenor, copy.source.name,
                    as_of, utc_now(), data.schema_version, json.dumps(years),
                    figures_format(), json.dumps(names, ensure_ascii=False), copy_as_of,
                ),
            )
            # A year kept only as "last year" never replaces a year the studio has sent itself.
            conn.executemany(
                "INSERT OR IGNORE INTO studio_figures(studio_key, year, data, data_as_of) VALUES (?, ?, ?, ?)",
                [(data.key, year, text, data.year_as_of.get(year, "")) for year, text in data.figures.items()],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO studio_records(studio_key, year, ledger, count, data) VALUES (?, ?, ?, ?, ?)",
                [(data.key, *row) for row in data.records],
            )
        entry = self.studio(data.key)
        assert entry is not None
        total = sum(r[2] for r in data.records if r[1] != Member.TABLE)
        return AddResult(entry, existing is not None, total, warnings, tuple(data.years) if data.partial else ())

    @staticmethod
    def _delete(conn: sqlite3.Connection, key: str) -> None:
        for table, column in (("studios", "key"), ("studio_figures", "studio_key"), ("studio_records", "studio_key")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (key,))

    def remove(self, key: str) -> None:
        with self.transaction() as conn:
            self._delete(conn, key)

    def criteria(self) -> list[Criterion]:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (_CRITERIA_KEY,)).fetchone()
        if row is None:
            return list(DEFAULT_CRITERIA)
        return [Criterion(str(item["key"]), int(item["threshold"])) for item in json.loads(row[0])]

    def set_criteria(self, criteria: list[Criterion]) -> None:
        value = json.dumps([{"key": c.key, "threshold": c.threshold} for c in criteria])
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (_CRITERIA_KEY, value))

    def county_name(self) -> str:
        """The county CPPCC's name for the write-up: set by the clerk, else the studios' own 所属政协."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (_NAME_KEY,)).fetchone()
        if row and str(row[0]).strip():
            return str(row[0]).strip()
        named = Counter(s.county.strip() for s in self.studios() if s.county.strip())
        return named.most_common(1)[0][0] if named else "县政协"

    def set_county_name(self, name: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", (_NAME_KEY, name.strip()))

    def _figures_of(self, year: int, *, reported: bool = False) -> dict[str, YearFigures]:
        """Each studio's figures of ``year``; ``reported``: only where the studio sent the year's
        records (not a year kept only as "last year" beside its first, which has no data time)."""
        sql = "SELECT studio_key, data FROM studio_figures WHERE year = ?"
        if reported:
            sql += " AND data_as_of != ''"
        return {key: figures_from_json(text) for key, text in self.conn.execute(sql, (year,))}

    def figures(self, year: int) -> CountyFigures:
        """Every studio's figures of ``year`` with last year's, the county's totals, the rating."""
        studios = self.studios()
        stale = [s.name for s in studios if not s.current_format]
        if stale:
            raise StudioDeskError(
                "以下工作室的数字由旧版本程序统计，统计口径已变化，需要重新统计："
                + "、".join(stale)
                + "。请运行“studio-desk county refresh”，或打开县政协汇总窗口（会自动重新统计）。"
            )
        current, previous = self._figures_of(year, reported=True), self._figures_of(year - 1)
        rows = [
            (s.key, s.name, current.get(s.key), previous.get(s.key))
            for s in studios
            if s.key in current or s.key in previous
        ]
        sent_last_year = [s.key for s in studios if year - 1 in s.years]  # as County.years, the year choice
        return county_figures(year, rows, self.criteria(), sent_last_year)

    def stale_studios(self) -> list[StudioEntry]:
        """Studios whose figures were kept by a program that counted differently."""
        return [s for s in self.studios() if not s.current_format]

    def refresh_figures(self, progress: ProgressFn | None = None) -> int:
        """Compute the stale studios' figures again from their records kept here (by the same core
        code, on a temporary database rebuilt from them); returns how many studios were redone."""
        stale = self.stale_studios()
        for index, entry in enumerate(stale):
            report(progress, index, len(stale), f"正在重新统计{quote(entry.name)}……")
            figures = self._recompute(entry)
            with self.transaction() as conn:
                as_of = dict(conn.execute(
                    "SELECT year, data_as_of FROM studio_figures WHERE studio_key = ?", (entry.key,)
                ).fetchall())
                conn.execute("DELETE FROM studio_figures WHERE studio_key = ?", (entry.key,))
                conn.executemany(
                    "INSERT INTO studio_figures(studio_key, year, data, data_as_of) VALUES (?, ?, ?, ?)",
                    [(entry.key, year, text, as_of.get(year, "")) for year, text in figures.items()],
                )
                conn.execute("UPDATE studios SET figures_format = ? WHERE key = ?", (figures_format(), entry.key))
        report(progress, len(stale), len(stale), "完成。")
        return len(stale)

    def _recompute(self, entry: StudioEntry) -> dict[int, str]:
        workdir = Path(tempfile.mkdtemp(prefix="studio-desk-county-"))
        try:
            with Store.open(workdir / "studio.sqlite", replica_id=REPLICA, backup_dir=workdir) as store:
                seen: set[str] = set()
                with store.transaction():
                    for cls, _ in LEDGERS:
                        rows = self.conn.execute(
                            "SELECT data FROM studio_records WHERE studio_key = ? AND ledger = ?", (entry.key, cls.TABLE)
                        ).fetchall()
                        for (blob,) in rows:
                            for item in json.loads(zlib.decompress(blob)):
                                if item["id"] not in seen:  # a member is kept with every year's roster
                                    seen.add(item["id"])
                                    store.write_version(codec.from_dict(cls, item))
                years = [entry.years[0] - 1, *entry.years] if entry.years else []
                return {year: figures_to_json(period_figures(store, year, year)) for year in years}
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def member_names(self, key: str) -> dict[str, str]:
        row = self.conn.execute("SELECT member_names FROM studios WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else {}

    def ledger_records(self, year: int, cls: type[Record]) -> Iterator[tuple[StudioEntry, list[Record]]]:
        """Each studio's records of one ledger in ``year``, a studio at a time."""
        for entry in self.studios():
            row = self.conn.execute(
                "SELECT data FROM studio_records WHERE studio_key = ? AND year = ? AND ledger = ?",
                (entry.key, year, cls.TABLE),
            ).fetchone()
            if row is None:
                continue
            items = json.loads(zlib.decompress(row[0]))
            yield entry, [codec.from_dict(cls, item) for item in items]

    def ledger_count(self, year: int, cls: type[Record]) -> int:
        row = self.conn.execute(
            "SELECT coalesce(sum(count), 0) FROM studio_records WHERE year = ? AND ledger = ?", (year, cls.TABLE)
        ).fetchone()
        return int(row[0])


def default_county_path() -> Path:
    """The county file in the data folder (used when no other file is named)."""
    from studio_desk.paths import data_dir

    return data_dir() / COUNTY_FILENAME


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse what is not a county file (a studio's database above all); create or migrate."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(sqlite_error_message(exc, path)) from exc
    if app_id == STUDIO_APPLICATION_ID:
        raise DatabaseError(
            f"“{path.name}”是工作室的履职台账数据库，不是县政协汇总文件。工作室的材料请用“添加材料包”加入汇总。"
        )
    if app_id != COUNTY_APPLICATION_ID and not (app_id == 0 and version == 0 and tables == 0):
        raise DatabaseError(f"“{path.name}”不是县政协汇总文件，未做任何改动。")
    if version > COUNTY_VERSION:
        raise DatabaseError(
            f"“{path.name}”由更新版本的程序创建（汇总文件第 {version} 版，本程序只支持到第 {COUNTY_VERSION} 版）。"
            "请先升级本程序，文件未做任何改动。"
        )
    _migrate(conn, version)


def _migrate(conn: sqlite3.Connection, found: int) -> None:
    """Run the county file's steps after ``found``, each in its own transaction."""
    for version, step in COUNTY_MIGRATIONS:
        if version <= found:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            if version == 1:
                conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (utc_now(),))
            conn.execute(f"PRAGMA application_id = {COUNTY_APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


__all__ = [
    "COUNTY_APPLICATION_ID",
    "COUNTY_FILENAME",
    "COUNTY_VERSION",
    "LEDGERS",
    "AddResult",
    "County",
    "StudioData",
    "PackageError",
    "StudioEntry",
    "database_identity",
    "default_county_path",
]
