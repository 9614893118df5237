"""A clerk's own older ledgers: title rows, merged titles, variant headers, every date and money form."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core import codec
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.exports.ledger_import import apply_plan, read_ledgers


def _roster(store) -> None:
    for name in ("刘刚", "王建国", "李秀英", "张伟", "陈丽华"):
        store.save(Member(name=name, role="成员"))


def _messy_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023年活动"
    ws["A1"] = "青溪县“同心”委员工作室2023年活动开展情况登记表"
    ws.merge_cells("A1:I1")
    ws["A2"] = "填报单位：县个私协会                 填报时间：2023年12月"
    ws.merge_cells("A2:I2")
    ws.append([])  # a blank row between the title and the header
    ws.append(["序号", "时间", "活动类型", "活动名称", "活动地点", "参与委员", "群众人数", "内容", "是否亮点"])
    ws.append([1, "2023-06-15", "集中学习", "学习全国两会精神", "会议室", "刘刚、王建国", 0, "学习", "是"])
    ws.append([2, "2023/6/16", "视察调研", "调研营商环境", "园区", "刘刚，李秀英", "30人", "调研", "√"])
    ws.append([3, "2023年6月17日", "宣传宣讲", "民法典进社区", "社区", "张伟 陈丽华", 120, "宣讲", None])
    ws.append([4, "2023.6.18", "协商议事", "微协商：停车难", "社区", "王建国;张伟", "", "协商", "否"])
    ws.append([5, datetime(2023, 6, 19), "读书会", "读书交流", "书屋", "陈丽华", 10, "读书", "Y"])
    ws.append([6, 45097, "集中学习", "学习条例", "会议室", "刘刚,王建国", 0, "学习", 1])
    ws.append([None] * 9)  # blank row inside the table
    ws.append([7, None, None, None, None, None, None, None, None])  # a pre-numbered empty line
    ws.append(["合计", None, None, None, None, None, 160, None, None])
    ws.append(["制表人：小李", None, None, "审核：", None, None, None, None, None])  # the sign-off line

    ws = wb.create_sheet("捐赠")
    ws.append(["爱心捐赠登记表"])
    ws.append(["日期", "类型", "捐赠人", "参加委员", "受助对象", "人数", "捐款", "物资", "物资价值"])
    ws.append(["2023-01-20", "慰问", "刘刚委员", "刘刚", "困难群众", 10, "¥28,000.00", "大米50袋", "1,500元"])
    ws.append(["2023-02-01", "捐赠", "王建国委员", "王建国", "留守儿童", 20, "2.8万元", "", ""])
    ws.append(["2023-03-01", "捐赠", "爱心人士", "", "敬老院", 35, 500, "棉被×20床（3,000.00元）；食用油×10桶（800元）", 3800])
    ws.append(["2023-04-01", "捐赠", "县商会", "", "环卫工人", 15, "1000元", "", None])

    ws = wb.create_sheet("接待")
    ws.append(["群众来访接待登记"])
    ws.append(["接待日期", "接待方式", "来访人", "电话", "住址", "诉求类别", "反映问题", "接待人", "办理状态", "帮办实事", "已反馈", "满意度"])
    ws.append(["2023-05-05", "来访", "王某某", "13800001111", "城关镇", "道路交通", "路灯坏了", "刘刚", "办结", "是", "Y", "满意"])
    ws.append(["2023-05-06", "电话", "李某", "", "", "新的类别", "孩子入学", "王建国、张伟", "办理中", "否", "N", ""])

    ws = wb.create_sheet("提案")
    ws.append(["提案建议情况"])
    ws.append(["类型", "题目", "提案人", "报送日期", "状态", "跟踪情况"])
    ws.append(["提案", "关于加强农村道路养护的建议", "刘刚、县外专家", "2023年3月1日", "立案", "2023-04-01 已交县交通局办理"])
    ws.append(["社情民意", "关于老旧小区加装电梯的建议", "李秀英", "2023/3/5", "已采用", "已报送市政协"])
    path = path.with_suffix(".xlsx")
    wb.save(path)
    return path


def test_messy_ledger_is_read_correctly(store, tmp_path: Path):
    _roster(store)
    path = _messy_workbook(tmp_path / "老台账")
    plan = read_ledgers(store, path)
    assert plan.problems == [], [p.text() for p in plan.problems]
    assert plan.sheets == {"2023年活动": "活动台账", "捐赠": "捐赠慰问台账", "接待": "接待走访台账", "提案": "提案建议台账"}
    assert plan.new_types == {"activity_type": ["读书会"], "request_category": ["新的类别"]}
    assert any("县外专家" in note for note in plan.notes)
    apply_plan(store, plan)

    activities = sorted(store.list_records(Activity), key=lambda a: a.date)
    assert [a.date for a in activities] == [date(2023, 6, d) for d in range(15, 21)]
    assert [store.member_names(a.member_ids) for a in activities][:4] == [
        ["刘刚", "王建国"],
        ["刘刚", "李秀英"],
        ["张伟", "陈丽华"],
        ["王建国", "张伟"],
    ]
    assert [a.public_count for a in activities] == [0, 30, 120, 0, 10, 0]
    assert [a.is_highlight for a in activities] == [True, True, False, False, True, True]
    assert activities[0].topic == "学习全国两会精神" and activities[0].content == "学习"
    assert "读书会" in store.type_values("activity_type")

    donations = sorted(store.list_records(Donation), key=lambda d: d.date)
    assert [d.cash_fen for d in donations] == [2_800_000, 2_800_000, 50_000, 100_000]
    assert donations[0].items[0].name == "大米50袋" and donations[0].in_kind_fen == 150_000
    assert [(i.name, i.quantity, i.unit, i.value_fen) for i in donations[2].items] == [
        ("棉被", Decimal("20"), "床", 300_000),
        ("食用油", Decimal("10"), "桶", 80_000),
    ]

    receptions = sorted(store.list_records(Reception), key=lambda r: r.date)
    assert [(r.mode, r.status, r.practical_help, r.feedback_given) for r in receptions] == [
        ("接待日来访", "已办结", True, True),
        ("电话/线上", "办理中", False, False),
    ]
    assert "新的类别" in store.type_values("request_category")

    proposals = sorted(store.list_records(Proposal), key=lambda p: p.submitted_on)
    first, second = proposals
    assert [(a.name, a.member_id is not None) for a in first.authors] == [("刘刚", True), ("县外专家", False)]
    assert first.followups[-1].date == date(2023, 4, 1) and first.followups[-1].note == "已交县交通局办理"
    assert second.category == "社情民意信息" and second.followups[-1].note == "已报送市政协"


def test_unknown_members_are_reported_or_added(store, tmp_path: Path, fingerprint):
    store.save(Member(name="刘刚", role="召集人"))
    path = _messy_workbook(tmp_path / "名册外")
    before = fingerprint(store)
    plan = read_ledgers(store, path)
    unknown = [p for p in plan.problems if "不在委员名册中" in p.message]
    assert unknown and all(p.column in ("参与委员", "参加委员", "接待人") for p in unknown)
    first = next(p for p in unknown if p.sheet == "2023年活动")
    assert first.row == 5 and "王建国" in first.message
    assert "“2023年活动”第 5 行“参与委员”列" in first.text()
    assert fingerprint(store) == before

    plan = read_ledgers(store, path, add_unknown_members=True)
    assert plan.problems == []
    assert sorted(m.name for m in plan.new_members) == sorted(["王建国", "李秀英", "张伟", "陈丽华", "县外专家"])
    apply_plan(store, plan)
    assert sorted(m.name for m in store.list_records(Member)) == sorted(["刘刚", "王建国", "李秀英", "张伟", "陈丽华", "县外专家"])
    assert all(m.role == "成员" for m in store.list_records(Member) if m.name != "刘刚")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023-06-15", date(2023, 6, 15)),
        ("2023/6/15", date(2023, 6, 15)),
        ("2023年6月15日", date(2023, 6, 15)),
        ("2023.6.15", date(2023, 6, 15)),
        ("２０２３－０６－１５", date(2023, 6, 15)),
        (45092, date(2023, 6, 15)),
        (45092.0, date(2023, 6, 15)),
        (datetime(2023, 6, 15, 9, 30), date(2023, 6, 15)),
        ("2023-6-15 上午", date(2023, 6, 15)),
        ("2023年6月15日下午3:00", date(2023, 6, 15)),
        ("20230615", date(2023, 6, 15)),
        (20230615, date(2023, 6, 15)),
        (20230615.0, date(2023, 6, 15)),
    ],
)
def test_date_forms(text, expected):
    from studio_desk.exports.ledger_values import parse_date

    assert parse_date(text) == expected


@pytest.mark.parametrize("value, shown", [(20231332.0, "20231332"), (3_000_000, "3000000"), (45092.5, "45092.5")])
def test_numbers_that_are_no_date_are_named_as_the_clerk_typed_them(value, shown):
    from studio_desk.exports.ledger_values import CellError, parse_date

    with pytest.raises(CellError) as caught:
        parse_date(value)
    assert str(caught.value) == f"“{shown}”不是有效的日期（应如 2023-06-15、2023年6月15日）"


@pytest.mark.parametrize(
    "text, fen",
    [("¥28,000.00", 2_800_000), ("28000元", 2_800_000), ("2.8万元", 2_800_000), ("2.8万", 2_800_000), (28000.5, 2_800_050), ("", 0)],
)
def test_money_forms(text, fen):
    from studio_desk.exports.ledger_values import parse_money

    assert parse_money(text) == fen


def test_yes_no_and_name_forms():
    from studio_desk.exports.ledger_values import CellError, parse_bool, split_names

    assert [parse_bool(v) for v in ("是", "√", "Y", "y", 1, "1", True)] == [True] * 7
    assert [parse_bool(v) for v in ("否", None, "", "N", 0, "0")] == [False] * 6
    with pytest.raises(CellError, match="是或否"):
        parse_bool("也许")
    assert split_names("刘刚、王建国，李秀英,张伟;陈丽华 赵明；周勇") == ["刘刚", "王建国", "李秀英", "张伟", "陈丽华", "赵明", "周勇"]


def test_importing_an_old_ledger_twice_adds_nothing_the_second_time(store, tmp_path: Path, fingerprint):
    _roster(store)
    path = _messy_workbook(tmp_path / "两次")
    apply_plan(store, read_ledgers(store, path))
    counts = {cls: store.count(cls) for cls in (Activity, Donation, Reception, Proposal)}
    before = fingerprint(store)
    plan = read_ledgers(store, path)
    assert plan.problems == [] and plan.additions == [] and plan.changes == []
    assert len(plan.unchanged) == sum(counts.values())
    assert any("与已有记录相同" in note for note in plan.notes)
    apply_plan(store, plan)
    assert fingerprint(store) == before



def test_an_old_ledger_corrected_in_excel_updates_its_records_instead_of_adding_them_again(
    store, tmp_path: Path, fingerprint
):
    """The clerk fixes a count and a note in last year's ledger and imports it again: the rows
    are the records they made (the same date and topic), changed, and nothing is doubled."""
    _roster(store)
    path = _messy_workbook(tmp_path / "改正")
    apply_plan(store, read_ledgers(store, path))
    counts = {cls: store.count(cls) for cls in (Activity, Donation, Reception, Proposal)}
    studied = next(a for a in store.list_records(Activity) if a.topic == "调研营商环境")
    store.save(codec.copy_record(studied, organizer="县工商联"))  # a field the ledger has no column for
    wb = openpyxl.load_workbook(path)
    wb["2023年活动"]["G6"] = 99  # 群众人数 of 调研营商环境 (was 30人)
    wb["接待"]["G3"] = "路灯已修好"  # 反映问题 of 王某某's visit: part of its natural key, so a new visit
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == []
    assert [(r.sheet, r.row, r.changed) for r in plan.changes] == [("2023年活动", 6, ["群众人次"])]
    assert [(r.sheet, r.row) for r in plan.additions] == [("接待", 3)]
    apply_plan(store, plan)
    counts[Reception] += 1
    assert {cls: store.count(cls) for cls in counts} == counts
    now = store.get(Activity, studied.id)
    assert (now.public_count, now.organizer, now.member_ids) == (99, "县工商联", studied.member_ids)
    assert [entry.data["public_count"] for entry in store.history(studied.id)] == [30, 30]  # kept in history
    _imports_again_unchanged(store, path, fingerprint)


def test_rows_that_share_a_date_and_topic_with_several_records_come_in_as_new_records(store, tmp_path: Path):
    _roster(store)
    wb, ws = _one_sheet(
        "活动", ["日期", "活动类型", "活动主题", "地点", "参加委员"],
        ["2023-06-18", "公益活动", "送医下乡", "东村", "刘刚"],
        ["2023-06-18", "公益活动", "送医下乡", "西村", "刘刚"],
    )
    path = tmp_path / "两处.xlsx"
    wb.save(path)
    apply_plan(store, read_ledgers(store, path))
    # the first row repeats its record; of the two with its date and topic, the second row can
    # only be the other one, corrected
    ws["D3"] = "西村卫生室"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert len(plan.unchanged) == 1
    assert [(r.row, r.changed) for r in plan.changes] == [(3, ["地点"])]
    # both rows changed: either could be either record, so neither is taken for one
    ws["D2"] = "东村卫生室"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert [r.row for r in plan.additions] == [2, 3] and plan.changes == []


def test_rows_shorter_than_the_header_read_their_missing_cells_as_empty(store, tmp_path: Path, monkeypatch):
    """A reader may give a row only up to its last cell that holds something: the cells after it
    are empty, not an error, and nothing else of the row is lost."""
    from studio_desk.exports import ledger_import
    from studio_desk.exports.xlsx_read import RawSheet

    _roster(store)
    rows = [
        ["2024年活动登记"],
        ["日期", "活动类型", "活动名称", "活动地点", "参与委员", "备注"],
        ["2024-03-01", "集中学习", "学习条例", "会议室", "刘刚", "全文"],
        ["2024-03-02", "视察调研", "调研产业"],  # cut short after 活动名称
        ["2024-03-03"],  # only the date
    ]
    path = tmp_path / "短行.xlsx"
    openpyxl.Workbook().save(path)
    def sheets(*args, **kwargs):  # type: ignore[no-untyped-def]
        yield RawSheet("活动", rows)

    monkeypatch.setattr(ledger_import, "iter_workbook", sheets)
    plan = read_ledgers(store, path)
    assert not plan.problems, [p.text() for p in plan.problems]
    apply_plan(store, plan, backup_dir=tmp_path / "backups")
    got = {a.date: a for a in store.list_records(Activity)}
    assert (got[date(2024, 3, 1)].location, got[date(2024, 3, 1)].notes) == ("会议室", "全文")
    short = got[date(2024, 3, 2)]
    assert (short.type, short.topic, short.location, short.member_ids, short.notes) == ("视察调研", "调研产业", "", [], "")
    assert got[date(2024, 3, 3)].topic == "" and "活动主题" in got[date(2024, 3, 3)].incomplete


def test_a_rows_problems_are_listed_in_the_order_of_its_columns(store, tmp_path: Path, fingerprint):
    """Names, dates and counts are read in groups; the clerk still reads a row's problems from
    left to right, as the row stands in the sheet."""
    _roster(store)
    wb, ws = _one_sheet(
        "接待", ["接待日期", "接待方式", "来访人", "诉求内容", "接待委员", "办理时限", "人数"],
        ["2023-05-05", "来访", "王某某", "路灯坏了", "不在册", "下周", "很多"],
    )
    path = tmp_path / "order.xlsx"
    wb.save(path)
    before = fingerprint(store)
    plan = read_ledgers(store, path, add_unknown_members=False)
    assert [(p.row, p.column) for p in plan.problems] == [(2, "接待委员"), (2, "办理时限"), (2, "人数")]
    assert "不在册" in plan.problems[0].message
    assert fingerprint(store) == before


def test_columns_no_field_has_are_kept_in_the_notes(store, tmp_path: Path, fingerprint):
    """An old ledger's own columns (here 反映问题 and 联系人 on an activity sheet) are not dropped:
    each row's cells in them are added to its 备注 as "header：value" lines, once."""
    _roster(store)
    wb, ws = _one_sheet(
        "活动", ["时间", "活动名称", "参与人员", "活动形式及主要做法", "取得的主要成效和群众反响", "反映问题", "联系人", "备注"],
        ["2023-06-18", "送医下乡", "刘刚", "义诊", "服务群众 200 人", "缺少村医", "", "上午"],
        ["2023-06-20", "读书会", "王建国", "交流", "", "", "李老师", None],
    )
    path = tmp_path / "自有列.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == []
    assert [n for n in plan.notes if "列无法识别" in n] == [
        "“活动”中的“取得的主要成效和群众反响”列无法识别，其中填写的内容写入各行的“备注”。",
        "“活动”中的“反映问题”列无法识别，其中填写的内容写入各行的“备注”。",
        "“活动”中的“联系人”列无法识别，其中填写的内容写入各行的“备注”。",
    ]
    apply_plan(store, plan)
    by_topic = {a.topic: a for a in store.list_records(Activity)}
    assert by_topic["送医下乡"].content == "义诊"  # the first of the two 主要内容 columns
    names = {m.id: m.name for m in store.list_records(Member)}
    assert [names[i] for i in by_topic["送医下乡"].member_ids] == ["刘刚"]  # 参与人员
    assert by_topic["送医下乡"].notes == "上午\n取得的主要成效和群众反响：服务群众 200 人\n反映问题：缺少村医"
    assert by_topic["读书会"].notes == "联系人：李老师"
    _imports_again_unchanged(store, path, fingerprint)


