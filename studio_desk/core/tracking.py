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


def _sort_key(item: TrackingItem) -> tuple[int, date, date, str]:
    # Overdue first (most overdue at the top), then by deadline, then those with no deadline
    # oldest first: what has waited longest is what the clerk should chase.
    far = date.max
    if item.overdue:
        group = 0
    elif item.deadline is not None:
        group = 1
    else:
        group = 2
    return (group, item.deadline or far, item.started or far, item.title)


def open_items(store: Store, today: date | None = None) -> list[TrackingItem]:
    today = today or date.today()
    items: list[TrackingItem] = []

    def days(deadline: date | None) -> int | None:
        return (deadline - today).days if deadline else None

    for r in store.list(Reception, filters={"status": list(enums.RECEPTION_OPEN_STATUSES)}):
        items.append(
            TrackingItem(
                Reception.KIND,
                r.id,
                "诉求",
                f"{r.person_name}：{r.request_content.splitlines()[0] if r.request_content else ''}",
                r.status,
                r.date,
                r.deadline,
                days(r.deadline),
            )
        )
    for p in store.list(Proposal, filters={"status": list(enums.PROPOSAL_OPEN_STATUSES)}):
        if p.answered_on is not None or p.category not in enums.PROPOSAL_CATEGORIES_AWAITING_ANSWER:
            continue
        items.append(
            TrackingItem(
                Proposal.KIND,
                p.id,
                p.category,
                p.title,
                p.status,
                p.submitted_on,
                p.deadline,
                days(p.deadline),
            )
        )
    items.sort(key=_sort_key)
    return items
