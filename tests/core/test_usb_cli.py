"""The USB commands from the command line: snapshot, merge, backups, restore."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, STUDIO_DESK_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "studio_desk", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, input=stdin, check=False)


def test_snapshot_merge_backups_restore(demo_path: Path, tmp_path: Path, data_home: Path):
    stick = tmp_path / "stick"
    stick.mkdir()
    fresh = tmp_path / "fresh.sqlite"
    r = run("--db", str(demo_path), "snapshot", str(stick / "copy.sqlite"), "--password-stdin",
            home=data_home, stdin="pass-1234\n")
    assert r.returncode == 0, r.stderr
    assert "可以安全拔出" in r.stdout and "已加密" in r.stdout

    r = run("--db", str(demo_path), "snapshot", str(stick / "copy.sqlite"), home=data_home)
    assert r.returncode == 1 and "--overwrite" in r.stderr and "Traceback" not in r.stderr

    r = run("--db", str(fresh), "merge", str(stick / "copy.sqlite"), home=data_home)
    assert r.returncode == 1 and "加密副本" in r.stderr
    (tmp_path / "pw.txt").write_text("wrong-pass\n", encoding="utf-8")
    r = run("--db", str(fresh), "merge", str(stick / "copy.sqlite"), "--password-file", str(tmp_path / "pw.txt"),
            home=data_home)
    assert r.returncode == 1 and "密码不正确" in r.stderr
    r = run("--db", str(fresh), "merge", str(stick / "copy.sqlite"), "--password-stdin", home=data_home,
            stdin="pass-1234\n")
    assert r.returncode == 0, r.stderr
    assert "合并完成" in r.stdout and "活动：新增" in r.stdout

    r = run("--db", str(fresh), "backups", home=data_home)
    assert r.returncode == 0 and "合并前" in r.stdout
    r = run("--db", str(fresh), "restore", "1", home=data_home)
    assert r.returncode == 0, r.stderr
    assert "已从备份恢复" in r.stdout
    r = run("--db", str(fresh), "check", home=data_home)
    assert "活动 0 条" in r.stdout

    r = run("--db", str(fresh), "restore", "99", home=data_home)
    assert r.returncode == 1 and "没有第 99 个备份" in r.stderr
