"""The core and the report writers never import Qt; core tests need no QApplication."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import studio_desk

ROOT = Path(studio_desk.__file__).resolve().parent


def _modules(package: str) -> list[str]:
    path = ROOT / package.split(".", 1)[1].replace(".", "/")
    return [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(path)])]


def test_core_and_exports_import_no_qt():
    modules = _modules("studio_desk.core") + _modules("studio_desk.exports")
    assert "studio_desk.core.store" in modules
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT.parent, check=True
    )
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout}"


def test_no_qt_import_statement_in_core_sources():
    for folder in ("core", "exports"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            assert "PySide6" not in text, f"{source} mentions PySide6"
