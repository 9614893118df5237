"""An old reception ledger without a 方式 column (or with gaps in it): the 方式 is read from the
record's own words where they say it (上门走访, 来电反映, 走访企业, 来工作室 …), listed in the preview
by 方式 with an example row, and stored; where the words say nothing the record is 待补全. Without
处理方式 and 办理状态 columns, both are read from what its 办理情况 says was done."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from studio_desk.core.models import Member, Reception
from studio_desk.exports.ledger_import import apply_plan, read_ledgers


def _visits(path: Path, with_mode_column: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "接待登记"
    ws.append(["2024年城关镇政协委员工作室接待走访登记表"])
    head = ["日期", "来访人", "反映问题", "接待人员", "办理情况", "备注"]
    rows = [
        ["2024-03-15", "张秀英", "委员上门走访时反映屋顶漏雨", "刘刚", "已转交镇政府，电话回访满意", ""],
        ["2024-04-02", "李桂兰", "来电反映村道路灯不亮", "王芳", "已转交县住建局", ""],
        ["2024-05-09", "青溪县宏达建材有限公司", "企业用工难，希望协助招聘", "刘刚", "协调人社局", "委员上门了解"],
        ["2024-06-11", "王德明", "到工作室反映孩子入学问题", "王芳", "当场答复", ""],
        ["2024-07-20", "赵强", "微信留言反映小区停车难", "刘刚", "", ""],
        ["2024-08-03", "陈明", "反映宅基地纠纷", "王芳", "调解中", ""],
    ]
    if with_mode_column:
        head.insert(1, "方式")
        for i, row in enumerate(rows):
            row.insert(1, "接待日来访" if i == 3 else "")
    ws.append(head)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _roster(store):
    store.save(Member(name="刘刚", role="召集人"))
    store.save(Member(name="王芳"))
    return store


def test_the_mode_is_read_from_the_words_when_the_column_is_missing(store, tmp_path):
    _roster(store)
    plan = read_ledgers(store, _visits(tmp_path / "接待.xlsx", with_mode_column=False))
    assert plan.problems == []
    [note] = [n for n in plan.notes if n.startswith("“接待登记”没有“方式”列")]
    assert note.startswith("“接待登记”没有“方式”列：已按诉求内容和备注中的说法推断 5 条的方式")
    assert "入户走访 1 条（如第 3 行写有“上门”）" in note and "电话/线上 2 条（如第 4 行写有“来电”）" in note
    assert "企业走访 1 条（如第 5 行写有“上门”）" in note and "接待日来访 1 条（如第 6 行写有“到工作室”）" in note
    apply_plan(store, plan)
    stored = sorted(store.list_records(Reception, year=2024), key=lambda r: r.date)
    assert [r.mode for r in stored] == ["入户走访", "电话/线上", "企业走访", "接待日来访", "电话/线上", ""]
    assert [r.incomplete for r in stored] == ["", "", "", "", "", "方式"]  # nothing said: 待补全


def test_blank_mode_cells_are_filled_from_the_words_and_written_ones_kept(store, tmp_path):
    _roster(store)
    plan = read_ledgers(store, _visits(tmp_path / "接待.xlsx", with_mode_column=True))
    assert plan.problems == []
    assert any(n.startswith("“接待登记”有些行的“方式”没有填：已按诉求内容和备注中的说法推断 4 条") for n in plan.notes)
    apply_plan(store, plan)
    stored = sorted(store.list_records(Reception, year=2024), key=lambda r: r.date)
    # row 6 says 到工作室 and its cell says 接待日来访: the cell is what counts
    assert [r.mode for r in stored] == ["入户走访", "电话/线上", "企业走访", "接待日来访", "电话/线上", ""]
    again = read_ledgers(store, _visits(tmp_path / "接待.xlsx", with_mode_column=True))
    assert again.problems == [] and not again.additions and not again.changes


def test_handling_and_status_are_read_from_what_was_done(store, tmp_path):
    """办理情况 says what was done: 当场答复 is a request answered on the spot and closed; one passed
    to a department is 转交部门 to that unit and still open; a row that says nothing stays 待办. Before,
    every such row came in as 待办 with no 处理方式, and the year's 办结率 fell."""
    _roster(store)
    plan = read_ledgers(store, _visits(tmp_path / "接待.xlsx", with_mode_column=False))
    assert plan.problems == []
    [handling] = [n for n in plan.notes if n.startswith("“接待登记”没有“处理方式”列")]
    assert "已按办理结果中的说法推断 4 条的处理方式——转交部门 2 条（如第 3 行写有“转交”）" in handling
    assert "现场答复 1 条（如第 6 行写有“当场答复”）" in handling and "矛盾调解 1 条（如第 8 行写有“调解中”）" in handling
    [status] = [n for n in plan.notes if n.startswith("“接待登记”没有“办理状态”列")]
    assert "已按办结日期和办理结果中的说法推断 5 条的办理状态——已办结 2 条（如第 3 行写有“回访”）" in status
    assert "办理中 3 条" in status and status.endswith("请核对；推断不出的按“待办”导入。")
    apply_plan(store, plan)
    stored = sorted(store.list_records(Reception, year=2024), key=lambda r: r.date)
    assert [(r.handling, r.transferred_to, r.status) for r in stored] == [
        ("转交部门", "镇政府", "已办结"),  # 已转交镇政府，电话回访满意
        ("转交部门", "县住建局", "办理中"),  # 已转交县住建局
        ("", "", "办理中"),  # 协调人社局: something done, not said to be finished
        ("现场答复", "", "已办结"),  # 当场答复
        ("", "", "待办"),  # nothing written
        ("矛盾调解", "", "办理中"),  # 调解中
    ]
    assert [r.result for r in stored][:2] == ["已转交镇政府，电话回访满意", "已转交县住建局"]  # the words kept as written


def test_a_written_status_is_kept_and_a_closing_date_closes_a_request(store, tmp_path):
    _roster(store)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "接待登记"
    ws.append(["日期", "来访人", "反映问题", "接待人员", "办理情况", "办理状态", "办结日期"])
    ws.append(["2024-03-15", "张秀英", "来电反映屋顶漏雨", "刘刚", "当场答复", "办理中", None])
    ws.append(["2024-04-02", "李桂兰", "来电反映路灯不亮", "王芳", "已转交县住建局", "", "2024-04-20"])
    wb.save(tmp_path / "接待.xlsx")
    plan = read_ledgers(store, tmp_path / "接待.xlsx")
    assert plan.problems == []  # (a 办结日期 with no status was refused before: 待办 with a closing date)
    apply_plan(store, plan)
    stored = sorted(store.list_records(Reception, year=2024), key=lambda r: r.date)
    assert [r.status for r in stored] == ["办理中", "已办结"]  # the cell as written; the closing date
    assert any(n.startswith("“接待登记”有些行的“办理状态”没有填：已按办结日期和办理结果中的说法推断 1 条") for n in plan.notes)
