"""The command line, run as a real process: Chinese messages, exit codes, never a traceback."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import studio_desk

ROOT = Path(studio_desk.__file__).resolve().parent.parent


def run(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "STUDIO_DESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "studio_desk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clean(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_demo_then_check(tmp_path: Path, data_home: Path):
    db = tmp_path / "演示 数据" / "demo.sqlite"
    db.parent.mkdir()
    r = run("demo", "--db", str(db), home=data_home)
    assert r.returncode == 0, r.stderr
    assert "演示数据库已创建" in r.stdout and str(db) in r.stdout
    r = run("check", "--db", str(db), home=data_home)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "数据库完好" in r.stdout and "活动" in r.stdout


def test_demo_does_not_overwrite_an_existing_file(tmp_path: Path, data_home: Path):
    db = tmp_path / "mine.sqlite"
    db.write_bytes(b"precious")
    r = run("demo", "--db", str(db), home=data_home)
    assert r.returncode == 1 and "已存在" in r.stderr
    assert db.read_bytes() == b"precious"
    assert_clean(r)


def test_demo_default_location_is_the_data_folder(data_home: Path):
    r = run("demo", home=data_home)
    assert r.returncode == 0, r.stderr
    assert (data_home / "demo.sqlite").exists()


def test_check_cut_off_copy_fails_cleanly_and_leaves_it_unchanged(demo_path: Path, tmp_path: Path, data_home: Path):
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(demo_path.read_bytes()[:40_000])
    before = sha(cut)
    r = run("check", "--db", str(cut), home=data_home)
    assert r.returncode == 1
    assert "不完整" in r.stdout and "未做任何改动" in r.stdout
    assert sha(cut) == before
    assert not Path(str(cut) + "-journal").exists()
    assert_clean(r)


@pytest.mark.parametrize("content", [b"", b"hello world" * 50, b"SQLite format 3\x00" + b"\xff" * 300])
def test_check_non_database_files(tmp_path: Path, data_home: Path, content: bytes):
    f = tmp_path / "x.sqlite"
    f.write_bytes(content)
    r = run("check", "--db", str(f), home=data_home)
    assert r.returncode == 1
    assert "问题" in r.stdout
    assert f.read_bytes() == content
    assert_clean(r)


def test_check_newer_version(demo_path: Path, data_home: Path):
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = sha(demo_path)
    r = run("check", "--db", str(demo_path), home=data_home)
    assert r.returncode == 1 and "更新版本" in r.stdout
    assert sha(demo_path) == before


def test_check_missing_file(tmp_path: Path, data_home: Path):
    r = run("check", "--db", str(tmp_path / "none.sqlite"), home=data_home)
    assert r.returncode == 1 and "找不到" in r.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_backup_now(demo_path: Path, data_home: Path):
    r = run("backup", "--db", str(demo_path), home=data_home)
    assert r.returncode == 0, r.stderr
    made = list((data_home / "backups").glob("*.sqlite"))
    assert len(made) == 1
    conn = sqlite3.connect(made[0])
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM activities").fetchone()[0] > 0
    conn.close()


def test_backup_of_missing_database_is_refused(tmp_path: Path, data_home: Path):
    r = run("backup", "--db", str(tmp_path / "none.sqlite"), home=data_home)
    assert r.returncode == 1 and "找不到" in r.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_bad_arguments_are_explained_in_chinese(data_home: Path):
    r = run("nonsense", home=data_home)
    assert r.returncode == 2 and "错误" in r.stderr
    assert_clean(r)


def test_help_lists_commands(data_home: Path):
    r = run("--help", home=data_home)
    assert r.returncode == 0
    for command in ("demo", "check", "backup", "export"):
        assert command in r.stdout
