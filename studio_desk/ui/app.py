"""Starting the desktop app: the default database (made on first start), errors, style."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

_windows: list = []  # open main windows, kept alive (one per open database)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error escaping a slot: log it, say a short sentence, keep the window running."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    try:
        from PySide6.QtWidgets import QApplication

        from studio_desk.ui.tasks import show_error

        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        show_error(QApplication.activeWindow(), "出错了", exc)
    except Exception:  # noqa: BLE001 - last resort: the log, never a dialog with a traceback
        traceback.print_exception(kind, exc, tb)


SWITCH_INTERVAL_S = 0.0005


def keep_window_responsive() -> None:
    """Hand the interpreter lock over every 0.5 ms instead of every 5 ms.

    Background work (import, delete, merge) is Python too. While it runs, every call Qt makes
    into Python on the UI thread (a model's rowCount, a slot, a repaint's data) first waits for
    the lock; a repaint makes hundreds of them, so with the default 5 ms the window stood still
    for seconds during a 10,000-record delete (bench/bench_gui.py --stalls)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


PINYIN_AFTER_MS = 1000


def read_pinyin() -> None:
    import pypinyin  # noqa: F401  (its import decodes the dictionaries)

    from studio_desk.core.text import pinyin_initials

    pinyin_initials("委员")


def load_pinyin_soon() -> None:
    """Read pypinyin's dictionaries on a plain thread a second after the window shows.

    Every record written gets its search text from pypinyin, whose import decodes one large
    dictionary in a single call that keeps the interpreter lock for about 0.4 s: done by the
    first background import or merge of the session, it froze the window that long in the
    middle of the work. Read at start, before the clerk has begun anything, it is one short
    pause instead (``bench/bench_gui.py --stalls`` does the same).

    The cycle collector is paused meanwhile, as for all background work (``ui.tasks``): a walk
    started by that thread's allocations could free a cycle holding Qt objects off the UI
    thread. The UI thread resumes it when the thread is done, keeping what was loaded (pypinyin
    alone is about 200,000 objects, alive as long as the program) out of later walks."""
    import threading

    from PySide6.QtCore import QTimer

    from studio_desk.core.collector import pause_collector, resume_collector

    if "pypinyin" in sys.modules:
        return
    thread = threading.Thread(target=read_pinyin, name="pinyin", daemon=True)
    poll = QTimer()
    poll.setInterval(50)

    def check() -> None:
        if not thread.is_alive():
            poll.stop()
            resume_collector()

    def start() -> None:
        pause_collector()
        thread.start()
        poll.start()

    poll.timeout.connect(check)
    _pinyin_timers.append(poll)  # kept alive as long as the program
    QTimer.singleShot(PINYIN_AFTER_MS, start)


_pinyin_timers: list = []  # type: ignore[type-arg]


def apply_style(app) -> None:  # type: ignore[no-untyped-def]
    """Fonts that carry Chinese, and the small style sheet in ``resources/``."""
    from studio_desk.paths import asset_path
    from studio_desk.ui.look import ui_font

    font = ui_font()  # Microsoft YaHei UI where present
    if font is not None:
        app.setFont(font)
    try:
        app.setStyleSheet(asset_path("resources", "style.qss").read_text(encoding="utf-8"))
    except (OSError, FileNotFoundError):
        pass
    try:
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(asset_path("resources", "icons", "app.svg"))))
    except FileNotFoundError:
        pass


def install_translations(app) -> None:  # type: ignore[no-untyped-def]
    """Qt's own texts (file dialogs, calendars, 确定/取消 buttons) in Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for name in ("qtbase_zh_CN",):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


def open_window(path: Path, replaced=None) -> object | None:  # type: ignore[no-untyped-def]
    """Open ``path`` in a new main window; on success close the window it replaces.

    One window per database: a second copy of the app opening the same file is told so and
    opens nothing. Opening is the core's one path (``core.open``), shared with the commands.
    """
    from PySide6.QtWidgets import QMessageBox

    from studio_desk import APP_TITLE
    from studio_desk.core.errors import StudioDeskError
    from studio_desk.core.open import not_made_yet, open_for_work
    from studio_desk.ui.main_window import MainWindow

    path = Path(path)
    new = not_made_yet(path)
    try:
        store = open_for_work(
            path, holder="window",
            notify=lambda message: QMessageBox.information(replaced, APP_TITLE, message),
        )
    except StudioDeskError as exc:
        QMessageBox.critical(replaced, APP_TITLE, f"无法打开数据库：\n{exc}")
        return None
    window = MainWindow(store)
    window.openRequested.connect(lambda p, w=window: open_window(p, w))
    _windows.append((window, store))
    if replaced is not None:
        replaced.close()
        for entry in [e for e in _windows if e[0] is replaced]:
            _close_entry(entry)
            _windows.remove(entry)
    window.show()
    if not new:
        window.start_daily_backup()
    load_pinyin_soon()
    window.offer_setup()  # the studio's details on the first start of an empty database
    return window


def _close_entry(entry: tuple) -> None:  # type: ignore[type-arg]
    """Close a window's database (writing a stick's working copy back; the lock is freed)."""
    from PySide6.QtWidgets import QMessageBox

    from studio_desk import APP_TITLE
    from studio_desk.core.errors import StudioDeskError

    window, store = entry
    try:
        window.shutdown()
        store.close()
    except StudioDeskError as exc:
        QMessageBox.warning(None, APP_TITLE, str(exc))


def run_app(db_path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from studio_desk import APP_NAME, APP_TITLE
    from studio_desk.logs import setup_logging
    from studio_desk.paths import default_db_path

    try:
        setup_logging()
    except OSError:
        pass
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication

    if QApplication.instance() is None:
        # Crisp at 125 % / 150 % Windows scaling instead of rounding to whole factors.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv)
    keep_window_responsive()
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    sys.excepthook = _excepthook
    install_translations(app)
    apply_style(app)
    path = db_path or default_db_path()
    if open_window(path) is None:
        return 1
    quit_after = os.environ.get("STUDIO_DESK_QUIT_AFTER_MS")
    if quit_after and quit_after.isdigit():  # used by the installer's smoke test
        QTimer.singleShot(int(quit_after), app.quit)
    try:
        return app.exec()
    finally:
        for entry in _windows:
            _close_entry(entry)
        _windows.clear()
