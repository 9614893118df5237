"""Screenshots of every page and dialog on a 1366×768 screen, to look at the window as a clerk sees it.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py shots/

Makes a demo database (and a county file with the demo's masked package) in a temporary folder,
opens the main window maximised, then shows each page and each dialog in turn and saves the whole
screen as ``NN-name.png``. Nothing is clicked that writes: dialogs are shown and closed again. The
names of any dialog whose window reaches past the screen are printed at the end (exit code 1).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

SCREEN_DATE = date(2026, 11, 21)


def _settle(app: QApplication, ms: int = 400) -> None:
    """Let the window lay out and finish its background reads before the picture is taken."""
    loop_until = QTimer()
    loop_until.setSingleShot(True)
    loop_until.start(ms)
    while loop_until.isActive():
        app.processEvents()


class Camera:
    def __init__(self, app: QApplication, folder: Path):
        self.app, self.folder, self.count = app, folder, 0
        self.too_big: list[str] = []

    def shoot(self, name: str, widget: QWidget | None = None) -> None:
        _settle(self.app)
        screen = self.app.primaryScreen()
        if widget is not None:
            frame = widget.frameGeometry()
            if not screen.availableGeometry().contains(frame):
                self.too_big.append(f"{name}: {frame.width()}×{frame.height()} at {frame.x()},{frame.y()}")
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        screen.grabWindow(0).save(str(path))
        print(path)

    def dialog(self, name: str, make: Callable[[], QWidget]) -> None:
        widget = make()
        widget.show()
        widget.raise_()
        self.shoot(name, widget)
        widget.close()
        busy = getattr(widget, "is_busy", None)
        while callable(busy) and busy():
            _settle(self.app, 100)
        widget.deleteLater()
        _settle(self.app, 100)


def _county_file(store, work: Path) -> Path:  # type: ignore[no-untyped-def]
    from studio_desk.core.county import County
    from studio_desk.exports.county_package import write_county_package

    package = write_county_package(store, 2025, work / "材料包", mask_pii=True, with_db=True, as_zip=True)
    path = work / "县政协汇总.sqlite"
    county = County.open(path)
    try:
        county.add_package(package.path)
    finally:
        county.close()
    return path


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="studio-desk-shots-"))
    os.environ.setdefault("STUDIO_DESK_HOME", str(work / "home"))
    from studio_desk.core.demo import create_demo_database
    from studio_desk.ui import app as app_module

    db = work / "示范工作室.sqlite"
    create_demo_database(db, today=SCREEN_DATE)
    qt_app = QApplication.instance() or QApplication(sys.argv)
    app_module.keep_window_responsive()
    app_module.install_translations(qt_app)
    app_module.apply_style(qt_app)
    window = app_module.open_window(db)
    if window is None:
        return 2
    window.showMaximized()
    camera = Camera(qt_app, folder)
    _pages(camera, window)
    _dialogs(camera, window)
    _county(camera, window.store, work)
    window.close()
    _settle(qt_app)
    for line in camera.too_big:
        print("超出屏幕:", line)
    return 1 if camera.too_big else 0


def _pages(camera: Camera, window) -> None:  # type: ignore[no-untyped-def]
    from studio_desk.ui.main_window import PAGE_NAMES

    for index, name in enumerate(PAGE_NAMES):
        window.show_page(name)
        camera.shoot(f"page{index}-{name}")


def _dialogs(camera: Camera, window) -> None:  # type: ignore[no-untyped-def]
    from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
    from studio_desk.ui import exchange_dialogs, ledger_io, settings_dialogs
    from studio_desk.ui.first_run import SetupDialog
    from studio_desk.ui.forms import FORM_FOR
    from studio_desk.ui.help_window import HelpWindow
    from studio_desk.ui.ledger_print import PrintViewDialog
    from studio_desk.ui.merge_dialog import MergeDialog
    from studio_desk.ui.print_dialog import PrintDialog
    from studio_desk.ui.reception_day import ReceptionDayDialog
    from studio_desk.ui.rota_dialog import RotaDialog
    from studio_desk.ui.summary_dialog import SummaryDialog

    store = window.store
    for cls in (Member, Activity, Reception, Donation, Proposal):
        camera.dialog(f"form-{cls.TITLE}", lambda cls=cls: FORM_FOR[cls](store, parent=window))
    camera.dialog("接待日登记", lambda: ReceptionDayDialog(store, None, window))
    camera.dialog("委员接待日安排", lambda: RotaDialog(store, window, today=SCREEN_DATE))
    camera.dialog("工作室信息", lambda: settings_dialogs.studio_dialog(store, window))
    camera.dialog("首次使用", lambda: SetupDialog(store, window))
    camera.dialog("类型设置", lambda: settings_dialogs.TypeListsDialog(store, window))
    camera.dialog("履职积分规则", lambda: settings_dialogs.PointWeightsDialog(store, window))
    camera.dialog("导出台账", lambda: ledger_io.ExportDialog(store, 2025, window))
    camera.dialog("导入台账", lambda: ledger_io.ImportDialog(store, window))
    camera.dialog("年度工作总结", lambda: SummaryDialog(store, 2025, window))
    camera.dialog("打印文档", lambda: PrintDialog(store, 2025, window, today=SCREEN_DATE))
    window.show_page("接待走访")
    camera.dialog("打印台账", lambda: PrintViewDialog(window.current_page(), window))
    camera.dialog("复制到U盘", lambda: exchange_dialogs.SnapshotDialog(store, window))
    camera.dialog("从U盘合并", lambda: MergeDialog(store, window))
    camera.dialog("备份与恢复", lambda: exchange_dialogs.BackupDialog(store, window))
    camera.dialog("报送县政协", lambda: exchange_dialogs.CountyPackageDialog(store, window))
    camera.dialog("使用说明", lambda: HelpWindow(window))


def _county(camera: Camera, store, work: Path) -> None:  # type: ignore[no-untyped-def]
    from studio_desk.core.county import County
    from studio_desk.ui.county_window import CountyWindow

    county = County.open(_county_file(store, work))
    try:
        window = CountyWindow(county)
        window.showMaximized()
        for index in range(window.nav.count()):
            window.nav.setCurrentRow(index)
            camera.shoot(f"county{index}-{window.nav.item(index).text()}", window)
        window.close()
        _settle(camera.app)
    finally:
        county.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots")))
