"""The 委员接待日 rota: planning months, taking turns, keeping edited days, the next day for 总览,
the day's activity and receptions."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date

import pytest

from studio_desk.core import rota
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Member, Reception, ReceptionDay
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_stores


@pytest.fixture
def members(store):
    roles = (("王建国", "召集人"), ("李梅", "副主任"), ("张强", "成员"))  # the roster's order
    return [store.save(Member(name=n, role=r)) for n, r in roles]


def test_plan_the_15th_with_members_taking_turns(store, members):
    added = rota.plan(store, date(2026, 11, 1), 4, day=15, per_day=2, location="工作室", hours="9:00—11:30")
    assert [d.date for d in added] == [date(2026, 11, 15), date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15)]
    names = [rota.duty_names(store, d) for d in added]
    assert names == [["王建国", "李梅"], ["张强", "王建国"], ["李梅", "张强"], ["王建国", "李梅"]]
    assert rota.when_text(added[0]) == "2026-11-15（周日）9:00—11:30"


def test_edited_days_are_kept_when_planning_again(store, members):
    first = rota.plan(store, date(2026, 1, 1), 3)
    moved = store.save(dataclasses.replace(first[1], date=date(2026, 2, 13), member_ids=[members[2].id]))
    again = rota.plan(store, date(2026, 1, 1), 6)
    assert [d.date.month for d in again] == [4, 5, 6]
    assert store.get(ReceptionDay, moved.id).date == date(2026, 2, 13)
    assert [d.date for d in rota.days(store)][:3] == [date(2026, 1, 15), date(2026, 2, 13), date(2026, 3, 15)]


def test_short_months_weekends_and_bad_rules(store, members):
    added = rota.plan(store, date(2026, 2, 1), 2, day=31, skip_weekend=True)
    # 2026-02-28 is a Saturday → Monday 2026-03-02; 2026-03-31 is a Tuesday.
    assert [d.date for d in added] == [date(2026, 3, 2), date(2026, 3, 31)]
    with pytest.raises(StudioDeskError, match="1 到 31"):
        rota.plan(store, date(2026, 1, 1), 2, day=0)
    with pytest.raises(StudioDeskError, match="最多"):
        rota.plan(store, date(2026, 1, 1), 100)


def test_next_day_line_for_the_overview(store, members):
    assert "尚未安排" in rota.next_day_line(store, date(2026, 5, 1))
    rota.plan(store, date(2026, 5, 1), 2, location="城关社区")
    line = rota.next_day_line(store, date(2026, 5, 16))
    assert line == "下次委员接待日：2026-06-15（周一），值班委员：张强、王建国，地点：城关社区。"


def test_the_day_activity_counts_its_receptions_and_is_made_once(store, members):
    (day,) = rota.plan(store, date(2026, 5, 1), 1, location="工作室")
    for name, people in (("张三", 1), ("李四", 3)):
        store.save(
            Reception(date=day.date, mode="接待日来访", person_name=name, request_content="诉求", people_count=people)
        )
    store.save(Reception(date=day.date, mode="入户走访", person_name="王五", request_content="走访", people_count=9))
    assert len(rota.receptions_of(store, day)) == 2
    activity = rota.activity_for(store, day)
    assert (activity.type, activity.public_count, activity.location) == ("委员接待日", 4, "工作室")
    assert activity.member_ids == day.member_ids
    assert rota.activity_for(store, store.get(ReceptionDay, day.id)).id == activity.id
    assert store.get(ReceptionDay, day.id).activity_id == activity.id
    assert store.count(Activity) == 1
    # The day's 接待日来访 receptions now point to it; the home visit stays apart.
    assert sorted(r.activity_id == activity.id for r in store.list_records(Reception)) == [False, True, True]
    # A citizen entered later through 接待日登记 counts in the day's 群众人次 as well.
    from studio_desk.core.reception_day import save_reception_day

    saved = save_reception_day(store, activity, [Reception(person_name="赵六", request_content="咨询", people_count=2)])
    assert saved.activity.public_count == 6
    assert rota.visits(store, store.get(ReceptionDay, day.id)) == 6


def test_a_day_without_receptions_counts_its_activity_and_years_are_tallied(store, members):
    (held, coming) = rota.plan(store, date(2026, 5, 1), 2)
    # Written up with a typed 群众人次 (no citizen entered one by one): the rota counts that.
    typed = store.save(Activity(date=held.date, type="委员接待日", topic="委员接待日", public_count=27))
    assert rota.day_activity(store, held).id == typed.id  # found by its date before it is linked
    assert rota.visits(store, held) == 27
    counts = rota.year_counts(store, 2026, date(2026, 6, 1))
    assert [(c.day.date, c.visits) for c in counts] == [(date(2026, 5, 15), 27), (date(2026, 6, 15), None)]
    # A citizen entered that day: the day now counts its receptions, as 接待日登记 does.
    store.save(Reception(date=held.date, mode="接待日来访", person_name="钱七", request_content="咨询", people_count=2))
    assert rota.visits(store, held) == 2
    linked = rota.activity_for(store, held)
    assert linked.id == typed.id and linked.public_count == 2 == rota.visits(store, store.get(ReceptionDay, held.id))
    # A deleted activity no longer writes the day up.
    store.delete(Activity, typed.id)
    assert rota.day_activity(store, store.get(ReceptionDay, held.id)) is None


def test_the_rule_is_kept_for_the_notice_and_saved_once(store, members):
    assert rota.rule(store) is None
    rota.plan(store, date(2026, 2, 1), 2, day=15, skip_weekend=True)
    assert rota.rule(store) == rota.Rule(15, True)
    assert rota.rule(store).text() == "每月15日（逢周末顺延至下周一）"
    assert rota.Rule(15, True).date_in(2026, 3) == date(2026, 3, 16)  # the 15th is a Sunday
    versions = store.conn.execute("SELECT COUNT(*) FROM history").fetchone()[0]
    rota.plan(store, date(2026, 2, 1), 2, day=15, skip_weekend=True)  # nothing new: no new version
    assert store.conn.execute("SELECT COUNT(*) FROM history").fetchone()[0] == versions
    rota.plan(store, date(2026, 2, 1), 3, day=10)
    assert rota.rule(store) == rota.Rule(10, False)


def test_rota_travels_by_merge(tmp_path, members, store):
    rota.plan(store, date(2026, 1, 1), 2)
    store.close()
    shutil.copyfile(store.path, tmp_path / "other.sqlite")
    with Store.open(tmp_path / "other.sqlite", replica_id="B") as other, Store.open(
        tmp_path / "fresh.sqlite", replica_id="C"
    ) as fresh:
        merge_stores(fresh, other)
        assert [d.date for d in rota.days(fresh)] == [date(2026, 1, 15), date(2026, 2, 15)]
        assert rota.duty_names(fresh, rota.days(fresh)[0]) == ["王建国", "李梅"]


def test_demo_carries_photos_and_a_rota(demo_store):
    from studio_desk.core import attachments
    from studio_desk.core.models import Attachment

    photos = demo_store.list_records(Attachment)
    assert len(photos) >= 4 and all(p.media_type == "image/jpeg" and p.caption for p in photos)
    assert all(p.in_summary and p.owner_kind == "activity" for p in photos)
    assert attachments.blob_bytes(demo_store, photos[0].blob_sha256)[:3] == b"\xff\xd8\xff"
    coming = rota.upcoming(demo_store, date(2026, 11, 21))
    assert [d.date for d in coming][:2] == [date(2026, 12, 15), date(2027, 1, 15)]
    assert all(len(d.member_ids) == 2 for d in coming)
    # The days so far this year are those of the 委员接待日 activities, linked to them.
    past = rota.days(demo_store, date(2026, 1, 1), date(2026, 11, 20))
    assert past and all(demo_store.get(Activity, d.activity_id).date == d.date for d in past)
    # Every day follows the rule the notice promises, and the days held have their 群众人次.
    assert rota.rule(demo_store) == rota.Rule(15, True)
    assert all(d.date == rota.Rule(15, True).date_in(d.date.year, d.date.month) for d in past + coming)
    assert all(rota.visits(demo_store, d) > 0 for d in past)
