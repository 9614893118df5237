"""The county window's 汇总: a last year no studio sent is said in words, never a row of zeros
(as a studio that has not sent this year is named, not counted as zeros)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QListWidget, QPushButton, QTableWidget

from studio_desk.core.county_figures import key_figure_map, last_year_words
from studio_desk.core.store import Store
from studio_desk.exports.workbook import write_workbook
from tests.ui.conftest import child, click, wait_idle


def _add(w, qtbot, monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    click(qtbot, child(w, "addPackages", QPushButton))
    wait_idle(qtbot, w)
    assert "未添加" not in w.add_status.text()


def _row(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, c).text() if table.item(row, c) else "" for c in range(table.columnCount())]


def test_a_last_year_nobody_sent_is_said_not_shown_as_zeros(county_window, county_studios, qtbot, monkeypatch,
                                                            tmp_path: Path) -> None:
    w = county_window
    with Store.open(county_studios[0].database, replica_id="studio-0") as store:
        workbooks = {year: write_workbook(store, year, tmp_path / f"{year}年度履职台账.xlsx", mask_pii=True)
                     for year in (2024, 2025)}
    _add(w, qtbot, monkeypatch, workbooks[2025])  # one studio, its 2025 only
    child(w, "countyNav", QListWidget).setCurrentRow(1)
    w.figures_year.setCurrentIndex(w.figures_year.findData(2025))
    totals = child(w, "totalsTable", QTableWidget)
    headers = [totals.horizontalHeaderItem(c).text() for c in range(totals.columnCount())]
    assert _row(totals, 0)[0] == "2025年合计"
    last = _row(totals, 1)
    assert last[0] == "2024年合计"
    said = " ".join(last)
    assert "2024年：各工作室都没有报送" in said
    assert not any(text in ("0", "0.00", "0%", "0.0%") for text in last)  # no row of zeros
    assert totals.columnSpan(1, 1) == len(headers) - 1  # the words stand across the figures

    _add(w, qtbot, monkeypatch, workbooks[2024])  # now 2024 too
    w.figures_year.setCurrentIndex(w.figures_year.findData(2025))
    expected = key_figure_map(w.county.figures(2025).totals)
    last = _row(totals, 1)
    assert last[0] == "2024年合计" and "没有报送" not in " ".join(last)
    assert totals.columnSpan(1, 1) == 1
    for key in ("activities_total", "members_total"):
        col = headers.index(f"{expected[key].label}({expected[key].unit})")
        assert expected[key].previous > 0
        assert last[col] == f"{expected[key].previous:,}"
    assert "尚未报送2024年" not in w.criteria_label.text()


def test_a_studio_that_did_not_send_last_year_is_named_beside_the_totals(
    county_window, county_studios, qtbot, monkeypatch, tmp_path: Path
) -> None:
    w = county_window
    first, second = county_studios[0], county_studios[1]
    with Store.open(first.database, replica_id="studio-0") as store:
        workbook = write_workbook(store, 2025, tmp_path / "2025年度履职台账.xlsx", mask_pii=True)
    _add(w, qtbot, monkeypatch, workbook)  # the first studio sent 2025 only
    _add(w, qtbot, monkeypatch, second.masked)  # the second its database, 2024 with it
    child(w, "countyNav", QListWidget).setCurrentRow(1)
    w.figures_year.setCurrentIndex(w.figures_year.findData(2025))
    totals = child(w, "totalsTable", QTableWidget)
    expected = key_figure_map(w.county.figures(2025).totals)["activities_total"]
    headers = [totals.horizontalHeaderItem(c).text() for c in range(totals.columnCount())]
    assert _row(totals, 1)[headers.index("开展活动(次)")] == f"{expected.previous:,}"
    assert f"尚未报送2024年的工作室：{first.name}" in w.criteria_label.text()
    assert last_year_words(w.county.figures(2025)) in w.criteria_label.text()  # the workbook's words too
    assert second.name not in w.criteria_label.text()
