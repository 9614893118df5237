"""A record's id is its identity: one spelling, one kind, and its children are its own."""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.db import check_file
from studio_desk.core.ids import canonical_id, random_id
from studio_desk.core.models import Activity, Member, Reception
from studio_desk.core.store import RecordIdError, Store


def test_canonical_id_accepts_the_usual_spellings():
    u = uuid.uuid4()
    canonical = str(u)
    for spelling in (canonical, canonical.upper(), u.hex, "{" + canonical + "}", f"urn:uuid:{canonical}",
                     f" {u.hex.upper()} ", "URN:UUID:" + canonical):
        assert canonical_id(spelling) == canonical, spelling
    for bad in ("", "12345", "not-a-uuid", canonical + "0", None, 42):
        assert canonical_id(bad) is None


def test_random_ids_are_version_4_uuids_in_the_one_spelling():
    ids = {random_id() for _ in range(2000)}
    assert len(ids) == 2000
    for value in list(ids)[:500]:
        parsed = uuid.UUID(value)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == value == canonical_id(value)
    # every variant digit and every other digit comes up: the bits are random, not fixed
    assert {value[19] for value in ids} == set("89ab")
    assert {value[0] for value in ids} == set("0123456789abcdef")
    assert Activity().id != Activity().id and uuid.UUID(Activity().id).version == 4


def test_an_id_in_another_spelling_is_the_same_record(store: Store):
    member = store.save(Member(name="刘刚"))
    spelled = "{" + uuid.UUID(member.id).hex.upper() + "}"
    again = store.save(dataclasses.replace(store.get(Member, member.id), id=spelled, employer="县医院"))
    assert again.id == member.id
    assert store.count(Member) == 1
    assert store.get(Member, member.id).employer == "县医院"
    fresh = store.save(Member(name="新委员", id="urn:uuid:" + str(uuid.uuid4()).upper()))
    assert fresh.id == canonical_id(fresh.id) and store.find(Member, fresh.id) is not None


def test_an_id_that_is_no_id_is_refused(store: Store):
    with pytest.raises(RecordIdError, match="不是有效的记录编号"):
        store.save(Member(name="刘刚", id="第3行"))


def test_an_id_of_another_kind_is_refused_and_touches_nothing(store: Store):
    """A 记录编号 taken from another ledger once added a record under it and replaced the other
    record's member links, with no history."""
    a, b = store.save(Member(name="甲")), store.save(Member(name="乙"))
    activity = store.save(Activity(date=date(2026, 3, 1), type="集中学习", topic="学习", member_ids=[a.id, b.id]))
    history_rows = store.conn.execute("SELECT count(*) FROM history").fetchone()[0]
    with pytest.raises(RecordIdError, match="已属于另一条活动记录"):
        store.save(Reception(id=activity.id, date=date(2026, 3, 2), mode="来访", person_name="王芳",
                             request_content="修路", member_ids=[b.id]))
    assert store.get(Activity, activity.id).member_ids == [a.id, b.id]
    assert store.find(Reception, activity.id) is None
    assert store.conn.execute("SELECT count(*) FROM history").fetchone()[0] == history_rows


def test_a_deleted_record_comes_back_only_on_purpose(store: Store):
    member = store.save(Member(name="刘刚"))
    store.delete(Member, member.id)
    with pytest.raises(RecordIdError, match="已删除"):
        store.save(dataclasses.replace(member, employer="重新录入"))
    assert store.get(Member, member.id).deleted
    back = store.save(dataclasses.replace(member, employer="恢复"), restore=True)
    assert not back.deleted and back.employer == "恢复"


def _v2_file_with_a_shared_id(path: Path) -> tuple[str, str, str]:
    """A file as an older version wrote it, where an activity and a reception share one id."""
    from studio_desk.core import schema

    conn = sqlite3.connect(path, isolation_level=None)
    for _version, step in schema.MIGRATIONS[:2]:
        step(conn)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    shared, a, b = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    base = "'2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 'old'"
    for member_id, name in ((a, "甲"), (b, "乙")):
        conn.execute(f"INSERT INTO members (id, created_at, updated_at, replica_id, version_id, name)"
                     f" VALUES (?, {base}, ?, ?)", (member_id, "v-" + name, name))
    conn.execute(f"INSERT INTO activities (id, created_at, updated_at, replica_id, version_id, date, type, topic)"
                 f" VALUES (?, {base}, 'v-a', '2026-03-01', '集中学习', '学习')", (shared,))
    conn.execute(f"INSERT INTO receptions (id, created_at, updated_at, replica_id, version_id, date, mode,"
                 f" person_name, request_content, status) VALUES (?, {base}, 'v-r', '2026-03-02', '来访', '王芳',"
                 " '修路', '待办')", (shared,))
    conn.execute("INSERT INTO record_members (record_id, position, member_id) VALUES (?, 0, ?)", (shared, a))
    conn.close()
    return shared, a, b


