"""A valid record that looks wrong is saved only when the clerk answers 仍然保存; 返回修改 (the
default, and Esc) keeps the form open and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from studio_desk.core.models import Activity, Author, Member, Proposal, Reception
from studio_desk.ui.forms import ActivityForm, ProposalForm, ReceptionForm
from tests.ui.conftest import answer_with, child, questions, save, type_into


def _escape(qtbot) -> Callable[[QMessageBox], None]:
    return lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape)


def _shown(qtbot, form):
    qtbot.addWidget(form, before_close_func=lambda f: f.done(0))
    form.show()
    qtbot.waitExposed(form)
    return form


def _select(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(combo.findText(text))
    assert combo.currentText() == text


def test_a_draft_proposal_with_a_result_asks_and_saves_only_when_told(store, qtbot):
    stored = store.save(Proposal(category="提案", title="关于加装电梯的提案", authors=[Author(name="刘刚")],
                                 submitted_on=date(2025, 3, 1), status="已提交", result_class="A"))
    form = _shown(qtbot, ProposalForm(store, stored))
    status = child(form, "f_status", QComboBox)
    _select(status, "草拟")

    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    ((text, default, escape),) = asked
    assert "这条提案建议记录有一处看起来不对" in text
    assert "状态是“草拟”，却已填了办理结果“A”" in text
    assert (default, escape) == ("返回修改", "返回修改")
    assert form.isVisible() and form.saved is None
    assert store.get(Proposal, stored.id).version_id == stored.version_id  # nothing written
    assert form.focusWidget() is status  # back at the field the question is about

    with questions(_escape(qtbot)) as asked:
        save(qtbot, form)
    assert len(asked) == 1 and form.isVisible()
    assert store.get(Proposal, stored.id).status == "已提交"

    with questions(answer_with("仍然保存")) as asked:
        save(qtbot, form)
    assert len(asked) == 1 and not form.isVisible()
    assert store.get(Proposal, stored.id).status == "草拟"
    assert store.get(Proposal, stored.id).result_class == "A"


def _new_reception(qtbot, store, phone: str) -> ReceptionForm:
    form = _shown(qtbot, ReceptionForm(store))
    type_into(qtbot, child(form, "f_person_name", QLineEdit), "王大妈")
    type_into(qtbot, child(form, "f_request_content", QPlainTextEdit), "小区路灯坏了")
    type_into(qtbot, child(form, "f_person_phone", QLineEdit), phone)
    return form


def test_a_phone_of_ten_digits_asks(store, qtbot):
    form = _new_reception(qtbot, store, "1391234567")
    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    assert len(asked) == 1
    assert "联系电话“1391234567”只有 10 位数字，手机号应为 11 位" in asked[0][0]
    assert store.count(Reception) == 0 and form.isVisible()
    assert form.focusWidget() is child(form, "f_person_phone", QLineEdit)


def test_a_mobile_and_a_landline_do_not_ask(store, qtbot):
    for phone in ("13912345678", "0931-8123456"):
        form = _new_reception(qtbot, store, phone)
        with questions(answer_with("返回修改")) as asked:
            save(qtbot, form)
        assert asked == [] and not form.isVisible()
    assert sorted(r.person_phone for r in store.list_records(Reception)) == ["0931-8123456", "13912345678"]


def test_an_activity_without_members_asks_but_an_old_one_edited_does_not(store, qtbot):
    liu = store.save(Member(name="刘刚", role="召集人"))
    form = _shown(qtbot, ActivityForm(store))
    type_into(qtbot, child(form, "f_topic", QLineEdit), "六月集中学习")
    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    assert len(asked) == 1 and "没有选“参加委员”" in asked[0][0]
    assert store.count(Activity) == 0
    child(form, "f_member_ids", QWidget).set_value([liu.id])  # as chosen in the list
    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    assert asked == [] and store.count(Activity) == 1

    old = store.save(Activity(date=date(2024, 5, 1), type="集中学习", topic="旧台账里的学习"))  # as imported
    form = _shown(qtbot, ActivityForm(store, old))
    type_into(qtbot, child(form, "f_topic", QLineEdit), "旧台账里的集中学习")
    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    assert asked == []  # not questioned again for what the old record already was
    assert store.get(Activity, old.id).topic == "旧台账里的集中学习"


def test_a_new_list_value_typed_with_the_record_does_not_skip_the_question(store, qtbot):
    """A 界别 typed into a 委员's form joins its list only as the record is saved: the record is
    still asked about (here a phone of ten digits) and nothing is written when the clerk goes back."""
    from studio_desk.ui.forms import MemberForm

    form = _shown(qtbot, MemberForm(store))
    type_into(qtbot, child(form, "f_name", QLineEdit), "张新")
    type_into(qtbot, child(form, "f_phone", QLineEdit), "1380013800")
    type_into(qtbot, child(form, "f_sector", QComboBox).lineEdit(), "全新界别")
    with questions(answer_with("返回修改")) as asked:
        save(qtbot, form)
    assert len(asked) == 1 and "1380013800" in asked[0][0]
    assert [m.name for m in store.list_records(Member)] == []
    assert "全新界别" not in store.type_values("sector")
