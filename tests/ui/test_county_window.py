"""The 县政协汇总 window: add packages, see every studio's figures side by side, rate, write outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QListWidget, QPushButton, QSpinBox, QTableWidget

from studio_desk.core.county import County
from studio_desk.core.county_figures import key_figure_map
from tests.ui.conftest import child, click, in_dialog, save, wait_idle


def test_adding_packages_and_reading_the_county_figures(county_window, county_studios, qtbot, monkeypatch, tmp_path) -> None:
    w = county_window
    nav = child(w, "countyNav", QListWidget)
    assert [nav.item(i).text() for i in range(nav.count())] == ["工作室", "汇总", "报表"]
    paths = [str(s.masked) for s in county_studios] + [str(county_studios[0].database)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    click(qtbot, child(w, "addPackages", QPushButton))
    wait_idle(qtbot, w)
    # the studio's own (unmasked) database is refused, the three copies are in
    assert sorted(s.name for s in w.county.studios()) == sorted(s.name for s in county_studios)
    assert "未添加" in w.add_status.text() and "脱敏" in w.add_status.text()
    assert child(w, "studioTable", QTableWidget).rowCount() == 3

    nav.setCurrentRow(1)
    table = child(w, "figuresTable", QTableWidget)
    year_box = w.figures_year
    year_box.setCurrentIndex(year_box.findData(2025))
    assert table.rowCount() == 3
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    col = headers.index("开展活动(次)")
    table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.DescendingOrder)
    values = [int(table.item(r, col).text().replace(",", "")) for r in range(3)]
    assert values == sorted(values, reverse=True)
    expected = key_figure_map(w.county.figures(2025).totals)["activities_total"]
    totals = child(w, "totalsTable", QTableWidget)
    assert totals.item(0, col).text() == f"{expected.current:,}"
    assert totals.item(1, col).text() == f"{expected.previous:,}"
    assert sum(values) == expected.current

    def only_activities(dialog) -> None:
        for box in dialog.findChildren(QCheckBox):
            box.setChecked(box.objectName() == "use_activities_total")
        child(dialog, "threshold_activities_total", QSpinBox).setValue(min(values))
        save(qtbot, dialog)

    in_dialog(qtbot, lambda: click(qtbot, child(w, "ratingCriteria", QPushButton)), only_activities)
    assert [(c.key, c.threshold) for c in w.county.criteria()] == [("activities_total", min(values))]
    assert [table.item(r, 1).text() for r in range(3)] == ["★"] * 3

    nav.setCurrentRow(2)
    target = tmp_path / "汇总表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.report_year.setCurrentIndex(w.report_year.findData(2025))
    click(qtbot, child(w, "write_xlsx", QPushButton))
    wait_idle(qtbot, w)
    assert target.exists() and str(target) in w.report_status.text()
    from openpyxl import load_workbook

    wb = load_workbook(target, read_only=True)
    names = [row[0] for row in wb["统计汇总"].iter_rows(min_row=3, values_only=True)]
    assert sorted(names[:3]) == sorted(s.name for s in county_studios)
    wb.close()
    wb = load_workbook(target)
    assert wb["接待走访台账"].page_setup.paperSize == 9  # A4, the print layout, by default
    assert any(dim.hidden for dim in wb["接待走访台账"].column_dimensions.values())
    # A3 when the county asks for every column
    paper = child(w, "paper", QComboBox)
    paper.setCurrentIndex(paper.findData("a3"))
    click(qtbot, child(w, "write_xlsx", QPushButton))
    wait_idle(qtbot, w)
    wb = load_workbook(target)
    sheet = wb["接待走访台账"]
    assert sheet.page_setup.paperSize == 8
    assert not any(dim.hidden for dim in sheet.column_dimensions.values())
    wb.close()


def test_the_studio_window_opens_the_county_window(window, qtbot, data_home) -> None:
    from PySide6.QtGui import QAction

    from studio_desk.core.county import default_county_path
    from studio_desk.ui import county_window

    child(window, "county", QAction).trigger()
    opened = county_window._open_windows[-1]
    qtbot.waitUntil(opened.isVisible, timeout=5000)
    assert opened.county.path == default_county_path() and default_county_path().exists()
    # a command on the same county file meanwhile is told who has it open, and changes nothing
    from studio_desk.cli import main
    from studio_desk.core.instance_lock import DatabaseInUse

    with pytest.raises(DatabaseInUse, match="窗口"):
        County.open_for_work(default_county_path(), holder="command")
    assert main(["county", "rating", "活动=3"]) == 1
    opened.close()
    assert opened not in county_window._open_windows
    # the file and its lock were let go: it opens again
    child(window, "county", QAction).trigger()
    again = county_window._open_windows[-1]
    assert again is not opened
    again.close()


def test_the_window_computes_stale_figures_again(tmp_path: Path, county_studios, qtbot) -> None:
    from studio_desk.ui.county_window import CountyWindow

    county = County.open(tmp_path / "县.sqlite")
    county.add_package(county_studios[0].masked)
    with county.transaction() as conn:
        conn.execute("UPDATE studios SET figures_format = 'older'")
    w = CountyWindow(county)
    qtbot.addWidget(w)
    w.show()
    wait_idle(qtbot, w)
    assert county.stale_studios() == []
    w.figures_year.setCurrentIndex(w.figures_year.findData(2025))
    assert child(w, "figuresTable", QTableWidget).rowCount() == 1
    county.close()
