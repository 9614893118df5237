"""Property: ``codec.same_content`` answers exactly what comparing ``content_of`` answers, for
records of every kind that differ in any field, by equal values that are different objects, by
numbers written two ways (1.0 and 1.00), by their ids and versions only, or not at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from studio_desk.core import codec
from studio_desk.core.models import (
    BOOL,
    CHILDREN,
    DATE,
    DECIMAL,
    INT,
    MEMBERS,
    MONEY,
    RECORD_TYPES,
    Activity,
    Author,
    Donation,
    DonationItem,
    FollowUp,
    Record,
    fields_of,
    spec,
)

MEMBER_IDS = ("a" * 32, "b" * 32, "c" * 32)


@dataclass
class _Measured(Record):
    """A kind with a quantity of its own (the stored kinds hold quantities in children only)."""

    TABLE = "measured"
    amount: Decimal | None = spec("数量", DECIMAL)
    counted_on: date | None = spec("日期", DATE)


KINDS = (*RECORD_TYPES, _Measured)


def _child_lists(child: type) -> st.SearchStrategy[list]:
    if child is DonationItem:
        item = st.builds(
            DonationItem,
            name=st.sampled_from(("大米", "棉被")),
            quantity=st.sampled_from((None, Decimal("1"), Decimal("1.0"), Decimal("1.00"), Decimal("2"))),
            unit=st.sampled_from(("", "袋")),
            value_fen=st.sampled_from((0, 100, 150)),
        )
    elif child is Author:
        item = st.builds(Author, name=st.sampled_from(("王芳", "李娜")), member_id=st.sampled_from((None, "a" * 32)))
    else:
        assert child is FollowUp, child
        item = st.builds(FollowUp, date=st.sampled_from((None, date(2025, 3, 1), date(2025, 3, 2))),
                         note=st.sampled_from(("已转交", "已办结")))
    return st.lists(item, max_size=2)


def _values(info) -> st.SearchStrategy:  # type: ignore[no-untyped-def]
    """A few values a field can hold, equal ones among them as different objects."""
    if info.kind == MEMBERS:
        return st.lists(st.sampled_from(MEMBER_IDS), unique=True, max_size=3)
    if info.kind == CHILDREN:
        return _child_lists(info.child)
    if info.kind == DATE:
        return st.sampled_from((None, date(2025, 5, 1), date(2025, 5, 2))).map(
            lambda d: None if d is None else date(d.year, d.month, d.day))
    if info.kind == BOOL:
        return st.sampled_from((None, True, False))
    if info.kind in (INT, MONEY):
        return st.sampled_from((None, 0, 1, 300, 10**12)).map(lambda n: None if n is None else int(str(n)))
    if info.kind == DECIMAL:
        return st.sampled_from((None, Decimal("1"), Decimal("1.0"), Decimal("1.00"), Decimal("2.5")))
    return st.sampled_from(("", "工作室", " 工作室", "a\nb")).map(lambda t: "".join(list(t)))


@st.composite
def pairs(draw):  # type: ignore[no-untyped-def]
    cls = draw(st.sampled_from(KINDS))
    fields = fields_of(cls)
    first = codec.new_record(cls, {f.name: draw(_values(f)) for f in fields})
    changed = draw(st.lists(st.sampled_from(fields), unique_by=lambda f: f.name, max_size=3))
    changes = {f.name: draw(_values(f)) for f in changed}
    if draw(st.booleans()):
        changes.update(version_id="v" * 32, updated_at="2026-01-01T00:00:00.000000Z", replica_id="other")
    if draw(st.integers(0, 5)) == 0:
        changes["deleted"] = not first.deleted
    return first, codec.copy_record(first, **changes)


def _respelled(cls: type, **values) -> tuple:  # type: ignore[no-untyped-def]
    """A record and its copy whose values are equal but written another way."""
    first = codec.new_record(cls, {name: a for name, (a, _) in values.items()})
    return first, codec.copy_record(first, **{name: b for name, (_, b) in values.items()})


@settings(max_examples=600, deadline=None)
@given(pair=pairs())
@example(pair=_respelled(_Measured, amount=(Decimal("1.0"), Decimal("1.00"))))
@example(pair=_respelled(_Measured, amount=(Decimal("2"), Decimal("2")), counted_on=(date(2025, 5, 1), date(2025, 5, 1))))
@example(pair=_respelled(Donation, items=([DonationItem(name="米", quantity=Decimal("1"))],
                                          [DonationItem(name="米", quantity=Decimal("1.0"))])))
@example(pair=_respelled(Activity, member_ids=(list(MEMBER_IDS[:2]), list(MEMBER_IDS[:2])),
                         is_highlight=(True, True)))
@example(pair=_respelled(Activity, is_highlight=(True, 2)))  # both stored as 1
def test_same_content_answers_as_content_of_does(pair):
    a, b = pair
    expected = codec.content_of(a) == codec.content_of(b)
    assert codec.same_content(a, b) is expected
    assert codec.same_content(b, a) is expected


def test_records_of_two_kinds_are_never_the_same():
    a, b = (codec.new_record(cls, {}) for cls in RECORD_TYPES[1:3])
    assert not codec.same_content(a, b)


def test_quantities_written_two_ways_differ_as_they_do_in_the_stored_row():
    one = codec.new_record(RECORD_TYPES[0], {})
    a = codec.new_record(Donation, {"items": [DonationItem(name="大米", quantity=Decimal("1.0"))]})
    b = codec.copy_record(a, items=[DonationItem(name="大米", quantity=Decimal("1.00"))])
    c = codec.copy_record(a, items=[DonationItem(name="大米", quantity=Decimal("1.0"))])
    assert not codec.same_content(a, b)
    assert codec.same_content(a, c)
    assert codec.same_content(one, codec.copy_record(one, version_id="x" * 32))
