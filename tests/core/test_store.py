from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from studio_desk.core.errors import RecordNotFound, ValidationError
from studio_desk.core.models import (
    Activity,
    Author,
    Donation,
    DonationItem,
    FollowUp,
    Member,
    Proposal,
    Reception,
)
from studio_desk.core.store import Store


def add_member(store: Store, name: str = "刘刚", **kw) -> Member:
    return store.save(Member(name=name, role=kw.pop("role", "成员"), **kw))


def test_new_record_gets_ids_timestamps_and_replica(store: Store):
    m = add_member(store)
    assert len(m.id) == 36 and m.version_id and m.created_at and m.updated_at == m.created_at
    assert m.replica_id == "replica-test"
    assert store.get(Member, m.id) == m


def test_update_keeps_previous_version_in_history(store: Store):
    m = add_member(store)
    a = store.save(Activity(date=date(2025, 3, 1), type="集中学习", topic="学习会", member_ids=[m.id]))
    b = store.save(Activity(**{**a.__dict__, "topic": "学习贯彻两会精神"}))
    assert b.version_id != a.version_id and b.updated_at > a.updated_at
    assert b.created_at == a.created_at
    history = store.history(a.id)
    assert len(history) == 1
    assert history[0].version_id == a.version_id
    assert history[0].data["topic"] == "学习会"
    assert history[0].data["member_ids"] == [m.id]


def test_saving_unchanged_record_makes_no_new_version(store: Store):
    m = add_member(store)
    again = store.save(Member(**m.__dict__))
    assert again.version_id == m.version_id
    assert store.history(m.id) == []


def test_delete_is_a_tombstone_and_undo_brings_it_back(store: Store):
    m = add_member(store)
    a = store.save(Activity(date=date(2025, 3, 1), type="集中学习", topic="学习会", member_ids=[m.id]))
    with store.undo_step("删除活动"):
        store.delete(Activity, a.id)
    assert store.count(Activity) == 0
    row = store.conn.execute("SELECT deleted FROM activities WHERE id=?", (a.id,)).fetchone()
    assert row == (1,)  # still physically there
    assert store.get(Activity, a.id).deleted
    store.undo()
    restored = store.get(Activity, a.id)
    assert not restored.deleted and restored.topic == "学习会"
    assert store.count(Activity) == 1
    assert [h.reason for h in store.history(a.id)] == ["删除", "撤销"]
    assert store.history(a.id)[1].deleted  # the tombstone itself is kept too


def test_undo_edit_restores_previous_content_and_keeps_both_versions(store: Store):
    m = add_member(store)
    with store.undo_step("修改委员"):
        edited = store.save(Member(**{**m.__dict__, "name": "刘刚强"}))
    store.undo()
    assert store.get(Member, m.id).name == "刘刚"
    versions = {h.data["name"] for h in store.history(m.id)}
    assert versions == {"刘刚", "刘刚强"}
    assert edited.version_id in {h.version_id for h in store.history(m.id)}


def test_undo_of_a_new_record_deletes_it(store: Store):
    with store.undo_step("新建委员"):
        add_member(store)
    store.undo()
    assert store.count(Member) == 0


def test_get_missing_record_raises_chinese_message(store: Store):
    with pytest.raises(RecordNotFound, match="找不到"):
        store.get(Member, "nope")


def test_children_round_trip(store: Store):
    m1, m2 = add_member(store, "王建国"), add_member(store, "李秀英")
    d = store.save(
        Donation(
            date=date(2025, 6, 1),
            category="捐赠",
            donor="爱心人士",
            member_ids=[m2.id, m1.id],
            recipients="留守儿童",
            recipient_count=20,
            cash_fen=500000,
            items=[
                DonationItem(name="书包", quantity=Decimal("20"), unit="个", value_fen=180000),
                DonationItem(name="牛奶", quantity=Decimal("2.5"), unit="箱", value_fen=12345),
            ],
        )
    )
    got = store.get(Donation, d.id)
    assert got.member_ids == [m2.id, m1.id]  # order kept
    assert got.items[1].quantity == Decimal("2.5")
    assert got.in_kind_fen == 192345 and got.total_fen == 692345
    p = store.save(
        Proposal(
            category="提案",
            title="关于停车难的建议",
            authors=[Author(name="李秀英", member_id=m2.id), Author(name="特邀代表")],
            submitted_on=date(2025, 1, 10),
            status="立案",
            followups=[FollowUp(date=date(2025, 1, 10), note="提交"), FollowUp(date=date(2025, 3, 1), note="立案")],
        )
    )
    got = store.get(Proposal, p.id)
    assert [a.name for a in got.authors] == ["李秀英", "特邀代表"]
    assert got.authors[1].member_id is None
    assert [f.note for f in got.followups] == ["提交", "立案"]


