"""委员接待日: the citizens received on one day, entered together and linked to the day's activity.

A reception received at a 委员接待日 carries the activity's id (``Reception.activity_id``); the
day's 群众人次 is the number of people of its linked receptions, counted here and written to the
activity whenever its receptions are saved, deleted or restored through this module, so that
every figure and ledger reads one stored number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studio_desk.core import codec
from studio_desk.core.models import Activity, Reception
from studio_desk.core.store import Store

RECEPTION_DAY_TYPE = "委员接待日"
RECEPTION_DAY_MODE = "接待日来访"


@dataclass(frozen=True)
class DaySaved:
    """What one save of a reception day wrote: the activity before and after, the receptions."""

    activity_before: Activity | None
    activity: Activity
    receptions: list[Reception]


def linked_receptions(store: Store, activity_id: str) -> list[Reception]:
    """The day's receptions that are not deleted, in date order."""
    ids = store.query_ids(Reception, filters={"activity_id": activity_id})
    return store.get_many(Reception, ids)


def linked_people(store: Store, activity_id: str) -> int:
    """The day's 群众人次: the people of its receptions (a reception of nobody counts one)."""
    return sum(max(r.people_count, 1) for r in linked_receptions(store, activity_id))


def recount(store: Store, activity_ids: Iterable[str]) -> list[Activity]:
    """Write each day's 群众人次 again from its linked receptions; returns the activities changed.

    A day with no linked receptions keeps the number typed into it."""
    changed = []
    with store.transaction():
        for activity_id in dict.fromkeys(a for a in activity_ids if a):
            activity = store.find(Activity, activity_id)
            if activity is None or activity.deleted:
                continue
            if not store.count(Reception, filters={"activity_id": activity_id}):
                continue
            people = linked_people(store, activity_id)
            if people != activity.public_count:
                changed.append(
                    store.save(codec.copy_record(activity, public_count=people), check=False, reason="接待日人次")
                )
    return changed


def save_reception_day(store: Store, activity: Activity, receptions: Sequence[Reception]) -> DaySaved:
    """Save the day (new or changed) and its new receptions in one transaction, all or nothing.

    Each reception gets the day's date when it has none, the 接待日来访 mode and the link; the
    day's 群众人次 becomes the people of all its linked receptions (earlier ones included)."""
    with store.transaction():
        before = store.find(Activity, activity.id)
        day = store.save(activity)
        saved = []
        for reception in receptions:
            linked = codec.copy_record(
                reception,
                activity_id=day.id,
                date=reception.date or day.date,
                mode=reception.mode or RECEPTION_DAY_MODE,
            )
            saved.append(store.save(linked))
        people = linked_people(store, day.id)
        if people != day.public_count:
            day = store.save(codec.copy_record(day, public_count=people), check=False, reason="接待日人次")
    return DaySaved(before, day, saved)
