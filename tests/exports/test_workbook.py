"""The exported workbook, read back with openpyxl and python-calamine."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from studio_desk.core.figures import annual_figures
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.core.money import fen_to_decimal
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.workbook import write_workbook

YEAR = 2025

SPEC_HEADERS = {
    "委员名册": "序号, 姓名, 性别, 党派, 界别, 政协层级, 工作室职务, 工作单位及职务, 联系电话, 加入日期, 退出日期, 备注",
    "活动台账": "序号, 日期, 结束日期, 活动类型, 活动主题, 地点, 组织者, 参加委员, 委员人数, 群众人次, 意见建议(条), 经济成效(元), 受益群众(人), 主要内容及成效, 亮点, 备注",
    "接待走访台账": "序号, 日期, 方式, 对象(姓名/单位), 联系电话, 单位或住址, 人数, 户数, 诉求类别, 诉求内容, 接待委员, 处理方式, 转办单位, 办理状态, 办理时限, 办结日期, 办理结果, 帮办实事, 矛盾纠纷, 已反馈, 满意度, 备注",
    "捐赠慰问台账": "序号, 日期, 类别, 捐赠方, 关联委员, 受助对象, 受助人数, 现金(元), 物资明细, 物资价值(元), 合计(元), 经手人, 备注",
    "提案建议台账": "序号, 类别, 标题, 提出人, 提交日期, 届次, 编号, 来源, 状态, 承办单位, 办理结果, 采用层级, 领导批示, 答复日期, 满意度, 最新跟踪, 备注",
}
RANKING_HEADERS = "姓名, 参加活动, 接待走访, 提案, 社情民意, 会议发言, 其他建议, 捐赠慰问, 履职积分, 排名"


@pytest.fixture
def workbook_path(demo_store, tmp_path: Path) -> Path:
    return write_workbook(demo_store, YEAR, tmp_path / "台账 2025.xlsx")


def _rows(path: Path, sheet: str) -> list[list]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def test_sheets_and_exact_headers(workbook_path: Path):
    wb = openpyxl.load_workbook(workbook_path)
    assert wb.sheetnames == [
        "统计汇总",
        "委员名册",
        "活动台账",
        "接待走访台账",
        "捐赠慰问台账",
        "提案建议台账",
        "委员履职统计",
        "工作室信息",  # hidden: the studio's details, for the import
    ]
    assert wb["工作室信息"].sheet_state == "hidden"
    for sheet, headers in SPEC_HEADERS.items():
        row = [c.value for c in wb[sheet][2]]
        printed = headers.split(", ") + ["记录编号"]
        assert row[: len(printed)] == printed, sheet
        # after 记录编号: the round-trip columns (every other field; versions and ids hidden)
        spec = next(s for s in lc.RECORD_SHEETS if s.name == sheet)
        extra = [c for c in spec.columns if c.round_trip]
        assert row[len(printed) :] == [c.header for c in extra], sheet
        ws = wb[sheet]
        for index, col in enumerate(spec.columns, start=1):
            letter = openpyxl.utils.get_column_letter(index)
            # hidden: the round trip's ids, and the columns folded off the A4 page (their data stays)
            assert ws.column_dimensions[letter].hidden == (col.hidden or not col.on_a4), (sheet, col.header)
        assert ws.print_area == f"'{sheet}'!$A$1:${openpyxl.utils.get_column_letter(len(printed) - 1)}${ws.max_row}"
    assert [c.value for c in wb["委员履职统计"][2]] == RANKING_HEADERS.split(", ")
    # the second reader agrees
    calamine = CalamineWorkbook.from_path(str(workbook_path))
    assert calamine.sheet_names == wb.sheetnames
    assert _rows(workbook_path, "活动台账")[1][:17] == SPEC_HEADERS["活动台账"].split(", ") + ["记录编号"]


def test_layout_and_print_setup_of_every_sheet(workbook_path: Path, demo_store):
    wb = openpyxl.load_workbook(workbook_path)
    from studio_desk.exports.xlsx_print import A4, room

    studio = demo_store.studio().name
    papers: dict[str, str] = {}
    for ws in wb.worksheets:
        if ws.sheet_state == "hidden":
            continue  # not for readers or the printer
        ncols = ws.max_column
        last = openpyxl.utils.get_column_letter(ncols)
        assert ws["A1"].value.startswith(studio) and f"（{YEAR}年）" in ws["A1"].value
        record_sheet = ws.title in SPEC_HEADERS
        headers = [c.value for c in ws[2]]
        printed_count = headers.index("记录编号") if record_sheet else ncols
        printed = openpyxl.utils.get_column_letter(printed_count)
        # One page wide: the title spans every printed column (never cut), title and header
        # rows are repeated on every page.
        (merged,) = ws.merged_cells.ranges
        assert (merged.min_row, merged.max_row, merged.min_col, merged.max_col) == (1, 1, 1, printed_count)
        if record_sheet:  # 记录编号 is left off the printed page
            assert ws.print_area == f"'{ws.title}'!$A$1:${printed}${ws.max_row}"
        assert ws["A1"].font.b and ws["A2"].font.b
        assert ws.freeze_panes == "A3"
        assert ws.auto_filter.ref == f"A2:{last}{ws.max_row}"
        assert ws.print_title_rows == "$1:$2" and not ws.print_title_cols
        assert ws.page_setup.orientation == "landscape"
        # Fitted to one page across, on A4 (the wide ledgers' print layout folds the other columns).
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        paper = str(ws.page_setup.paperSize)
        papers[ws.title] = paper
        dims = [ws.column_dimensions[openpyxl.utils.get_column_letter(i)] for i in range(1, printed_count + 1)]
        widths = [d.width for d in dims if not d.hidden]  # a hidden (folded) column is not printed
        assert sum(widths) <= room(paper) + 0.5, (ws.title, sum(widths), paper)
        assert min(widths) >= 4.5
        assert ws.oddHeader.center.text == f"{studio} {ws.title} {YEAR}年"
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert set(papers.values()) == {A4}  # every sheet, the widest ledgers included


def test_activity_rows_are_the_records_with_real_dates_and_numbers(workbook_path: Path, demo_store):
    wb = openpyxl.load_workbook(workbook_path)
    ws = wb["活动台账"]
    activities = sorted(demo_store.list_records(Activity, year=YEAR), key=lambda a: (a.date, a.created_at))
    names = {m.id: m.name for m in demo_store.list_records(Member, include_deleted=True)}
    data = list(ws.iter_rows(min_row=3, max_row=2 + len(activities)))
    assert len(data) == len(activities)
    for cells, a in zip(data, activities):
        values = [c.value for c in cells]
        assert values[0] == data.index(cells) + 1
        assert values[1] == datetime.combine(a.date, datetime.min.time())
        assert cells[1].number_format == "yyyy-mm-dd" and cells[1].is_date
        assert values[3] == a.type and values[4] == a.topic
        assert values[7] == "、".join(names[i] for i in a.member_ids)
        assert values[8] == len(a.member_ids)
        assert values[9] == a.public_count
        assert (values[11] or 0) == fen_to_decimal(a.economic_fen)
        assert values[12] == a.beneficiaries
        assert values[14] == ("是" if a.is_highlight else "否")
        assert values[16] == a.id  # 记录编号, after the printed columns
    # rows whose wrapped text needs several lines get the height for it
    long_rows = [i + 3 for i, a in enumerate(activities) if len(a.content) > 30]
    assert long_rows and all(ws.row_dimensions[r].height >= 28 for r in long_rows)
    total = [c.value for c in ws[3 + len(activities)]]
    assert total[0] == "合计" and total[1] == f"共 {len(activities)} 条"
    assert total[8] == sum(len(a.member_ids) for a in activities)
    assert total[9] == sum(a.public_count for a in activities)
    assert total[10] == sum(a.suggestion_count for a in activities)
    assert total[11] == fen_to_decimal(sum(a.economic_fen for a in activities))
    assert total[12] == sum(a.beneficiaries for a in activities)


def test_donation_money_cells_and_totals(workbook_path: Path, demo_store):
    ws = openpyxl.load_workbook(workbook_path)["捐赠慰问台账"]
    donations = sorted(demo_store.list_records(Donation, year=YEAR), key=lambda d: (d.date, d.created_at))
    assert donations
    for row, d in zip(ws.iter_rows(min_row=3), donations):
        cash, in_kind, total = row[7], row[9], row[10]
        assert cash.number_format == "#,##0.00" and total.number_format == "#,##0.00"
        assert Decimal(str(cash.value)) == fen_to_decimal(d.cash_fen)
        assert Decimal(str(in_kind.value)) == fen_to_decimal(d.in_kind_fen)
        assert Decimal(str(total.value)) == fen_to_decimal(d.total_fen)
    totals = [c.value for c in ws[3 + len(donations)]]
    assert Decimal(str(totals[7])) == fen_to_decimal(sum(d.cash_fen for d in donations))
    assert Decimal(str(totals[10])) == fen_to_decimal(sum(d.total_fen for d in donations))
    assert totals[6] == sum(d.recipient_count for d in donations)


def test_summary_sheet_states_the_core_figures_with_last_year(workbook_path: Path, demo_store):
    rows = _rows(workbook_path, "统计汇总")
    assert rows[1] == ["类别", "项目", "单位", f"{YEAR}年", f"{YEAR - 1}年"]
    figures = annual_figures(demo_store, YEAR)
    by_label = {(r[0], r[1]): r for r in rows[2:]}
    for section, items in figures.key_figures():
        for f in items:
            row = by_label[(section, f.label)]
            for got, v in zip(row[3:], (f.current, f.previous)):
                if f.kind == "money":
                    assert got == float(fen_to_decimal(v))
                elif f.kind == "rate":  # a number (the sheet shows it as a percentage)
                    assert got == (None if v.value is None else pytest.approx(float(v.value)))
                else:
                    assert got == v
    c, p = figures.current, figures.previous
    # the breakdowns the summary states, as numbers, beside last year's
    modes = {r[1].split("：")[-1]: (r[3], r[4]) for r in rows if r[1].startswith("　方式：")}
    assert modes and modes == {k: (c.receptions_by_mode.get(k, 0), p.receptions_by_mode.get(k, 0))
                               for k in modes}
    assert sum(v[0] for v in modes.values()) == c.receptions_total
    levels = {r[1].split("：")[-1]: r[3] for r in rows if r[1].startswith("　采用层级：")}
    words = {"县": "县级", "市": "市级", "省": "省级", "全国": "全国"}
    assert levels and levels == {words[k]: c.adopted_by_level.get(k, 0) for k in words
                                 if c.adopted_by_level.get(k) or p.adopted_by_level.get(k)}
    assert any(r[1].startswith("　办理结果：") for r in rows)
    assert any(r[0] == "活动" and r[1] in c.activities_by_type for r in rows)  # by type
    assert any(r[1] == "开展活动" and r[3] > 0 and r[4] > 0 for r in rows[2:])


def test_summary_sheet_rates_are_numbers_formatted_as_percent(workbook_path: Path):
    ws = openpyxl.load_workbook(workbook_path)["统计汇总"]
    rates = [row for row in ws.iter_rows(min_row=3) if row[1].value in ("办结率", "提案办复率")]
    assert len(rates) == 2
    for row in rates:
        assert isinstance(row[3].value, (int, float)) and 0 <= row[3].value <= 1
        assert row[3].number_format == "0.0%" and row[3].data_type == "n"


def test_ranking_sheet_is_the_core_ranking(workbook_path: Path, demo_store):
    rows = _rows(workbook_path, "委员履职统计")[2:]
    ranking = annual_figures(demo_store, YEAR).current.ranking
    assert [r[0] for r in rows] == [m.name for m in ranking]
    assert [int(r[8]) for r in rows] == [m.points for m in ranking]
    assert [int(r[9]) for r in rows] == [m.rank for m in ranking]


def test_hostile_text_is_written_as_text(store, tmp_path: Path):
    hostile = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 138", "-5", "@SUM(A1)", "=1+1"]
    for i, text in enumerate(hostile):
        store.save(Activity(date=date(YEAR, 3, i + 1), type="集中学习", topic=text, content="控制\x07字符\x1b"), check=False)
    long_text = "长" * 40_000
    store.save(Activity(date=date(YEAR, 4, 1), type="集中学习", topic="很长的内容", content=long_text), check=False)
    path = write_workbook(store, YEAR, tmp_path / "h.xlsx")
    ws = openpyxl.load_workbook(path)["活动台账"]
    topics = {ws.cell(r, 5).value: ws.cell(r, 5) for r in range(3, 3 + len(hostile) + 1)}
    for text in hostile:
        assert topics[text].data_type == "s", text
    content = ws.cell(3, 14).value
    assert content == "控制 字符 "
    long_cell = next(ws.cell(r, 14).value for r in range(3, 9) if ws.cell(r, 5).value == "很长的内容")
    assert len(long_cell) == 32_767 and long_cell.endswith("已截断）")
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name)
    assert _rows(path, "活动台账")[2][4] == hostile[0]


def test_mask_pii_hides_citizens_not_members(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, YEAR, tmp_path / "county.xlsx", mask_pii=True)
    rows = _rows(path, "接待走访台账")
    assert "已隐去群众个人信息" in rows[0][0]
    receptions = demo_store.list_records(Reception, year=YEAR)
    real_names = {r.person_name for r in receptions}
    real_phones = {r.person_phone for r in receptions if r.person_phone}
    body = rows[2:-1]
    from studio_desk.core.masking import is_organisation

    people = [r for r in body if not is_organisation(r[3])]
    assert people and all(r[3] not in real_names and "*" in r[3] for r in people)
    # an enterprise visited is named as it is: it is not a citizen's personal data
    enterprises = sorted(r.person_name for r in receptions if is_organisation(r.person_name))
    assert enterprises and sorted(r[3] for r in body if is_organisation(r[3])) == enterprises
    assert all(r[4] == "" or ("****" in r[4] and r[4] not in real_phones) for r in body)
    assert all("****" in r[5] for r in body if r[5])
    roster = _rows(path, "委员名册")[2:-1]
    members = {m.name: m for m in demo_store.list_records(Member, year=YEAR)}
    assert all(r[1] in members and r[8] == members[r[1]].phone for r in roster)


def test_failure_leaves_no_file_under_the_final_name(demo_store, tmp_path: Path):
    from studio_desk.core.progress import Cancelled

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.xlsx"
    target.write_bytes(b"old contents")
    calls = []

    def progress(done: int, total: int, text: str) -> None:
        calls.append(done)
        if len(calls) > 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_workbook(demo_store, YEAR, target, progress=progress)
    assert target.read_bytes() == b"old contents"
    assert [p.name for p in folder.iterdir()] == ["out.xlsx"]


def test_missing_folder_is_a_clear_message(demo_store, tmp_path: Path):
    from studio_desk.core.errors import StudioDeskError

    with pytest.raises(StudioDeskError, match="不存在"):
        write_workbook(demo_store, YEAR, tmp_path / "no" / "x.xlsx")


def test_command_line_export(demo_path: Path, tmp_path: Path, capsys):
    from studio_desk.cli import main

    target = tmp_path / "cli.xlsx"
    assert main(["export", "--db", str(demo_path), "--year", str(YEAR), "--xlsx", str(target), "--mask-pii"]) == 0
    assert "已导出" in capsys.readouterr().out
    assert "已隐去群众个人信息" in _rows(target, "接待走访台账")[0][0]
    from studio_desk.core.store import Store

    with Store.open(demo_path) as store:
        count = store.count(Proposal, year=YEAR)
    assert len(_rows(target, "提案建议台账")) == count + 3  # title, header, totals


def test_display_width_counts_wide_characters_twice():
    from studio_desk.exports.xlsx_cells import display_width

    assert display_width("") == 0
    assert display_width("abc") == pytest.approx(3.3)
    # CJK, full-width punctuation and an ideograph outside the basic plane are wide; “”— are not
    assert display_width("学习全会精神，“两会”—2025𠀀") == pytest.approx(1.1 * 17 + 10)


def test_sheets_are_written_in_utf8(workbook_path: Path, demo_store):
    """Chinese text is stored as UTF-8 in the sheet's XML, not as character references (openpyxl's
    own writer writes ASCII), and reads back the same."""
    with zipfile.ZipFile(workbook_path) as archive:
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = {n: archive.read(n) for n in names}
    assert len(names) >= 7
    topic = demo_store.list_records(Activity, year=YEAR)[0].topic
    assert any(topic.encode("utf-8") in data for data in xml.values())
    for name, data in xml.items():
        assert b"&#" not in data, name
        data.decode("utf-8")
    assert topic in {r[4] for r in _rows(workbook_path, "活动台账")[2:]}