def test_money_is_stored_as_integer_fen(store: Store):
    d = store.save(
        Donation(date=date(2025, 6, 1), category="慰问", donor="工作室", recipients="环卫工人",
                 cash_fen=10, items=[DonationItem(name="米", value_fen=20)])
    )
    assert store.conn.execute("SELECT typeof(cash_fen) FROM donations WHERE id=?", (d.id,)).fetchone() == ("integer",)
    assert store.conn.execute("SELECT typeof(value_fen) FROM donation_items").fetchone() == ("integer",)
    # 0.1 + 0.2 in yuan is exactly 0.30
    assert store.get(Donation, d.id).total_fen == 30


def test_year_filter_and_search(store: Store):
    lg = add_member(store, "刘刚")
    wjg = add_member(store, "王建国")
    store.save(Activity(date=date(2024, 12, 31), type="集中学习", topic="年末学习", member_ids=[lg.id]))
    store.save(Activity(date=date(2025, 1, 1), type="视察调研", topic="文旅产业调研", member_ids=[wjg.id]))
    store.save(Activity(date=date(2025, 12, 31), type="宣传宣讲", topic="政策宣讲", member_ids=[lg.id]))
    assert store.count(Activity, year=2025) == 2
    assert store.count(Activity, year=2024) == 1
    assert [a.topic for a in store.list_records(Activity, search="lg")] == ["政策宣讲", "年末学习"]
    assert [a.topic for a in store.list_records(Activity, search="文")] == ["文旅产业调研"]  # one character
    assert [a.topic for a in store.list_records(Activity, search="宣讲")] == ["政策宣讲"]  # two characters
    assert [a.topic for a in store.list_records(Activity, search="王建国")] == ["文旅产业调研"]
    assert store.list_records(Activity, search="100%") == []  # LIKE wildcards are escaped
    assert store.count(Activity, filters={"type": ["集中学习", "宣传宣讲"]}) == 2


def test_search_finds_list_values_child_names_and_the_start_of_long_texts(store: Store):
    from studio_desk.core.models import Author, Proposal

    lg = add_member(store, "刘刚")
    store.save(Reception(date=date(2025, 3, 1), mode="电话/线上", person_name="李四", request_content="修路" + "长" * 3000 + "尾巴",
                         status="待办", member_ids=[lg.id], followups=[FollowUp(date(2025, 3, 2), "已转交交通局")]))
    store.save(Proposal(category="提案", title="关于乡村道路", authors=[Author(name="赵明"), Author(name="刘刚", member_id=lg.id)]))
    assert store.count(Reception, search="电话/线上") == 1  # a list value
    assert store.count(Reception, search="ls") == 1 and store.count(Reception, search="lg") == 1  # 对象, 委员 initials
    assert store.count(Reception, search="修路长") == 1 and store.count(Reception, search="尾巴") == 0  # 2,000 characters kept
    assert store.count(Proposal, search="zm") == 1 and store.count(Proposal, search="赵明") == 1  # an outside author
    assert store.count(Reception, search="转交交通局") == 1  # a follow-up's note


def test_a_database_searched_by_an_earlier_rule_is_searched_again_when_opened(tmp_path, monkeypatch):
    """Follow-up notes came into the search text with ``search_text_version`` 2: a file whose
    texts were made before has them made again once, and says so."""
    from studio_desk.core.models import Author, Proposal
    from studio_desk.core.store_search import SEARCH_TEXT_VERSION

    path = tmp_path / "old.sqlite"
    with Store.open(path) as store:
        assert store.file_mark("search_text_version") == SEARCH_TEXT_VERSION  # a new file: the rule it has
        lg = add_member(store, "刘刚")
        reception = store.save(Reception(date=date(2025, 3, 1), mode="入户走访", person_name="李四", request_content="路灯坏了",
                                         member_ids=[lg.id], followups=[FollowUp(date(2025, 3, 2), "已转交城管局")]))
        proposal = store.save(Proposal(category="提案", title="关于路灯", authors=[Author(name="刘刚", member_id=lg.id)],
                                       followups=[FollowUp(date(2025, 4, 1), "住建局已答复")]))
        # The file as an earlier version left it: texts without the notes, and no rule noted.
        with store.transaction():
            store.conn.execute("UPDATE receptions SET search_text = 'lg 李四 路灯坏了'")
            store.conn.execute("UPDATE proposals SET search_text = '关于路灯'")
            store.conn.execute("DELETE FROM meta WHERE key = 'search_text_version'")
        assert store.count(Reception, search="城管局") == 0
    with Store.open(path) as store:
        assert store.query_ids(Reception, search="城管局") == [reception.id]
        assert store.query_ids(Proposal, search="住建局") == [proposal.id]
        assert store.count(Reception, search="lg") == 1  # the rest made again as well
        assert store.file_mark("search_text_version") == SEARCH_TEXT_VERSION
    calls: list[Store] = []
    monkeypatch.setattr(Store, "refresh_search_text", calls.append)
    with Store.open(path) as store:
        assert store.count(Reception, search="城管局") == 1
    assert calls == []  # made once: not again at every opening