def test_a_corrected_row_does_not_repeat_what_its_notes_already_keep(store, tmp_path: Path):
    _roster(store)
    wb, ws = _one_sheet(
        "活动", ["时间", "活动名称", "参与人员", "群众人数", "联系人"],
        ["2023-06-20", "读书会", "王建国", 10, "李老师"],
    )
    path = tmp_path / "无备注.xlsx"
    wb.save(path)
    apply_plan(store, read_ledgers(store, path))
    ws["D2"] = 12
    wb.save(path)
    plan = read_ledgers(store, path)
    assert [r.changed for r in plan.changes] == [["群众人次"]]
    apply_plan(store, plan)
    (reading,) = store.list_records(Activity)
    assert (reading.public_count, reading.notes) == (12, "联系人：李老师")


def test_a_row_with_a_bad_date_names_only_the_date_not_the_gaps_it_would_be_marked_for(store, tmp_path: Path):
    """The sheet has no 方式 column: its rows come in 待补全 for it. A row whose date cannot be read
    is refused for the date alone, not also for a 方式 the file has no column for."""
    _roster(store)
    wb, ws = _one_sheet(
        "接待登记", ["接待日期", "来访人", "反映问题", "接待人员"],
        ["2023-05-05", "王某某", "路灯坏了", "刘刚"],
        ["下周", "李某", "孩子入学", "王建国"],
    )
    path = tmp_path / "坏日期.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert [(p.row, p.column) for p in plan.problems] == [(3, "接待日期")]
    assert "下周" in plan.problems[0].message
    ws["A3"] = "2023-05-06"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == [] and len(plan.additions) == 2
    assert all("方式" in r.record.incomplete for r in plan.additions)


