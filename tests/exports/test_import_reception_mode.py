"""An old reception ledger without a 方式 column (or with gaps in it): the 方式 is read from the
record's own words where they say it (上门走访, 来电反映, 走访企业, 来工作室 …), listed in the preview
by 方式 with an example row, and stored; where the words say nothing the record is 待补全."""

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
    [note] = [n for n in plan.notes if "推断" in n and "方式" in n]
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
