"""What was reported stays known (封账).

Making the county package or the year's ledgers for the county records what was reported: the
year's figures as the core computed them, each file's name, size and SHA-256, and the time. Later
edits to that year are listed against the latest report ("报送后修改 N 条"), and the clerk can lock
a reported year: an edit to a record of a locked year then asks for a reason, kept in the record's
history with the version it replaced.

Reports and locks are ordinary settings records (versioned, merged between copies like any other
record), so a year reported on one PC is known as reported on the other after a merge.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from studio_desk.core.ids import random_id
from studio_desk.core.models import LEDGER_TYPES, Record, Setting
from studio_desk.core.store import Store
from studio_desk.core.text import utc_now

REPORT_PREFIX = "report:"
LOCK_PREFIX = "year_lock:"
LOCKED_REASON_PREFIX = "封账后修改："


@dataclass(frozen=True)
class ReportedFile:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class YearReport:
    id: str
    year: int
    first_year: int
    made_at: str  # UTC, the store's timestamp format (compares with records' updated_at)
    what: str  # 报送材料 or 台账
    masked: bool
    files: tuple[ReportedFile, ...]
    figures: tuple[tuple[str, str, str, str, str], ...]  # section, label, unit, this year, last year

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "year": self.year, "first_year": self.first_year, "made_at": self.made_at,
            "what": self.what, "masked": self.masked,
            "files": [[f.name, f.size, f.sha256] for f in self.files],
            "figures": [list(f) for f in self.figures],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> YearReport:
        return cls(
            str(data["id"]), int(data["year"]), int(data.get("first_year", data["year"])), str(data["made_at"]),
            str(data.get("what", "")), bool(data.get("masked", True)),
            tuple(ReportedFile(str(n), int(s), str(h)) for n, s, h in data.get("files", [])),
            tuple(tuple(str(v) for v in f) for f in data.get("figures", [])),  # type: ignore[misc]
        )

    @property
    def day(self) -> str:
        return self.made_at[:10]


@dataclass(frozen=True)
class ChangedRecord:
    title: str  # 活动, 接待走访 …
    record_id: str
    name: str
    change: str  # 新增, 修改, 删除
    updated_at: str


@dataclass
class ChangesSinceReport:
    year: int
    report: YearReport | None
    changes: list[ChangedRecord] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.changes)

    @property
    def line(self) -> str:
        """``2025年已于 2026-01-10 报送；报送后修改 3 条`` (or that the year was not reported)."""
        if self.report is None:
            return f"{self.year}年尚未报送。"
        head = f"{self.year}年已于 {self.report.day} 报送"
        if not self.changes:
            return head + "，报送后没有修改。"
        return head + f"；报送后修改 {self.count} 条。"


def file_checksum(path: Path) -> ReportedFile:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
            size += len(block)
    return ReportedFile(path.name, size, digest.hexdigest())


def _figure_rows(store: Store, year: int, first_year: int) -> tuple[tuple[str, str, str, str, str], ...]:
    from studio_desk.core.figures import annual_figures

    figures = annual_figures(store, year, first_year if first_year != year else None)
    rows = []
    for section, items in figures.key_figures():
        for f in items:
            rows.append((section, f.label, f.unit, f.text(f.current), f.text(f.previous)))
    return tuple(rows)


def record_report(
    store: Store, year: int, files: list[Path], *, what: str, masked: bool, first_year: int | None = None
) -> YearReport:
    """Record that ``files`` (the package or the ledgers of ``year``) were made for the county."""
    first = first_year or year
    report = YearReport(
        id=random_id(),
        year=year,
        first_year=first,
        made_at=utc_now(),
        what=what,
        masked=masked,
        files=tuple(file_checksum(Path(p)) for p in files),
        figures=_figure_rows(store, year, first),
    )
    store.set_setting(f"{REPORT_PREFIX}{year}:{report.id}", report.as_json())
    return report


def reports(store: Store, year: int | None = None) -> list[YearReport]:
    """The reports recorded (for ``year``, or all), oldest first."""
    prefix = REPORT_PREFIX if year is None else f"{REPORT_PREFIX}{year}:"
    out = []
    for setting in store.list_records(Setting):
        if setting.key.startswith(prefix) and setting.value_json:
            value = store.setting(setting.key)
            if isinstance(value, dict):
                out.append(YearReport.from_json(value))
    return sorted(out, key=lambda r: r.made_at)


def latest_report(store: Store, year: int) -> YearReport | None:
    found = reports(store, year)
    return found[-1] if found else None


def changes_since_report(store: Store, year: int) -> ChangesSinceReport:
    """The records of ``year`` added, changed or deleted after the year's latest report."""
    report = latest_report(store, year)
    result = ChangesSinceReport(year, report)
    if report is None:
        return result
    for cls in LEDGER_TYPES:
        if cls.year is Record.year:  # members, settings …: not placed in a year
            continue
        ids = store.query_ids(cls, year=year, include_deleted=True)
        later = [r.id for r in store.get_many(cls, ids, only=()) if r.updated_at > report.made_at]
        for record in store.get_many(cls, later):
            change = "删除" if record.deleted else "新增" if record.created_at > report.made_at else "修改"
            result.changes.append(
                ChangedRecord(cls.TITLE, record.id, record.display_name(), change, record.updated_at)
            )
    result.changes.sort(key=lambda c: c.updated_at)
    return result


