"""The 跟踪卡 list: 诉求 not yet 办结 and outputs not yet answered, overdue ones first, then the
citizens to call back (回访): requests 办结 within the last year whose feedback or 满意度 is not
yet recorded.

An item is open whatever year it started in: a request from last December still waiting is
exactly what the clerk must see. No Qt here; the 总览 page only shows this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from studio_desk.core import enums
from studio_desk.core.models import Proposal, Reception
from studio_desk.core.store import Store


@dataclass(frozen=True)
class TrackingItem:
    kind: str  # Reception.KIND or Proposal.KIND
    # label: 诉求, 回访 (办结, feedback not recorded) or the output's 类别
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
    return items + callbacks(store, today)


CALLBACK_DAYS = 365  # requests closed longer ago than this are not chased any more


def callbacks(store: Store, today: date | None = None) -> list[TrackingItem]:
    """回访: requests 已办结 within the last year whose 已反馈 or 满意度 is not yet recorded,
    the longest waiting first."""
    today = today or date.today()
    since = (today - timedelta(days=CALLBACK_DAYS)).isoformat()
    rows = store.conn.execute(
        "SELECT id, person_name, request_content, closed_on, date, feedback_given, satisfaction FROM receptions"
        " WHERE deleted = 0 AND status = '已办结' AND (feedback_given = 0 OR satisfaction = '')"
        " AND COALESCE(closed_on, date) >= ? ORDER BY COALESCE(closed_on, date), id",
        (since,),
    ).fetchall()
    items = []
    for record_id, person, content, closed, started, feedback, satisfaction in rows:
        first_line = content.splitlines()[0] if content else ""
        missing = "反馈和满意度" if not feedback and not satisfaction else ("反馈" if not feedback else "满意度")
        items.append(
            TrackingItem(Reception.KIND, record_id, "回访", f"{person}：{first_line}", f"待记{missing}",
                         _day(closed) or _day(started), None, None)
        )
    return items
