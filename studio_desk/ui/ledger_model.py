"""The table model of a ledger page: ids from the store, records fetched a page at a time.

``store.query_ids`` gives the ordered ids of everything that matches the filters (cheap even
for 100,000 rows); the records themselves are read with ``get_many`` only for the pages the
view actually paints, and kept in a cache by id (a new sort order shows the records already
read; a reload after a change reads them again).
"""

from __future__ import annotations

import calendar
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from studio_desk.core.completeness import incomplete_ids
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record
from studio_desk.core.money import format_fen
from studio_desk.core.store import Store

PAGE = 64  # records read together: a screenful and a half (the first paint waits for one read)
CACHED = 10_000  # at most this many records held at once
_MISSING = object()  # listed, but gone from the store when its page was read

QUARTER_NAMES = ("一", "二", "三", "四")


def periods() -> list[tuple[str, str]]:
    """(label, key) of the periods within a year: 全年, the quarters, the months."""
    out = [("全年", "")]
    out += [(f"第{name}季度", f"Q{q}") for q, name in enumerate(QUARTER_NAMES, start=1)]
    out += [(f"{m}月", f"M{m}") for m in range(1, 13)]
    return out


def period_range(year: int, key: str) -> tuple[date, date]:
    """The first and last day of a period key (``Q2``, ``M11``; empty: the whole year)."""
    if key.startswith("Q"):
        first_month, months = 3 * int(key[1:]) - 2, 3
    elif key.startswith("M"):
        first_month, months = int(key[1:]), 1
    else:
        first_month, months = 1, 12
    last_month = first_month + months - 1
    last_day = calendar.monthrange(year, last_month)[1]
    return date(year, first_month, 1), date(year, last_month, last_day)


Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any, "Names"], str]
    sort_field: str | None = None
    numeric: bool = False
    width: int = 100


class Names:
    """Member id → name, read once per refresh (the roster is small)."""

    def __init__(self, store: Store):
        self._names = {m.id: m.name for m in store.list_records(Member, include_deleted=True)}

    def join(self, ids: list[str]) -> str:
        return "、".join(self._names.get(i, "（未知委员）") for i in ids)


def _d(value: Any) -> str:
    return value.isoformat() if value else ""


def _first_line(text: str, n: int = 60) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:n] + ("…" if len(line) > n or len(text.strip().splitlines()) > 1 else "")


COLUMNS: dict[type[Record], list[Column]] = {
    Activity: [
        Column("日期", lambda r, n: _d(r.date), "date", width=95),
        Column("活动类型", lambda r, n: r.type, "type", width=90),
        Column("活动主题", lambda r, n: r.topic, "topic", width=260),
        Column("地点", lambda r, n: r.location, "location", width=140),
        Column("参加委员", lambda r, n: n.join(r.member_ids), width=180),
        Column("委员人数", lambda r, n: str(len(r.member_ids)), numeric=True, width=70),
        Column("群众人次", lambda r, n: f"{r.public_count:,}", "public_count", True, 70),
        Column("亮点", lambda r, n: "★" if r.is_highlight else "", "is_highlight", width=45),
    ],
    Reception: [
        Column("日期", lambda r, n: _d(r.date), "date", width=95),
        Column("方式", lambda r, n: r.mode, "mode", width=90),
        Column("对象", lambda r, n: r.person_name, "person_name", width=110),
        Column("诉求类别", lambda r, n: r.request_category, "request_category", width=90),
        Column("诉求内容", lambda r, n: _first_line(r.request_content), "request_content", width=260),
        Column("接待委员", lambda r, n: n.join(r.member_ids), width=140),
        Column("处理方式", lambda r, n: r.handling, "handling", width=90),
        Column("办理状态", lambda r, n: r.status, "status", width=75),
        Column("办理时限", lambda r, n: _d(r.deadline), "deadline", width=95),
    ],
    Donation: [
        Column("日期", lambda r, n: _d(r.date), "date", width=95),
        Column("类别", lambda r, n: r.category, "category", width=55),
        Column("捐赠方", lambda r, n: r.donor, "donor", width=160),
        Column("受助对象", lambda r, n: r.recipients, "recipients", width=180),
        Column("受助人数", lambda r, n: f"{r.recipient_count:,}", "recipient_count", True, 70),
        Column("现金(元)", lambda r, n: format_fen(r.cash_fen), "cash_fen", True, 100),
        Column("物资价值(元)", lambda r, n: format_fen(r.in_kind_fen), numeric=True, width=100),
        Column("合计(元)", lambda r, n: format_fen(r.total_fen), numeric=True, width=100),
    ],
    Proposal: [
        Column("提交日期", lambda r, n: _d(r.submitted_on), "submitted_on", width=95),
        Column("类别", lambda r, n: r.category, "category", width=100),
        Column("标题", lambda r, n: r.title, "title", width=300),
        Column("提出人", lambda r, n: "、".join(a.name for a in r.authors), width=140),
        Column("状态", lambda r, n: r.status, "status", width=70),
        Column("承办单位", lambda r, n: r.handler_unit, "handler_unit", width=140),
        Column("办理结果", lambda r, n: r.result_class, "result_class", width=65),
        Column("采用层级", lambda r, n: r.adoption_level, "adoption_level", width=65),
    ],
    Member: [
        Column("姓名", lambda r, n: r.name, "name", width=80),
        Column("性别", lambda r, n: r.gender, "gender", width=45),
        Column("党派", lambda r, n: r.party, "party", width=75),
        Column("工作室职务", lambda r, n: r.role, "role", width=145),  # 社情民意信息联络员 whole
        Column("界别", lambda r, n: r.sector, "sector", width=155),  # 社会福利和社会保障界 whole
        Column("政协层级", lambda r, n: r.level, "level", width=65),
        Column("工作单位及职务", lambda r, n: r.employer, "employer", width=240),
        Column("联系电话", lambda r, n: r.phone, "phone", width=110),
        Column("加入日期", lambda r, n: _d(r.joined_on), "joined_on", width=95),
        Column("退出日期", lambda r, n: _d(r.left_on), "left_on", width=95),
    ],
}

