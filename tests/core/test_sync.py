"""Merging copies edited apart: rules, conflicts and swapping, children, search text."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.backup import list_backups
from studio_desk.core.models import (
    Activity,
    Author,
    Donation,
    DonationItem,
    FollowUp,
    Member,
    Proposal,
    Studio,
)
from studio_desk.core.store import Store
from studio_desk.core.sync import (
    CONFLICT_REASON,
    data_fingerprint,
    merge_file,
    merge_stores,
    swap_conflict,
)


@pytest.fixture
def pair(tmp_path: Path):
    """Two copies of one database, A and B, as two PCs would have them."""
    base = Store.open(tmp_path / "base.sqlite", replica_id="base")
    m = base.save(Member(name="王建国", role="召集人"))
    base.save(Activity(date=date(2026, 3, 1), type="集中学习", topic="学习会", member_ids=[m.id]))
    base.close()
    shutil.copyfile(tmp_path / "base.sqlite", tmp_path / "a.sqlite")
    shutil.copyfile(tmp_path / "base.sqlite", tmp_path / "b.sqlite")
    a = Store.open(tmp_path / "a.sqlite", replica_id="A")
    b = Store.open(tmp_path / "b.sqlite", replica_id="B")
    yield a, b
    a.close()
    b.close()


def edit(store: Store, record, **changes):
    return store.save(dataclasses.replace(store.get(type(record), record.id), **changes))


def only(store: Store, cls):
    (record,) = store.list_records(cls)
    return record


def test_added_changed_deleted_are_merged_and_counted(pair):
    a, b = pair
    activity = only(b, Activity)
    b.save(Donation(date=date(2026, 4, 2), category="捐赠", donor="爱心企业", recipients="留守儿童",
                    cash_fen=2_800_000, items=[DonationItem(name="书包", unit="个", value_fen=5000)]))
    edit(b, activity, topic="学习全会精神")
    member = only(b, Member)
    b.delete(Member, member.id)

    summary = merge_stores(a, b)

    assert summary.per_type["捐赠慰问"].added == 1
    assert summary.per_type["活动"].changed == 1
    assert summary.per_type["委员"].deleted == 1
    assert not summary.conflicts
    donation = only(a, Donation)
    assert donation.items[0].name == "书包" and donation.cash_fen == 2_800_000
    assert only(a, Activity).topic == "学习全会精神"
    assert a.list_records(Member) == []  # the tombstone travelled
    assert "新增 1 条" in summary.text()


def test_both_changed_is_a_conflict_the_later_wins_and_the_loser_can_be_swapped_in(pair):
    a, b = pair
    activity = only(a, Activity)
    edit(b, activity, topic="B 的题目")
    edit(a, activity, topic="A 的题目")  # later

    summary = merge_stores(b, a)

    assert only(b, Activity).topic == "A 的题目"
    (conflict,) = summary.conflicts
    assert conflict.record_id == activity.id and summary.per_type["活动"].conflicts == 1
    loser = [h for h in b.history(activity.id) if h.reason == CONFLICT_REASON]
    assert [h.data["topic"] for h in loser] == ["B 的题目"]
    assert "两边都改过" in conflict.describe()

    swap_conflict(b, conflict)
    assert only(b, Activity).topic == "B 的题目"
    swap_conflict(b, conflict)
    assert only(b, Activity).topic == "A 的题目"
    swap_conflict(b, conflict)

    # The swap is a new version: it reaches A without a new conflict.
    again = merge_stores(a, b)
    assert only(a, Activity).topic == "B 的题目"
    assert again.conflicts == []


def test_a_change_made_after_meeting_is_no_conflict(pair):
    a, b = pair
    activity = only(a, Activity)
    edit(a, activity, topic="第一次修改")
    merge_stores(b, a)
    edit(b, activity, topic="B 接着改")
    summary = merge_stores(a, b)
    assert summary.conflicts == []
    assert only(a, Activity).topic == "B 接着改"


def test_delete_against_edit_follows_the_later_change(pair):
    a, b = pair
    activity = only(a, Activity)
    a.delete(Activity, activity.id)
    edit(b, activity, topic="还在")  # later than the delete: the record stays
    merge_stores(a, b)
    assert only(a, Activity).topic == "还在"
    assert any(h.deleted for h in a.history(activity.id))  # the deletion is kept in history


def test_ties_are_broken_the_same_way_everywhere(pair):
    a, b = pair
    activity = only(a, Activity)
    stamp = "2026-05-01T00:00:00.000000Z"
    for store, topic, replica in ((a, "甲", "A"), (b, "乙", "B")):
        current = store.get(Activity, activity.id)
        store.archive_version(current, "test")
        store.write_version(dataclasses.replace(current, topic=topic, updated_at=stamp,
                                                replica_id=replica, version_id=f"v-{replica}"))
    fa_path, fb_path = Path(str(a.path) + ".ab"), Path(str(b.path) + ".ba")
    a.backup_to(fa_path)
    b.backup_to(fb_path)
    with Store.open(fa_path, replica_id="A") as ab, Store.open(fb_path, replica_id="B") as ba:
        merge_stores(ab, b)
        merge_stores(ba, a)
        assert only(ab, Activity).topic == only(ba, Activity).topic == "乙"  # replica "B" > "A"
        assert data_fingerprint(ab) == data_fingerprint(ba)


def test_after_a_merge_local_edits_stamp_later_than_anything_seen(pair):
    a, b = pair
    activity = only(a, Activity)
    b._last_stamp = "2099-01-01T00:00:00.000000Z"  # B's clock runs far ahead
    edit(b, activity, topic="B 未来时间")
    merge_stores(a, b)
    edit(a, activity, topic="A 看过之后改")
    summary = merge_stores(b, a)
    assert only(b, Activity).topic == "A 看过之后改"
    assert summary.conflicts == []


def test_an_edit_made_after_seeing_a_clock_ahead_version_wins(pair):
    a, b = pair
    activity = only(a, Activity)
    b._last_stamp = "2099-01-01T00:00:00.000000Z"  # B's clock is far ahead
    edit(b, activity, topic="B 未来时间")
    merge_stores(a, b)
    a._last_stamp = ""  # the app restarted on A: its clock is behind B's again
    edit(a, activity, topic="A 看过之后改")  # stamped after the version it replaces
    summary = merge_stores(b, a)
    assert only(b, Activity).topic == "A 看过之后改"  # the later edit wins, on every machine
    assert summary.conflicts == []  # A had seen B's version: nothing to ask


def test_concurrent_edits_with_a_clock_ahead_are_reported_as_a_conflict(pair):
    a, b = pair
    activity = only(a, Activity)
    b._last_stamp = "2099-01-01T00:00:00.000000Z"
    edit(b, activity, topic="B 未来时间")
    edit(a, activity, topic="A 同时改")  # A never saw B's edit
    summary = merge_stores(a, b)
    assert only(a, Activity).topic == "B 未来时间"  # the later stamp wins, on every machine
    (conflict,) = summary.conflicts  # but the clerk is told, and can swap
    swap_conflict(a, conflict)
    assert only(a, Activity).topic == "A 同时改"


def test_children_travel_and_search_text_follows_renamed_members(pair):
    a, b = pair
    member = only(a, Member)
    b.save(Proposal(category="提案", title="关于改善乡村道路的提案", authors=[Author(name="王建国", member_id=member.id)],
                    followups=[FollowUp(date=date(2026, 6, 1), note="已交办")]))
    edit(b, member, name="王建华")
    merge_stores(a, b)
    proposal = only(a, Proposal)
    assert proposal.authors[0].name == "王建国" and proposal.followups[0].note == "已交办"
    assert [x.topic for x in a.list_records(Activity, search="王建华")] == ["学习会"]
    assert a.list_records(Activity, search="王建国") == []
    assert [x.topic for x in a.list_records(Activity, search="wjh")] == ["学习会"]


def test_singletons_created_on_both_sides_merge_without_conflicts(tmp_path: Path):
    with Store.open(tmp_path / "x.sqlite", replica_id="X") as x, Store.open(tmp_path / "y.sqlite", replica_id="Y") as y:
        x.set_narrative(2026, "工作亮点", "X 写的亮点")
        summary = merge_stores(y, x)
        assert summary.conflicts == []  # identical default types and studio: nothing to ask
        assert y.narrative(2026, "工作亮点") == "X 写的亮点"
        assert y.studio().id == Studio.SINGLETON_ID


def test_merging_again_changes_nothing(pair):
    a, b = pair
    edit(b, only(b, Activity), topic="改")
    merge_stores(a, b)
    before = data_fingerprint(a)
    rows = a.conn.execute("SELECT count(*) FROM history").fetchone()[0]
    summary = merge_stores(a, b)
    assert not summary.changed_anything
    assert data_fingerprint(a) == before
    assert a.conn.execute("SELECT count(*) FROM history").fetchone()[0] == rows


def test_merge_file_leaves_the_source_alone_and_backs_up_first(pair, tmp_path: Path):
    a, b = pair
    edit(b, only(b, Activity), topic="从U盘来")
    stick = tmp_path / "stick.sqlite"
    b.backup_to(stick)
    digest = hashlib.sha256(stick.read_bytes()).hexdigest()
    summary = merge_file(a, stick, backup_dir=tmp_path / "backups")
    assert hashlib.sha256(stick.read_bytes()).hexdigest() == digest
    assert not list(tmp_path.glob("stick.sqlite-*"))  # no journal was ever made next to it
    assert summary.backup is not None and summary.backup.exists()
    assert [bk.kind for bk in list_backups(tmp_path / "backups")] == ["merge"]
    assert only(a, Activity).topic == "从U盘来"


def test_cancelling_a_merge_changes_nothing(pair):
    from studio_desk.core.progress import Cancelled

    a, b = pair
    edit(b, only(b, Activity), topic="改")
    b.save(Member(name="新委员"))
    before = data_fingerprint(a)
    calls = []

    def progress(done, total, text):
        calls.append(text)
        if len(calls) == 4:
            raise Cancelled()

    with pytest.raises(Cancelled):
        merge_stores(a, b, progress=progress)
    assert data_fingerprint(a) == before


def test_conflicts_can_be_listed_again_later_and_swapped(pair):
    from studio_desk.core.sync import recent_conflicts

    a, b = pair
    activity = only(a, Activity)
    edit(b, activity, topic="B 的题目")
    edit(a, activity, topic="A 的题目")
    merge_stores(b, a)
    (later,) = recent_conflicts(b)
    assert later.record_id == activity.id and later.title == "A 的题目"
    swap_conflict(b, later)
    assert only(b, Activity).topic == "B 的题目"
    (again,) = recent_conflicts(b)
    swap_conflict(b, again)
    assert only(b, Activity).topic == "A 的题目"
    assert recent_conflicts(a) == []
