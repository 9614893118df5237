"""Every window and dialog fits the clerk's 1366×768 laptop, also at 125 % and 150 % scaling.

At 125 % Qt sees a screen of 1093×614 logical pixels (less the taskbar), at 150 % 911×512: a
dialog's least size must fit there (its long parts scroll), and it never opens larger than the
screen it is on.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.core.store import Store

SCALED_125 = (1093, 614 - 40)
SCALED_150 = (911, 512 - 40)


def _dialogs(store: Store) -> dict[str, QWidget]:
    from studio_desk.ui import exchange_dialogs, ledger_io, settings_dialogs
    from studio_desk.ui.first_run import SetupDialog
    from studio_desk.ui.forms import FORM_FOR
    from studio_desk.ui.help_window import HelpWindow
    from studio_desk.ui.print_dialog import PrintDialog
    from studio_desk.ui.reception_day import ReceptionDayDialog
    from studio_desk.ui.rota_dialog import RotaDialog
    from studio_desk.ui.summary_dialog import SummaryDialog

    out: dict[str, QWidget] = {f"form_{c.KIND}": FORM_FOR[c](store) for c in (Member, Activity, Reception, Donation, Proposal)}
    out["studio"] = settings_dialogs.studio_dialog(store)
    out["types"] = settings_dialogs.TypeListsDialog(store)
    out["weights"] = settings_dialogs.PointWeightsDialog(store)
    out["snapshot"] = exchange_dialogs.SnapshotDialog(store)
    out["merge"] = exchange_dialogs.MergeDialog(store)
    out["backups"] = exchange_dialogs.BackupDialog(store)
    out["county"] = exchange_dialogs.CountyPackageDialog(store)
    out["import"] = ledger_io.ImportDialog(store)
    out["export"] = ledger_io.ExportDialog(store, 2025)
    out["summary"] = SummaryDialog(store, 2025)
    out["first_run"] = SetupDialog(store)
    out["help"] = HelpWindow()
    out["print_documents"] = PrintDialog(store, 2025)
    out["reception_day"] = ReceptionDayDialog(store)
    out["rota"] = RotaDialog(store)
    return out


def test_every_dialog_fits_a_scaled_small_screen(qtbot, demo_store: Store):
    screen = QApplication.primaryScreen().availableGeometry()
    dialogs = _dialogs(demo_store)
    too_big = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        if least.width() > SCALED_150[0] or least.height() > SCALED_150[1]:
            too_big[name] = ("least", least.toTuple())
        if dialog.width() > screen.width() or dialog.height() > screen.height():
            too_big[name] = ("opens at", dialog.size().toTuple())
    summary = dialogs["summary"]
    qtbot.waitUntil(lambda: not summary.is_busy(), timeout=30_000)  # its first preview
    summary.done(0)
    assert not too_big


def test_the_window_fits_and_opens_within_the_screen(window):
    screen = QApplication.primaryScreen().availableGeometry()
    least = window.minimumSizeHint()
    assert least.width() <= SCALED_150[0] and least.height() <= SCALED_150[1]
    assert window.width() <= screen.width() and window.height() <= screen.height()


@pytest.mark.parametrize("width", [1280, 1093, 911])
def test_dashboard_shows_every_change_whole_at_small_widths(window, qtbot, width):
    from tests.ui.conftest import wait_idle

    window.resize(width, SCALED_125[1])
    page = window.show_page("总览")
    wait_idle(qtbot, window)
    qtbot.wait(50)
    table = page.table
    header = table.horizontalHeader()
    column = 3  # 增减
    needed = table.sizeHintForColumn(column)
    assert header.sectionSize(column) >= needed
    visible_right = header.sectionViewportPosition(column) + header.sectionSize(column)
    assert visible_right <= table.viewport().width()
    assert page.figure_row("activities_total")["本年"].endswith("次")
    texts = [card.value.text() for card in page.cards if card.isVisible()]
    assert len(texts) == 6 and all(texts)


@pytest.mark.parametrize("width", [1366, SCALED_125[0], SCALED_150[0]])
def test_ledger_action_buttons_show_their_whole_labels(window, qtbot, width):
    """新建接待日… and its neighbours on 接待走访 keep their whole label, down to 150 % scaling."""
    from PySide6.QtWidgets import QPushButton

    from tests.ui.conftest import wait_idle

    window.resize(width, SCALED_125[1])
    page = window.show_page("接待走访")
    wait_idle(qtbot, window)
    qtbot.wait(50)
    day = page.findChild(QPushButton, "reception_day")
    assert day is not None and day.text() == "新建接待日…"
    for name in ("new", "edit", "copy", "delete", "reception_day", "print_view"):
        button = page.findChild(QPushButton, name)
        label = button.fontMetrics().horizontalAdvance(button.text()) + button.iconSize().width()
        assert button.width() >= button.sizeHint().width() > label, name
        assert button.geometry().right() <= page.width(), name


def test_the_print_view_and_the_county_window_fit(window, qtbot, tmp_path):
    from studio_desk.core.county import County
    from studio_desk.ui.county_window import CountyWindow
    from studio_desk.ui.ledger_print import PrintViewDialog

    screen = QApplication.primaryScreen().availableGeometry()
    window.show_page("接待走访")
    county = County.open(tmp_path / "县政协汇总.sqlite")
    try:
        widgets = {"print_view": PrintViewDialog(window.current_page(), window), "county": CountyWindow(county)}
        for name, widget in widgets.items():
            qtbot.addWidget(widget)
            least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
            assert least.width() <= SCALED_150[0] and least.height() <= SCALED_150[1], name
            assert widget.width() <= screen.width() and widget.height() <= screen.height(), name
    finally:
        county.close()
