from __future__ import annotations

from datetime import date

from studio_desk.core.models import Proposal, Author, Reception
from studio_desk.core.tracking import open_items

TODAY = date(2026, 6, 15)


def _reception(store, content, status="待办", deadline=None, day=date(2026, 6, 1), closed=None):
    return store.save(
        Reception(
            date=day,
            mode="接待日来访",
            person_name="张三",
            request_content=content,
            status=status,
            deadline=deadline,
            closed_on=closed,
        )
    )


def _proposal(store, title, status, deadline=None, answered=None):
    return store.save(
        Proposal(
            category="提案",
            title=title,
            authors=[Author(name="刘刚")],
            submitted_on=date(2026, 3, 1),
            status=status,
            deadline=deadline,
            answered_on=answered,
        )
    )


def test_open_items_selects_and_orders(store):
    late = _reception(store, "路灯不亮", deadline=date(2026, 6, 10))
    later = _reception(store, "排水沟堵塞", status="办理中", deadline=date(2026, 5, 1), day=date(2026, 4, 1))
    soon = _proposal(store, "关于停车难的提案", "交办", deadline=date(2026, 6, 20))
    undated = _reception(store, "咨询医保", day=date(2026, 2, 1))
    solved = _reception(store, "已解决的事", status="已办结", closed=date(2026, 6, 2))
    _proposal(store, "已答复的提案", "已答复")
    _proposal(store, "草稿", "草拟")
    answered = _proposal(store, "有答复日期的", "办理中", answered=date(2026, 6, 1))

    items = open_items(store, today=TODAY)
    ids = [i.record_id for i in items]
    # the open ones, then the solved one whose feedback is not yet recorded (回访)
    assert ids == [later.id, late.id, soon.id, undated.id, solved.id]
    assert items[4].label == "回访"
    assert answered.id not in ids
    assert items[0].overdue and items[0].due_text() == "逾期 45 天"
    assert items[1].due_text() == "逾期 5 天"
    assert not items[2].overdue and items[2].due_text() == "剩 5 天"
    assert items[3].due_text() == "未定时限" and items[3].label == "诉求"
    assert items[2].label == "提案" and items[2].kind == Proposal.KIND


def test_deleted_and_closed_leave_the_list(store):
    r = _reception(store, "噪音扰民", deadline=TODAY)
    assert open_items(store, today=TODAY)[0].due_text() == "今天到期"
    store.delete(Reception, r.id)
    assert open_items(store, today=TODAY) == []


def test_demo_database_has_open_items(demo_store):
    from tests.conftest import DEMO_TODAY

    items = open_items(demo_store, today=DEMO_TODAY)
    assert items
    overdue = [i.overdue for i in items]
    # overdue ones come first, never after a non-overdue one
    assert overdue == sorted(overdue, reverse=True)


def test_a_delivered_meeting_speech_is_not_waiting_for_an_answer(store):
    from datetime import date

    from studio_desk.core.models import Author, Proposal
    from studio_desk.core.tracking import open_items

    store.save(Proposal(category="会议发言", title="大会发言", status="已提交", submitted_on=date(2026, 1, 5),
                        authors=[Author(name="刘刚")]))
    store.save(Proposal(category="微建议", title="增设护学岗", status="已提交", submitted_on=date(2026, 1, 6),
                        authors=[Author(name="刘刚")]))
    assert [i.title for i in open_items(store, today=date(2026, 2, 1))] == ["增设护学岗"]


def test_closed_requests_without_feedback_are_to_call_back(store):
    from datetime import date

    from studio_desk.core.models import Reception
    from studio_desk.core.tracking import callbacks, open_items

    today = date(2025, 6, 30)
    closed = store.save(Reception(date=date(2025, 6, 1), mode="入户走访", person_name="甲", request_content="修路",
                                  status="已办结", closed_on=date(2025, 6, 10)))
    old = store.save(Reception(date=date(2024, 1, 1), mode="入户走访", person_name="乙", request_content="旧事",
                               status="已办结", closed_on=date(2024, 1, 5)))
    items = callbacks(store, today)
    assert [(i.record_id, i.label, i.status) for i in items] == [(closed.id, "回访", "待记反馈和满意度")]
    assert old.id not in {i.record_id for i in open_items(store, today)}
    store.save(Reception(**{**closed.__dict__, "feedback_given": True}))
    assert [i.status for i in callbacks(store, today)] == ["待记满意度"]
    store.save(Reception(**{**store.get(Reception, closed.id).__dict__, "satisfaction": "满意"}))
    assert callbacks(store, today) == []
