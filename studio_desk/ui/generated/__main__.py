"""Recompile ``forms/*.ui`` into ``studio_desk/ui/generated/ui_*.py`` (run after editing a form)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FORMS = ROOT / "forms"
OUT = Path(__file__).resolve().parent


def target_for(ui_file: Path) -> Path:
    return OUT / f"ui_{ui_file.stem}.py"


def uic_path() -> str | None:
    """pyside6-uic beside this Python (a venv's bin or Scripts folder need not be on PATH)."""
    import shutil

    folder = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        if (folder / name).exists():
            return str(folder / name)
    return shutil.which("pyside6-uic")


def compile_form(ui_file: Path) -> str:
    # Run from the forms folder with a bare file name, so the header names no local path.
    uic = uic_path()
    if uic is None:
        raise SystemExit("找不到 pyside6-uic（随 PySide6 安装）。")
    done = subprocess.run([uic, ui_file.name], cwd=ui_file.parent, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def main() -> int:
    for ui_file in sorted(FORMS.glob("*.ui")):
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8", newline="\n")
        print(f"{ui_file.name} -> {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
