"""Workbooks built to hurt the reader: a cell at XFD1048576, a zip bomb, odd numbers, formulas
written without their cell reference, external links, hidden and very hidden sheets."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Member
from studio_desk.exports.ledger_import import read_ledgers

HEADERS = ["日期", "活动类型", "活动主题", "参加委员", "群众人次"]


@pytest.fixture
def roster(store):
    store.save(Member(name="刘刚", role="召集人"))
    return store


def _ledger(path: Path, rows: list[list], **sheets: str) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(["某某工作室活动台账"])
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    for title, state in sheets.items():
        extra = wb.create_sheet(title)
        extra.append(HEADERS)
        extra.append(["2025-05-01", "集中学习", f"{title}里的活动", "刘刚", 5])
        extra.sheet_state = state
    wb.save(path)
    return path


def test_a_tiny_file_with_a_cell_at_the_last_column_and_row_is_refused(roster, tmp_path, fingerprint):
    path = _ledger(tmp_path / "远处.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", 5]])
    wb = openpyxl.load_workbook(path)
    wb["活动台账"]["XFD1048576"] = "x"
    wb.save(path)
    assert path.stat().st_size < 10_000
    before = fingerprint(roster)
    with pytest.raises(StudioDeskError, match="XFD1048576") as raised:
        read_ledgers(roster, path)
    assert "数据范围太大" in str(raised.value) and "远处.xlsx" in str(raised.value)
    assert fingerprint(roster) == before


def test_a_zip_bomb_is_refused_before_it_is_unpacked(roster, tmp_path):
    source = _ledger(tmp_path / "正常.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", 5]])
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                with dst.open(name, "w") as fh:  # 200 MB of blanks inside the sheet, a few hundred KB packed
                    fh.write(body[: body.index(b"<sheetData>")])
                    for _ in range(200):
                        fh.write(b" " * (1024 * 1024))
                    fh.write(body[body.index(b"<sheetData>") :])
            else:
                dst.writestr(name, body)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(StudioDeskError, match="压缩包炸弹"):
        read_ledgers(roster, path)


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("受助人数", "1,2,3", "逗号不在千位上"),
        ("受助人数", 1e308, "数值过大"),
        ("受助人数", "1" * 30, "数值过大"),
        ("现金(元)", "1e308", "不是合理的金额"),
        ("现金(元)", 1e308, "不是合理的金额"),
        ("现金(元)", "1" * 30, "不是合理的金额"),
        ("现金(元)", "1,2,3", "逗号不在千位上"),
    ],
)
def test_odd_numbers_are_problems_naming_their_cell(roster, tmp_path, column, value, says):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "捐赠慰问台账"
    ws.append(["日期", "类别", "捐赠方", "受助对象", "受助人数", "现金(元)"])
    row = {"受助人数": 3, "现金(元)": 100}
    row[column] = value
    ws.append(["2025-05-01", "捐赠", "爱心企业", "留守儿童", row["受助人数"], row["现金(元)"]])
    path = tmp_path / "数字.xlsx"
    wb.save(path)
    plan = read_ledgers(roster, path)
    [problem] = plan.problems
    assert (problem.sheet, problem.row, problem.column) == ("捐赠慰问台账", 2, column)
    assert says in problem.message and "InvalidOperation" not in problem.text()


def test_thousands_separators_in_their_places_are_read(roster, tmp_path):
    path = _ledger(tmp_path / "千位.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", "1,234"]])
    plan = read_ledgers(roster, path)
    assert plan.problems == [] and plan.additions[0].record.public_count == 1234


def test_a_formula_written_without_its_cell_reference_is_reported_by_cell(roster, tmp_path):
    path = _ledger(tmp_path / "公式.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", "=2+3"]])
    rewritten = tmp_path / "无引用公式.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'(<c) r="[A-Z]+3"', rb"\1", body)  # row 3's cells: no r attribute
                assert b'r="E3"' not in body
            dst.writestr(name, body)
    plan = read_ledgers(roster, rewritten)
    [problem] = plan.problems
    assert (problem.row, problem.column) == (3, "群众人次") and "公式" in problem.message


def test_external_links_are_named(roster, tmp_path):
    path = _ledger(tmp_path / "外链.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", "=[1]Sheet1!A1"]])
    plan = read_ledgers(roster, path)
    assert any("外部链接" in note and "活动台账" in note for note in plan.notes)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "群众人次")]


def test_hidden_sheets_are_named_and_skipped_unless_chosen(roster, tmp_path):
    path = _ledger(
        tmp_path / "隐藏.xlsx",
        [["2025-05-01", "集中学习", "看得见的活动", "刘刚", 5]],
        隐藏活动="hidden",
        深藏活动="veryHidden",
    )
    plan = read_ledgers(roster, path)
    assert plan.hidden_sheets == ["隐藏活动", "深藏活动"]
    assert [r.record.topic for r in plan.additions] == ["看得见的活动"]
    assert any("深度隐藏" in note and "深藏活动" in note for note in plan.notes)
    chosen = read_ledgers(roster, path, include_hidden=True)
    assert sorted(r.record.topic for r in chosen.additions) == ["深藏活动里的活动", "看得见的活动", "隐藏活动里的活动"]
    assert all(isinstance(r.record, Activity) for r in chosen.additions)


def test_an_empty_cell_tag_far_to_the_right_does_not_make_the_sheet_too_wide(roster, tmp_path):
    path = _ledger(tmp_path / "远处的格式.xlsx", [["2025-05-01", "集中学习", "学习", "刘刚", 5]])
    rewritten = tmp_path / "远处的空单元格.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/worksheets/sheet1.xml":  # a formatted cell without a value, as Excel writes it
                body = body.replace(b"</row></sheetData>", b'<c r="XFD3" s="0"/></row></sheetData>', 1)
                assert b'<c r="XFD3" s="0"/>' in body
            dst.writestr(name, body)
    plan = read_ledgers(roster, rewritten)
    assert plan.problems == [] and [r.record.topic for r in plan.additions] == ["学习"]
