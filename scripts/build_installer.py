"""Build the one-folder bundle with PyInstaller, then smoke-test it headless.

    python scripts/build_installer.py            # build + smoke test
    python scripts/build_installer.py --no-build # smoke-test an existing bundle

The bundle lands in ``build/dist/StudioDesk``. On Windows this is the folder the Inno Setup
script (``installer/studio-desk.iss``) packs into the installer.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "StudioDesk"
SIZE_GOAL_MB = 250


def build() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6.5"], check=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "build_installer.spec")],
        cwd=ROOT,
        check=True,
    )


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def snapshot_tree(path: Path) -> dict[str, tuple[int, int]]:
    return {str(f.relative_to(path)): (f.stat().st_size, f.stat().st_mtime_ns)
            for f in path.rglob("*") if f.is_file()}


def exe(name: str) -> Path:
    return BUNDLE / (f"{name}.exe" if os.name == "nt" else name)


def smoke_test() -> list[str]:
    problems: list[str] = []
    before = snapshot_tree(BUNDLE)
    with tempfile.TemporaryDirectory(prefix="studio desk 冒烟测试 ") as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "STUDIO_DESK_HOME": str(tmp_path / "数据"), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONPATH", None)
        db = tmp_path / "演示.sqlite"
        year = date.today().year - 1
        xlsx, pdf = tmp_path / "台账.xlsx", tmp_path / "总结.pdf"
        steps = [
            [str(exe("studio-desk")), "demo", "--db", str(db)],
            [str(exe("studio-desk")), "export", "--db", str(db), "--year", str(year),
             "--xlsx", str(xlsx), "--pdf", str(pdf)],
            [str(exe("studio-desk")), "check", "--db", str(db)],
            [str(exe("studio-desk")), "backup", "--db", str(db)],
        ]
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
            shown = " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step))
            print(f"$ {shown}\n{result.stdout}{result.stderr}", end="")
            if result.returncode != 0 or "Traceback" in result.stderr:
                problems.append(f"“{shown}” 失败（退出码 {result.returncode}）")
        if not (xlsx.exists() and zipfile.is_zipfile(xlsx)):
            problems.append("没有生成有效的 Excel 台账")
        if not (pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"):
            problems.append("没有生成有效的 PDF 总结")
        if not list((tmp_path / "数据" / "backups").glob("*.sqlite")):
            problems.append("备份没有写到数据文件夹")
        # The window itself: open the demo database offscreen and close again.
        gui = subprocess.run([str(exe("StudioDesk")), "--db", str(db)], capture_output=True, text=True,
                             encoding="utf-8", env={**env, "STUDIO_DESK_QUIT_AFTER_MS": "1500"}, timeout=120)
        if gui.returncode != 0:
            problems.append(f"窗口程序启动失败（退出码 {gui.returncode}）：{gui.stderr[-500:]}")
        else:
            print("$ StudioDesk --db …  (窗口已打开并关闭)")
    if snapshot_tree(BUNDLE) != before:
        problems.append("程序在安装文件夹里写了文件（应只写数据文件夹）")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description="构建并冒烟测试 Studio Desk 安装包文件夹")
    parser.add_argument("--no-build", action="store_true", help="只测试已有的 build/dist/StudioDesk")
    args = parser.parse_args()
    if not args.no_build:
        build()
    if not BUNDLE.exists():
        print(f"找不到 {BUNDLE}")
        return 1
    size_mb = folder_size(BUNDLE) / 1024 / 1024
    print(f"安装文件夹：{BUNDLE}，大小 {size_mb:.1f} MB（目标 < {SIZE_GOAL_MB} MB）")
    problems = smoke_test()
    if size_mb >= SIZE_GOAL_MB:
        problems.append(f"安装文件夹 {size_mb:.1f} MB，超过 {SIZE_GOAL_MB} MB")
    for problem in problems:
        print(f"问题：{problem}")
    print("冒烟测试通过。" if not problems else "冒烟测试未通过。")
    return 0 if not problems else 1


if __name__ == "__main__":
    raise SystemExit(main())
