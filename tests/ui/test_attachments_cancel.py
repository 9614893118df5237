"""Attachments added or removed in a record form are saved with the record, like every other
field: 取消 or Esc (after the question about unsaved changes) leaves the database as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from studio_desk.core import attachments
from studio_desk.core.models import Activity
from studio_desk.ui.forms import ActivityForm
from tests.ui.conftest import answer_message_box, child, click


def _photo(path: Path, color=(10, 120, 200)) -> Path:
    Image.new("RGB", (800, 600), color).save(path, "JPEG")
    return path


def _rows(store, owner_id: str) -> list[tuple]:
    """The attachments table as it is in the database, tombstones included."""
    return store.conn.execute(
        "SELECT id, file_name, caption, deleted FROM attachments WHERE owner_id = ? ORDER BY created_at, id",
        (owner_id,),
    ).fetchall()


def _form(qtbot, store, record):
    form = ActivityForm(store, record)
    qtbot.addWidget(form, before_close_func=lambda f: f.done(0) if f.isVisible() else None)
    form.show()
    qtbot.waitExposed(form)
    return form


def _year_end(store, tmp_path):
    act = store.save(Activity(date=date(2025, 12, 31), type="集中学习", topic="年终学习"))
    attachments.add_attachment(store, act, _photo(tmp_path / "签到表.jpg", (0, 0, 0)), "签到表")
    return act


def _add_by_button(qtbot, form, monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    click(qtbot, form.attachments.add_button)


def _cancel(qtbot, form) -> None:
    click(qtbot, child(form, "buttons", QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel))


def test_cancel_after_adding_a_photo_asks_and_leaves_the_database_as_it_was(store, qtbot, tmp_path, monkeypatch):
    act = _year_end(store, tmp_path)
    before = _rows(store, act.id)
    form = _form(qtbot, store, act)
    _add_by_button(qtbot, form, monkeypatch, _photo(tmp_path / "photo1.jpg"))
    assert _rows(store, act.id) == before  # nothing written while the form is open
    assert form.is_dirty()
    answer_message_box("放弃修改")
    _cancel(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert form.result() == 0 and not form.saved_steps
    assert _rows(store, act.id) == before


def test_esc_after_removing_and_adding_discards_both(store, qtbot, tmp_path, monkeypatch):
    act = _year_end(store, tmp_path)
    before = _rows(store, act.id)
    form = _form(qtbot, store, act)
    strip = form.attachments
    strip.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, strip.remove_button)
    assert strip.captions() == []
    strip.add_files([_photo(tmp_path / "photo1.jpg")])
    answer_message_box("放弃修改")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert _rows(store, act.id) == before  # the 签到表 still there, not even a tombstone added


def test_cancel_then_save_in_the_question_saves_the_photo(store, qtbot, tmp_path, monkeypatch):
    act = _year_end(store, tmp_path)
    form = _form(qtbot, store, act)
    _add_by_button(qtbot, form, monkeypatch, _photo(tmp_path / "photo1.jpg"))
    answer_message_box("保存")
    _cancel(qtbot, form)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert form.result() == 1
    live = attachments.attachments_of(store, act.id)
    assert [(a.file_name, a.caption) for a in live] == [("签到表.jpg", "签到表"), ("photo1.jpg", "")]
    assert [a.position for a in live] == [0, 1]


def test_save_writes_removal_caption_and_order_together(store, qtbot, tmp_path):
    act = _year_end(store, tmp_path)
    form = _form(qtbot, store, act)
    strip = form.attachments
    strip.add_files([_photo(tmp_path / "photo1.jpg"), _photo(tmp_path / "photo2.jpg", (200, 0, 0))])
    strip.list.setCurrentRow(2)
    click(qtbot, strip.left_button)
    strip.list.setCurrentRow(0)
    strip.list.item(0).setText("学习签到")  # edited in place
    form.try_save()
    live = attachments.attachments_of(store, act.id)
    assert [(a.file_name, a.caption) for a in live] == [
        ("签到表.jpg", "学习签到"), ("photo2.jpg", ""), ("photo1.jpg", ""),
    ]
    assert not form.isVisible()


def test_in_the_window_a_cancelled_photo_is_no_change_and_a_saved_one_undoes_with_the_record(
    window, demo_store, qtbot, tmp_path
):
    from tests.ui.conftest import in_dialog, press_shortcut

    page = window.show_page("活动")
    act = demo_store.list_records(Activity)[0]
    before = _rows(demo_store, act.id)
    photo = _photo(tmp_path / "photo1.jpg")

    def add_and_cancel(form):
        form.attachments.add_files([photo])
        answer_message_box("放弃修改")
        _cancel(qtbot, form)

    in_dialog(qtbot, lambda: page.edit_record(act.id), add_and_cancel)
    assert _rows(demo_store, act.id) == before
    assert "已修改" not in window.statusBar().currentMessage()

    def add_and_save(form):
        form.attachments.add_files([photo])
        click(qtbot, child(form, "buttons", QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))

    in_dialog(qtbot, lambda: page.edit_record(act.id), add_and_save)
    assert [a.file_name for a in attachments.attachments_of(demo_store, act.id)][-1] == "photo1.jpg"
    assert "已修改活动" in window.statusBar().currentMessage()
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    live = [(r[0], r[2]) for r in _rows(demo_store, act.id) if not r[3]]
    assert live == [(r[0], r[2]) for r in before if not r[3]]


def test_a_save_that_fails_keeps_the_photo_waiting_to_be_saved_again(store, qtbot, tmp_path, monkeypatch):
    """The record's transaction fails after the photo was written in it (a full stick at COMMIT):
    nothing is in the database, the photo still waits in the strip, and saving again stores it."""
    from studio_desk.core.errors import DatabaseError

    act = _year_end(store, tmp_path)
    form = _form(qtbot, store, act)
    _add_by_button(qtbot, form, monkeypatch, _photo(tmp_path / "现场.jpg"))
    strip = form.attachments
    written = strip.commit

    def commit_then_fail(owner):  # type: ignore[no-untyped-def]
        written(owner)
        raise DatabaseError("磁盘已满")

    monkeypatch.setattr(strip, "commit", commit_then_fail)
    assert not form.try_save(close=False)  # the error is shown in the form
    assert [r[1] for r in _rows(store, act.id)] == ["签到表.jpg"]
    assert strip.has_changes() and form.is_dirty()
    monkeypatch.setattr(strip, "commit", written)
    assert form.try_save(close=False)
    assert sorted(r[1] for r in _rows(store, act.id)) == ["现场.jpg", "签到表.jpg"]
    assert not strip.has_changes()
