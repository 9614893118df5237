"""Formula cells in an imported ledger: the result Excel or WPS saved with the file is what the
clerk saw, so it is imported and the cells are listed in the preview; a formula without a saved
result (files written by other programs) or one that reads another file is a problem naming the
file, sheet, row and column. Old .xls files are read the same way as .xlsx."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.models import Activity, Member
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.xls_formulas import scan_xls_formulas

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
HEADERS = ["序号", "日期", "活动类型", "活动主题", "参加委员", "委员人数", "群众人次"]


@pytest.fixture
def roster(store):
    store.save(Member(name="刘刚", role="召集人"))
    store.save(Member(name="王芳"))
    return store


def _old_ledger(path: Path, people: list[str], topic_b: str = "学习全会精神") -> Path:
    """A clerk's ledger whose 序号, 委员人数, 群众人次 and 合计 row are formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2025年活动"
    ws.append(["城关镇委员工作室2025年活动台账"])
    ws.append(HEADERS)
    ws.append(["=ROW()-2", "2025-03-05", "集中学习", "学习两会精神", "刘刚、王芳", '=IF(E3="",0,2)', people[0]])
    ws.append(["=ROW()-2", "2025-04-10", "集中学习", topic_b, "刘刚", "=1", people[1]])
    ws.append(["=ROW()-2", "2025-06-15", "视察调研", "调研乡村道路", "王芳", "=1", people[2]])
    ws.append(["合计", None, None, None, None, "=SUM(F3:F5)", "=SUM(G3:G5)"])
    wb.save(path)
    return path


