"""Property tests: two copies diverge by random edits, additions, deletions (and meetings) on
both sides; merging must be order-independent, idempotent and lose no version."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio_desk.core import attachments, enums
from studio_desk.core.models import Activity, Attachment, Author, Donation, DonationItem, FollowUp, Member, Proposal
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint, merge_stores

# Attachments too: added (a few distinct pictures, so the same file is often stored twice),
# recaptioned, removed and restored on either side; their owners deleted and restored.
KINDS = (Member, Activity, Donation, Proposal, Attachment)

op = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(range(len(KINDS))), st.integers(0, 99)),
    st.tuples(st.just("edit"), st.sampled_from(range(len(KINDS))), st.integers(0, 99)),
    st.tuples(st.just("delete"), st.sampled_from(range(len(KINDS))), st.integers(0, 99)),
    st.tuples(st.just("undo"), st.sampled_from(range(len(KINDS))), st.integers(0, 99)),
    st.tuples(st.just("skew"), st.just(0), st.integers(0, 99)),  # this side's clock jumps ahead
    st.tuples(st.just("meet"), st.just(0), st.just(0)),  # the two copies merge both ways
)
script = st.lists(st.tuples(st.sampled_from("AB"), op), min_size=1, max_size=14)


@pytest.fixture(scope="module")
def base_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "base.sqlite"
    with Store.open(path, replica_id="base") as s:
        members = [s.save(Member(name=n)) for n in ("李明", "赵丽", "孙强")]
        for i in range(3):
            s.save(Activity(date=date(2026, 1 + i, 3), type="集中学习", topic=f"活动{i}",
                            member_ids=[members[i].id]))
        s.save(Donation(date=date(2026, 2, 2), category="慰问", donor="工作室", recipients="环卫工人",
                        items=[DonationItem(name="棉衣", unit="件", value_fen=12000)]))
    return path


# 党派 and 界别 values, a studio's own 界别 among them: it joins the 界别 list with its member, so
# the lists (type_entries, in data_fingerprint) diverge and merge too.
_PARTIES = ("", *enums.PARTIES)
_SECTORS = ("", "经济界", "妇联", "教育界", "个私协会", "新的社会阶层")


def _new(kind: type, store: Store, n: int):
    if kind is Member:
        return Member(name=f"委员{n}", party=_PARTIES[n % len(_PARTIES)], sector=_SECTORS[n % len(_SECTORS)])
    members = store.list_records(Member)
    ids = [members[n % len(members)].id] if members else []
    if kind is Activity:
        return Activity(date=date(2026, 1 + n % 12, 1 + n % 28), type="视察调研", topic=f"新活动{n}", member_ids=ids)
    if kind is Proposal:
        authors = [Author(name=members[n % len(members)].name, member_id=ids[0])] if ids else []
        return Proposal(category="提案", title=f"提案{n}", authors=authors,
                        followups=[FollowUp(date=date(2026, 6, 1 + n % 28), note=f"跟踪{n}")])
    return Donation(date=date(2026, 5, 1 + n % 28), category="捐赠", donor=f"捐赠方{n}", recipients="学生",
                    cash_fen=n * 100, member_ids=ids, items=[DonationItem(name=f"物品{n}", value_fen=n)])


def _picture(n: int) -> attachments.Prepared:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (24, 16), (40 * (n % 4), 90, 160)).save(out, "PNG")
    return attachments.prepare_bytes(f"照片{n}.png", out.getvalue())


def _attach(store: Store, n: int) -> None:
    owners = store.list_records(Activity) + store.list_records(Donation)
    if owners:
        attachments.add_prepared(store, owners[n % len(owners)], _picture(n), f"说明{n}")


def _blobs_complete(store: Store) -> bool:
    """Every attachment (removed ones too: they can be restored) has its file in this copy."""
    ids = store.query_ids(Attachment, include_deleted=True)
    return all(attachments.blob_bytes(store, a.blob_sha256) for a in store.get_many(Attachment, ids))


def _change(record, n: int):
    if isinstance(record, Attachment):
        return dataclasses.replace(record, caption=f"改{n}", in_summary=bool(n % 2))
    if isinstance(record, Member):
        return dataclasses.replace(record, name=f"{record.name[:4]}{n}", party=_PARTIES[(n + 1) % len(_PARTIES)],
                                   sector=_SECTORS[(n + 2) % len(_SECTORS)])
    if isinstance(record, Activity):
        return dataclasses.replace(record, topic=f"改{n}", public_count=n)
    if isinstance(record, Proposal):
        return dataclasses.replace(record, status="已提交", followups=record.followups + [FollowUp(date=date(2026, 7, 1), note=f"加{n}")])
    return dataclasses.replace(record, cash_fen=n, items=record.items + [DonationItem(name=f"加{n}")])


def _apply(store: Store, action: str, kind_no: int, n: int) -> None:
    kind = KINDS[kind_no]
    if action == "skew":
        store._last_stamp = f"2{n + 100:03d}-01-01T00:00:00.000000Z"[:27]
        return
    if action == "revert":  # the clerk's Ctrl+Z: the last action in this copy, whole
        if store.can_undo():
            store.undo()
        return
    if action == "add":
        with store.undo_step("新建"):
            if kind is Attachment:
                _attach(store, n)
            else:
                record = _new(kind, store, n)
                store.add_new_list_values(record)
                store.save(record, check=False)
        return
    ids = store.query_ids(kind, include_deleted=True)
    if not ids:
        return
    record = store.get(kind, ids[n % len(ids)])
    with store.undo_step(action):
        if action == "edit":
            changed = _change(dataclasses.replace(record, deleted=False), n)
            store.add_new_list_values(changed, record)
            store.save(changed, check=False)
        else:
            store.delete(kind, record.id)


def _versions(store: Store) -> set[tuple[str, str]]:
    known = set()
    for kind in KINDS:
        for r in store.get_many(kind, store.query_ids(kind, include_deleted=True)):
            known.add((r.id, r.version_id))
    known |= {tuple(r) for r in store.conn.execute("SELECT record_id, version_id FROM history")}
    return known


def _currents(store: Store) -> dict[str, tuple]:
    out = {}
    for kind in KINDS:
        for r in store.get_many(kind, store.query_ids(kind, include_deleted=True)):
            out[r.id] = (r.updated_at, r.replica_id, r.version_id, r.deleted)
    return out


def _history_rows(store: Store) -> int:
    return store.conn.execute("SELECT count(*) FROM history").fetchone()[0]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=script)
def test_merge_is_commutative_idempotent_and_lossless(base_file: Path, steps):
    folder = Path(tempfile.mkdtemp(prefix="sync-prop-"))
    try:
        for side in "AB":
            shutil.copyfile(base_file, folder / f"{side}.sqlite")
        stores = {side: Store.open(folder / f"{side}.sqlite", replica_id=side) for side in "AB"}
        try:
            for side, (action, kind_no, n) in steps:
                if action == "meet":
                    merge_stores(stores["A"], stores["B"])
                    merge_stores(stores["B"], stores["A"])
                else:
                    _apply(stores[side], action, kind_no, n)
            a, b = stores["A"], stores["B"]
            a.backup_to(folder / "AB.sqlite")
            b.backup_to(folder / "BA.sqlite")
            with Store.open(folder / "AB.sqlite", replica_id="A") as ab, \
                    Store.open(folder / "BA.sqlite", replica_id="B") as ba:
                merge_stores(ab, b)
                merge_stores(ba, a)
                # A⊕B == B⊕A (records with children, search text, and every version)
                assert data_fingerprint(ab) == data_fingerprint(ba)
                assert _history_rows(ab) == _history_rows(ba)

                # No version lost: every version either side knew is known after the merge.
                assert _versions(a) | _versions(b) <= _versions(ab)

                # The winner (and so whether the record is deleted) is the later change.
                ca, cb, merged = _currents(a), _currents(b), _currents(ab)
                for record_id, state in merged.items():
                    candidates = [c[record_id] for c in (ca, cb) if record_id in c]
                    assert state == max(candidates)

                # Every attachment either side had comes with its file, byte for byte.
                assert _blobs_complete(ab) and _blobs_complete(ba)

                # Merging again (either copy) changes nothing.
                before, rows = data_fingerprint(ab), _history_rows(ab)
                assert not merge_stores(ab, b).changed_anything
                merge_stores(ab, a)
                assert data_fingerprint(ab) == before and _history_rows(ab) == rows
        finally:
            for s in stores.values():
                s.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


three = st.lists(st.tuples(st.sampled_from("ABC"), op.filter(lambda o: o[0] != "meet")), min_size=1, max_size=12)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=three)
def test_three_copies_meet_in_any_order(base_file: Path, steps):
    """(A⊕B)⊕C == A⊕(C⊕B): the result does not depend on the order copies are merged in."""
    folder = Path(tempfile.mkdtemp(prefix="sync-three-"))
    try:
        for side in "ABC":
            shutil.copyfile(base_file, folder / f"{side}.sqlite")
        stores = {side: Store.open(folder / f"{side}.sqlite", replica_id=side) for side in "ABC"}
        try:
            for side, (action, kind_no, n) in steps:
                _apply(stores[side], action, kind_no, n)
            for s in stores.values():
                s.close()
            results = []
            for order in ("ABC", "ACB", "CBA"):
                target = folder / f"m-{order}.sqlite"
                shutil.copyfile(folder / f"{order[0]}.sqlite", target)
                with Store.open(target, replica_id=order[0]) as merged:
                    for side in order[1:]:
                        with Store.open(folder / f"{side}.sqlite", replica_id=side) as other:
                            merge_stores(merged, other)
                    results.append(data_fingerprint(merged))
            assert results[0] == results[1] == results[2]
        finally:
            for s in stores.values():
                s.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
