"""What the county keeps of a studio's package, read before anything is written to the county file.

A package brings either the studio's masked database copy or, from a studio that sends only its
Excel ledgers, the masked workbook of a year. Either way the figures are computed by the same core
code as the studio's own summary (``core.figures.period_figures``) on a database: the copy itself,
or a temporary database the workbook's records are imported into by the ledger import (the
exports layer hands that reader in, see :class:`WorkbookReader`).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studio_desk.core import codec
from studio_desk.core.county_figures import figures_to_json
from studio_desk.core.county_intake import PackageCopy, PackageError, quote
from studio_desk.core.db import connect, ensure_ours
from studio_desk.core.errors import DatabaseError
from studio_desk.core.figures import period_figures
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.schema import CURRENT_VERSION
from studio_desk.core.store import Store

# The ledgers a studio's records are kept by, in the workbook's order, and how each is sorted.
LEDGERS: tuple[tuple[type[Record], str | None], ...] = (
    (Member, None),
    (Activity, "date"),
    (Reception, "date"),
    (Donation, "date"),
    (Proposal, "submitted_on"),
)
REPLICA = "county-collection"
# A studio known only by the name its workbook gives (the workbook carries no database identity).
NAME_KEY_PREFIX = "名称:"


@dataclass(frozen=True)
class WorkbookFacts:
    """What a workbook says about itself beyond its records."""

    identity: str | None  # the database identity it was exported from, if it says so
    saved_at: str  # when it was written (UTC, as the records' times are written)


# Fills an empty database with a workbook's records (read only, never changed); a PackageError
# names the workbook's sheet, row and column when it cannot.
WorkbookReader = Callable[[Path, Store, "ProgressFn | None"], WorkbookFacts]


@dataclass
class StudioData:
    """What one package brings, read from its copy before anything is written.

    ``partial``: a workbook brings only its own year(s): the studio's other years stay as they are.
    """

    key: str
    name: str
    county: str
    sector: str
    convenor: str
    data_as_of: str
    schema_version: int
    years: list[int]
    figures: dict[int, str]
    records: list[tuple[int, str, int, bytes]]
    member_names: dict[str, str]
    year_as_of: dict[int, str]  # how recent each year's data is (see County._refuse_older)
    partial: bool = False

    @property
    def filler_years(self) -> list[int]:
        """Years kept only as "last year" beside the first (their roster, no records)."""
        return [year for year in self.figures if year not in self.years]


def database_identity(store: Store) -> str | None:
    """The studio's identity: when its database file was first created (kept in every copy)."""
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
    return str(row[0]) if row and row[0] else None


def _years_with_records(store: Store) -> list[int]:
    years = []
    for year in sorted(store.years()):
        span = (date(year, 1, 1), date(year, 12, 31))
        if any(store.count(cls, date_range=span) for cls, _ in LEDGERS[1:]):
            years.append(year)
    return years


def _data_as_of(store: Store) -> str:
    latest = ""
    for table in ("studio", *(cls.TABLE for cls, _ in LEDGERS)):
        row = store.conn.execute(f"SELECT max(updated_at) FROM {table}").fetchone()
        if row and row[0] and row[0] > latest:
            latest = row[0]
    return latest


def year_records(store: Store, year: int) -> dict[type[Record], list[Record]]:
    """Every ledger's records of ``year`` (not deleted), each in the store's own order: read once,
    both counted into the year's figures (``period_figures(..., records=)``) and kept by the county."""
    span = (date(year, 1, 1), date(year, 12, 31))
    out: dict[type[Record], list[Record]] = {}
    for cls, _ in LEDGERS:
        ids = store.query_ids(cls, date_range=span)
        records: list[Record] = []
        for start in range(0, len(ids), 1000):
            records += store.get_many(cls, ids[start : start + 1000])
        out[cls] = records
    return out


def _ledger_order(field: str) -> Callable[[Record], tuple[bool, object, str]]:
    """The ledger's order (as ``ORDER BY field, created_at``: records without the date first)."""

    def key(record: Record) -> tuple[bool, object, str]:
        value = getattr(record, field)
        return (value is not None, value if value is not None else date.min, record.created_at)

    return key


def ledger_blobs(
    year: int,
    records: dict[type[Record], list[Record]],
    ledgers: tuple[tuple[type[Record], str | None], ...] = LEDGERS,
) -> tuple[list[tuple[int, str, int, bytes]], str]:
    """``(year, ledger, count, compressed JSON of the records)`` for each ledger with records of
    ``year`` (``records``: :func:`year_records`), each sorted as its ledger is, and the time the
    latest of them was changed."""
    out = []
    latest = ""
    for cls, order in ledgers:
        kept = records.get(cls) or []
        if not kept:
            continue
        if order:
            kept = sorted(kept, key=_ledger_order(order))
        items = [codec.to_dict(r) for r in kept]
        latest = max([latest, *(str(item.get("updated_at") or "") for item in items)])
        blob = zlib.compress(json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode(), 1)
        out.append((year, cls.TABLE, len(items), blob))
    return out, latest


