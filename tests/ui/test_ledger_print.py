"""打印…: a ledger page prints exactly the rows it shows, with the studio, ledger and filters on top."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLineEdit, QPushButton

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Reception
from studio_desk.ui.ledger_print import MAX_PRINT_ROWS, LedgerView, view_rows
from tests.ui.conftest import child, click, in_dialog, type_into

THIS_YEAR = date.today().year


def _pdf_tables(path) -> tuple[str, list[list[str]]]:
    """The PDF's text and the rows of its table(s), header rows dropped after the first page."""
    rows: list[list[str]] = []
    text = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            text.append(page.extract_text() or "")
            for table in page.extract_tables():
                body = [[(c or "").replace("\n", "") for c in row] for row in table]
                rows += [r for r in body if r[0] != "序号"] if rows else body
    return "\n".join(text), rows


def _print_to(qtbot, page, monkeypatch, target, *, mask: bool | None = None) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))

    def run(dialog):
        if mask is not None:
            child(dialog, "mask", QCheckBox).setChecked(mask)
        click(qtbot, child(dialog, "save_pdf", QPushButton))
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=60_000)
        assert "已保存" in child(dialog, "status").text()
        dialog.reject()

    in_dialog(qtbot, lambda: click(qtbot, child(page, "print_view", QPushButton)), run)


def test_printing_the_filtered_receptions_prints_the_rows_shown(window, demo_store, qtbot, tmp_path, monkeypatch):
    page = window.show_page("接待走访")
    page.set_year(THIS_YEAR)
    status = child(page, "filter_status", QComboBox)
    status.setCurrentIndex(status.findData("已办结"))
    page.apply_filters()
    shown = list(page.model.ids)
    assert len(shown) >= 3
    records = {r.id: r for r in demo_store.get_many(Reception, shown)}
    everything = demo_store.query_ids(Reception, year=THIS_YEAR)
    assert len(everything) > len(shown)

    target = tmp_path / "接待"
    _print_to(qtbot, page, monkeypatch, target, mask=True)
    text, rows = _pdf_tables(tmp_path / "接待.pdf")
    header, body = rows[0], rows[1:]
    assert header[:4] == ["序号", "日期", "方式", "对象"]
    # Exactly the rows shown, in the order shown.
    assert [r[0] for r in body] == [str(n) for n in range(1, len(shown) + 1)]
    assert [r[1] for r in body] == [records[i].date.isoformat() for i in shown]
    assert all(r[header.index("办理状态")] == "已办结" for r in body)
    lines = text.splitlines()
    assert lines[0] == demo_store.studio().name
    assert lines[1] == "接待走访台账"
    assert lines[2] == f"筛选：{THIS_YEAR}年 状态：已办结 共 {len(shown)} 条"  # ideographic spaces read as one
    # Citizens' names are masked in the printout (the 对象 column), as the dialog offered.
    names = [records[i].person_name for i in shown if len(records[i].person_name) >= 2]
    assert names and not any(n in text for n in names)
    assert "群众个人信息已隐去" in text


def test_printing_with_a_search_and_without_masking(window, demo_store, qtbot, tmp_path, monkeypatch):
    page = window.show_page("活动")
    page.set_year(THIS_YEAR)
    type_into(qtbot, child(page, "search", QLineEdit), "接待日")
    page.apply_filters()
    shown = list(page.model.ids)
    assert shown
    # The columns as arranged on screen: the 地点 column moved first, 亮点 hidden.
    header = page.table.horizontalHeader()
    header.moveSection(header.visualIndex(3), 0)
    header.setSectionHidden(7, True)
    _print_to(qtbot, page, monkeypatch, tmp_path / "活动.pdf", mask=False)
    text, rows = _pdf_tables(tmp_path / "活动.pdf")
    assert rows[0] == ["序号", "地点", "日期", "活动类型", "活动主题", "参加委员", "委员人数", "群众人次"]
    activities = {a.id: a for a in demo_store.get_many(Activity, shown)}
    assert [r[2] for r in rows[1:]] == [activities[i].date.isoformat() for i in shown]
    assert "搜索：接待日" in text.replace(" ", "")
    assert "群众个人信息已隐去" not in text
    header.setSectionHidden(7, False)


def test_print_is_bounded_before_reading(demo_store):
    view = LedgerView("活动台账", "全部记录", Activity, (), (), tuple(str(i) for i in range(MAX_PRINT_ROWS + 1)))
    with pytest.raises(StudioDeskError, match="一次最多打印"):
        view_rows(demo_store, view, mask=False)


def test_ctrl_p_prints_the_ledger_in_view(window, qtbot):
    window.show_page("捐赠慰问")
    seen = []
    in_dialog(qtbot, lambda: qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
              lambda dialog: (seen.append(dialog.windowTitle()), dialog.reject()))
    assert seen == ["打印台账"]