def test_renaming_a_member_updates_search_of_linked_records(store: Store):
    m = add_member(store, "张伟")
    store.save(Reception(date=date(2025, 3, 1), mode="入户走访", person_name="某群众", request_content="路灯坏了", member_ids=[m.id]))
    store.save(Member(**{**m.__dict__, "name": "赵明"}))
    assert store.count(Reception, search="zm") == 1
    assert store.count(Reception, search="张伟") == 0


def test_validation_blocks_bad_record_and_writes_nothing(store: Store):
    with pytest.raises(ValidationError) as err:
        store.save(Activity(date=None, type="不存在的类型", topic=""))
    labels = {e.label for e in err.value.errors}
    assert {"日期", "活动主题", "活动类型"} <= labels
    assert store.count(Activity, include_deleted=True) == 0


def test_unknown_member_reference_is_refused(store: Store):
    with pytest.raises(ValidationError, match="不在名册"):
        store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic="x", member_ids=["ghost"]))


def test_deleted_member_cannot_be_newly_linked_but_old_links_survive(store: Store):
    m = add_member(store)
    a = store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic="x", member_ids=[m.id]))
    store.delete(Member, m.id)
    store.save(Activity(**{**a.__dict__, "topic": "y"}))  # keeps the old link: fine
    with pytest.raises(ValidationError, match="已删除"):
        store.save(Activity(date=date(2025, 1, 2), type="集中学习", topic="z", member_ids=[m.id]))


def test_type_lists_are_editable(store: Store):
    assert "集中学习" in store.type_values("activity_type")
    store.add_type("activity_type", "读书会")
    store.save(Activity(date=date(2025, 1, 1), type="读书会", topic="读书"))
    store.remove_type("activity_type", "读书会")
    assert "读书会" not in store.type_values("activity_type")
    store.add_type("activity_type", "读书会")  # brought back
    assert store.type_values("activity_type")[-1] == "读书会"


def test_narratives_and_settings(store: Store):
    assert store.narrative(2025, "存在问题") == ""
    store.set_narrative(2025, "存在问题", "委员履职能力有待提升。")
    assert store.narrative(2025, "存在问题") == "委员履职能力有待提升。"
    assert store.narrative(2024, "存在问题") == ""
    store.set_point_weights({"activity": 4})
    assert store.point_weights()["activity"] == 4
    with pytest.raises(Exception, match="0 到 1000"):
        store.set_point_weights({"activity": -1})


def test_durable_settings_and_self_contained_file_when_idle(store: Store, tmp_path: Path):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    m = add_member(store, "周勇")
    # Copy the file as Explorer would while the app sits idle with the database open.
    assert not Path(str(store.path) + "-wal").exists()
    assert not Path(str(store.path) + "-journal").exists()
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(store.path, copy)
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT name FROM members WHERE id=?", (m.id,)).fetchone() == ("周勇",)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_failed_transaction_leaves_nothing(store: Store):
    m = add_member(store)
    with pytest.raises(ValidationError):
        store.save_many([
            Activity(date=date(2025, 1, 1), type="集中学习", topic="ok", member_ids=[m.id]),
            Activity(date=date(2025, 1, 2), type="集中学习", topic=""),
        ])
    assert store.count(Activity) == 0


def test_reopen_keeps_everything(db_path: Path):
    with Store.open(db_path, replica_id="r1") as s:
        m = s.save(Member(name="吴静", role="社情民意信息联络员"))
    with Store.open(db_path, replica_id="r2") as s:
        assert s.get(Member, m.id).name == "吴静"
        assert s.studio().name  # default studio made on first start


