"""A reported and locked year (封账) keeps its records: importing, merging and deleting records of
it are refused, by the window and by the command line, with a message that names the year, when
it was locked and how to unlock it; the database is left as it was. Unlocked, they work again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity
from studio_desk.core.reporting import is_year_locked, lock_year
from studio_desk.core.store import Store
from studio_desk.core.text import utc_now
from tests.exports.conftest import database_fingerprint

YEAR = 2025


def _ledger(path: Path, year: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(["日期", "活动类型", "活动主题", "参加委员", "群众人次"])
    ws.append([f"{year}-11-20", "集中学习", "补录的学习活动", "", 12])
    wb.save(path)
    return path


def _says_how(message: str) -> None:
    today = utc_now()[:10]
    assert f"{YEAR}年度（{today} 封账）已报送并封账" in message
    assert "取消勾选“报送后封账”" in message and f"studio-desk lock --year {YEAR} --unlock" in message


def test_import_into_a_locked_year_is_refused_until_unlocked(demo_store: Store, tmp_path: Path):
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers

    lock_year(demo_store, YEAR)
    before = database_fingerprint(demo_store)
    plan = read_ledgers(demo_store, _ledger(tmp_path / "补录.xlsx", YEAR))
    [problem] = plan.problems
    assert "不能导入这一年度的记录" in problem.text()
    _says_how(problem.text())
    with pytest.raises(StudioDeskError):
        apply_plan(demo_store, plan)
    assert database_fingerprint(demo_store) == before
    # another year is not locked
    assert read_ledgers(demo_store, _ledger(tmp_path / "明年.xlsx", YEAR + 1)).problems == []
    lock_year(demo_store, YEAR, False)
    apply_plan(demo_store, read_ledgers(demo_store, tmp_path / "补录.xlsx"))
    assert any(a.topic == "补录的学习活动" for a in demo_store.list_records(Activity, year=YEAR))


def test_merging_changes_to_a_locked_year_is_refused(demo_store: Store, tmp_path: Path):
    from studio_desk.core.snapshot import write_snapshot
    from studio_desk.core.sync import merge_file, plan_merge

    stick = tmp_path / "stick.sqlite"
    write_snapshot(demo_store, stick)
    with Store.open(stick, replica_id="laptop", create=False) as copy:
        activity = copy.list_records(Activity, year=YEAR)[0]
        copy.save(dataclasses.replace(activity, topic=activity.topic + "（U盘上改）"))
    lock_year(demo_store, YEAR)
    before = database_fingerprint(demo_store)
    for merge in (plan_merge, merge_file):
        with pytest.raises(StudioDeskError) as refused:
            merge(demo_store, stick)
        assert "不能合并这一年度的记录" in str(refused.value)
        _says_how(str(refused.value))
        assert database_fingerprint(demo_store) == before
    lock_year(demo_store, YEAR, False)
    summary = merge_file(demo_store, stick)
    assert summary.totals().changed == 1


def test_the_command_line_refuses_import_and_merge_and_locks_and_unlocks(demo_path: Path, tmp_path: Path, capsys):
    from studio_desk.cli import main

    assert main(["lock", "--db", str(demo_path), "--year", str(YEAR)]) == 0
    assert "已封账 2025 年度" in capsys.readouterr().out
    with Store.open(demo_path) as store:
        assert is_year_locked(store, YEAR)
        before = database_fingerprint(store)
    assert main(["import", "--db", str(demo_path), str(_ledger(tmp_path / "补录.xlsx", YEAR))]) == 1
    out = capsys.readouterr().out
    assert "不能导入这一年度的记录" in out and f"studio-desk lock --year {YEAR} --unlock" in out
    stick = tmp_path / "stick.sqlite"
    with Store.open(demo_path) as store:
        from studio_desk.core.snapshot import write_snapshot

        write_snapshot(store, stick)
    with Store.open(stick, replica_id="laptop", create=False) as copy:
        activity = copy.list_records(Activity, year=YEAR)[0]
        copy.save(dataclasses.replace(activity, topic=activity.topic + "（U盘上改）"))
    assert main(["merge", "--db", str(demo_path), str(stick)]) != 0
    err = capsys.readouterr().err
    assert "不能合并这一年度的记录" in err and f"studio-desk lock --year {YEAR} --unlock" in err
    with Store.open(demo_path) as store:
        assert database_fingerprint(store) == before
    assert main(["lock", "--db", str(demo_path), "--year", str(YEAR), "--unlock"]) == 0
    assert "已解除 2025 年度的封账" in capsys.readouterr().out
    assert main(["import", "--db", str(demo_path), str(tmp_path / "补录.xlsx")]) == 0