def _studio_data(
    store: Store,
    key: str,
    copy: PackageCopy,
    data_as_of: str,
    version: int,
    progress: ProgressFn | None,
    *,
    partial: bool,
) -> StudioData:
    """The figures and records the county keeps of ``store`` (a copy, or a workbook's records)."""
    name = copy.source.name
    years = _years_with_records(store)
    if copy.declared_year is not None and copy.declared_year not in years:
        raise PackageError(
            f"{quote(name)}标明是 {copy.declared_year} 年度的材料，但其中没有 {copy.declared_year} 年的记录，"
            "可能选错了文件，未作改动。"
        )
    if not years:
        raise PackageError(f"{quote(name)}里没有任何台账记录，未作改动。")
    report(progress, 1, 3, "正在统计各年度数据……")
    studio = store.studio()
    # The year before the first is kept too: it is "last year" beside the first (its roster).
    figure_years = [years[0] - 1, *years]
    # Each year's records are read once: counted into its figures, then kept.
    figures: dict[int, str] = {}
    records: list[tuple[int, str, int, bytes]] = []
    year_as_of: dict[int, str] = {}
    for year in figure_years:
        read = year_records(store, year)
        figures[year] = figures_to_json(period_figures(store, year, year, records=read))
        if year == figure_years[0]:
            rows, _ = ledger_blobs(year, read, LEDGERS[:1])  # that year's roster
        else:
            rows, latest = ledger_blobs(year, read)
            # A workbook is as recent as its writing; a copy's year as its latest change in that year.
            year_as_of[year] = data_as_of if partial else latest
        records += rows
        del read
    names = {m.id: m.name for m in store.list_records(Member, include_deleted=True)}
    return StudioData(
        key, studio.name.strip() or "（未命名工作室）", studio.county, studio.sector, studio.convenor,
        data_as_of, version, years, figures, records, names, year_as_of, partial,
    )


def _open_copy(copy: PackageCopy, workdir: Path) -> Store:
    try:
        return Store.open(copy.path, replica_id=REPLICA, create=False, backup_dir=workdir)
    except DatabaseError as exc:
        text = str(exc).replace(str(copy.path), copy.inner_name).replace(copy.path.name, copy.inner_name)
        raise PackageError(f"{quote(copy.source.name)}无法汇总：{text}") from exc


def _is_masked(store: Store) -> bool:
    from studio_desk.core.masking import is_masked_database

    return is_masked_database(store)


def read_database_copy(copy: PackageCopy, workdir: Path, progress: ProgressFn | None) -> StudioData:
    """Check a database copy (schema, masking, identity, year) and read what the county keeps of it."""
    name = copy.source.name
    probe = connect(copy.path, readonly=True)
    try:
        try:
            version = ensure_ours(probe, copy.path)
        except DatabaseError as exc:
            text = str(exc).replace(str(copy.path), copy.inner_name)
            raise PackageError(f"{quote(name)}无法汇总：{text}") from exc
    finally:
        probe.close()
    with _open_copy(copy, workdir) as store:
        if not _is_masked(store):
            raise PackageError(
                f"{quote(name)}不是隐去群众个人信息的副本（没有脱敏标记），不能汇总到县里。"
                "请工作室用“报送县政协”重新生成（勾选隐去群众个人信息）。"
            )
        key = database_identity(store)
        if not key:
            raise PackageError(f"{quote(name)}缺少数据库标识，不是履职台账生成的副本。")
        return _studio_data(store, key, copy, _data_as_of(store), version, progress, partial=False)


def read_workbook_copy(
    copy: PackageCopy, workdir: Path, reader: WorkbookReader, progress: ProgressFn | None
) -> StudioData:
    """A studio's masked workbook: its records imported into a temporary database by ``reader``,
    then read as a copy is. The studio is known by the database identity the workbook carries,
    or else by the studio's name in it."""
    from studio_desk.core.masking import masked_workbook_reason

    name = copy.source.name
    if masked_workbook_reason(copy.path) is None:
        raise PackageError(
            f"{quote(name)}中的 Excel 台账没有隐去群众个人信息，不能汇总到县里。"
            "请工作室用“报送县政协”重新生成（勾选隐去群众个人信息）。"
        )
    with Store.open(workdir / "ledgers.sqlite", replica_id=REPLICA, backup_dir=workdir) as store:
        facts = reader(copy.path, store, progress)
        studio_name = store.studio().name.strip()
        key = facts.identity
        if not key:
            if not studio_name or studio_name in ("委员工作室",):
                raise PackageError(
                    f"{quote(name)}中的台账没有写明是哪个工作室的（工作表标题中没有工作室名称），无法汇总。"
                    "请工作室用“报送县政协”重新生成。"
                )
            key = NAME_KEY_PREFIX + studio_name
        return _studio_data(store, key, copy, facts.saved_at, CURRENT_VERSION, progress, partial=True)


__all__ = [
    "LEDGERS",
    "NAME_KEY_PREFIX",
    "REPLICA",
    "StudioData",
    "WorkbookFacts",
    "WorkbookReader",
    "database_identity",
    "ledger_blobs",
    "read_database_copy",
    "read_workbook_copy",
    "year_records",
]