_OVERDUE = QBrush(QColor("#b3261e"))


class LedgerModel(QAbstractTableModel):
    def __init__(self, store: Store, cls: type[Record]):
        super().__init__()
        self.store = store
        self.cls = cls
        self.columns = COLUMNS[cls]
        self.ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._rows_for: list[str] | None = None
        self._cache: OrderedDict[str, Any] = OrderedDict()  # id → record (or _MISSING), last used last
        self._names = Names(store)
        self.query: dict[str, Any] = {}
        self.order: tuple[str | None, bool] = (None, False)

    # Loading.

    def set_query(self, **query: Any) -> None:
        self.query = query
        self.reload()

    def reload(self, *, same_records: bool = False) -> None:
        """Re-read the ids (after a filter change or an edit); pages are read again lazily.
        ``same_records``: only the order changed, the records already read are shown as they are."""
        field, descending = self.order
        query = dict(self.query)
        incomplete_only = query.pop("incomplete_only", False)
        ids = self.store.query_ids(self.cls, order_by=field, descending=descending, **query)
        if incomplete_only:
            wanted = set(incomplete_ids(self.store, self.cls))
            ids = [i for i in ids if i in wanted]
        self.beginResetModel()
        self.ids = ids
        if not same_records:
            self._cache.clear()
            self._names = Names(self.store)
        self.endResetModel()

    def drop(self, gone: list[str]) -> None:
        """Take out the rows of records just deleted without asking the store again: after
        10,000 deletions its query passes over every deleted row (about 100 ms)."""
        leaving = set(gone)
        self.beginResetModel()
        self.ids = [i for i in self.ids if i not in leaving]
        for record_id in leaving:
            self._cache.pop(record_id, None)
        self.endResetModel()

    def record_at(self, row: int) -> Record | None:
        if not 0 <= row < len(self.ids):
            return None
        record_id = self.ids[row]
        found = self._cache.get(record_id)
        if found is None:
            start = row // PAGE * PAGE
            wanted = [i for i in self.ids[start : start + PAGE] if i not in self._cache]
            read = {r.id: r for r in self.store.get_many(self.cls, wanted)}
            for i in wanted:
                self._cache[i] = read.get(i, _MISSING)
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
            found = self._cache.get(record_id, _MISSING)
        else:
            self._cache.move_to_end(record_id)
        return None if found is _MISSING else found

    def row_of(self, record_id: str) -> int:
        """The row of a record, or -1 (a dictionary built once per list of ids: selecting the
        thousands of records an undo brings back stays instant)."""
        if self._rows_for is not self.ids:
            self._rows = {record_id: row for row, record_id in enumerate(self.ids)}
            self._rows_for = self.ids
        return self._rows.get(record_id, -1)

    # Qt model.

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            record = self.record_at(index.row())
            if record is None:
                return ""
            text = column.text(record, self._names)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 12 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.header in ("办理时限",):
            record = self.record_at(index.row())
            if isinstance(record, Reception):
                from datetime import date

                if record.is_overdue(date.today()):
                    return _OVERDUE
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        field = self.columns[column].sort_field
        if field is None:
            return
        self.order = (field, order == Qt.SortOrder.DescendingOrder)
        self.reload(same_records=True)