def test_versions_go_forward_even_when_the_clock_was_set_back(store: Store):
    m = add_member(store, "郑强")
    # The PC's clock was wrong (years ahead) when this version was written...
    future = "2099-01-01T00:00:00.000000Z"
    store.conn.execute("UPDATE members SET updated_at = ? WHERE id = ?", (future, m.id))
    # ...and this store (opened after the clock was corrected) edits it again.
    edited = store.save(Member(**{**store.get(Member, m.id).__dict__, "name": "郑强强"}))
    assert edited.updated_at > future


def test_a_batch_of_saves_gets_one_timestamp_each_always_later(store: Store):
    """Thousands of versions within one millisecond: each later than the one before, in the one
    format merges compare (the clock's own text, or one microsecond after the last)."""
    from datetime import datetime, timezone

    from studio_desk.core.text import STAMP_FORMAT, stamp_after, utc_now

    assert abs(datetime.strptime(utc_now(), STAMP_FORMAT).replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)).total_seconds() < 5
    assert stamp_after("2025-12-31T23:59:59.999999Z") == "2026-01-01T00:00:00.000000Z"
    assert stamp_after("2025-03-01T08:00:00.000099Z") == "2025-03-01T08:00:00.000100Z"
    batch = [Activity(date=date(2025, 3, 1), type="集中学习", topic=f"学习 {n}") for n in range(3000)]
    store.save_batch(batch)
    stamps = [a.updated_at for a in store.get_many(Activity, [a.id for a in batch])]
    assert stamps == sorted(set(stamps))  # in the order saved, none twice
    assert all(datetime.strptime(s, STAMP_FORMAT) for s in stamps[::300])


def test_a_batch_writes_every_row_member_link_and_child_in_order(store: Store):
    """A batch writes many rows a statement: counts that fill no whole statement, and rows of
    every width (a record's own row, its member links, its children), all come back as saved."""
    from studio_desk.core import codec
    from studio_desk.core.models import DonationItem, FollowUp

    members = [add_member(store, name) for name in ("刘刚", "吴静", "郑强", "王芳")]
    activities = [
        Activity(date=date(2025, 3, 1 + n % 28), type="集中学习", topic=f"学习 {n}",
                 member_ids=[m.id for m in members[: n % 5]][::-1])
        for n in range(263)
    ]
    receptions = [
        Reception(date=date(2025, 4, 1), mode="入户走访", person_name=f"群众{n}", request_content="反映道路问题",
                  followups=[FollowUp(date=date(2025, 4, 2 + k), note=f"第{k}次跟进") for k in range(n % 4)])
        for n in range(101)
    ]
    donations = [
        Donation(date=date(2025, 5, 1), category="捐赠", donor=f"单位{n}", recipients="留守儿童",
                 items=[DonationItem(name=f"物资{k}", quantity=Decimal(k + 1), unit="箱", value_fen=100 * k)
                        for k in range(n % 3)])
        for n in range(77)
    ]
    assert store.save_batch([*activities, *receptions, *donations]) == 263 + 101 + 77
    for cls, saved in ((Activity, activities), (Reception, receptions), (Donation, donations)):
        stored = {r.id: r for r in store.get_many(cls, [r.id for r in saved])}
        assert [codec.content_of(stored[r.id]) for r in saved] == [codec.content_of(r) for r in saved]
    links = store.conn.execute("SELECT count(*) FROM record_members WHERE table_name = 'activities'").fetchone()[0]
    assert links == sum(len(a.member_ids) for a in activities)
    assert store.conn.execute("SELECT count(*) FROM followups").fetchone()[0] == sum(n % 4 for n in range(101))


def test_a_copied_record_is_a_new_record_with_the_changes_and_the_original_untouched():
    from studio_desk.core import codec

    original = Activity(date=date(2025, 3, 1), type="集中学习", topic="学习", member_ids=["a"])
    copied = codec.copy_record(original, topic="改过的主题")
    assert copied is not original and type(copied) is Activity
    assert (copied.topic, original.topic) == ("改过的主题", "学习")
    assert copied == Activity(**{**original.__dict__, "topic": "改过的主题"})
    copied.location = "会议室"  # setting a field on the copy leaves the original alone
    assert original.location == ""
    with pytest.raises(TypeError, match="no_such_field"):
        codec.copy_record(original, no_such_field=1)


