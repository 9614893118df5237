"""A 委员接待日 and its citizens: saved together, linked, counted, and carried by the workbook and merges."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.errors import ValidationError
from studio_desk.core.models import Activity, Member, Reception
from studio_desk.core.reception_day import linked_receptions, recount, save_reception_day
from studio_desk.core.store import Store

DAY = date(2025, 6, 14)


def _day(store: Store) -> tuple[Activity, list[Member]]:
    members = [store.save(Member(name=n)) for n in ("刘刚", "王芳")]
    activity = Activity(date=DAY, type="委员接待日", topic="六月委员接待日", member_ids=[m.id for m in members])
    return activity, members


def _citizens(n: int, member_ids: list[str]) -> list[Reception]:
    return [
        Reception(person_name=f"群众{i}", request_content=f"诉求{i}", request_category="道路交通", member_ids=member_ids)
        for i in range(n)
    ]


def test_a_day_and_its_citizens_are_saved_together_and_counted(store: Store):
    activity, members = _day(store)
    saved = save_reception_day(store, activity, _citizens(3, [members[0].id]))
    day = store.get(Activity, activity.id)
    assert day.public_count == 3 == saved.activity.public_count
    linked = linked_receptions(store, day.id)
    assert [r.person_name for r in sorted(linked, key=lambda r: r.person_name)] == ["群众0", "群众1", "群众2"]
    assert {(r.date, r.mode, r.activity_id) for r in linked} == {(DAY, "接待日来访", day.id)}
    # more citizens later: the count follows; a family of four counts four
    family = _citizens(1, [])[0]
    family.people_count = 4
    save_reception_day(store, day, [family])
    assert store.get(Activity, day.id).public_count == 7
    # a deleted reception no longer counts once the day is recounted
    store.delete(Reception, linked[0].id)
    recount(store, [day.id])
    assert store.get(Activity, day.id).public_count == 6


def test_a_bad_citizen_writes_nothing(store: Store):
    activity, members = _day(store)
    citizens = _citizens(2, [members[0].id])
    citizens[1].request_content = ""
    before = store.count(Reception), store.count(Activity)
    with pytest.raises(ValidationError):
        save_reception_day(store, activity, citizens)
    assert (store.count(Reception), store.count(Activity)) == before


def test_the_link_is_checked(store: Store):
    with pytest.raises(ValidationError) as info:
        store.save(Reception(date=DAY, mode="接待日来访", person_name="甲", request_content="乙", activity_id="x"))
    assert "所属接待日编号" in str(info.value.errors[0].message)


def test_the_link_travels_through_the_workbook(store: Store, tmp_path: Path):
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers
    from studio_desk.exports.workbook import write_workbook

    activity, members = _day(store)
    save_reception_day(store, activity, _citizens(2, [members[1].id]))
    path = write_workbook(store, DAY.year, tmp_path / "台账.xlsx")
    with Store.open(tmp_path / "copy.sqlite") as copy:
        plan = read_ledgers(copy, path)
        assert plan.problems == []
        apply_plan(copy, plan)
        linked = linked_receptions(copy, activity.id)
        assert len(linked) == 2
        assert copy.get(Activity, activity.id).public_count == 2


def test_the_link_travels_through_a_merge(store: Store, db_path: Path, tmp_path: Path):
    from studio_desk.core.sync import merge_file

    activity, members = _day(store)
    store.close()
    stick = tmp_path / "stick.sqlite"
    shutil.copyfile(db_path, stick)
    with Store.open(stick, replica_id="replica-stick") as other:
        save_reception_day(other, activity, _citizens(2, [members[0].id]))
    with Store.open(db_path, replica_id="replica-test") as home:
        merge_file(home, stick, backup_dir=tmp_path / "backups")
        assert len(linked_receptions(home, activity.id)) == 2
        assert home.get(Activity, activity.id).public_count == 2
