"""A workbook of several years (SPEC section 4: "for a chosen year (or range)")."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

import studio_desk
from studio_desk.core.figures import annual_figures, year_figures
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.exports.workbook import write_workbook

ROOT = Path(studio_desk.__file__).resolve().parent.parent


def _rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_two_years_in_one_workbook(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, 2025, tmp_path / "台账 2024-2025.xlsx", first_year=2024)
    span = (date(2024, 1, 1), date(2025, 12, 31))
    assert _rows(path, "活动台账")[0][0].endswith("活动台账（2024—2025年）")
    for sheet, cls in (("活动台账", Activity), ("接待走访台账", Reception), ("捐赠慰问台账", Donation),
                       ("提案建议台账", Proposal), ("委员名册", Member)):
        rows = _rows(path, sheet)
        at = rows[1].index("记录编号")
        records = [r for r in rows[2:] if r and r[at]]  # data rows carry their 记录编号
        assert {r[at] for r in records} == set(demo_store.query_ids(cls, date_range=span)), sheet
    # both years' activities, oldest first
    rows = _rows(path, "活动台账")
    at = rows[1].index("记录编号")
    dates = [r[1] for r in rows[2:] if r and r[at]]
    assert dates[0].year == 2024 and dates[-1].year == 2025


def test_span_figures_add_up_the_years_and_compare_with_the_span_before(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, 2026, tmp_path / "t.xlsx", first_year=2025)
    rows = _rows(path, "统计汇总")
    assert rows[1] == ["类别", "项目", "单位", "2025—2026年", "2023—2024年"]
    by_label = {r[1]: r for r in rows[2:]}
    y25, y26 = year_figures(demo_store, 2025), year_figures(demo_store, 2026)
    assert by_label["开展活动"][3] == y25.activities_total + y26.activities_total
    assert by_label["接待走访群众"][3] == y25.reception_people + y26.reception_people
    assert by_label["捐赠慰问合计"][3] == pytest.approx((y25.donations_all.total_fen + y26.donations_all.total_fen) / 100)
    assert by_label["开展活动"][4] == year_figures(demo_store, 2024).activities_total  # 2023 has none
    ranking = annual_figures(demo_store, 2026, first_year=2025).current.ranking
    points = {m.member_id: 0 for m in ranking}
    for fig in (y25, y26):
        for m in fig.ranking:
            points[m.member_id] += m.points
    assert {m.member_id: m.points for m in ranking} == points
    assert [r[0] for r in _rows(path, "委员履职统计")[2:]] == [m.name for m in ranking]


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "STUDIO_DESK_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "studio_desk", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_command_line_span_and_its_mistakes(demo_path: Path, tmp_path: Path, data_home: Path):
    out = tmp_path / "几年.xlsx"
    r = _cli("export", "--db", str(demo_path), "--year", "2024-2026", "--xlsx", str(out), home=data_home)
    assert r.returncode == 0, r.stderr
    assert "2024—2026 年台账" in r.stdout and out.exists()
    for bad, message in (("2026-2024", "晚于"), ("二〇二五", "看不懂"), ("1900", "不在合理范围")):
        r = _cli("export", "--db", str(demo_path), "--year", bad, "--xlsx", str(tmp_path / "x.xlsx"), home=data_home)
        assert r.returncode == 1 and message in r.stderr and "Traceback" not in r.stderr
    r = _cli("export", "--db", str(demo_path), "--year", "2024-2025", "--pdf", str(tmp_path / "x.pdf"),
             home=data_home)
    assert r.returncode == 1 and "单一年度" in r.stderr
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "x.pdf").exists()


def test_command_line_names_the_workbook_as_excel_does_and_warns_of_an_empty_year(
    demo_path: Path, tmp_path: Path, data_home: Path
):
    r = _cli("export", "--db", str(demo_path), "--year", "2025", "--xlsx", str(tmp_path / "台账"), home=data_home)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "台账.xlsx").exists() and not (tmp_path / "台账").exists()
    assert str(tmp_path / "台账.xlsx") in r.stdout and "只有表头" not in r.stdout
    r = _cli("export", "--db", str(demo_path), "--year", "2030", "--no-mask", "--xlsx", str(tmp_path / "2030.xlsx"),
             home=data_home)
    assert r.returncode == 0, r.stderr
    assert "没有2030 年的台账记录，导出的台账只有表头" in r.stdout
