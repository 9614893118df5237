"""A clerk's own 委员名单 with 政治面貌 and 界别 as they write them: long and short forms read as
the same value, an unknown 界别 joins the list with a warning, an unknown 党派 stops the import."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from studio_desk.core import enums
from studio_desk.core.models import Member
from studio_desk.exports.ledger_import import apply_plan, read_ledgers


def _roster(path: Path, rows: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "委员名单"
    ws.append(["青溪县委员工作室成员名单"])
    ws.append(["序号", "姓名", "性别", "政治面貌", "所属界别", "职务", "工作单位"])
    for n, row in enumerate(rows, start=1):
        ws.append([n, *row])
    wb.save(path)
    return path


def test_party_and_sector_are_read_in_the_clerks_words(store, fingerprint, tmp_path: Path):
    store.add_type("sector", "民盟界")  # the studio's own list holds this wording: it is kept
    path = _roster(tmp_path / "名单.xlsx", [
        ["刘刚", "男", "中国民主建国会", "工商联界", "召集人", "县商会"],
        ["李秀英", "女", "中共党员", "妇联", "成员", "家政中心"],
        ["张伟", "男", "九三学社社员", "科技界", "成员", "示范园"],
        ["陈丽华", "女", "民盟盟员", "民盟界", "成员", "城关小学"],
        ["周勇", "男", "无党派", "新的社会阶层", "成员", "律师事务所"],
    ])
    before = fingerprint(store)
    plan = read_ledgers(store, path)
    assert plan.problems == [], [p.text() for p in plan.problems]
    assert plan.new_types == {"sector": ["新的社会阶层"]}
    assert "将在界别中新增“新的社会阶层”。" in plan.notes
    assert fingerprint(store) == before  # the preview writes nothing
    apply_plan(store, plan)
    stored = {m.name: (m.party, m.sector) for m in store.list_records(Member)}
    assert stored == {
        "刘刚": ("民建", "工商联"),
        "李秀英": ("中共", "妇联"),
        "张伟": ("九三学社", "科学技术界"),
        "陈丽华": ("民盟", "民盟界"),
        "周勇": ("无党派人士", "新的社会阶层"),
    }
    assert store.type_values("sector")[-2:] == ["民盟界", "新的社会阶层"]
    assert "新的社会阶层" not in enums.DEFAULT_SECTORS


def test_an_unknown_party_is_named_by_row_and_column(store, fingerprint, tmp_path: Path):
    path = _roster(tmp_path / "名单.xlsx", [
        ["刘刚", "男", "民建", "经济界", "召集人", "县商会"],
        ["王五", "男", "共青团员", "新的界别", "成员", "团县委"],
    ])
    before = fingerprint(store)
    plan = read_ledgers(store, path)
    texts = [p.text() for p in plan.problems]
    assert len(texts) == 1
    assert "“委员名单”第 4 行“政治面貌”列" in texts[0] and "共青团员" in texts[0] and "九三学社" in texts[0]
    assert fingerprint(store) == before
    assert "新的界别" not in store.type_values("sector")
