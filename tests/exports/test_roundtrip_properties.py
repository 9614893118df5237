"""Property: a random database → its workbook → imported into an empty database → merged with
the original changes nothing, and the two hold the same records; re-importing the workbook into
the original writes no history row.

Random records of every kind, with hostile texts (leading spaces, line breaks, formula starts,
Excel escape look-alikes, emoji and rare characters), namesakes, names with spaces or 、, and
children (items, authors, follow-ups).
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from studio_desk.core import codec, enums
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
from studio_desk.core.sync import merge_stores
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.workbook import write_workbook

YEAR = 2025
LEDGERS = (Member, Activity, Reception, Donation, Proposal)
PIECES = (
    "a", "Z", "7", "工作室", "群众", " ", "  ", "\n", "\r\n", "\t", "、", "，", "=", "+", "-", "@", "=SUM(A1)",
    "_x0041_", "_x000D_", "<b>", "&amp;", '"', "'", "😀", "𠀀", "（", "）", "×", "；", "2024-05-10 ", "¥", "1,2,3",
)
NAMES = ("王 芳", "王 芳", "李、娜", "张伟", "张伟", "欧阳 明", "Ann Lee", "赵六")


def texts(max_pieces: int = 6) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PIECES), max_size=max_pieces).map("".join)


def required() -> st.SearchStrategy[str]:
    return st.tuples(texts(4), st.sampled_from(("事", "会", "x"))).map("".join)


days = st.integers(0, 364).map(lambda n: date(YEAR, 1, 1) + timedelta(days=n))
maybe_day = st.one_of(st.none(), days)
followups = st.lists(st.builds(FollowUp, date=days, note=required()), max_size=3)


@st.composite
def database(draw):  # type: ignore[no-untyped-def]
    members = [Member(name=name, role=draw(st.sampled_from(enums.MEMBER_ROLES)), employer=draw(texts()),
                      phone=draw(texts(2)), notes=draw(texts()))
               for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5))]
    ids = [m.id for m in members]
    some_members = st.lists(st.sampled_from(ids), unique=True, max_size=3)
    activities = [
        Activity(date=draw(days), type=draw(st.sampled_from(enums.DEFAULT_ACTIVITY_TYPES)), topic=draw(required()),
                 location=draw(texts()), member_ids=draw(some_members), public_count=draw(st.integers(0, 5000)),
                 content=draw(texts(10)), is_highlight=draw(st.booleans()), highlight_note=draw(texts()),
                 notes=draw(texts()))
        for _ in range(draw(st.integers(0, 3)))
    ]
    receptions = []
    for _ in range(draw(st.integers(0, 3))):
        day = draw(days)
        status = draw(st.sampled_from(enums.RECEPTION_STATUSES))
        receptions.append(Reception(
            date=day, mode=draw(st.sampled_from(enums.RECEPTION_MODES)), person_name=draw(required()),
            person_phone=draw(texts(2)), person_id_number=draw(texts(2)), person_address=draw(texts()),
            people_count=draw(st.integers(0, 50)), request_content=draw(required()),
            request_category=draw(st.sampled_from(enums.DEFAULT_REQUEST_CATEGORIES)),
            member_ids=draw(some_members), handling=draw(st.sampled_from(enums.HANDLING_METHODS)),
            transferred_to=draw(required()), status=status, deadline=day + timedelta(days=draw(st.integers(0, 30))),
            closed_on=day if status not in enums.RECEPTION_OPEN_STATUSES else None, result=draw(texts()),
            practical_help=draw(st.booleans()), satisfaction=draw(st.sampled_from(("",) + enums.SATISFACTION)),
            followups=draw(followups)))
    donations = [
        Donation(date=draw(days), category=draw(st.sampled_from(enums.DONATION_CATEGORIES)), donor=draw(required()),
                 recipients=draw(required()), member_ids=draw(some_members), cash_fen=draw(st.integers(0, 10**9)),
                 items=draw(st.lists(st.builds(
                     DonationItem, name=required(), unit=texts(1),
                     quantity=st.one_of(st.none(), st.decimals(0, 10**6, places=2).map(Decimal)),
                     value_fen=st.integers(0, 10**8)), max_size=3)),
                 handler=draw(texts(2)), notes=draw(texts()))
        for _ in range(draw(st.integers(0, 3)))
    ]
    proposals = []
    for _ in range(draw(st.integers(0, 3))):
        chosen = draw(st.lists(st.sampled_from(members), unique_by=lambda m: m.name, max_size=2))
        authors = [Author(name=m.name, member_id=m.id) for m in chosen]
        authors += [Author(name=n) for n in draw(st.lists(st.sampled_from(("外 聘", "陈七")), unique=True, max_size=2))
                    if n not in {a.name for a in authors}]
        if not authors:
            authors = [Author(name="群众代表")]
        submitted = draw(days)
        proposals.append(Proposal(
            category=draw(st.sampled_from(enums.PROPOSAL_CATEGORIES)), title=draw(required()), authors=authors,
            submitted_on=submitted, status=draw(st.sampled_from(enums.PROPOSAL_STATUSES)), session=draw(texts(2)),
            handler_unit=draw(texts()), instruction=draw(texts()), deadline=draw(maybe_day), content=draw(texts(10)),
            answered_on=submitted if draw(st.booleans()) else None, notes=draw(texts()), followups=draw(followups)))
    return members, activities + receptions + donations + proposals


def _records(store: Store) -> dict[str, dict]:
    return {r.id: codec.content_of(r) for cls in LEDGERS for r in store.list_records(cls, include_deleted=True)}


def _differences(a: dict[str, dict], b: dict[str, dict]) -> list[tuple[str, str, object, object]]:
    """(record id, field, one side, other side) of every value that differs (a readable failure)."""
    out = []
    for record_id in sorted(set(a) | set(b)):
        x, y = a.get(record_id, {}), b.get(record_id, {})
        out += [(record_id, k, x.get(k), y.get(k)) for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)]
    return out


def _history_rows(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM history").fetchone()[0])


# No shrinking: it takes minutes on a database, and the list of differences already says what was lost.
@settings(phases=[Phase.reuse, Phase.generate], max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(database())
def test_export_import_merge_is_lossless(data_home, db):  # type: ignore[no-untyped-def]
    members, records = db
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with Store.open(work / "original.sqlite", replica_id="original") as original:
            original.save_studio(codec.copy_record(original.studio(), name="城关 镇委员工作室"))
            for record in [*members, *records]:
                original.save(record)
            path = write_workbook(original, YEAR, work / "year.xlsx")
            with Store.open(work / "copy.sqlite", replica_id="copy") as copy:
                plan = read_ledgers(copy, path)
                assert plan.problems == [], [p.text() for p in plan.problems]
                apply_plan(copy, plan)
                assert _differences(_records(copy), _records(original)) == []
                history = _history_rows(original)
                again = read_ledgers(original, path)
                assert again.problems == [] and not again.additions and not again.changes and not again.conflicts
                apply_plan(original, again)
                assert _history_rows(original) == history
                summary = merge_stores(original, copy)
            totals = summary.totals()
            assert (totals.added, totals.changed, totals.conflicts) == (0, 0, 0), summary.text()
            assert _records(original) == {r.id: codec.content_of(r) for r in [*members, *records]}
