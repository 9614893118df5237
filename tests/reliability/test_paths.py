"""Chinese characters and spaces in every path, end to end through the command line: the data
folder, the database, the export targets, the USB folder and the temp folder (TMPDIR)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def places(tmp_path: Path) -> dict[str, Path]:
    base = tmp_path / "张三的文件" / "数据 2024"
    out = {
        "home": base / "履职台账 数据文件夹",
        "db": base / "工作室 台账" / "委员 工作室.sqlite",
        "exports": base / "导出 结果（年度）",
        "stick": base / "U盘 (E盘)",
        "temp": base / "临时 文件夹",
        "other": base / "另一台 电脑" / "副本 台账.sqlite",
    }
    for key, path in out.items():
        (path if key in ("home", "exports", "stick", "temp") else path.parent).mkdir(parents=True, exist_ok=True)
    return out


def run(places: dict[str, Path], *args: str, db: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(places["home"]),
           "TMPDIR": str(places["temp"]), "TEMP": str(places["temp"]), "TMP": str(places["temp"])}
    done = subprocess.run([sys.executable, "-m", "studio_desk", "--db", str(db or places["db"]), *args], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=180, check=False)
    assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def integrity(path: Path) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_every_command_with_chinese_paths_and_spaces(places: dict[str, Path]):
    exports, stick = places["exports"], places["stick"]
    run(places, "demo")
    assert "数据库完好" in run(places, "check").stdout
    run(places, "export", "--year", "2026", "--no-mask", "--xlsx", str(exports / "2026年 台账.xlsx"),
        "--pdf", str(exports / "2026年 工作总结.pdf"))
    wb = openpyxl.load_workbook(exports / "2026年 台账.xlsx", read_only=True)
    assert "活动台账" in wb.sheetnames
    wb.close()
    text = subprocess.run(["pdftotext", str(exports / "2026年 工作总结.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "2026" in text and "工作" in text

    # import the exported ledger into a second, new database (its own path with spaces)
    from studio_desk.core.store import Store

    Store.open(places["other"], replica_id="另一台").close()
    run(places, "import", str(exports / "2026年 台账.xlsx"), "--add-members", db=places["other"])
    integrity(places["other"])

    run(places, "snapshot", str(stick / "台账 副本.sqlite"))
    integrity(stick / "台账 副本.sqlite")
    merged = run(places, "merge", str(stick / "台账 副本.sqlite"), db=places["other"])
    assert "合并完成" in merged.stdout

    run(places, "backup")
    listed = run(places, "backups").stdout
    assert "委员 工作室" in listed
    restored = run(places, "restore", "1")
    assert "已从备份恢复" in restored.stdout
    integrity(places["db"])

    run(places, "package", "--year", "2026", str(exports), "--with-db", "--zip")
    zips = list(exports.glob("*.zip"))
    assert zips
    with zipfile.ZipFile(zips[0]) as zf:
        assert zf.testzip() is None and len(zf.namelist()) >= 2

    # nothing was left behind in the temp folder, and backups live in the data folder
    assert not [p for p in places["temp"].rglob("*") if p.is_file()], list(places["temp"].rglob("*"))
    assert list((places["home"] / "backups").glob("*.sqlite"))
