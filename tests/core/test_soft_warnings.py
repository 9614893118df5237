"""Warnings the clerk may pass: valid records that look wrong, each named by its field and value."""

from __future__ import annotations

from datetime import date

import pytest

from studio_desk.core import codec
from studio_desk.core.models import Activity, Author, Member, Proposal, Reception, Studio
from studio_desk.core.soft_warnings import phone_problem, record_warnings
from studio_desk.core.validate import validation_errors


def _messages(record, before=None) -> list[str]:
    return [w.message for w in record_warnings(record, before)]


def _proposal(**values) -> Proposal:
    return Proposal(category="提案", title="关于老旧小区加装电梯的提案", authors=[Author(name="刘刚")],
                    submitted_on=date(2025, 3, 1), **values)


def test_a_draft_with_a_result_is_warned_and_still_valid():
    draft = _proposal(status="草拟", result_class="A", adoption_level="市")
    assert validation_errors(draft) == []  # not refused: an old ledger may say so
    (warning,) = record_warnings(draft)
    assert warning.field == "status"
    assert warning.message.startswith("状态是“草拟”，却已填了办理结果“A”、采用层级“市”。")
    assert "草拟的提案不计入成果统计" in warning.message


@pytest.mark.parametrize("filled", [{"answered_on": date(2025, 6, 1)}, {"instruction": "同意"}, {"satisfaction": "满意"}])
def test_a_draft_with_a_reply_is_warned(filled):
    (warning,) = record_warnings(_proposal(status="草拟", **filled))
    assert warning.field == "status"


def test_a_submitted_proposal_with_a_result_or_a_bare_draft_is_not_warned():
    assert _messages(_proposal(status="办结", result_class="A", adoption_level="市", answered_on=date(2025, 6, 1))) == []
    assert _messages(_proposal(status="草拟")) == []


@pytest.mark.parametrize(
    "phone",
    ["13912345678", "0931-8123456", "(0931)8123456", "010-12345678", "09318123456", "0931 8123456", "8123456",
     "+86 139 1234 5678", "13912345678、0931-8123456", "13912345678 13987654321", "0931-8123456转801",
     "0931-8123456-801", "4008001234", "１３９１２３４５６７８", "", "无", "  "],
)
def test_plausible_phones_are_not_warned(phone):
    assert phone_problem("联系电话", phone) is None


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("1391234567", "联系电话“1391234567”只有 10 位数字，手机号应为 11 位。"),
        ("139123456789", "联系电话“139123456789”有 12 位数字，手机号应为 11 位。"),
        ("0931-812345", "联系电话“0931-812345”区号后的号码有 6 位，固定电话号码应为 7–8 位。"),
        ("09311-8123456", "联系电话“09311-8123456”的区号“09311”有 5 位，区号应为 3–4 位（如 0931）。"),
        ("093181234", "联系电话“093181234”有 9 位数字，带区号的固定电话应为 10–12 位（如 0931-8123456）。"),
        ("812345", "联系电话“812345”有 6 位数字，不像手机号（11 位）或固定电话（7–8 位，可加区号）。"),
        ("13912345678、139123", "联系电话“139123”只有 6 位数字，手机号应为 11 位。"),
    ],
)
def test_implausible_phones_are_named_with_their_digits(phone, message):
    assert phone_problem("联系电话", phone) == message


def test_every_phone_field_is_checked():
    reception = Reception(date=date(2025, 5, 1), mode="接待日来访", person_name="王大妈", request_content="路灯坏了",
                          person_phone="1391234567")
    assert [(w.field, w.label) for w in record_warnings(reception)] == [("person_phone", "联系电话")]
    assert [w.field for w in record_warnings(Member(name="刘刚", phone="139"))] == ["phone"]
    assert [w.field for w in record_warnings(Studio(name="工作室", phone="0931-81234"))] == ["phone"]


def test_an_activity_without_members_is_warned():
    lone = Activity(date=date(2025, 5, 1), type="集中学习", topic="学习会")
    (warning,) = record_warnings(lone)
    assert (warning.field, warning.label) == ("member_ids", "参加委员")
    assert "没有选“参加委员”" in warning.message
    assert record_warnings(codec.copy_record(lone, member_ids=["m1"])) == []


def test_an_edit_is_warned_only_about_what_it_changed():
    stored = _proposal(status="草拟", result_class="A")
    retitled = codec.copy_record(stored, title="关于加装电梯的提案")
    assert record_warnings(retitled, stored) == []  # the old record is not questioned on every edit
    regraded = codec.copy_record(stored, result_class="B")
    assert [w.field for w in record_warnings(regraded, stored)] == ["status"]  # a warned field changed
    back_to_draft = _proposal(status="已提交", result_class="A")
    assert [w.field for w in record_warnings(stored, back_to_draft)] == ["status"]  # a new warning
    lone = Activity(date=date(2025, 5, 1), type="集中学习", topic="学习会")
    assert record_warnings(codec.copy_record(lone, topic="六月学习会"), lone) == []
    assert len(record_warnings(codec.copy_record(lone, topic="六月学习会"))) == 1  # new: always asked
