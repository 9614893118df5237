"""Starting: the default database made with no questions, a bad file refused politely, the demo."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from studio_desk.ui import app as app_module
from studio_desk.ui.main_window import MainWindow


@pytest.fixture
def opened(qtbot):
    yield app_module._windows
    for window, store in list(app_module._windows):
        window.shutdown()
        window.close()
        store.close()  # frees the database's lock too
    app_module._windows.clear()


def test_first_start_creates_the_default_database(qtbot, opened, data_home):
    from studio_desk.paths import default_db_path

    path = default_db_path()
    assert not path.exists()
    window = app_module.open_window(path)
    assert isinstance(window, MainWindow) and window.isVisible()
    assert path.exists() and path.parent == data_home
    assert window.page("活动") is not None
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
    assert not list((data_home / "backups").glob("*-daily-*.sqlite"))  # nothing in it to back up yet
    for entry in [e for e in app_module._windows if e[0] is window]:
        app_module._close_entry(entry)
        app_module._windows.remove(entry)
    window.close()
    again = app_module.open_window(path)  # opened again the same day: the day's backup
    assert isinstance(again, MainWindow)
    qtbot.waitUntil(lambda: bool(list((data_home / "backups").glob("*-daily-*.sqlite"))), timeout=10_000)


def test_a_file_that_is_not_a_database_is_refused_with_a_sentence(qtbot, opened, tmp_path):
    bad = tmp_path / "照片.sqlite"
    bad.write_bytes(b"\x89PNG not a database at all" * 100)
    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(20, close_box)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(20, close_box)
    assert app_module.open_window(bad) is None
    assert seen and seen[0].startswith("无法打开数据库") and "Traceback" not in seen[0]
    assert bad.read_bytes().startswith(b"\x89PNG")  # left as it was


def test_demo_database_opens_from_the_help_menu(qtbot, opened, data_home):
    from studio_desk.core.models import Activity
    from studio_desk.paths import default_db_path

    first = app_module.open_window(default_db_path())
    qtbot.waitUntil(lambda: not first.is_busy(), timeout=10_000)
    demo_action = first.findChild(type(first.undo_action), "demo")
    demo_action.trigger()
    qtbot.waitUntil(lambda: len(app_module._windows) == 1 and app_module._windows[0][0] is not first, timeout=30_000)
    window, store = app_module._windows[0]
    from studio_desk.core.demo import default_demo_path

    assert store.path == default_demo_path()
    assert store.count(Activity) > 0
    assert not first.isVisible()


def test_a_second_copy_of_the_app_on_the_same_database_is_told_so(qtbot, opened, db_path):
    import subprocess
    import sys
    from pathlib import Path

    import studio_desk

    first = app_module.open_window(db_path)
    assert first is not None
    qtbot.waitUntil(lambda: not first.is_busy(), timeout=10_000)
    # Another process (a second copy of the app) tries to open the same file.
    code = (
        "import sys; from pathlib import Path\n"
        "from studio_desk.core.instance_lock import DatabaseLock, DatabaseInUse\n"
        "from studio_desk.core.open import lock_target\n"
        "try:\n"
        f"    DatabaseLock(lock_target(Path({str(db_path)!r}))).acquire()\n"
        "except DatabaseInUse as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    root = Path(studio_desk.__file__).resolve().parent.parent
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert other.returncode == 3 and "另一个履职台账窗口" in other.stdout


def test_pypinyin_is_read_on_its_own_thread_soon_after_the_window_shows(qtbot, opened, data_home, monkeypatch):
    """Not by the first background import or merge, where its one long call would freeze the window."""
    import sys
    import threading

    from studio_desk.core import text
    from studio_desk.paths import default_db_path

    monkeypatch.delitem(sys.modules, "pypinyin", raising=False)
    text.pinyin_initials.cache_clear()
    monkeypatch.setattr(app_module, "PINYIN_AFTER_MS", 10)
    readers: list[str] = []
    real = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        readers.append(thread.name)
        real(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    import gc

    collector: list[bool] = []
    real_read = app_module.read_pinyin
    monkeypatch.setattr(app_module, "read_pinyin", lambda: (collector.append(gc.isenabled()), real_read()))
    was_on = gc.isenabled()
    app_module.open_window(default_db_path())
    assert "pypinyin" not in sys.modules  # not while the window is being shown
    qtbot.waitUntil(lambda: "pypinyin" in sys.modules and text.pinyin_initials.cache_info().currsize, timeout=10_000)
    assert "pinyin" in readers
    # no cycle collection on that thread (it could free Qt objects off the UI thread); resumed after
    assert collector == [False]
    qtbot.waitUntil(lambda: gc.isenabled() == was_on, timeout=5_000)
