"""Hostile and broken files: each refused with the right message, nothing written, the file untouched."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Member
from studio_desk.exports.ledger_import import apply_plan, read_ledgers

HEADER = ["日期", "活动类型", "活动主题", "参加委员", "群众人次", "主要内容及成效"]


def _ledger(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(["活动台账"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def roster(store):
    store.save(Member(name="刘刚", role="召集人"))
    return store


def _refused(store, path: Path, fingerprint, file_print, **kwargs) -> list:
    before, source = fingerprint(store), file_print(path)
    plan = read_ledgers(store, path, **kwargs)
    assert plan.problems
    with pytest.raises(StudioDeskError, match="未导入任何数据"):
        apply_plan(store, plan)
    assert fingerprint(store) == before
    assert file_print(path) == source
    return plan.problems


def test_formulas_in_data_columns_are_refused(roster, tmp_path, fingerprint, file_print):
    path = _ledger(
        tmp_path / "f.xlsx",
        [
            ["2024-03-01", "集中学习", "=HYPERLINK(\"http://evil\",\"点我\")", "刘刚", 5, "内容"],
            ["2024-03-02", "集中学习", "正常主题", "刘刚", "=1+1", "内容"],
        ],
    )
    problems = _refused(roster, path, fingerprint, file_print)
    assert [(p.row, p.column) for p in problems] == [(3, "活动主题"), (4, "群众人次")]
    assert all("公式" in p.message for p in problems)


def test_text_that_looks_like_a_formula_is_imported_as_text(roster, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["2024-03-01", "集中学习", "x", "刘刚", 5, "内容"])
    ws["C2"].value = "=不是公式"
    ws["C2"].data_type = "s"
    wb.save(tmp_path / "t.xlsx")
    plan = read_ledgers(roster, tmp_path / "t.xlsx")
    assert plan.problems == []
    apply_plan(roster, plan)
    assert roster.list_records(Activity)[0].topic == "=不是公式"


def test_control_characters_long_cells_and_wrong_types(roster, tmp_path, fingerprint, file_print):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["2024-03-01", "集中学习", "主题", "刘刚", 5, "长" * 40_000])
    ws.append(["明天", "集中学习", "主题二", "刘刚", "很多", "内容"])
    ws.append(["2024-13-45", "集中学习", "", "刘刚", -5, "内容"])
    ws.append(["2024-03-04", "集中学习", "主题CTRL四", "刘刚", 3.5, "内容"])
    wb.save(tmp_path / "w.xlsx")
    # openpyxl refuses to write control characters; put one into the XML the way other tools do
    raw = (tmp_path / "w.xlsx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith(".xml"):
                data = data.replace(b"CTRL", b"&#x1b;")
            dst.writestr(item, data)
    path = tmp_path / "w.xlsx"
    path.write_bytes(buf.getvalue())
    problems = {(p.row, p.column): p.message for p in _refused(roster, path, fingerprint, file_print)}
    assert "太长" in problems[(2, "主要内容及成效")]
    assert "不是有效的日期" in problems[(3, "日期")]
    assert "不是整数" in problems[(3, "群众人次")]
    assert "不是有效的日期" in problems[(4, "日期")]
    assert "不能为负数" in problems[(4, "群众人次")]
    # its empty 活动主题 would come in 待补全 once the date is right: not a problem of its own
    assert (4, "活动主题") not in problems
    assert "不是整数" in problems[(5, "群众人次")]
    assert "控制字符" in problems[(5, "活动主题")]


def test_unknown_member_and_missing_columns(roster, tmp_path, fingerprint, file_print):
    path = _ledger(tmp_path / "u.xlsx", [["2024-03-01", "集中学习", "主题", "刘刚、钱多多", 5, "内容"]])
    problems = _refused(roster, path, fingerprint, file_print)
    assert [(p.row, p.column) for p in problems] == [(3, "参加委员")]
    assert "钱多多" in problems[0].message and "不在委员名册中" in problems[0].message

    # no 活动类型 column: inferred from the topic, else 其他, with a warning (never refused)
    path = _ledger(tmp_path / "m.xlsx", [["2024-03-01", "主题", "刘刚"]], header=["日期", "活动主题", "参加委员"])
    plan = read_ledgers(roster, path)
    assert plan.problems == [] and [r.record.type for r in plan.additions] == ["其他"]
    assert any("没有“活动类型”列" in note for note in plan.notes)
    # no 日期 column: the rows cannot be understood
    path = _ledger(tmp_path / "d.xlsx", [["集中学习", "主题", "刘刚"]], header=["活动类型", "活动主题", "参加委员"])
    problems = _refused(roster, path, fingerprint, file_print)
    assert "缺少必需的列" in problems[0].message and "日期" in problems[0].message


def test_bad_record_ids(roster, tmp_path, fingerprint, file_print):
    header = HEADER + ["记录编号"]
    rid = "6f1d2b7e-6a3c-4a9e-9a53-7d1f0c2b5e41"
    path = _ledger(
        tmp_path / "ids.xlsx",
        [
            ["2024-03-01", "集中学习", "一", "刘刚", 1, "内容", "not-a-uuid"],
            ["2024-03-01", "集中学习", "二", "刘刚", 1, "内容", rid],
            ["2024-03-01", "集中学习", "三", "刘刚", 1, "内容", rid],
        ],
        header=header,
    )
    problems = _refused(roster, path, fingerprint, file_print)
    assert [(p.row, p.column) for p in problems] == [(3, "记录编号"), (5, "记录编号")]
    assert "不是有效的记录编号" in problems[0].message and "重复" in problems[1].message


def _file_error(store, path: Path, fingerprint, match: str) -> None:
    before = fingerprint(store)
    with pytest.raises(StudioDeskError, match=match):
        read_ledgers(store, path)
    assert fingerprint(store) == before


def test_files_that_are_not_usable_workbooks(store, tmp_path, fingerprint):
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    _file_error(store, empty, fingerprint, "是空的")

    text = tmp_path / "台账.csv"
    text.write_text("日期,活动主题\n2024-01-01,学习\n", encoding="utf-8")
    _file_error(store, text, fingerprint, "不是 Excel 工作簿")

    good = _ledger(tmp_path / "good.xlsx", [["2024-03-01", "集中学习", "主题", "", 5, "内容"]])
    damaged = tmp_path / "坏.xlsx"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _file_error(store, damaged, fingerprint, "已损坏")

    docx = tmp_path / "文档.xlsx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    _file_error(store, docx, fingerprint, "不是 Excel 工作簿")

    blank = tmp_path / "空表.xlsx"
    openpyxl.Workbook().save(blank)
    _file_error(store, blank, fingerprint, "是空的")

    other = tmp_path / "别的表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "成绩"])
    wb.active.append(["张三", 90])
    wb.save(other)
    _file_error(store, other, fingerprint, "没有找到可导入的台账")

    missing = tmp_path / "不存在.xlsx"
    _file_error(store, missing, fingerprint, "找不到文件")


def test_password_protected_workbook(store, tmp_path, fingerprint):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _ledger(tmp_path / "plain.xlsx", [["2024-03-01", "集中学习", "主题", "", 5, "内容"]])
    locked = tmp_path / "加密.xlsx"
    with plain.open("rb") as src, locked.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    assert locked.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    _file_error(store, locked, fingerprint, "密码")


def test_header_only_ledger_has_nothing_to_import(store, tmp_path):
    path = _ledger(tmp_path / "h.xlsx", [])
    plan = read_ledgers(store, path)
    assert [p.message for p in plan.problems] == ["文件中的台账没有数据行，没有可导入的内容。"]


def test_command_line_lists_the_problems_and_fails(db_path, tmp_path, capsys, file_print):
    from studio_desk.cli import main
    from studio_desk.core.store import Store

    with Store.open(db_path) as store:
        store.save(Member(name="刘刚", role="召集人"))
    path = _ledger(tmp_path / "p.xlsx", [["2024-03-01", "集中学习", "主题", "刘刚、钱多多", "很多", "内容"]])
    source = file_print(path)
    assert main(["import", "--db", str(db_path), str(path)]) == 1
    out = capsys.readouterr().out
    assert ("发现 2 处问题（1 行），其中 1 处是名册中没有的 1 位委员（钱多多）：可先在名册中添加，"
            "或加上 --add-members 把他们加入名册，未导入任何数据") in out
    assert "“活动台账”第 3 行“参加委员”列：“钱多多”不在委员名册中" in out
    assert "“活动台账”第 3 行“群众人次”列" in out
    with Store.open(db_path) as store:
        assert store.count(Activity) == 0
    assert file_print(path) == source
    # with --add-members only the count is left
    assert main(["import", "--db", str(db_path), str(path), "--add-members"]) == 1
    assert "发现 1 处问题" in capsys.readouterr().out
    assert main(["import", "--db", str(db_path), str(tmp_path / "nope.xlsx")]) == 1
    assert "找不到文件" in capsys.readouterr().err
    assert db_path.exists()  # a database that was there stays, unchanged


def test_a_refused_import_into_a_new_database_leaves_no_file_behind(tmp_path, capsys, file_print):
    from studio_desk.cli import main

    new_db = tmp_path / "新建" / "台账.sqlite"
    new_db.parent.mkdir()
    path = _ledger(tmp_path / "p.xlsx", [["2024-03-01", "集中学习", "主题", "钱多多", 5, "内容"]])
    source = file_print(path)
    assert main(["import", "--db", str(new_db), str(path)]) == 1
    out = capsys.readouterr().out
    assert "请改正后重新导入。原文件未改动。" in out and f"刚才新建的数据库“{new_db}”没有写入任何内容，已删除。" in out
    assert list(new_db.parent.iterdir()) == []  # no database, no lock file
    assert main(["import", "--db", str(new_db), str(tmp_path / "nope.xlsx")]) == 1
    assert list(new_db.parent.iterdir()) == []
    assert file_print(path) == source
    # once it goes in, the new database stays
    assert main(["import", "--db", str(new_db), str(path), "--add-members"]) == 0
    assert new_db.exists()