def test_dates_without_their_year_are_read_in_the_year_the_sheet_names(store, tmp_path: Path):
    """A ledger whose name or title says 2023 may write 6.18 or 6月20日 (and the time of day):
    read in 2023. A sheet that names no year, or two, reads no such date, and says why."""
    _roster(store)
    wb, ws = _one_sheet(
        "活动", ["青溪县委员工作室2023年度活动登记表"],
        ["时间", "活动名称", "参与人员"],
        ["6.18", "送医下乡", "刘刚"],
        ["6月20日上午", "读书会", "王建国"],
        ["2023-6-21 下午3:00", "协商议事", "张伟"],
        ["2024.1.5", "新年走访", "张伟"],  # a date with its year keeps it
    )
    other = wb.create_sheet("接待")
    other.append(["接待日期", "来访人", "反映问题", "接待人员"])
    other.append(["5月5日", "王某某", "路灯坏了", "刘刚"])
    path = tmp_path / "没有年份.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert [(p.sheet, p.row, p.column) for p in plan.problems] == [("接待", 2, "接待日期")]
    assert "“5月5日”没有写年份" in plan.problems[0].message
    del wb["接待"]
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == []
    assert [r.record.date for r in plan.additions] == [
        date(2023, 6, 18), date(2023, 6, 20), date(2023, 6, 21), date(2024, 1, 5)
    ]