def lock_year(store: Store, year: int, locked: bool = True) -> None:
    """Lock (or unlock) a year: editing its records then asks for a reason; importing, merging
    and deleting records of it is refused until it is unlocked."""
    store.set_setting(f"{LOCK_PREFIX}{year}", {"locked_at": utc_now()} if locked else None)


def is_year_locked(store: Store, year: int) -> bool:
    return bool(store.setting(f"{LOCK_PREFIX}{year}"))


def locked_at(store: Store, year: int) -> str | None:
    """When ``year`` was locked (``2026-01-10``), "" when not known, None when it is not locked."""
    value = store.setting(f"{LOCK_PREFIX}{year}")
    if not value:
        return None
    return str(value.get("locked_at", ""))[:10] if isinstance(value, dict) else ""


def how_to_unlock(year: int) -> str:
    return (
        f"如确需改动，请先解除封账：在程序中打开“导出台账”，年度选到 {year}年，取消勾选“报送后封账”；"
        f"或用命令 studio-desk lock --year {year} --unlock。"
    )


def refuse_in_locked_years(store: Store, years: Iterable[int | None], action: str) -> None:
    """Refuse ``action`` (导入, 合并, 删除) touching records of a locked year, saying which year,
    since when, and how to unlock it. Editing a record of a locked year asks for a reason instead
    (``save_in_locked_year``): these actions change many records at once, with no reason asked."""
    found = [(year, locked_at(store, year)) for year in sorted({y for y in years if y is not None})]
    found = [(year, when) for year, when in found if when is not None]
    if not found:
        return
    from studio_desk.core.errors import StudioDeskError

    named = "、".join(f"{year}年度（{when} 封账）" if when else f"{year}年度" for year, when in found)
    raise StudioDeskError(
        f"{named}已报送并封账，不能{action}这一年度的记录。" + how_to_unlock(found[0][0])
    )


def any_year_locked(store: Store) -> bool:
    """Whether some year is locked: when none is, an action on thousands of records need not
    read them all to learn their years (read from the few settings, not the ledgers)."""
    keys = [s.key for s in store.get_many(Setting, store.query_ids(Setting)) if s.key.startswith(LOCK_PREFIX)]
    return any(store.setting(key) for key in keys)


def record_years(store: Store, cls: type[Record], ids: Iterable[str]) -> set[int | None]:
    """The years the records ``ids`` of ``cls`` belong to."""
    return {record.year() for record in store.get_many(cls, list(ids))}


def locked_year_of(store: Store, record: Record) -> int | None:
    """The locked year an edit of ``record`` touches (its new year or its stored one), or None."""
    years = {record.year()}
    stored = store.find(type(record), record.id)
    if stored is not None:
        years.add(stored.year())
    for year in sorted(y for y in years if y is not None):
        if is_year_locked(store, year):
            return year
    return None


def locked_reason(reason: str) -> str:
    """The history note of an edit to a locked year."""
    return LOCKED_REASON_PREFIX + reason.strip()


def save_in_locked_year(store: Store, record: Record, reason: str) -> Record:
    """Save an edit to a record of a locked year with the clerk's reason (kept in history)."""
    if not reason.strip():
        from studio_desk.core.errors import StudioDeskError

        raise StudioDeskError("这一年度已封账，修改需要说明原因。")
    return store.save(record, reason=locked_reason(reason))
