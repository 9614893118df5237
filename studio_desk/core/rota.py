"""The 委员接待日 rota: which members are on duty on which days.

Each planned day is a :class:`~studio_desk.core.models.ReceptionDay` record (versioned and merged
like every record), so a day the clerk moved or a member swapped is kept as edited. :func:`plan`
fills months with a rule (e.g. the 15th of every month) without touching days already planned;
the members on duty take turns through the roster.

A day is written up as one 委员接待日 activity (``ReceptionDay.activity_id``); its receptions
are those linked to that activity (``Reception.activity_id``, see :mod:`reception_day`), and
接待日来访 receptions recorded on the date are linked to it when the day is written up.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Member, Reception, ReceptionDay
from studio_desk.core.reception_day import RECEPTION_DAY_MODE, RECEPTION_DAY_TYPE, linked_receptions, recount

if TYPE_CHECKING:
    from studio_desk.core.store import Store

WEEKDAYS = "一二三四五六日"
MAX_MONTHS = 36
RULE_SETTING = "reception_day_rule"


@dataclass(frozen=True)
class Rule:
    """The rule the days are planned by (and the 公示 promises): a day of every month, moved to
    the Monday after when it falls on a weekend if ``skip_weekend``."""

    day: int = 15
    skip_weekend: bool = False

    def text(self) -> str:
        return f"每月{self.day}日" + ("（逢周末顺延至下周一）" if self.skip_weekend else "")

    def date_in(self, year: int, month: int) -> date:
        last = calendar.monthrange(year, month)[1]
        d = date(year, month, min(self.day, last))
        if self.skip_weekend:
            while d.weekday() >= 5:
                d += timedelta(days=1)
        return d


def rule(store: Store) -> Rule | None:
    """The rule the clerk last planned days by (None: no day was ever planned by a rule)."""
    value = store.setting(RULE_SETTING)
    if not isinstance(value, dict):
        return None
    try:
        day = int(value.get("day", 0))
    except (TypeError, ValueError):
        return None
    return Rule(day, bool(value.get("skip_weekend"))) if 1 <= day <= 31 else None


def duty_roster(store: Store, on: date) -> list[Member]:
    """Members who can be on duty on ``on``: on the roster that day, in the roster's order."""
    out = []
    for m in store.list_records(Member):
        if m.joined_on and m.joined_on > on:
            continue
        if m.left_on and m.left_on < on:
            continue
        out.append(m)
    return out


def plan(
    store: Store,
    start: date,
    months: int,
    *,
    day: int = 15,
    per_day: int = 2,
    location: str = "",
    hours: str = "",
    member_ids: list[str] | None = None,
    skip_weekend: bool = False,
) -> list[ReceptionDay]:
    """Plan a day in each of ``months`` months from ``start``'s month (days already planned in a
    month are kept as they are). Members take turns: ``per_day`` of them each day, through
    ``member_ids`` (default: the roster). Returns the days added, all in one transaction."""
    if not 1 <= day <= 31:
        raise StudioDeskError("每月的接待日应在 1 到 31 日之间。")
    if not 1 <= months <= MAX_MONTHS:
        raise StudioDeskError(f"一次最多安排 {MAX_MONTHS} 个月。")
    if per_day < 0:
        raise StudioDeskError("每次值班的委员人数不能为负。")
    pool = list(member_ids) if member_ids is not None else [m.id for m in duty_roster(store, start)]
    by = Rule(day, skip_weekend)
    added: list[ReceptionDay] = []
    turn = 0
    with store.transaction():
        if rule(store) != by:
            store.set_setting(RULE_SETTING, {"day": by.day, "skip_weekend": by.skip_weekend})
        planned_months = {(d.date.year, d.date.month) for d in days(store) if d.date}
        for i in range(months):
            year, month = divmod(start.month - 1 + i, 12)
            year, month = start.year + year, month + 1
            if (year, month) in planned_months:
                continue
            when = by.date_in(year, month)
            if when < start:
                continue
            duty = []
            if pool:
                for _ in range(min(per_day, len(pool))):
                    duty.append(pool[turn % len(pool)])
                    turn += 1
            added.append(
                store.save(ReceptionDay(date=when, member_ids=duty, location=location, hours=hours))
            )
    return added


def days(store: Store, start: date | None = None, end: date | None = None) -> list[ReceptionDay]:
    """Planned days between ``start`` and ``end`` (both included), in date order."""
    out = [
        d
        for d in store.list_records(ReceptionDay)
        if d.date and (start is None or d.date >= start) and (end is None or d.date <= end)
    ]
    return sorted(out, key=lambda d: (d.date or date.min, d.created_at))


