"""Starting the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(db_path: Path | None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

    from studio_desk import APP_TITLE
    from studio_desk.core.errors import StudioDeskError
    from studio_desk.core.store import Store
    from studio_desk.paths import default_db_path

    app = QApplication.instance() or QApplication(sys.argv)
    path = db_path or default_db_path()
    try:
        store = Store.open(path)
    except StudioDeskError as exc:
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"{APP_TITLE} — {store.studio().name}")
    window.setCentralWidget(QLabel(f"数据库：{path}"))
    window.resize(1000, 700)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
