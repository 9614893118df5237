"""报表 → 年度工作总结, driven like the clerk: type the sections, preview, change year, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QPlainTextEdit, QPushButton

from studio_desk.ui.summary_dialog import SummaryDialog


def type_chinese(widget, text: str) -> None:
    """Type as a Chinese input method does: the IME commits the composed text to the widget.
    (QTest.keyClicks only handles Latin-1 keys.)"""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _text(path: Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


@pytest.fixture
def dialog(qtbot, demo_store):
    dlg = SummaryDialog(demo_store, 2026, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.result is not None, timeout=20_000)
    return dlg


def _button(dlg: SummaryDialog, name: str) -> QPushButton:
    button = dlg.findChild(QPushButton, name)
    assert button is not None
    return button


def test_opens_with_a_preview_of_the_year(dialog: SummaryDialog) -> None:
    assert dialog.preview.page_count() == dialog.result.pages >= 5
    status = dialog.findChild(QLabel, "statusLabel").text()
    assert f"共 {dialog.result.pages} 页" in status
    assert "2026年度工作总结" in _text(dialog.result.path)


def test_typed_sections_are_saved_and_printed(qtbot, dialog: SummaryDialog, demo_store) -> None:
    editor = dialog.findChild(QPlainTextEdit, "narrative_存在问题")
    dialog.tabs.setCurrentWidget(editor)
    editor.setFocus()
    editor.selectAll()  # the demo has its own text: typed over
    type_chinese(editor, "个别委员参加活动次数偏少。")
    with qtbot.waitSignal(dialog.ops.changed, timeout=2000):
        qtbot.mouseClick(_button(dialog, "saveTextButton"), Qt.MouseButton.LeftButton)
    assert demo_store.narrative(2026, "存在问题") == "个别委员参加活动次数偏少。"

    first = dialog.result.path
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "previewButton"), Qt.MouseButton.LeftButton)
    assert dialog.result.path != first
    text = _text(dialog.result.path)
    assert "存在问题" in text and "个别委员参加活动次数偏少。" in text


def test_changing_year_keeps_unsaved_text(qtbot, dialog: SummaryDialog, demo_store) -> None:
    editor = dialog.findChild(QPlainTextEdit, "narrative_下一步打算")
    editor.setFocus()
    editor.selectAll()
    type_chinese(editor, "明年继续办好委员接待日。")
    combo = dialog.findChild(QComboBox, "yearCombo")
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        combo.setCurrentIndex(combo.findData(2025))
    assert demo_store.narrative(2026, "下一步打算") == "明年继续办好委员接待日。"
    assert editor.toPlainText() == demo_store.narrative(2025, "下一步打算") != ""
    assert "2025年度工作总结" in _text(dialog.result.path)
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        combo.setCurrentIndex(combo.findData(2026))
    assert editor.toPlainText() == "明年继续办好委员接待日。"


def test_save_pdf_to_the_chosen_file(qtbot, dialog: SummaryDialog, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "交县政协" / "总结"
    target.parent.mkdir()
    asked = []

    def choose(parent, title, start, filters):
        asked.append(start)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "savePdfButton"), Qt.MouseButton.LeftButton)
    saved = target.with_name("总结.pdf")
    assert asked and asked[0].endswith("2026年度工作总结.pdf")
    assert saved.read_bytes().startswith(b"%PDF")
    assert "已保存" in dialog.findChild(QLabel, "statusLabel").text()


def test_cancelled_file_choice_writes_nothing(qtbot, dialog: SummaryDialog, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    qtbot.mouseClick(_button(dialog, "savePdfButton"), Qt.MouseButton.LeftButton)
    assert not dialog.is_busy()


def test_closing_saves_text_and_removes_previews(qtbot, dialog: SummaryDialog, demo_store) -> None:
    preview_folder = dialog.result.path.parent
    editor = dialog.findChild(QPlainTextEdit, "narrative_工作亮点")
    editor.setFocus()
    type_chinese(editor, "打造“有事好商量”品牌。")
    dialog.accept()
    assert demo_store.narrative(2026, "工作亮点") == "打造“有事好商量”品牌。"
    assert not preview_folder.exists()


def test_edit_template_opens_own_copy_and_preview_uses_it(qtbot, dialog: SummaryDialog, data_home: Path,
                                                          monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(_button(dialog, "templateButton"), Qt.MouseButton.LeftButton)
    own = data_home / "reports" / "年度工作总结.txt"
    assert opened and Path(opened[0].toLocalFile()) == own
    assert (own.parent / "README.md").is_file()
    # the clerk edits the title line in Notepad and previews again
    text = own.read_text(encoding="utf-8").replace("# {工作室名称}{年度}年度工作总结", "# {年度}年度履职工作总结")
    own.write_text(text, encoding="utf-8")
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "previewButton"), Qt.MouseButton.LeftButton)
    assert _text(dialog.result.path).startswith("2026年度履职工作总结")


def test_missing_sections_are_warned_before_export_and_the_date_is_printed(
        qtbot, dialog: SummaryDialog, demo_store, tmp_path: Path, monkeypatch) -> None:
    import docx
    from PySide6.QtWidgets import QMessageBox

    from studio_desk.ui.date_field import DateField
    from tests.ui.conftest import type_into

    editor = dialog.findChild(QPlainTextEdit, "narrative_存在问题")
    editor.clear()
    type_into(qtbot, dialog.findChild(DateField, "signedOnEdit"), "2026年12月28日")
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "previewButton"), Qt.MouseButton.LeftButton)
    warning = dialog.findChild(QLabel, "warningLabel")
    assert warning.isVisible() and "存在问题" in warning.text()
    assert "2026年12月28日" in _text(dialog.result.path)

    asked: list[str] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: (asked.append(text), answers.pop(0))[1]))
    target = tmp_path / "总结.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    qtbot.mouseClick(_button(dialog, "saveDocxButton"), Qt.MouseButton.LeftButton)  # the clerk says no
    assert asked and "存在问题" in asked[0] and not target.exists() and not dialog.is_busy()
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "saveDocxButton"), Qt.MouseButton.LeftButton)
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "2026年12月28日" in texts and texts[0].startswith("青溪县政协")


def test_an_impossible_signing_date_blocks_preview_and_export(
        qtbot, dialog: SummaryDialog, tmp_path: Path, monkeypatch) -> None:
    import docx
    from PySide6.QtWidgets import QMessageBox

    from studio_desk.ui.date_field import DateField
    from tests.ui.conftest import type_into

    field = dialog.findChild(DateField, "signedOnEdit")
    problem = dialog.findChild(QLabel, "signedOnProblem")
    shown_before = dialog.result.path
    type_into(qtbot, field, "2026-02-30")
    qtbot.mouseClick(_button(dialog, "previewButton"), Qt.MouseButton.LeftButton)
    assert not dialog.is_busy() and dialog.result.path == shown_before
    assert problem.isVisible() and "成文日期" in problem.text() and "2026-02-30" in problem.text()

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    target = tmp_path / "总结.docx"
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a: (chosen.append("asked"), (str(target), ""))[1]))
    for name in ("saveDocxButton", "savePdfButton"):
        qtbot.mouseClick(_button(dialog, name), Qt.MouseButton.LeftButton)
        assert not dialog.is_busy() and not chosen and not target.exists()
    type_into(qtbot, field, "")
    qtbot.mouseClick(_button(dialog, "saveDocxButton"), Qt.MouseButton.LeftButton)
    assert "请填写" in problem.text() and not chosen and not target.exists()

    type_into(qtbot, field, "2026/12/5")
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "saveDocxButton"), Qt.MouseButton.LeftButton)
    assert problem.isHidden()
    assert "2026年12月5日" in [p.text for p in docx.Document(str(target)).paragraphs]


def test_going_back_to_the_default_template_keeps_the_edited_one(qtbot, dialog: SummaryDialog, data_home: Path,
                                                                 monkeypatch) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    qtbot.mouseClick(_button(dialog, "templateButton"), Qt.MouseButton.LeftButton)
    own = data_home / "reports" / "年度工作总结.txt"
    edited = own.read_text(encoding="utf-8").replace("# {工作室名称}{年度}年度工作总结", "# {年度}年度履职工作总结")
    own.write_text(edited, encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    qtbot.mouseClick(_button(dialog, "resetTemplateButton"), Qt.MouseButton.LeftButton)
    assert asked and "不会删除" in asked[0] and own.read_text(encoding="utf-8") == edited  # said no: nothing moved
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: told.append(a[2])))
    with qtbot.waitSignal(dialog.previewReady, timeout=20_000):
        qtbot.mouseClick(_button(dialog, "resetTemplateButton"), Qt.MouseButton.LeftButton)
    assert not own.exists()
    kept = [p for p in own.parent.iterdir() if p.name.startswith("年度工作总结（停用")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == edited
    assert len(told) == 1 and str(kept[0]) in told[0]
    assert not _text(dialog.result.path).startswith("2026年度履职工作总结")