def test_children_are_keyed_by_their_record_kind(tmp_path: Path):
    """After the upgrade each record of an old shared id keeps its own members, and saving one
    never touches the other's; ``check`` names the shared id."""
    path = tmp_path / "旧.sqlite"
    shared, a, b = _v2_file_with_a_shared_id(path)
    report = check_file(path)
    with Store.open(path, replica_id="r", backup_dir=tmp_path / "backups") as store:
        assert store.get(Activity, shared).member_ids == [a]
        assert store.get(Reception, shared).member_ids == [a]  # what it showed before
        reception = store.get(Reception, shared)
        store.save(dataclasses.replace(reception, member_ids=[b]), check=False)
        assert store.get(Activity, shared).member_ids == [a]
        assert store.get(Reception, shared).member_ids == [b]
    for found in (report, check_file(path)):
        assert any("记录编号" in p and shared in p for p in found.problems), found.problems


def test_a_file_of_schema_seven_keeps_every_child_row_and_outcome(tmp_path: Path):
    """A file written by the version before child rows were keyed by table (activity outcomes
    and 待补全 already in it) upgrades with every member, item, author and follow-up in place."""
    from studio_desk.core import schema
    from studio_desk.core.models import Donation, Proposal

    path = tmp_path / "七.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    for _version, step in schema.MIGRATIONS[:7]:
        step(conn)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 7")
    m, act, don, pro, rec = (str(uuid.uuid4()) for _ in range(5))
    base = "'2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 'old'"
    conn.execute(f"INSERT INTO members (id, created_at, updated_at, replica_id, version_id, name)"
                 f" VALUES (?, {base}, 'v-m', '甲')", (m,))
    conn.execute(f"INSERT INTO activities (id, created_at, updated_at, replica_id, version_id, date, type, topic,"
                 f" economic_fen, beneficiaries, incomplete) VALUES (?, {base}, 'v-a', '2026-03-01', '集中学习',"
                 " '学习', 1234500, 321, '')", (act,))
    conn.execute(f"INSERT INTO donations (id, created_at, updated_at, replica_id, version_id, date, category, donor)"
                 f" VALUES (?, {base}, 'v-d', '2026-03-03', '捐赠', '县商会')", (don,))
    conn.execute(f"INSERT INTO proposals (id, created_at, updated_at, replica_id, version_id, category, title,"
                 f" submitted_on, status) VALUES (?, {base}, 'v-p', '提案', '修路', '2026-03-04', '已提交')", (pro,))
    conn.execute(f"INSERT INTO receptions (id, created_at, updated_at, replica_id, version_id, date, mode,"
                 f" person_name, request_content, status) VALUES (?, {base}, 'v-r', '2026-03-02', '来访', '王芳',"
                 " '修路', '待办')", (rec,))
    for record_id in (act, rec, don, pro):
        conn.execute("INSERT INTO record_members (record_id, position, member_id) VALUES (?, 0, ?)", (record_id, m))
    conn.execute("INSERT INTO donation_items (record_id, position, name, quantity, unit, value_fen)"
                 " VALUES (?, 0, '大米', '10', '袋', 50000)", (don,))
    conn.execute("INSERT INTO proposal_authors (record_id, position, name, member_id) VALUES (?, 0, '甲', ?)",
                 (pro, m))
    for record_id, note in ((pro, "已交办"), (rec, "已回访")):
        conn.execute("INSERT INTO followups (record_id, position, date, note) VALUES (?, 0, '2026-04-01', ?)",
                     (record_id, note))
    conn.close()
    with Store.open(path, replica_id="r", backup_dir=tmp_path / "backups") as store:
        activity = store.get(Activity, act)
        assert (activity.member_ids, activity.economic_fen, activity.beneficiaries) == ([m], 1234500, 321)
        assert store.get(Reception, rec).member_ids == [m]
        assert [f.note for f in store.get(Reception, rec).followups] == ["已回访"]
        donation = store.get(Donation, don)
        assert donation.member_ids == [m] and [(i.name, i.value_fen) for i in donation.items] == [("大米", 50000)]
        proposal = store.get(Proposal, pro)
        assert [a.member_id for a in proposal.authors] == [m] and [f.note for f in proposal.followups] == ["已交办"]
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.CURRENT_VERSION