def test_which_ids_a_table_holds_whether_it_is_read_whole_or_asked(store: Store):
    """An import asks for thousands of ids: a small table is read whole, a large one asked 500
    at a time; both give the same answer, deleted records included."""
    import uuid

    kept = [Activity(date=date(2025, 3, 1), type="集中学习", topic=f"学习 {n}") for n in range(1200)]
    store.save_batch(kept)
    store.delete(Activity, kept[0].id)
    strangers = [str(uuid.uuid4()) for _ in range(700)]
    few = [kept[0].id, kept[5].id, *strangers[:3]]  # fewer ids than rows: asked
    many = [a.id for a in kept[:900]] + strangers  # more ids than rows: read whole
    assert store.existing_ids(Activity, few) == {kept[0].id, kept[5].id}
    assert store.existing_ids(Activity, many) == {a.id for a in kept[:900]}
    assert store.existing_ids(Reception, many) == set()
    assert store.existing_ids(Activity, []) == set()


def test_earlier_versions_are_read_together_as_one_by_one(store: Store):
    first = store.save(Activity(date=date(2025, 3, 1), type="集中学习", topic="学习"))
    second = store.save(codec_copy(first, topic="学习全会精神"))
    store.save(codec_copy(second, topic="学习全会精神（二）"))
    other = store.save(Activity(date=date(2025, 4, 1), type="视察调研", topic="调研"))
    wanted = [(first.id, first.version_id), (first.id, second.version_id), (other.id, "no-such-version"),
              (other.id, first.version_id)]  # a version of another record is not this one's
    found = store.history_versions(Activity, wanted)
    assert set(found) == {(first.id, first.version_id), (first.id, second.version_id)}
    assert found[(first.id, first.version_id)].topic == "学习"
    assert found[(first.id, second.version_id)].topic == "学习全会精神"
    for record_id, version in wanted:
        one = store.history_version(Activity, record_id, version)
        assert (one.topic if one else None) == (found[(record_id, version)].topic if (record_id, version) in found else None)


def test_a_new_record_is_built_as_its_init_builds_it():
    """``codec.new_record(cls, values)`` is ``cls(**values)``: defaults for what is left out,
    each list and id made afresh, an unknown field refused alike."""
    from studio_desk.core import codec
    from studio_desk.core.store_write import RECORD_TYPES

    made = codec.new_record(Activity, {"topic": "学习", "date": date(2025, 3, 1)})
    assert type(made) is Activity and made == Activity(id=made.id, topic="学习", date=date(2025, 3, 1))
    other = codec.new_record(Activity, {})
    assert other.id != made.id and other.member_ids is not made.member_ids
    other.member_ids.append("x")
    assert made.member_ids == [] and Activity().member_ids == []
    given = codec.new_record(Activity, {"id": "given-id", "created_at": "2025-01-01T00:00:00.000000Z"})
    assert (given.id, given.created_at) == ("given-id", "2025-01-01T00:00:00.000000Z")
    with pytest.raises(TypeError, match="no_such_field"):
        codec.new_record(Activity, {"no_such_field": 1})
    for cls in RECORD_TYPES:  # every kind, every default
        fresh = codec.new_record(cls, {})
        assert fresh == cls(id=fresh.id) and fresh.__dict__.keys() == cls().__dict__.keys()


def codec_copy(record, **changes):  # type: ignore[no-untyped-def]
    from studio_desk.core import codec

    return codec.copy_record(record, **changes)


def test_records_read_back_are_built_as_their_init_builds_them(store: Store):
    """Records read are filled without calling ``__init__``: whole ones equal what was saved, a
    partial one has every other field's default (each list its own), names that are no field
    are ignored."""
    from studio_desk.core import codec
    from studio_desk.core.models import Activity, FollowUp, Member, Reception

    member = store.save(Member(name="刘刚", role="召集人"))
    saved = store.save(Reception(date=date(2025, 3, 1), mode="入户走访", person_name="张三", request_content="修路",
                                 member_ids=[member.id], followups=[FollowUp(date(2025, 3, 2), "已转交")]))
    assert store.get(Reception, saved.id) == saved
    assert codec.from_dict(Reception, codec.to_dict(saved)) == saved
    partial = store.get_many(Reception, [saved.id], only=("date", "mode"))[0]
    assert (partial.id, partial.date, partial.mode) == (saved.id, date(2025, 3, 1), "入户走访")
    assert partial.person_name == "" and partial.member_ids == [] and partial.followups == []
    other = store.get_many(Reception, [saved.id], only=("date",))[0]
    assert other.member_ids is not partial.member_ids and other.followups is not partial.followups
    assert codec.decode_child(FollowUp, {"date": "2025-03-02", "note": "已转交"}) == FollowUp(date(2025, 3, 2), "已转交")
    built = codec.from_dict(Activity, {"topic": "学习", "no_such_field": 1})
    assert built.topic == "学习" and built.id and not hasattr(built, "no_such_field")
    assert built == Activity(id=built.id, topic="学习")
