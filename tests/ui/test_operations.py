"""The window's writes run through one helper: one undo step each, in the background when long,
one changed signal, the result in the status bar, and the pages keep reading meanwhile."""

from __future__ import annotations

import threading

from studio_desk.core.models import Activity
from studio_desk.ui import operations


def test_a_long_write_in_the_background_leaves_the_pages_reading(window, demo_store, qtbot, monkeypatch):
    monkeypatch.setattr(operations, "BACKGROUND_ABOVE", 0)
    page = window.show_page("活动")
    page.set_year(None)
    target = page.model.ids[0]
    before = demo_store.count(Activity)
    inside, release = threading.Event(), threading.Event()

    def write(_progress, _step):  # type: ignore[no-untyped-def]
        with demo_store.transaction():
            demo_store.delete(Activity, target)
            inside.set()
            release.wait(20)
        return [target]

    heard: list[tuple] = []
    window.operations.changed.connect(lambda *args: heard.append(args))
    try:
        window.operations.run("删除1条活动", write, source=page, count=1)
        assert window.operations.busy() and inside.wait(20)
        # the write holds the store; the page re-reads at once and shows what is committed
        page.refresh()
        assert target in page.model.ids and demo_store.count(Activity) == before
        window.undo()  # the step is not finished: undo must not take the one before it
        assert "完成后才能撤销" in window.statusBar().currentMessage()
        assert not demo_store.can_undo()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not window.operations.busy(), timeout=20_000)
    assert demo_store.get(Activity, target).deleted
    assert [(text, ids[0], source) for text, ids, source in heard] == [("删除1条活动", target, page)]  # once
    assert window.undo_action.text() == "撤销“删除1条活动”"
    assert "已删除1条活动。按 Ctrl+Z 可撤销。" == window.statusBar().currentMessage()
    window.undo()  # long too (the threshold is 0 here): in the background as well
    qtbot.waitUntil(lambda: not window.operations.busy(), timeout=20_000)
    assert not demo_store.get(Activity, target).deleted
    assert "已撤销“删除1条活动”" in window.statusBar().currentMessage()


def test_one_changed_signal_refreshes_the_other_pages(window, demo_store, qtbot):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import answer_next_box, press_shortcut, wait_idle

    bin_page = window.show_page("回收站")
    wait_idle(qtbot, window)  # the bin reads its list in the background
    listed = len(bin_page.items)
    page = window.show_page("活动")
    page.table.setFocus()
    page.table.selectRow(0)
    target = page.selected_ids()[0]
    answer_next_box()
    with qtbot.waitSignal(window.operations.changed, timeout=5000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert signal.args[1][0] == target and signal.args[2] is page  # then what went with it (attachments)
    assert demo_store.get(Activity, target).deleted
    window.show_page("回收站")  # told by the signal, it re-reads when shown
    wait_idle(qtbot, window)
    assert target in [item.record_id for item in bin_page.items] and len(bin_page.items) == listed + 1
    window.show_page("活动")
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not demo_store.get(Activity, target).deleted and target in page.model.ids


def test_a_failed_write_is_said_in_chinese_and_reported_nowhere(window, demo_store, qtbot, monkeypatch):
    from studio_desk.core.errors import StudioDeskError

    shown: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, _title, exc: shown.append(str(exc)))
    heard: list[tuple] = []
    window.operations.changed.connect(lambda *args: heard.append(args))
    target = window.show_page("活动").model.ids[0]

    def write(_progress, _step):  # type: ignore[no-untyped-def]
        with demo_store.transaction():
            demo_store.delete(Activity, target)
            raise StudioDeskError("U盘已拔出，删除没有完成。")

    window.operations.run("删除1条活动", write)
    assert shown == ["U盘已拔出，删除没有完成。"] and heard == []
    assert not demo_store.get(Activity, target).deleted and not demo_store.can_undo()


def test_a_dialog_s_expected_failure_goes_to_it_and_the_rest_to_a_message(window, demo_store, qtbot, monkeypatch):
    """A dialog shows an expected failure in place (``on_error``); an unexpected one is shown in
    a message box and the dialog still hears of it; neither is reported as done."""
    from studio_desk.core.errors import StudioDeskError

    shown: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _parent, _title, exc: shown.append(str(exc)))
    heard: list[tuple] = []
    window.operations.changed.connect(lambda *args: heard.append(args))
    told: list[BaseException] = []
    target = window.show_page("活动").model.ids[0]

    def refused(_progress, _step):  # type: ignore[no-untyped-def]
        with demo_store.transaction():
            demo_store.delete(Activity, target)
            raise StudioDeskError("密码不对，没有合并。")

    def broken(_progress, _step):  # type: ignore[no-untyped-def]
        raise KeyError("not said to the clerk as it is")

    for background in (False, True):
        window.operations.run("从U盘合并", refused, undoable=False, background=background, on_error=told.append)
        qtbot.waitUntil(lambda: not window.operations.busy(), timeout=20_000)
    assert [str(e) for e in told] == ["密码不对，没有合并。"] * 2 and shown == []
    window.operations.run("从U盘合并", broken, undoable=False, on_error=told.append)
    assert isinstance(told[-1], KeyError) and len(shown) == 1
    assert heard == [] and not demo_store.get(Activity, target).deleted
    assert "从U盘合并" not in window.statusBar().currentMessage()


def test_the_cycle_collector_waits_while_background_work_runs(qtbot, monkeypatch):
    """Its walk over tens of thousands of records held the interpreter lock 100–250 ms at a time."""
    import gc

    from studio_desk.core import collector
    from studio_desk.ui.tasks import run_task

    # An earlier test's window may have closed with its figures still being read.
    monkeypatch.setattr(collector, "_running", 0)
    gc.enable()
    seen: list[bool] = []
    first_in, first_go, second_go = threading.Event(), threading.Event(), threading.Event()

    def first(_progress):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        first_in.set()
        first_go.wait(20)

    def second(_progress):  # type: ignore[no-untyped-def]
        second_go.wait(20)

    one = run_task(None, "甲", first)
    two = run_task(None, "乙", second)
    try:
        assert first_in.wait(20) and seen == [False]
    finally:
        first_go.set()
    qtbot.waitUntil(lambda: one.finished_flag, timeout=20_000)
    assert not gc.isenabled()  # the other one still runs
    second_go.set()
    qtbot.waitUntil(lambda: two.finished_flag, timeout=20_000)
    assert gc.isenabled()
