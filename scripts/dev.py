"""Set up everything and run the app or the tests: ``python3 scripts/dev.py run|test|demo|bundle``.

Creates ``.venv`` beside the project, installs the project into it (with the test extras
for ``test``), installs the few Debian packages the headless Qt tests need when run as root
on Debian/Ubuntu, then runs the command. Works the same on Windows (``py scripts\\dev.py run``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
# Libraries Qt needs even offscreen: all that running the app needs.
RUN_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
]
# What Qt's X11 platform plugin needs to show the window on a Linux desktop (or under Xvfb); the
# tests run offscreen without it.
WINDOW_PACKAGES = [
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-sync1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]
# What only the tests use: PDF tools, LibreOffice to convert the ledgers as a reader would.
TEST_PACKAGES = [
    "poppler-utils",
    "libreoffice-calc-nogui",  # the ledger test converts the workbook as a reader would
    "libreoffice-writer-nogui",  # the summary test converts the .docx as a reader would
    "fonts-wqy-zenhei",  # a CJK font for LibreOffice's pages
]


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        print("创建虚拟环境 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    print(f"安装 {spec} 及其依赖 …", flush=True)
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", spec],
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"安装失败（pip 退出码 {result.returncode}），请查看上面的输出。")
    return python


def ensure_debian_packages(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return
    missing = []
    for name in packages:
        status = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in status.stdout:
            missing.append(name)
    if not missing:
        return
    if os.geteuid() != 0:
        print("缺少系统软件包，请先运行：sudo apt-get install -y " + " ".join(missing))
        return
    print("安装系统软件包：" + " ".join(missing), flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for step in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *missing]):
        if subprocess.run(step, env=env).returncode != 0:
            raise SystemExit("安装系统软件包失败：" + " ".join(step))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    if command == "test":
        ensure_debian_packages(RUN_PACKAGES + TEST_PACKAGES)
        python = ensure_venv("test")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.run([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env).returncode
    if command in ("run", "demo"):
        if sys.platform.startswith("linux"):
            ensure_debian_packages(RUN_PACKAGES + WINDOW_PACKAGES)
        python = ensure_venv("")
        args = ["demo", *rest] if command == "demo" else rest
        return subprocess.run([str(python), "-m", "studio_desk", *args], cwd=ROOT).returncode
    if command == "bundle":  # the Windows bundle (PyInstaller) and its smoke test
        ensure_debian_packages(RUN_PACKAGES)
        python = ensure_venv("")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "pyinstaller>=6.5"], cwd=ROOT, check=True)
        return subprocess.run([str(python), "scripts/build_installer.py", *rest], cwd=ROOT).returncode
    print("用法：python3 scripts/dev.py run|test|demo|bundle [参数…]")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
