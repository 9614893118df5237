"""The main window: navigation list, the pages, menus, status bar and the undo stack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from studio_desk import APP_TITLE, __version__
from studio_desk.core.models import BY_KIND, Activity, Donation, Proposal, Reception
from studio_desk.core.store import Store
from studio_desk.ui.action_pages import ExchangePage, ReportsPage
from studio_desk.ui.dashboard import DashboardPage
from studio_desk.ui.ledger_page import LedgerPage
from studio_desk.ui.look import fit_to_screen, icon
from studio_desk.ui.member_page import MemberPage
from studio_desk.ui.recycle_page import RecyclePage
from studio_desk.ui.operations import Operations
from studio_desk.ui.tasks import run_quietly
from studio_desk.ui.wheel_guard import guard_wheel

PAGE_NAMES = ("总览", "活动", "接待走访", "捐赠慰问", "提案建议", "委员", "报表", "数据交换", "回收站")
PAGE_ICONS = ("dashboard", "activity", "reception", "donation", "proposal", "members", "reports", "exchange", "recycle")


def settings_file() -> QSettings:
    from studio_desk.paths import data_dir

    return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """``openRequested(path)`` asks the app to open another database file in a new window."""

    openRequested = Signal(Path)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._backup_runner = None
        self._shut = False
        self.setup_dialog: QDialog | None = None
        self.setObjectName("main_window")
        self._update_title()

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        for name, icon_name in zip(PAGE_NAMES, PAGE_ICONS):
            self.nav.addItem(QListWidgetItem(icon(icon_name), name))
        self.nav.setMinimumWidth(110)
        self.nav.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.operations = Operations(store, self)  # every write of the window runs through it
        self.operations.changed.connect(self.record_changed)
        ops = self.operations
        dashboard = DashboardPage(store)
        dashboard.open_record.connect(self.open_record)
        dashboard.open_incomplete.connect(self.open_incomplete)
        self._add_page("总览", dashboard)
        for name, cls in (("活动", Activity), ("接待走访", Reception), ("捐赠慰问", Donation), ("提案建议", Proposal)):
            self._add_page(name, LedgerPage(store, cls, ops))
            from studio_desk.ui.print_dialog import add_record_print_button

            add_record_print_button(self.pages[name], store)  # 打印签到表 / 打印签收单
        self._add_page("委员", MemberPage(store, ops))
        self._add_page("报表", ReportsPage(store))
        self._add_page("数据交换", ExchangePage(store))
        self._add_page("回收站", RecyclePage(store, ops))
        guard_wheel(self.stack)  # every page's boxes: the wheel scrolls the page, never filters or switches

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([130, 1150])
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(lambda _r: self._update_actions())

        self.db_label = QLabel()
        self.db_label.setObjectName("db_label")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backup_label")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)

        self._build_menus()
        self.nav.setCurrentRow(0)
        fit_to_screen(self, 1280, 800)
        self.restore_settings()
        self.update_status()
        dashboard.refresh()

    def _update_title(self) -> None:
        """“某某委员工作室 — 履职台账”; a studio still without its own name shows the app's name alone."""
        name = self.store.studio().name.strip()
        if not name or name in APP_TITLE:
            self.setWindowTitle(APP_TITLE)
        else:
            self.setWindowTitle(f"{name} — 履职台账")

    def _add_page(self, name: str, page: QWidget) -> None:
        self.pages[name] = page
        self.stack.addWidget(page)

    def page(self, name: str) -> QWidget:
        return self.pages[name]

    def show_page(self, name: str) -> QWidget:
        self.nav.setCurrentRow(PAGE_NAMES.index(name))
        return self.pages[name]

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    # Menus.

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, name: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.addAction(self._action("打开数据库…", self.choose_database, QKeySequence.StandardKey.Open, "open_db"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("工作室信息…", self.edit_studio, None, "studio"))
        file_menu.addAction(self._action("类型与界别设置…", self.edit_types, None, "types"))
        file_menu.addAction(self._action("履职积分规则…", self.edit_weights, None, "weights"))
        file_menu.addSeparator()
        self.export_action = self._action("导出 Excel 台账…", self.export_workbook, "Ctrl+E", "export")
        file_menu.addAction(self.export_action)
        file_menu.addAction(self._action("从Excel导入台账…", self.import_workbook, "Ctrl+I", "import"))
        self.print_action = self._action("打印当前台账…", self._print, QKeySequence.StandardKey.Print, "print_view")
        file_menu.addAction(self.print_action)
        file_menu.addAction(self._action("县政协汇总…", self._open_county, None, "county"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("退出", self.close, QKeySequence.StandardKey.Quit, "quit"))

        edit = bar.addMenu("编辑(&E)")
        self.new_action = self._action("新建记录", self._new, "Ctrl+N", "new")
        self.edit_action = self._action("编辑所选记录", self._edit, None, "edit")
        self.delete_action = self._action("删除所选记录", self._delete, QKeySequence.StandardKey.Delete, "delete")
        self.undo_action = self._action("撤销", self.undo, QKeySequence.StandardKey.Undo, "undo")
        self.find_action = self._action("搜索", self._find, QKeySequence.StandardKey.Find, "find")
        for a in (self.new_action, self.edit_action, self.delete_action, self.undo_action, self.find_action):
            edit.addAction(a)
            self.addAction(a)

        view = bar.addMenu("视图(&V)")
        for i, name in enumerate(PAGE_NAMES, start=1):
            view.addAction(self._action(name, lambda n=name: self.show_page(n), f"Ctrl+{i}", f"show_{i}"))
        view.addSeparator()
        view.addAction(self._action("刷新", self.refresh, QKeySequence.StandardKey.Refresh, "refresh"))

        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self._action("使用说明", self.show_help, QKeySequence.StandardKey.HelpContents, "help"))
        help_menu.addAction(self._action("保存使用说明为PDF…", self.save_help_pdf, None, "help_pdf"))
        help_menu.addSeparator()
        help_menu.addAction(self._action("打开演示数据库", self.open_demo, None, "demo"))
        help_menu.addAction(self._action("打开数据文件夹", self.open_data_folder, None, "data_folder"))
        help_menu.addSeparator()
        help_menu.addAction(self._action("关于", self.about, None, "about"))
        self._update_actions()

    def _ledger(self) -> LedgerPage | None:
        page = self.current_page()
        return page if isinstance(page, LedgerPage) else None

    def _update_actions(self) -> None:
        has_ledger = self._ledger() is not None
        for a in (self.new_action, self.edit_action, self.delete_action, self.find_action, self.print_action):
            a.setEnabled(has_ledger)
        label = self.store.undo_label()  # undo lives in the store: the window only asks
        self.undo_action.setEnabled(bool(label))
        self.undo_action.setText(f"撤销“{label}”" if label else "撤销")

    def _new(self) -> None:
        if (page := self._ledger()) is not None:
            page.new_record()

    def _edit(self) -> None:
        if (page := self._ledger()) is not None:
            page.edit_selected()

    def _delete(self) -> None:
        if (page := self._ledger()) is not None:
            page.delete_selected()

    def _print(self) -> None:
        if (page := self._ledger()) is not None:
            page.print_view()

    def _find(self) -> None:
        if (page := self._ledger()) is not None:
            page.focus_search()

    # Changes and undo.

    def record_changed(self, _text: str, _ids: list, source: object) -> None:
        """What the window's operations changed (an import may also have named the studio):
        every other page re-reads it."""
        self._update_title()
        self._refresh_others(source)
        self._update_actions()

    def undo(self) -> None:
        def select(step) -> None:  # type: ignore[no-untyped-def]
            if (page := self._ledger()) is not None:
                page.select_ids(step.record_ids)

        self.operations.undo(on_done=select)

    def _refresh_others(self, source: object) -> None:
        for page in self.pages.values():
            if page is not source and hasattr(page, "refresh"):
                page.refresh()  # type: ignore[attr-defined]
        self.update_status()

    def refresh(self) -> None:
        """Re-read every page and the status bar (after an import, a merge, an undo…)."""
        self._update_title()
        self._refresh_others(None)
        self._update_actions()

    def open_record(self, kind: str, record_id: str) -> None:
        cls = BY_KIND[kind]
        for name, page in self.pages.items():
            if isinstance(page, LedgerPage) and page.cls is cls:
                self.show_page(name)
                record = self.store.find(cls, record_id)
                if record is not None and record.year() is not None:
                    page.set_year(record.year())
                page.select_ids([record_id])
                page.edit_record(record_id)
                return

    def open_incomplete(self, year: int) -> None:
        """The first ledger with 待补全 records of ``year``, filtered to them."""
        from studio_desk.core.completeness import count_incomplete

        counts = count_incomplete(self.store, year)
        for name, page in self.pages.items():
            if isinstance(page, LedgerPage) and counts.get(page.cls.TITLE, 0) > 0:
                self.show_page(name)
                page.show_incomplete(year)
                return

    # Status bar and backups.

    def update_status(self) -> None:
        from studio_desk.core.backup import list_backups
        from studio_desk.paths import backups_dir

        self.db_label.setText(f"数据库：{self.store.path}")
        try:
            backups = list_backups(backups_dir(), self.store)
        except OSError:
            backups = []
        if backups:
            last = backups[0]
            self.backup_label.setText(f"上次备份：{last.made_at:%Y-%m-%d %H:%M}（{last.label}）")
        else:
            self.backup_label.setText("尚无备份")

    def start_daily_backup(self) -> None:
        """Make the day's automatic backup in the background, when none was made today."""
        from studio_desk.core.backup import daily_backup_due, make_backup
        from studio_desk.paths import backups_dir

        folder = backups_dir()
        if not daily_backup_due(folder, self.store):
            return
        store = self.store

        def done(_info: object) -> None:
            self._backup_runner = None
            if not self._shut:
                self.update_status()

        def failed(exc: BaseException) -> None:
            self._backup_runner = None
            from studio_desk.logs import log_unexpected

            log_unexpected(exc, "daily backup")
            self.statusBar().showMessage(f"每日自动备份没有成功：{exc}", 15000)

        self._backup_runner = run_quietly(self, lambda: make_backup(store, folder, "daily"), done, failed)

    def is_busy(self) -> bool:
        busy = [getattr(p, "is_busy", lambda: False)() for p in self.pages.values()]
        return any(busy) or self._backup_runner is not None

    # Dialogs.

    def edit_studio(self) -> None:
        from studio_desk.ui.settings_dialogs import studio_dialog

        studio_dialog(self.store, self).exec()  # the pages re-read on the operation's ``changed``

    def offer_setup(self) -> None:
        """On the first start of an empty database, offer the studio's details (skippable)."""
        from studio_desk.ui.first_run import SetupDialog, mark_offered, needs_setup, was_offered

        settings = settings_file()
        if not needs_setup(self.store) or was_offered(settings, self.store):
            return
        mark_offered(settings, self.store)
        self.setup_dialog = SetupDialog(self.store, self)  # saves as one of the window's operations
        self.setup_dialog.open()

    def edit_types(self) -> None:
        from studio_desk.ui.settings_dialogs import TypeListsDialog

        TypeListsDialog(self.store, self).exec()  # each change re-reads the pages through ``changed``

    def edit_weights(self) -> None:
        from studio_desk.ui.settings_dialogs import PointWeightsDialog

        PointWeightsDialog(self.store, self).exec()  # saved as one of the window's operations

    def export_workbook(self) -> None:
        reports = self.page("报表")
        assert isinstance(reports, ReportsPage)
        reports.export_workbook()

    def import_workbook(self) -> None:
        reports = self.page("报表")
        assert isinstance(reports, ReportsPage)
        reports.import_workbook()

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "打开数据库", str(self.store.path.parent), "台账数据库 (*.sqlite *.db);;所有文件 (*)"
        )
        if path:
            self.openRequested.emit(Path(path))

    def open_demo(self) -> None:
        from studio_desk.core.demo import create_demo_database, default_demo_path
        from studio_desk.ui.tasks import run_task

        target = default_demo_path()
        if target.exists():
            self.openRequested.emit(target)
            return
        self._demo_task = run_task(
            self,
            "创建演示数据库",
            lambda _progress: create_demo_database(target),
            on_done=lambda _r: self.openRequested.emit(target),
            cancellable=False,
        )

    def _open_county(self) -> None:
        from studio_desk.ui.county_window import open_county_window

        open_county_window(self)

    def show_help(self) -> None:
        """F1: the manual, opened at the chapter about the page in view."""
        from studio_desk.ui.help_window import TOPIC_OF_PAGE, open_help

        open_help(self, TOPIC_OF_PAGE.get(PAGE_NAMES[self.nav.currentRow()], ""))

    def save_help_pdf(self) -> None:
        from studio_desk.ui.help_window import open_help

        window = open_help(self)
        if window is not None:
            window.choose_and_save_pdf()

    def open_data_folder(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from studio_desk.paths import data_dir

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))

    def about(self) -> None:
        QMessageBox.about(
            self,
            "关于",
            f"{APP_TITLE}（Studio Desk）{__version__}\n\n记录委员工作室的活动、接待走访、捐赠慰问和提案建议，"
            f"年底生成 Excel 台账和年度工作总结。\n\n数据库：{self.store.path}",
        )

    # Window state.

    def restore_settings(self) -> None:
        s = settings_file()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for name, page in self.pages.items():
            if isinstance(page, LedgerPage):
                state = s.value(f"columns/{page.cls.KIND}")
                if isinstance(state, QByteArray):
                    page.restore_columns(state)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not getattr(self, "_splitters_restored", False):
            # Splitter sizes only hold once the window has its real size.
            self._splitters_restored = True
            s = settings_file()
            for key, splitter in self._splitters().items():
                state = s.value(f"splitters/{key}")
                if isinstance(state, QByteArray):
                    splitter.restoreState(state)

    def save_settings(self) -> None:
        s = settings_file()
        s.setValue("window/geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            s.setValue(f"splitters/{key}", splitter.saveState())
        for page in self.pages.values():
            if isinstance(page, LedgerPage):
                s.setValue(f"columns/{page.cls.KIND}", page.table.horizontalHeader().saveState())
        s.sync()

    def _splitters(self) -> dict[str, QSplitter]:
        out = {"main": self.splitter}
        dashboard = self.page("总览")
        out["dashboard"] = dashboard.splitter  # type: ignore[attr-defined]
        out["members"] = self.page("委员").splitter  # type: ignore[attr-defined]
        return out

    def shutdown(self) -> None:
        """Wait for background work (it holds the store) before the store is closed."""
        self._shut = True
        if self.setup_dialog is not None:
            self.setup_dialog.done(0)
        for page in self.pages.values():
            stop = getattr(page, "shutdown", None)
            if stop is not None:
                stop()
        if self._backup_runner is not None:
            self._backup_runner.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            self.save_settings()
        except Exception as exc:  # noqa: BLE001 - never block closing over window sizes
            from studio_desk.logs import log_unexpected

            log_unexpected(exc, "saving window settings")
        self.shutdown()
        super().closeEvent(event)
