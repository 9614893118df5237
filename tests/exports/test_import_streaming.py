"""Sheets are checked as they are read, while the next one is read: the order of the sheets never
changes what the plan says, and stopping part way leaves no reading thread or open file."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.models import Activity, Member
from studio_desk.core.progress import Cancelled
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.workbook import write_workbook

YEAR = 2025


def _roster(wb: openpyxl.Workbook, title: str, *names: str) -> None:
    ws = wb.create_sheet(title)
    ws.append(["姓名", "工作室职务"])
    for name in names:
        ws.append([name, "成员"])


def _activities(wb: openpyxl.Workbook, title: str, *rows: tuple[str, str, str]) -> None:
    ws = wb.create_sheet(title)
    ws.append(["日期", "活动类型", "活动主题", "参加委员"])
    for row in rows:
        ws.append(list(row))


def _plan_texts(store, path: Path) -> tuple[list[str], list[tuple[str, int, str]]]:
    plan = read_ledgers(store, path)
    return [p.text() for p in plan.problems], sorted((r.sheet, r.row, r.action) for r in plan.records)


@pytest.mark.parametrize("order", ["roster first", "roster last", "second roster last"])
def test_names_find_the_members_a_roster_adds_wherever_the_roster_is(store, tmp_path: Path, order: str):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    rows = (("2025-03-01", "集中学习", "学习全会精神", "刘刚、王芳"), ("2025-04-01", "视察调研", "调研集市", "王芳"))
    if order == "roster first":
        _roster(wb, "委员名册", "刘刚", "王芳")
        _activities(wb, "活动台账", *rows)
    elif order == "roster last":
        _activities(wb, "活动台账", *rows)
        _roster(wb, "委员名册", "刘刚", "王芳")
    else:  # one roster before the ledger, another (with 王芳) after it: planned again, rosters first
        _roster(wb, "委员名册", "刘刚")
        _activities(wb, "活动台账", *rows)
        _roster(wb, "新委员名册", "王芳")
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    problems, planned = _plan_texts(store, path)
    assert problems == []
    assert [a for _, _, a in planned].count("add") == 4
    apply_plan(store, read_ledgers(store, path))
    names = {m.id: m.name for m in store.list_records(Member)}
    met = sorted(sorted(names[i] for i in a.member_ids) for a in store.list_records(Activity, year=YEAR))
    assert met == [["刘刚", "王芳"], ["王芳"]]


def test_stopping_while_a_sheet_is_checked_leaves_no_reader_behind(demo_store, store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "year.xlsx")
    seen: list[str] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append(text)
        if text.startswith("已检查“"):  # the first sheet checked: the others may still be read
            raise Cancelled()

    with pytest.raises(Cancelled):
        read_ledgers(store, path, progress=progress)
    assert any(t.startswith("已检查“") for t in seen)
    assert [t for t in threading.enumerate() if t.name == "workbook-reader"] == []
    path.rename(tmp_path / "moved.xlsx")  # no handle left open on the file (Windows would refuse)
    assert store.list_records(Activity) == []


def test_the_same_unreadable_cell_is_reported_on_every_row_it_is_on(store, tmp_path: Path):
    """Each different cell is parsed once per import; one that cannot be read is named each time."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    _roster(wb, "委员名册", "刘刚")
    _activities(wb, "活动台账", ("明天", "集中学习", "学习", "刘刚"), ("2025-03-01", "集中学习", "学习二", "刘刚"),
                ("明天", "集中学习", "学习三", "刘刚"))
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert [(p.row, p.column) for p in plan.problems] == [(2, "日期"), (4, "日期")]
    assert all("明天" in p.message for p in plan.problems)