def _with_saved_results(path: Path, results: dict[str, str]) -> Path:
    """The workbook as Excel saves it: each formula cell given carries its result (``<v>``)."""
    out = path.with_name("excel_" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name.startswith("xl/worksheets/sheet"):
                for ref, value in results.items():
                    kind = b"" if re.fullmatch(r"-?[\d.]+", value) else b' t="str"'
                    body, n = re.subn(
                        rb'<c r="' + ref.encode() + rb'"([^>]*)><f>([^<]*)</f><v></v></c>',
                        lambda m: b'<c r="' + ref.encode() + b'"' + m[1] + kind + b"><f>" + m[2] + b"</f><v>"
                        + value.encode() + b"</v></c>",
                        body,
                    )
                    assert n == 1, ref
            dst.writestr(name, body)
    return out


def test_saved_formula_results_are_imported_and_the_cells_listed(roster, tmp_path):
    source = _old_ledger(tmp_path / "旧台账.xlsx", ["=20+15", "=8*2", "=10"])
    path = _with_saved_results(
        tmp_path / "旧台账.xlsx",
        {"A3": "1", "A4": "2", "A5": "3", "F3": "2", "F4": "1", "F5": "1", "G3": "35", "G4": "16", "G5": "10",
         "F6": "4", "G6": "61"},
    )
    assert source.exists()
    plan = read_ledgers(roster, path)
    assert plan.problems == []
    assert [r.record.public_count for r in plan.additions] == [35, 16, 10]
    [note] = [n for n in plan.notes if "公式" in n]
    assert "“2025年活动”第 3–5 行的“群众人次”是公式（共 3 格）" in note and "计算结果" in note
    apply_plan(roster, plan)
    stored = sorted(roster.list_records(Activity), key=lambda a: a.date)
    assert [(a.topic, a.public_count) for a in stored] == [("学习两会精神", 35), ("学习全会精神", 16), ("调研乡村道路", 10)]


def test_a_formula_without_a_saved_result_names_file_sheet_row_and_column(roster, tmp_path, fingerprint, file_print):
    # openpyxl (like other programs) writes formulas without their results: 群众人次 of row 4
    # would come in empty, silently; the others carry results as Excel saves them.
    source = _old_ledger(tmp_path / "生成的台账.xlsx", ["=20+15", "=8*2", "=10"])
    path = _with_saved_results(source, {"G3": "35", "G5": "10"})
    before, printed = fingerprint(roster), file_print(path)
    plan = read_ledgers(roster, path)
    [problem] = plan.problems
    assert (problem.sheet, problem.row, problem.column) == ("2025年活动", 4, "群众人次")
    assert "excel_生成的台账.xlsx" in problem.message and "没有保存它的计算结果" in problem.message
    assert problem.text().startswith("“2025年活动”第 4 行“群众人次”列：是公式")
    assert fingerprint(roster) == before and file_print(path) == printed


def test_a_row_with_a_formula_problem_has_its_other_problems_listed_too(roster, tmp_path, fingerprint):
    """All of a row's problems at once: the clerk mends the file once, not once per problem. A
    formula cell left out is not reported again as empty (the 日期 here is a formula)."""
    source = _old_ledger(tmp_path / "生成的台账.xlsx", ["=20+15", "=8*2", "=10"])
    wb = openpyxl.load_workbook(source)
    ws = wb.active
    ws["B4"] = "2025/13/1"  # row 4: its 群众人次 formula has no result, and its date is no date
    ws["B5"] = '="2025-06-"&"15"'  # row 5: its 日期 a formula without a result, nothing else wrong
    wb.save(source)
    path = _with_saved_results(source, {"G3": "35", "G5": "10"})
    before = fingerprint(roster)
    plan = read_ledgers(roster, path)
    assert sorted((p.row, p.column) for p in plan.problems) == [(4, "日期"), (4, "群众人次"), (5, "日期")]
    [row5] = [p for p in plan.problems if p.row == 5]
    assert "公式" in row5.message  # the formula, not a 日期 said to be missing
    assert fingerprint(roster) == before
    # The same under another name for the column: the formula only, not "日期" said to be empty.
    ws["B2"] = "活动时间"
    wb.save(source)
    plan = read_ledgers(roster, _with_saved_results(source, {"G3": "35", "G5": "10"}))
    assert [(p.column, "公式" in p.message) for p in plan.problems if p.row == 5] == [("活动时间", True)]


def test_a_text_formula_result_is_imported_as_the_text(roster, tmp_path):
    source = _old_ledger(tmp_path / "文字公式.xlsx", ["30", "16", "10"], topic_b='="学习"&"全会精神"')
    path = _with_saved_results(source, {"D4": "学习全会精神"})
    plan = read_ledgers(roster, path)
    assert plan.problems == []
    assert [r.record.topic for r in plan.additions][1] == "学习全会精神"
    assert any("第 4 行的“活动主题”是公式" in n for n in plan.notes)


def test_an_external_link_is_refused_even_with_a_saved_result(roster, tmp_path):
    source = _old_ledger(tmp_path / "外链.xlsx", ["30", "=[1]Sheet1!A1", "10"])
    path = _with_saved_results(source, {"G4": "16"})
    plan = read_ledgers(roster, path)
    [problem] = plan.problems
    assert (problem.row, problem.column) == (4, "群众人次") and "外部链接" in problem.message


@pytest.fixture(scope="module")
def xls_ledgers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two old .xls ledgers, saved by LibreOffice (which stores formulas' results as Excel does):
    one whose formulas all have results, one with a formula whose result is empty."""
    if SOFFICE is None:
        pytest.skip("LibreOffice 未安装（用它写出 .xls 文件）")
    folder = tmp_path_factory.mktemp("xls")
    good = _old_ledger(folder / "旧台账.xlsx", ["=20+15", "=8*2", "=10"])
    empty = _old_ledger(folder / "空结果.xlsx", ["=20+15", '=IF(1>2,1,"")', "=10"])
    result = subprocess.run(
        [str(SOFFICE), "--headless", "--norestore", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
         "--convert-to", "xls", "--outdir", str(folder), str(good), str(empty)],
        capture_output=True, text=True, timeout=240,
    )
    paths = {"good": folder / "旧台账.xls", "empty": folder / "空结果.xls"}
    assert result.returncode == 0 and all(p.exists() for p in paths.values()), result.stderr
    return paths


def test_an_old_xls_ledger_gives_its_formula_cells_and_their_results(roster, xls_ledgers):
    cells = scan_xls_formulas(xls_ledgers["good"])
    assert cells == {"2025年活动": {(r, c) for r in (2, 3, 4) for c in (0, 5, 6)} | {(5, 5), (5, 6)}}
    plan = read_ledgers(roster, xls_ledgers["good"])
    assert plan.problems == []
    assert [r.record.public_count for r in plan.additions] == [35, 16, 10]
    assert any("第 3–5 行的“群众人次”是公式（共 3 格）" in n for n in plan.notes)
    apply_plan(roster, plan)
    assert sum(a.public_count for a in roster.list_records(Activity)) == 61


def test_an_old_xls_formula_with_an_empty_result_is_a_problem_by_cell(roster, xls_ledgers, fingerprint):
    before = fingerprint(roster)
    plan = read_ledgers(roster, xls_ledgers["empty"])
    [problem] = plan.problems
    assert (problem.sheet, problem.row, problem.column) == ("2025年活动", 4, "群众人次")
    assert "空结果.xls" in problem.message and "公式" in problem.message
    assert fingerprint(roster) == before
