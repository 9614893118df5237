"""Not tests: a small, hand-counted year (2025) with records in 2024 and 2026 that must not count.

The expected sentences in test_summary.py were counted by hand from the records below.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from studio_desk.core.models import (
    Activity,
    Author,
    Donation,
    DonationItem,
    Member,
    Proposal,
    Reception,
)
from studio_desk.core.store import Store

YEAR = 2025


def fill(store: Store) -> dict[str, str]:
    studio = store.studio()
    studio.name = "测试县政协“民生”委员工作室"
    studio.county = "政协测试县委员会"
    studio.sector = "经济界"
    studio.founded_on = date(2021, 5, 18)
    store.save_studio(studio)

    a = Member(name="张三", role="召集人", sector="经济界", level="县", joined_on=date(2021, 5, 1))
    b = Member(name="李四", role="副主任", sector="教育界", level="市")
    c = Member(name="王五", role="成员", sector="经济界", level="县")
    gone = Member(name="赵六", role="成员", sector="科学技术界", level="县", left_on=date(2023, 12, 31))
    later = Member(name="钱七", role="成员", sector="科学技术界", level="县", joined_on=date(2026, 3, 1))
    for m in (a, b, c, gone, later):
        store.save(m)

    def act(day: date, kind: str, topic: str, members: list[Member], public: int = 0, sugg: int = 0,
            highlight: bool = False, note: str = "", **kw: int) -> None:
        store.save(Activity(date=day, type=kind, topic=topic, member_ids=[m.id for m in members],
                            public_count=public, suggestion_count=sugg, is_highlight=highlight,
                            highlight_note=note, **kw))

    # 2025: 集中学习 3, 宣传宣讲 2, 视察调研 1, 委员接待日 1 = 7 activities
    act(date(2025, 1, 10), "集中学习", "学习全会精神", [a, b], public=0)
    act(date(2025, 3, 12), "集中学习", "学习条例", [a, b], public=6)
    act(date(2025, 6, 5), "集中学习", "读书会", [a, b, c], public=0)
    act(date(2025, 4, 20), "宣传宣讲", "政策宣讲进社区", [a], public=350)
    act(date(2025, 9, 1), "宣传宣讲", "宣讲进企业", [b], public=1000,
        highlight=True, note="企业职工踊跃提问，现场解答政策问题12个。")
    act(date(2025, 7, 15), "视察调研", "农村道路调研", [a, b, c], sugg=5)
    act(date(2025, 11, 2), "委员接待日", "十一月接待日", [c])
    act(date(2025, 10, 16), "经贸活动", "特色农产品展销会", [a], public=500, highlight=True,
        note="帮助5家委员企业拓宽销路。", economic_fen=200_000_000)
    store.add_type("activity_type", "直播带货")  # a type the clerk added
    act(date(2025, 12, 6), "直播带货", "助农直播带货", [c], economic_fen=1_300_000_000, beneficiaries=80)
    # 9 activities; members 2+2+3+1+1+3+1+1+1 = 15 participations; public 1,356 + 500 = 1,856;
    # 经济成效 200万元 + 1300万元 = 1500万元
    # other years: must not count
    act(date(2024, 5, 1), "集中学习", "去年学习", [a], public=40)
    act(date(2024, 6, 1), "专题培训", "去年培训", [a], public=9)
    act(date(2026, 2, 1), "协商议事", "明年协商", [a], public=77)

    def rec(day: date, mode: str, people: int, status: str, *, households: int = 0, help_: bool = False,
            dispute: bool = False, sat: str = "", cat: str = "") -> None:
        store.save(Reception(date=day, mode=mode, person_name="群众", request_content="反映问题", request_category=cat,
                             people_count=people, household_count=households, status=status,
                             practical_help=help_, dispute=dispute, satisfaction=sat, member_ids=[a.id]))

    rec(date(2025, 2, 1), "接待日来访", 3, "已办结", help_=True, sat="满意", cat="就业创业")
    rec(date(2025, 3, 1), "接待日来访", 1, "已办结", dispute=True, sat="满意", cat="就业创业")
    rec(date(2025, 5, 1), "入户走访", 2, "已办结", households=1, help_=True, sat="不满意", cat="住房")
    rec(date(2025, 8, 1), "企业走访", 1, "办理中")
    rec(date(2025, 10, 1), "入户走访", 1, "无法办理", dispute=True, cat="邻里纠纷")  # received, not resolved
    rec(date(2024, 8, 1), "企业走访", 9, "已办结", help_=True)  # other year

    def prop(kind: str, title: str, status: str, day: date | None, **kw: object) -> None:
        store.save(Proposal(category=kind, title=title, status=status, submitted_on=day,
                            authors=[Author(name=a.name, member_id=a.id)], **kw))

    prop("提案", "关于农村道路养护的提案", "已答复", date(2025, 1, 20), result_class="A", adoption_level="县")
    prop("提案", "关于停车难的提案", "不立案", date(2025, 1, 21))
    prop("社情民意信息", "信息一", "已采用", date(2025, 4, 2), adoption_level="市")
    prop("社情民意信息", "信息二", "已提交", date(2025, 6, 2), instruction="请有关部门研究。")
    prop("社情民意信息", "信息三", "已提交", date(2025, 10, 2))
    prop("提案", "还在起草的提案", "草拟", date(2025, 12, 1))  # drafts count nowhere
    prop("提案", "去年的提案", "立案", date(2024, 1, 5))  # other year

    store.save(Donation(date=date(2025, 1, 25), category="捐赠", donor="张三", recipients="留守儿童",
                        recipient_count=30, cash_fen=2_800_000,
                        items=[DonationItem(name="书包", unit="个", value_fen=500_050)], member_ids=[a.id]))
    store.save(Donation(date=date(2025, 9, 9), category="慰问", donor="工作室", recipients="环卫工人",
                        recipient_count=12, cash_fen=200_000,
                        items=[DonationItem(name="米面油", unit="份", value_fen=100_000)]))
    store.save(Donation(date=date(2024, 9, 9), category="慰问", donor="工作室", recipients="去年",
                        recipient_count=99, cash_fen=999_900))
    return {"a": a.id, "b": b.id, "c": c.id}


def pdf_text(path: Path) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    """Text without line breaks and spaces, so sentences can be matched across lines."""
    return "".join(text.split())


def body_text(pages: list[str]) -> str:
    """The summary itself (before the 附件 pages), page numbers removed, joined up."""
    import re

    joined = flat("".join(pages))
    joined = re.sub(r"—\d+—", "", joined)
    return joined.split("附件1", 1)[0]


def test_a_busy_year_names_twelve_highlights_and_counts_the_rest():
    from datetime import date

    from studio_desk.core.figures import AnnualFigures, Highlight, YearFigures
    from studio_desk.exports.pdf_values import build_blocks
    from studio_desk.exports.summary_prose import MAX_HIGHLIGHTS

    current = YearFigures(2026)
    current.highlights = [Highlight(f"id{i}", date(2026, 1 + i % 12, 1 + i % 28), "协商议事", f"议题{i}", "")
                          for i in range(50)]
    blocks = build_blocks(AnnualFigures(2026, current, YearFigures(2025)), {})
    lines = blocks["亮点活动"]
    assert len(lines) == MAX_HIGHLIGHTS + 1
    assert lines[-1] == "此外还有38项特色活动，详见活动台账。"
    assert "“议题0”" in lines[0]
    assert len({line for line in lines[:-1]}) == MAX_HIGHLIGHTS  # different ones, spread over the year