def upcoming(store: Store, today: date, count: int = 6) -> list[ReceptionDay]:
    return days(store, start=today)[:count]


def next_day(store: Store, today: date) -> ReceptionDay | None:
    coming = upcoming(store, today, 1)
    return coming[0] if coming else None


def day_on(store: Store, on: date) -> ReceptionDay | None:
    found = days(store, on, on)
    return found[0] if found else None


def duty_names(store: Store, day: ReceptionDay) -> list[str]:
    return store.member_names(day.member_ids)


def when_text(day: ReceptionDay) -> str:
    """``2026-12-15（周二）9:00—11:30``"""
    assert day.date is not None
    text = f"{day.date.isoformat()}（周{WEEKDAYS[day.date.weekday()]}）"
    return f"{text}{day.hours}" if day.hours else text


def next_day_line(store: Store, today: date) -> str:
    """One line for 总览: the next reception day and who is on duty."""
    day = next_day(store, today)
    if day is None:
        return "尚未安排委员接待日（可在“委员接待日安排”中按月安排）。"
    names = "、".join(duty_names(store, day)) or "待定"
    where = f"，地点：{day.location}" if day.location else ""
    return f"下次委员接待日：{when_text(day)}，值班委员：{names}{where}。"


def day_activity(store: Store, day: ReceptionDay) -> Activity | None:
    """The 委员接待日 activity that writes the day up: the one linked, else one of that type on the
    day's date (a day recorded before it was planned)."""
    if day.activity_id:
        linked = store.find(Activity, day.activity_id)
        if linked is not None and not linked.deleted:
            return linked
    if day.date is None:
        return None
    same_day = store.list_records(Activity, date_range=(day.date, day.date), filters={"type": RECEPTION_DAY_TYPE})
    return same_day[0] if same_day else None


def receptions_of(store: Store, day: ReceptionDay) -> list[Reception]:
    """The day's receptions: those linked to its 委员接待日 activity, and 接待日来访 receptions
    recorded on its date that no day claims yet."""
    assert day.date is not None
    activity = day_activity(store, day)
    linked = linked_receptions(store, activity.id) if activity is not None else []
    loose = store.list_records(
        Reception,
        date_range=(day.date, day.date),
        filters={"mode": RECEPTION_DAY_MODE, "activity_id": ""},
    )
    return linked + [r for r in loose if r.id not in {x.id for x in linked}]


def visits(store: Store, day: ReceptionDay) -> int:
    """The day's 群众人次: the people of its receptions, counted as the 接待日登记 counts a day (a
    reception of nobody counts one); with no reception recorded, the 群众人次 of its activity."""
    received = receptions_of(store, day)
    if received:
        return sum(max(r.people_count, 1) for r in received)
    activity = day_activity(store, day)
    return activity.public_count if activity is not None else 0


@dataclass(frozen=True)
class DayCount:
    """One planned day and its 群众人次 (None: the day is still to come)."""

    day: ReceptionDay
    visits: int | None


def year_counts(store: Store, year: int, today: date) -> list[DayCount]:
    """The year's planned days, each with the visitors counted on the days up to ``today``."""
    return [
        DayCount(day, visits(store, day) if day.date and day.date <= today else None)
        for day in days(store, date(year, 1, 1), date(year, 12, 31))
    ]


def draft_activity(day: ReceptionDay) -> Activity:
    """An unsaved 委员接待日 activity for the day (its date, place and members on duty)."""
    return Activity(
        date=day.date,
        type=RECEPTION_DAY_TYPE,
        topic="委员接待日",
        location=day.location,
        member_ids=list(day.member_ids),
    )


def link(store: Store, day: ReceptionDay, activity: Activity) -> ReceptionDay:
    """The day is written up by ``activity``: the day points to it, the 接待日来访 receptions of
    the date that no day claims yet are linked to it, and its 群众人次 is counted again."""
    with store.transaction():
        current = store.get(ReceptionDay, day.id)
        saved = store.save(replace(current, activity_id=activity.id))
        for reception in receptions_of(store, saved):
            if not reception.activity_id:
                store.save(replace(reception, activity_id=activity.id), check=False, reason="关联接待日")
        recount(store, [activity.id])
    return saved


def activity_for(store: Store, day: ReceptionDay) -> Activity:
    """The 委员接待日 activity that writes the day up: the one linked, else one of that type on
    that date, else a new one with the members on duty; the day's receptions are linked to it."""
    assert day.date is not None
    with store.transaction():
        found = day_activity(store, day)
        if found is not None and found.id == day.activity_id:
            return found
        activity = found if found is not None else store.save(draft_activity(day), check=False)
        link(store, day, activity)
        return store.get(Activity, activity.id)
