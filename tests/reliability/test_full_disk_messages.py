"""A full disk while exporting: a Chinese sentence naming the file, no traceback (not even one
printed at exit by a finaliser), run with warnings as errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("what", ["--xlsx", "--pdf"])
def test_full_target_disk_during_export(demo_path: Path, tmp_path: Path, mount_tmpfs, what: str):
    disk = mount_tmpfs(256)
    stat = os.statvfs(disk)
    (disk / "占位.bin").write_bytes(b"\0" * max(stat.f_bavail * stat.f_frsize - 8 * 1024, 0))
    target_dir = disk / "导出"  # about 8 KB left: far too little for the year's workbook or summary
    target_dir.mkdir()
    target = target_dir / ("台账.xlsx" if what == "--xlsx" else "总结.pdf")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-W", "error", "-m", "studio_desk", "--db", str(demo_path), "export", "--year", "2026",
         what, str(target)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=180,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert "空间不足" in done.stderr and target.name in done.stderr, done.stderr
    assert "No space" not in done.stderr
    assert not target.exists() and list(target_dir.iterdir()) == []
