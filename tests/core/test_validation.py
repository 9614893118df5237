"""Validation of every record type; hostile text is stored exactly or refused clearly."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio_desk.core.errors import StudioDeskError, ValidationError
from studio_desk.core.models import (
    Activity,
    Author,
    Donation,
    DonationItem,
    Member,
    Narrative,
    Proposal,
    Reception,
    Studio,
    fields_of,
)
from studio_desk.core.store import Store
from studio_desk.core.validate import validation_errors


def messages(record, store=None) -> dict[str, str]:
    return {e.field: e.message for e in validation_errors(record, store)}


def test_member_rules():
    errs = messages(Member(name="", role="书记", gender="未知", joined_on=date(2025, 1, 1), left_on=date(2024, 1, 1)))
    assert errs["name"] == "请填写“姓名”。"
    assert "工作室职务" in errs["role"] and "召集人" in errs["role"]
    assert "性别" in errs["gender"]
    assert errs["left_on"] == "“退出日期”不能早于“加入日期”。"


def test_activity_rules(store: Store):
    errs = messages(Activity(date=date(2025, 5, 2), end_date=date(2025, 5, 1), type="集中学习", topic="t",
                             public_count=-3), store)
    assert errs["end_date"] == "“结束日期”不能早于“日期”。"
    assert errs["public_count"] == "“群众人次”不能为负数。"
    assert "活动类型" in messages(Activity(date=date(2025, 1, 1), type="喝茶", topic="t"), store)["type"]
    assert "超出合理范围" in messages(Activity(date=date(1900, 1, 1), type="集中学习", topic="t"), store)["date"]
    assert "数值过大" in messages(Activity(date=date(2025, 1, 1), type="集中学习", topic="t", public_count=10**9), store)["public_count"]


def test_reception_rules():
    errs = messages(Reception(date=date(2025, 1, 1), mode="上门", person_name="", request_content="",
                              status="办理中", closed_on=date(2025, 1, 2), handling="转交部门"))
    assert "方式" in errs["mode"]
    assert errs["person_name"] == "请填写“对象(姓名/单位)”。"
    assert errs["request_content"] == "请填写“诉求内容”。"
    assert "已办结" in errs["status"]
    assert "转办单位" in errs["transferred_to"]
    assert messages(Reception(date=date(2025, 1, 1), mode="入户走访", person_name="张三",
                              request_content="路灯", satisfaction="非常满意"))["satisfaction"].startswith("“满意度”不能是")


def test_donation_rules():
    errs = messages(Donation(date=date(2025, 1, 1), category="捐款", donor="", recipients="x", cash_fen=-1,
                             items=[DonationItem(name="", value_fen=-5, quantity=Decimal("-1"))]))
    assert "类别" in errs["category"]
    assert errs["donor"] == "请填写“捐赠方”。"
    assert errs["cash_fen"] == "“现金(元)”不能为负数。"
    all_msgs = [e.message for e in validation_errors(Donation(date=date(2025, 1, 1), category="捐赠", donor="a",
                recipients="b", items=[DonationItem(name="", value_fen=-5, quantity=Decimal("-1"))]))]
    assert "请填写“物资明细第1行的物资名称”。" in all_msgs
    assert "“物资明细第1行的价值(元)”不能为负数。" in all_msgs
    assert "“物资明细第1行的数量”不能为负数。" in all_msgs
    assert "数值过大" in messages(Donation(date=date(2025, 1, 1), category="捐赠", donor="a", recipients="b",
                                          cash_fen=10**13))["cash_fen"]


def test_proposal_rules():
    errs = messages(Proposal(category="提案", title="t", status="立案", result_class="E", adoption_level="乡"))
    assert errs["submitted_on"] == "已提交的提案建议请填写“提交日期”。"
    assert errs["authors"] == "请填写“提出人”（至少一人）。"
    assert "办理结果" in errs["result_class"] and "采用层级" in errs["adoption_level"]
    draft = Proposal(category="微建议", title="t", status="草拟", authors=[Author(name="刘刚")])
    assert messages(draft) == {}
    dup = Proposal(category="提案", title="t", status="草拟", authors=[Author(name="刘刚"), Author(name="刘刚")])
    assert "重复" in messages(dup)["authors"]


def test_narrative_and_studio_rules():
    assert "年度" in messages(Narrative(year_no=1800, section="存在问题"))["year_no"]
    assert "栏目" in messages(Narrative(year_no=2025, section="随便写"))["section"]
    assert messages(Studio(name=""))["name"] == "请填写“工作室名称”。"


@pytest.mark.parametrize(
    "text",
    [
        "=HYPERLINK(\"http://x\")",
        "+86 138 0000 0000",
        "-5 元",
        "@所有人",
        "𠀀𠀁 生僻字",
        "群众😀表情👍🏽",
        "x" * 10_000,
        "第一行\n第二行\t制表",
        "'单引号\" 双引号; DROP TABLE members; --",
    ],
)
def test_hostile_but_storable_text_is_kept_exactly(store: Store, text: str):
    field = "content"
    a = store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic=text[:200], **{field: text}))
    got = store.get(Activity, a.id)
    assert got.content == text and got.topic == text[:200]


@pytest.mark.parametrize("bad", ["a\x00b", "响铃\x07", "esc\x1b[31m", "\x7f", "半个\ud800字"])
def test_unstorable_text_is_refused_with_message(store: Store, bad: str):
    with pytest.raises(ValidationError) as err:
        store.save(Member(name=bad, role="成员"))
    assert "姓名" in str(err.value)
    assert store.count(Member, include_deleted=True) == 0


def test_too_long_text_names_the_limit(store: Store):
    with pytest.raises(ValidationError, match="最多 200 个字"):
        store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic="长" * 201))
    with pytest.raises(ValidationError, match="最多 20,000 个字"):
        store.save(Activity(date=date(2025, 1, 1), type="集中学习", topic="t", content="长" * 20_001))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=0, max_size=300))
def test_any_text_is_stored_exactly_or_refused_clearly(store: Store, text: str):
    record = Reception(date=date(2025, 3, 1), mode="电话/线上", person_name=text[:100] or "某",
                       request_content=text or "诉求", notes=text)
    try:
        saved = store.save(record)
    except ValidationError as err:
        assert err.errors and all(e.message and e.label for e in err.errors)
        return
    got = store.get(Reception, saved.id)
    assert (got.person_name, got.request_content, got.notes) == (record.person_name, record.request_content, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cash=st.integers(min_value=-(10**15), max_value=10**15),
    people=st.integers(min_value=-(10**9), max_value=10**9),
    value=st.integers(min_value=-(10**12), max_value=10**12),
)
def test_any_amounts_are_stored_exactly_or_refused(store: Store, cash: int, people: int, value: int):
    record = Donation(date=date(2025, 3, 1), category="捐赠", donor="a", recipients="b", cash_fen=cash,
                      recipient_count=people, items=[DonationItem(name="米", value_fen=value)])
    try:
        saved = store.save(record)
    except StudioDeskError as err:
        assert "元" in str(err) or "负数" in str(err) or "过大" in str(err)
        return
    got = store.get(Donation, saved.id)
    assert got.cash_fen == cash and got.items[0].value_fen == value and got.recipient_count == people


# Values of every kind a field may be given, good and bad: texts with control characters and
# lone surrogates, lengths around the limits, numbers around the bounds, dates around the range,
# values of the wrong kind, and child lists with good and bad children.
_ANY_VALUE = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(min_value=-(10**17), max_value=10**17),
        st.sampled_from([0, 1, -1, 100, 1_000_000, 1_000_001, 10_000_000, 10**15, 10**16]),
        st.text(max_size=30), st.sampled_from(["", "  ", "\n", "男", "其他", "接待日来访", "已办结", "a\x00b", "\ud800",
                                               "x" * 50, "x" * 51, "x" * 200, "x" * 201, "x" * 2001, "集中学习"]),
        st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
        st.sampled_from([Decimal("1.5"), Decimal("-1"), Decimal("NaN"), Decimal("1e9"), 1.5]),
        st.builds(DonationItem, name=st.sampled_from(["米", "", "a\x07"]), value_fen=st.integers(-5, 10**16)),
        st.builds(Author, name=st.sampled_from(["刘刚", "", "  "]), member_id=st.sampled_from([None, "", "m"])),
    ),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_ANY_VALUE)
def test_the_quick_check_never_passes_what_the_full_check_refuses(store: Store, value):
    from studio_desk.core.validate import _check_field, _field_tests, _record_passes

    classes = (Member, Activity, Reception, Donation, Proposal, Narrative, Studio, DonationItem, Author)
    for (info, passes), lookup in [(t, lookup) for cls in classes for t in _field_tests(cls) for lookup in (None, store)]:
        if passes(value, lookup):
            assert _check_field(info, value, lookup) == [], (info.name, value)
            if info.child is not None:
                child_fields = [child_info for child_info, _ in _field_tests(info.child)]
                assert all(_check_field(c, getattr(child, c.name), lookup) == [] for child in value for c in child_fields)
    # The whole record's test is its fields' tests together: ``value`` in one field of a record
    # whose other fields pass, field by field.
    for cls, lookup in [(cls, lookup) for cls in classes for lookup in (None, store)]:
        tests = _field_tests(cls)
        good = {info.name: _passing_value(info, passes, lookup) for info, passes in tests}
        for info, passes in tests:
            record = SimpleNamespace(**{**good, info.name: value})
            assert _record_passes(cls)(record, lookup) == passes(value, lookup), (cls.__name__, info.name, value)


def _passing_value(info, passes, lookup):  # type: ignore[no-untyped-def]
    """A value the field's quick test passes."""
    listed = list(info.choices or ()) + (list(lookup.type_values(info.type_list)) if info.type_list and lookup else [])
    candidates = [None, "文字", date(2025, 1, 1), 0, False, [], Decimal("1"), *listed]
    if info.child is not None:
        candidates.append([])
    found = [c for c in candidates if passes(c, lookup)]
    assert found, info.name
    return found[0]


def test_the_quick_check_passes_ordinary_records_and_their_messages_stay_the_same(store: Store):
    good = Reception(date=date(2025, 3, 1), mode="电话/线上", person_name="张三", request_content="修路",
                     member_ids=[], status="待办")
    assert validation_errors(good, store) == []
    from studio_desk.core.validate import _record_passes

    assert _record_passes(Reception)(good, store)  # answered by the quick test alone
    bad = Reception(date=date(2025, 3, 1), mode="来电", person_name="张\x07三", request_content="",
                    people_count=-1, member_ids=["m", "m"])
    assert [e.message for e in validation_errors(bad, store)] == [
        "“方式”不能是“来电”，应为：接待日来访、入户走访、企业走访、电话/线上。",
        "“对象(姓名/单位)”含有不可见的控制字符，请删除后再保存。",
        "“人数”不能为负数。",
        "请填写“诉求内容”。",
        "“接待委员”中同一位委员出现了两次。",
        "“接待委员”中有不在名册里的委员。",
    ]
