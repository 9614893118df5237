"""A clerk's own old ledger comes in as it is: gaps, other column names, no type column, the
studio's name in the title row. Nothing is refused for gaps; the gaps are marked 待补全."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from studio_desk.core import codec
from studio_desk.core.completeness import completed, count_incomplete, incomplete_ids
from studio_desk.core.errors import ValidationError
from studio_desk.core.models import Activity, Member, Reception
from studio_desk.exports.ledger_import import apply_plan, read_ledgers


def _old_ledger(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024年活动"
    ws.append(["2024年城关镇政协委员工作室活动登记表"])
    ws.append(["序号", "时间", "活动名称", "参加人员", "参加群众人数", "活动情况"])
    ws.append([1, "2024.3.5", "学习全国两会精神", "刘刚、王芳", "1,200", "集中学习"])
    ws.append([2, "2024年4月8日", "到社区走访座谈", "刘刚", 30, ""])
    ws.append([3, "2024/5/9", "", "王芳", "", "主题没写"])
    ws.append([4, "2024-06-01", "招商推介会", "刘刚", 80, "签约3项"])
    ws2 = wb.create_sheet("接待登记")
    ws2.append(["城关镇政协委员工作室群众来访接待台账"])
    ws2.append(["来访日期", "来访人", "联系方式", "反映问题", "接待人员", "处理方式", "转交部门"])
    ws2.append(["2024-03-15", "张大爷", "13800000000", "路灯不亮", "刘刚", "转交部门", "县住建局"])
    ws2.append(["2024-04-02", "李阿姨", "", "", "王芳", "转交部门", ""])
    wb.save(path)
    return path


def test_an_old_ledger_comes_in_with_its_gaps_marked(store, tmp_path: Path):
    store.save(Member(name="刘刚", role="召集人"))
    store.save(Member(name="王芳", role="成员"))
    path = _old_ledger(tmp_path / "老台账 2024.xlsx")
    plan = read_ledgers(store, path)
    assert plan.problems == [], [p.text() for p in plan.problems]
    assert plan.studio_name == "城关镇政协委员工作室"
    assert any("没有“活动类型”列" in n for n in plan.notes)
    assert any("待补全" in n and "接待登记" in n for n in plan.notes)
    apply_plan(store, plan)
    assert store.studio().name == "城关镇政协委员工作室"

    activities = sorted(store.list_records(Activity, year=2024), key=lambda a: a.date)
    assert [a.type for a in activities] == ["集中学习", "联络活动", "其他", "经贸活动"]
    assert [a.public_count for a in activities] == [1200, 30, 0, 80]
    assert activities[2].incomplete == "活动主题" and activities[0].incomplete == ""
    receptions = sorted(store.list_records(Reception, year=2024), key=lambda r: r.date)
    assert [r.mode for r in receptions] == ["", ""]  # no 方式 column and nothing to read it from
    assert receptions[0].transferred_to == "县住建局" and receptions[0].request_content == "路灯不亮"
    assert receptions[1].incomplete.split("、") == ["方式", "诉求内容", "转办单位"]
    assert count_incomplete(store, 2024) == {"活动": 1, "接待走访": 2, "捐赠慰问": 0, "提案建议": 0, "合计": 3}
    assert incomplete_ids(store, Reception, 2024) == store.query_ids(Reception, year=2024)

    # the form saves the record completed: the rules ask for what is missing, then it is whole
    try:
        store.save(completed(receptions[1]))
    except ValidationError as exc:
        assert {"方式", "诉求内容"} <= {e.label for e in exc.errors}
    else:
        raise AssertionError("a completed record with empty required fields must be refused")
    fixed = codec.copy_record(completed(receptions[1]), mode="接待日来访", request_content="孩子上学", transferred_to="县教育局")
    store.save(fixed)
    assert count_incomplete(store, 2024)["合计"] == 2
    # importing the same ledger again adds nothing
    again = read_ledgers(store, path)
    assert again.problems == [] and not again.changes
    assert date(2024, 3, 5) in {a.date for a in activities}
