"""The 跟踪卡 list: 诉求 not yet 办结 and outputs not yet answered, overdue ones first.

An item is open whatever year it started in: a request from last December still waiting is
exactly what the clerk must see. No Qt here; the 总览 page only shows this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studio_desk.core import enums
from studio_desk.core.models import Proposal, Reception
from studio_desk.core.store import Store


@dataclass(frozen=True)
class TrackingItem:
    kind: str  # Reception.KIND or Proposal.KIND
    record_id: str
    label: str  # 诉求 or the output's 类别
    title: str
    status: str
    started: date | None  # the request's date, the output's 提交日期
    deadline: date | None
    days_left: int | None  # negative when overdue; None without a deadline

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def due_text(self) -> str:
        """``逾期 3 天``, ``今天到期``, ``剩 5 天``, or ``未定时限``."""
        if self.days_left is None:
            return "未定时限"
        if self.days_left < 0:
            return f"逾期 {-self.days_left} 天"
        if self.days_left == 0:
            return "今天到期"
        return f"剩 {self.days_left} 天"


def _sort_key(item: TrackingItem) -> tuple[int, date, date, str, str]:
    # Overdue first (most overdue at the top), then by deadline, then those with no deadline
    # oldest first: what has waited longest is what the clerk should chase.
    far = date.max
    if item.overdue:
        group = 0
    elif item.deadline is not None:
        group = 1
    else:
        group = 2
    return (group, item.deadline or far, item.started or far, item.title, item.record_id)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def open_items(store: Store, today: date | None = None) -> list[TrackingItem]:
    today = today or date.today()

    def days(deadline: date | None) -> int | None:
        return (deadline - today).days if deadline else None

    # Only the few columns the list shows: building whole records (with their members and
    # follow-ups) took half a second on ten busy years, on every 总览 refresh.
    items: list[TrackingItem] = []
    open_receptions = list(enums.RECEPTION_OPEN_STATUSES)
    rows = store.conn.execute(
        "SELECT id, person_name, request_content, status, date, deadline FROM receptions"
        f" WHERE deleted = 0 AND status IN ({','.join('?' * len(open_receptions))})",
        open_receptions,
    ).fetchall()
    for record_id, person, content, status, started, deadline in rows:
        due = _day(deadline)
        first_line = content.splitlines()[0] if content else ""
        items.append(
            TrackingItem(Reception.KIND, record_id, "诉求", f"{person}：{first_line}", status, _day(started),
                         due, days(due))
        )
    open_proposals = list(enums.PROPOSAL_OPEN_STATUSES)
    awaiting = list(enums.PROPOSAL_CATEGORIES_AWAITING_ANSWER)
    rows = store.conn.execute(
        "SELECT id, category, title, status, submitted_on, deadline FROM proposals"
        f" WHERE deleted = 0 AND answered_on IS NULL AND status IN ({','.join('?' * len(open_proposals))})"
        f" AND category IN ({','.join('?' * len(awaiting))})",
        open_proposals + awaiting,
    ).fetchall()
    for record_id, category, title, status, submitted, deadline in rows:
        due = _day(deadline)
        items.append(TrackingItem(Proposal.KIND, record_id, category, title, status, _day(submitted), due, days(due)))
    items.sort(key=_sort_key)
    return items
