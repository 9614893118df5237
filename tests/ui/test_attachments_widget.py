"""The 附件 tab of the record forms: dropped and picked files reach the database, captions and
order are saved with the record, a bad file is named in the message; nothing is written before 保存."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMessageBox

from studio_desk.core import attachments
from studio_desk.core.models import Activity, Attachment
from studio_desk.ui.forms import ActivityForm
from tests.ui.conftest import answer_message_box, type_into


def _photo(path: Path, color=(10, 120, 200)) -> Path:
    Image.new("RGB", (2400, 1800), color).save(path, "JPEG")
    return path


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    widget.dropEvent(event)


def test_drop_caption_reorder_remove_on_a_saved_activity(store, qtbot, tmp_path, monkeypatch):
    act = store.save(Activity(date=date(2026, 5, 15), type="委员接待日", topic="五月接待日"))
    form = ActivityForm(store, act)
    qtbot.addWidget(form, before_close_func=lambda f: f.done(0))
    strip = form.attachments
    assert form.ui.tabs.tabText(form.ui.tabs.indexOf(strip)) == "附件"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    bad = tmp_path / "会议记录.docx"
    bad.write_bytes(b"PK\x03\x04 not a picture")
    _drop(strip, [_photo(tmp_path / "现场.jpg"), bad, _photo(tmp_path / "合影.png", (200, 0, 0))])
    assert warnings and "会议记录.docx" in warnings[0]
    assert attachments.attachments_of(store, act.id) == []  # written with the record
    assert form.try_save()
    stored = attachments.attachments_of(store, act.id)
    assert [a.file_name for a in stored] == ["现场.jpg", "合影.jpg"]
    assert max(stored[0].width, stored[0].height) == 1600
    assert strip.list.count() == 2 and not strip.list.item(0).icon().isNull()

    strip.list.setCurrentRow(1)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("全体合影", True))
    qtbot.mouseClick(strip.caption_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(strip.left_button, Qt.MouseButton.LeftButton)
    assert [a.caption for a in attachments.attachments_of(store, act.id)] == ["", ""]
    assert form.try_save()
    assert [a.caption for a in attachments.attachments_of(store, act.id)] == ["全体合影", ""]
    assert strip.captions() == ["全体合影", "现场.jpg"]

    strip.list.setCurrentRow(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(strip.remove_button, Qt.MouseButton.LeftButton)
    assert form.try_save()
    assert [a.caption for a in attachments.attachments_of(store, act.id)] == ["全体合影"]
    assert store.count(Attachment, include_deleted=True) == 2  # removed = a tombstone


def test_files_of_a_new_record_are_written_when_it_is_saved(store, qtbot, tmp_path, monkeypatch):
    form = ActivityForm(store)
    qtbot.addWidget(form)
    picked = [str(_photo(tmp_path / "签到表.jpg"))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked, ""))
    qtbot.mouseClick(form.attachments.add_button, Qt.MouseButton.LeftButton)
    assert store.count(Attachment) == 0  # nothing written before 保存
    topic = form.findChild(QLineEdit, "f_topic")
    type_into(qtbot, topic, "六月学习会")
    answer_message_box("仍然保存")  # no 参加委员: asked, and passed
    assert form.try_save()
    (saved,) = store.list_records(Activity)
    assert [a.file_name for a in attachments.attachments_of(store, saved.id)] == ["签到表.jpg"]


def test_a_cancelled_new_record_leaves_no_attachment(store, qtbot, tmp_path):
    form = ActivityForm(store)
    qtbot.addWidget(form)
    form.attachments.add_files([_photo(tmp_path / "x.jpg")])
    form.done(0)
    assert store.count(Attachment) == 0


def test_overview_shows_the_next_reception_day(window, demo_store):
    from studio_desk.core import rota

    label = window.page("总览").findChild(QLabel, "next_reception_day")
    assert label.text() == rota.next_day_line(demo_store, date.today())
    assert label.text().startswith(("下次委员接待日", "尚未安排"))


def test_a_pdf_scan_shows_its_first_page(store, qtbot, tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    scan = tmp_path / "批示件.pdf"
    c = canvas.Canvas(str(scan), pagesize=A4)
    c.rect(50, 50, 400, 700, fill=1)
    c.save()
    act = store.save(Activity(date=date(2026, 5, 15), type="视察调研", topic="调研"))
    form = ActivityForm(store, act)
    qtbot.addWidget(form)
    form.attachments.add_files([scan])
    assert form.try_save()
    (stored,) = attachments.attachments_of(store, act.id)
    assert stored.media_type == "application/pdf" and stored.file_name == "批示件.pdf"
    shown = form.attachments.list.item(0).icon().pixmap(112, 112).size()
    assert shown.height() == 112 and shown.width() < 90  # an upright A4 page, not the square icon


def test_a_photo_is_chosen_for_the_summary(store, qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox

    act = store.save(Activity(date=date(2026, 6, 1), type="公益活动", topic="送温暖"))
    form = ActivityForm(store, act)
    qtbot.addWidget(form)
    form.show()
    strip = form.attachments
    strip.add_files([_photo(tmp_path / "a.jpg")])
    strip.list.setCurrentRow(0)
    check = strip.findChild(QCheckBox, "in_summary")
    assert check.isEnabled() and not check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert form.try_save()
    (chosen,) = attachments.photos_for_summary(store, 2026)
    assert chosen[0].file_name == "a.jpg"


def test_an_attachment_whose_bytes_are_missing_still_opens_the_form(store, qtbot, tmp_path, monkeypatch):
    act = store.save(Activity(date=date(2026, 5, 15), type="视察调研", topic="调研"))
    attachments.add_attachment(store, act, _photo(tmp_path / "a.jpg"))
    with store.transaction() as conn:
        conn.execute("DELETE FROM attachment_blobs")  # as a damaged copy might arrive
    form = ActivityForm(store, act)
    qtbot.addWidget(form)
    assert form.attachments.captions() == ["a.jpg（内容缺失）"]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    form.attachments.list.setCurrentRow(0)
    form.attachments.open_selected()
    assert shown and "不在数据库中" in shown[0]


def test_deleting_a_record_in_the_window_and_undoing_keeps_its_photos(window, demo_store, qtbot):
    from tests.ui.conftest import answer_next_box, press_shortcut

    chosen = demo_store.list_records(Attachment)[0]
    owner = demo_store.get(Activity, chosen.owner_id)
    before = [(a.id, a.caption, a.in_summary) for a in attachments.attachments_of(demo_store, owner.id)]
    page = window.show_page("活动")
    page.set_year(owner.date.year)
    page.select_ids([owner.id])
    page.table.setFocus()
    answer_next_box()  # the question asked before deleting names the attachments going with it
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo_store.get(Activity, owner.id).deleted
    assert attachments.attachments_of(demo_store, owner.id) == []
    press_shortcut(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not demo_store.get(Activity, owner.id).deleted
    after = [(a.id, a.caption, a.in_summary) for a in attachments.attachments_of(demo_store, owner.id)]
    assert after == before
    data = attachments.blob_bytes(demo_store, attachments.attachments_of(demo_store, owner.id)[0].blob_sha256)
    assert data[:3] == b"\xff\xd8\xff"
