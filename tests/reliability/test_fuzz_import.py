"""Fuzz the ledger import with random workbooks: random sheet names, header rows drawn from the real
headers, their variants and noise, cells of every type (text with odd characters, huge numbers,
dates, booleans, formulas, money written in words), random sizes; and with damaged xlsx bytes.

Each is either imported correctly (every planned record stored as planned, a second import of the
same file adds nothing) or refused with problems / a ``StudioDeskError``, leaving the database and
the source file unchanged. No other exception may escape.

CI tries ``STUDIO_DESK_FUZZ_EXAMPLES`` (default 30) workbooks per test; set it higher to soak.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from studio_desk.core import codec
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_import import ADD, CHANGE, apply_plan, read_ledgers

EXAMPLES = int(os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
STATS = {"imported": 0, "refused": 0, "rejected_file": 0, "records": 0}

SHEET_NAMES = [s.name for s in lc.RECORD_SHEETS] + [h for s in lc.RECORD_SHEETS for h in s.hints] + [
    lc.SUMMARY_SHEET_NAME, "Sheet1", "2025年", "活动台账 (2)"]
HEADERS = [h for s in lc.RECORD_SHEETS for c in s.columns for h in (c.header, *c.aliases)]
ODD_TEXT = ["=1+1", "=HYPERLINK(\"http://x\")", "+86 138", "-", "@SUM(A1)", "\t缩进", "行\r\n换行", "  ", "无",
            "是", "否", "√", "×", "已办结", "集中学习", "1,234.50元", "壹万元", "2025.3.8", "2025年3月8日", "3/8",
            "45000", "1e308", "NaN", "0x10", "张三、李四", "张三,李四;王五", "𠀀𠀁生僻字", "😀", "\u200b", "'",
            "\"", "<b>粗</b>", "%s%s", "DROP TABLE activities;--", "x" * 40000]


def text_values():
    return st.one_of(st.sampled_from(ODD_TEXT), st.text(max_size=60)).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))


def cell_values(names: list[str]):
    return st.one_of(
        st.none(),
        text_values(),
        st.sampled_from(names),
        st.integers(min_value=-(2**53), max_value=2**53),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
        st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
        st.times().map(lambda t: t.replace(microsecond=0)),
        st.booleans(),
    )


@st.composite
def workbooks(draw, names: list[str]):
    sheets = []
    for _ in range(draw(st.integers(1, 3))):
        title = draw(st.one_of(st.sampled_from(SHEET_NAMES), text_values()))
        headers = draw(st.lists(st.one_of(st.sampled_from(HEADERS), st.sampled_from(HEADERS), text_values()),
                                min_size=0, max_size=18))
        width = max(len(headers), 1)
        preamble = draw(st.lists(st.lists(cell_values(names), max_size=3), max_size=2))
        body = draw(st.lists(st.lists(cell_values(names), min_size=0, max_size=width + 2), max_size=12))
        sheets.append((title, preamble, headers, body))
    return sheets


def write_workbook(sheets, path: Path) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for n, (title, preamble, headers, body) in enumerate(sheets):
        title = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28].strip("'") or f"表{n}"
        while title.lower() in used:
            title = f"{title[:25]}{n}"
        used.add(title.lower())
        ws = wb.create_sheet(title)
        for row in (*preamble, headers, *body):
            ws.append(list(row))
    wb.save(path)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_import(template: Path, workbook: Path, add_members: bool) -> None:
    """The property: imported correctly, or refused with nothing changed."""
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "台账.sqlite"
        shutil.copyfile(template, db)
        before, source = sha(db), sha(workbook)
        store = Store.open(db, replica_id="fuzz")
        imported = False
        try:
            imported = _import_or_refuse(store, workbook, add_members)
        finally:
            store.close()
        assert sha(workbook) == source  # the file is only read
        if not imported:
            assert sha(db) == before  # a refused file changed nothing


def _import_or_refuse(store: Store, workbook: Path, add_members: bool) -> bool:
    try:
        plan = read_ledgers(store, workbook, add_unknown_members=add_members)
    except StudioDeskError as exc:
        assert str(exc)
        STATS["rejected_file"] += 1
        return False
    for problem in plan.problems:
        assert problem.text()
    if plan.problems:
        with pytest.raises(StudioDeskError):
            apply_plan(store, plan)
        STATS["refused"] += 1
        return False
    if not (plan.additions or plan.changes or plan.new_members):
        STATS["refused"] += 1  # nothing to import (no ledger found, or all rows the same)
        return False
    result = apply_plan(store, plan)
    assert result.added == len(plan.additions) and result.changed == len(plan.changes)
    for item in plan.records:
        if item.action in (ADD, CHANGE):
            stored = store.get(type(item.record), item.record.id)
            assert codec.content_of(stored) == codec.content_of(item.record)
    again = read_ledgers(store, workbook, add_unknown_members=add_members)
    assert not again.problems and not again.additions and not again.changes, (
        [p.text() for p in again.problems[:3]], again.summary())
    STATS["imported"] += 1
    STATS["records"] += len(plan.additions) + len(plan.changes)
    return True


@pytest.fixture(scope="module")
def roster(demo_template: Path) -> list[str]:
    with Store.open(demo_template, replica_id="r") as store:
        return [m.name for m in store.list_records(Member)]


@FUZZ
@given(data=st.data(), add_members=st.booleans())
def test_random_workbooks_import_or_are_refused_cleanly(demo_template: Path, roster, data, add_members, tmp_path: Path):
    sheets = data.draw(workbooks(roster))
    path = tmp_path / "随机 台账.xlsx"
    write_workbook(sheets, path)
    check_import(demo_template, path, add_members)


CHINESE = st.text(alphabet="学习调研走访群众委员社区乡村企业教育医疗养老路灯电梯协商议事宣讲关爱儿童", min_size=1, max_size=30)


@st.composite
def plausible_rows(draw, names: list[str]):
    """Rows under the real headers of one ledger, with values a clerk would type: mostly valid
    (so that many import), now and then odd (so that some are refused)."""
    from studio_desk.core.enums import TYPE_LISTS
    from studio_desk.core.models import fields_of

    spec = draw(st.sampled_from(lc.RECORD_SHEETS[1:]))
    info = {f.name: f for f in fields_of(spec.cls)}
    usable = [c for c in spec.columns if c.kind not in (lc.SEQ, lc.RECORD_ID, lc.COUNT_OF, lc.SUM_MONEY, lc.ITEMS)]
    needed = ("category", "title", "submitted_on", "authors")  # a filed proposal needs these too
    required = [c for c in usable if c.field in info and (info[c.field].required or c.field in needed)]
    # dates that must follow another date are left to the random workbooks above
    later = ("end_date", "answered_on", "closed_on", "deadline")
    others = [c for c in usable if c not in required and c.field not in later]
    columns = required + draw(st.lists(st.sampled_from(others), max_size=len(others), unique=True)) if others else required

    def good(col):
        f = info.get(col.field) if col.field else None
        if col.kind == lc.DATE:
            return st.dates(min_value=date(2016, 1, 1), max_value=date(2026, 11, 20))
        if col.kind == lc.CHOICE and f is not None:
            values = f.choices or TYPE_LISTS.get(f.type_list or "", ())
            return st.sampled_from(list(values)) if values else CHINESE
        if col.kind == lc.INT:
            return st.integers(0, 1000)
        if col.kind == lc.MONEY:
            return st.integers(0, 10**6)
        if col.kind == lc.BOOL:
            return st.sampled_from(["是", "否", True, False])
        if col.kind in (lc.MEMBERS, lc.AUTHORS):
            return st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True).map("、".join)
        if col.kind == lc.FOLLOWUP:
            return st.sampled_from(["2026-03-08 已书面答复", "已电话联系承办单位", ""])
        return CHINESE

    odd = {
        lc.DATE: st.sampled_from(["2025.3.8", "2025年3月8日", "2025/13/40", "", "明天", 45000]),
        lc.INT: st.sampled_from(["12", "十二", "3人", "", -1, 10**12]),
        lc.MONEY: st.one_of(st.floats(0, 1e7, allow_nan=False), st.sampled_from(["1,234.56", "1234.567", "五百元",
                                                                                 "¥300", ""])),
        lc.BOOL: st.sampled_from(["√", "", "也许"]),
        lc.MEMBERS: st.sampled_from(["不认识的人", "张三,李四", ""]),
    }
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        row = []
        for col in columns:
            if draw(st.integers(0, 59)) == 0:
                row.append(draw(odd.get(col.kind, text_values())))
            else:
                row.append(draw(good(col)))
        rows.append(row)
    return spec, [c.header for c in columns], rows


@FUZZ
@given(data=st.data(), add_members=st.booleans())
def test_plausible_ledgers_import_or_are_refused_cleanly(demo_template: Path, roster, data, add_members,
                                                          tmp_path: Path):
    spec, headers, rows = data.draw(plausible_rows(roster))
    path = tmp_path / "台账 导入.xlsx"
    write_workbook([(spec.name, [["某工作室台账"]], headers, rows)], path)
    check_import(demo_template, path, add_members)


@FUZZ
@given(data=st.data())
def test_damaged_xlsx_bytes_are_refused_cleanly(demo_template: Path, exported_ledger: Path, data, tmp_path: Path):
    raw = bytearray(exported_ledger.read_bytes())
    how = data.draw(st.sampled_from(["flip", "truncate", "member"]))
    if how == "flip":
        for _ in range(data.draw(st.integers(1, 30))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    elif how == "truncate":
        del raw[data.draw(st.integers(0, len(raw) - 1)):]
    path = tmp_path / "损坏.xlsx"
    if how == "member":  # a well-formed zip whose sheet XML is damaged
        with zipfile.ZipFile(exported_ledger) as src, zipfile.ZipFile(path, "w") as dst:
            victim = data.draw(st.sampled_from([n for n in src.namelist() if n.endswith(".xml")]))
            for name in src.namelist():
                body = src.read(name)
                if name == victim:
                    cut = data.draw(st.integers(0, len(body)))
                    body = body[:cut] + data.draw(st.binary(max_size=40)) + body[cut:]
                dst.writestr(name, body)
    else:
        path.write_bytes(bytes(raw))
    check_import(demo_template, path, False)


@pytest.fixture(scope="module")
def exported_ledger(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from studio_desk.exports.workbook import write_workbook as export

    path = tmp_path_factory.mktemp("导出") / "台账 2026.xlsx"
    with Store.open(demo_template, replica_id="r") as store:
        export(store, 2026, path)
    return path


def test_report_fuzz_counts():
    print(f"fuzzed workbooks: {STATS}")


ODD_NUMBERS = ["1,2,3", "1e308", "1" * 30, "-0", "1,234", "12,345,678", "1,2345", "０.５", "∞", "NaN",
               1e308, -1e308, 1e-308, 2**63, 0.1 + 0.2, "1e3", "  7  ", "１２３"]


@st.composite
def hostile_structures(draw, names: list[str]):
    """A small real ledger, then one of the things issue-prone files do to a reader."""
    how = draw(st.sampled_from(["far_cell", "zip_bomb", "formula_no_ref", "hidden", "odd_numbers"]))
    rows = [["2025-05-01", "集中学习", draw(CHINESE), draw(st.sampled_from(names)), draw(st.integers(0, 99))]
            for _ in range(draw(st.integers(1, 4)))]
    extra: dict = {}
    if how == "far_cell":
        extra["cell"] = (draw(st.integers(1, 1_048_576)), draw(st.integers(1, 16_384)))
    elif how == "zip_bomb":
        extra["megabytes"] = draw(st.integers(2, 40))
    elif how == "formula_no_ref":
        extra["formula"] = draw(st.sampled_from(["=1+1", "=SUM(E3:E4)", "=[1]Sheet1!A1", "=TODAY()"]))
    elif how == "hidden":
        extra["state"] = draw(st.sampled_from(["hidden", "veryHidden"]))
    else:
        for row in rows:
            row[4] = draw(st.sampled_from(ODD_NUMBERS))
    return how, rows, extra


def _build_hostile(path: Path, how: str, rows: list[list], extra: dict) -> None:
    import re as regex

    wb = Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(["日期", "活动类型", "活动主题", "参加委员", "群众人次"])
    for row in rows:
        ws.append(row)
    if how == "far_cell":
        ws.cell(*extra["cell"], value="远处")
    if how == "formula_no_ref":
        ws.cell(2, 5, value=extra["formula"])
    if how == "hidden":
        ws.sheet_state = extra["state"]
        wb.create_sheet("说明").append(["看得见的工作表"])
    plain = path.with_suffix(".plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/worksheets/sheet1.xml" and how == "formula_no_ref":
                body = regex.sub(rb'(<c) r="[A-Z]+2"', rb"\1", body)
            if name == "xl/worksheets/sheet1.xml" and how == "zip_bomb":
                with dst.open(name, "w") as fh:
                    at = body.index(b"<sheetData")
                    fh.write(body[:at])
                    for _ in range(extra["megabytes"]):
                        fh.write(b" " * (1024 * 1024))
                    fh.write(body[at:])
                continue
            dst.writestr(name, body)
    plain.unlink()


@FUZZ
@given(data=st.data())
def test_hostile_structures_are_imported_or_refused_cleanly(demo_template: Path, roster, data, tmp_path: Path):
    how, rows, extra = data.draw(hostile_structures(roster))
    path = tmp_path / "结构 异常.xlsx"
    _build_hostile(path, how, rows, extra)
    check_import(demo_template, path, False)
    with Store.open(demo_template, replica_id="r") as store:
        try:
            plan = read_ledgers(store, path)
        except StudioDeskError as exc:
            assert how in ("far_cell", "zip_bomb", "hidden"), (how, str(exc))
            assert how != "hidden" or "隐藏的工作表“活动台账”" in str(exc)
            return
    if how == "hidden":  # skipped unless chosen, and named
        assert plan.hidden_sheets == ["活动台账"] and not plan.records
    if how == "formula_no_ref":
        assert any(p.row == 2 and p.column == "群众人次" and "公式" in p.message for p in plan.problems)
    if how == "far_cell":
        row, column = extra["cell"]
        assert row <= 300_000 and column <= 500