def test_a_date_merged_over_the_days_activities_is_each_rows_date(store, tmp_path: Path):
    _roster(store)
    wb, ws = _one_sheet(
        "2023年活动", ["2023年活动登记"],

    )
    ws.merge_cells("A1:D1")
    ws.append(["日期", "活动名称", "地点", "参与人员"])
    ws.append(["2023-06-18", "送医下乡", "东村", "刘刚"])
    ws.append([None, "义务理发", "东村", "王建国"])
    ws.append([None, "政策宣讲", None, "张伟"])
    ws.merge_cells("A3:A5")
    ws.merge_cells("C3:C4")
    ws.append(["2023-06-19", "读书会", "书屋", "陈丽华"])
    path = tmp_path / "合并.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == []
    assert [(r.record.date, r.record.topic, r.record.location) for r in plan.additions] == [
        (date(2023, 6, 18), "送医下乡", "东村"),
        (date(2023, 6, 18), "义务理发", "东村"),
        (date(2023, 6, 18), "政策宣讲", ""),
        (date(2023, 6, 19), "读书会", "书屋"),
    ]


def test_a_header_written_on_two_rows_is_read_as_one(store, tmp_path: Path, fingerprint):
    _roster(store)
    wb, ws = _one_sheet("2023年活动", ["城关镇委员工作室2023年活动台账"])
    ws.merge_cells("A1:F1")
    ws.append(["日期", "活动名称", "参与人员", None, "受益", "主要内容"])
    ws.append([None, None, "委员", "群众人数", "群众(人)", None])
    for merged in ("A2:A3", "B2:B3", "C2:D2", "F2:F3"):
        ws.merge_cells(merged)
    ws.append(["2023-06-18", "送医下乡", "刘刚、王建国", 40, 120, "义诊"])
    ws.append(["2023-06-20", "政策宣讲", "张伟", 25, 0, "宣讲"])
    path = tmp_path / "两行表头.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == []
    assert not [note for note in plan.notes if "无法识别" in note]
    names = {m.id: m.name for m in store.list_records(Member)}
    assert [(r.record.date, r.record.topic, [names[i] for i in r.record.member_ids], r.record.public_count,
             r.record.beneficiaries, r.record.content) for r in plan.additions] == [
        (date(2023, 6, 18), "送医下乡", ["刘刚", "王建国"], 40, 120, "义诊"),
        (date(2023, 6, 20), "政策宣讲", ["张伟"], 25, 0, "宣讲"),
    ]
    apply_plan(store, plan)
    _imports_again_unchanged(store, path, fingerprint)


def test_a_first_record_of_text_is_not_taken_for_a_second_header_row(store, tmp_path: Path):
    _roster(store)
    wb, ws = _one_sheet("活动", ["日期", "活动名称", "参加委员", "内容"], ["2023年6月18日", "学习", "刘刚", "学习"])
    path = tmp_path / "一行表头.xlsx"
    wb.save(path)
    plan = read_ledgers(store, path)
    assert plan.problems == [] and [r.record.topic for r in plan.additions] == ["学习"]


def _imports_again_unchanged(store, path: Path, fingerprint) -> None:  # type: ignore[no-untyped-def]
    """The same file imported once more adds and changes nothing, and writes nothing."""
    before = fingerprint(store)
    again = read_ledgers(store, path)
    assert again.additions == [] and again.changes == []
    apply_plan(store, again)
    assert fingerprint(store) == before


def _one_sheet(title: str, header: list, *rows: list):  # type: ignore[no-untyped-def]
    """A workbook of one sheet: its title, header row and rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in (header, *rows):
        ws.append(row)
    return wb, ws
