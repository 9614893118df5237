"""Starting the app must not load the Excel and PDF libraries: they are imported when first needed.

Checked in a fresh interpreter, since this test session has long imported them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "pypdfium2", "python_calamine")

PROBE = r"""
import sys, time
from pathlib import Path
HEAVY = %r
from PySide6.QtWidgets import QApplication
from studio_desk.cli import build_parser
build_parser()
from studio_desk.core.store import Store
from studio_desk.ui.app import apply_style
from studio_desk.ui.main_window import MainWindow
app = QApplication([])
apply_style(app)
store = Store.open(Path(sys.argv[1]), replica_id="probe")
window = MainWindow(store)
window.show()
for name in ("总览", "活动", "接待走访", "捐赠慰问", "提案建议"):
    window.show_page(name)
    app.processEvents()
deadline = time.time() + 60
while window.is_busy() and time.time() < deadline:
    app.processEvents()
    time.sleep(0.01)
print("LOADED", " ".join(sorted(m for m in HEAVY if m in sys.modules)))
window.shutdown()
store.close()
""" % (HEAVY,)


def test_main_window_starts_without_excel_and_pdf_libraries(demo_path: Path, data_home: Path):
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_path)], capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "STUDIO_DESK_HOME": str(data_home)},
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("LOADED")]
    assert done.returncode == 0 and lines, done.stdout + done.stderr
    assert lines[0].split()[1:] == [], f"imported at startup: {lines[0]}"


def test_cli_commands_that_need_no_excel_do_not_load_it(demo_path: Path, data_home: Path):
    code = (
        "import sys\nfrom studio_desk.cli import main\n"
        f"main(['--db', sys.argv[1], 'check'])\n"
        f"print('LOADED', ' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(demo_path)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(data_home)})
    lines = [line for line in done.stdout.splitlines() if line.startswith("LOADED")]
    assert lines and lines[0].split()[1:] == [], done.stdout + done.stderr
