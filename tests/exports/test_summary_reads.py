"""The demo's 2025 summary read back as a county reader reads it: growth told and a fall left
unsaid, each thing said once, no word about the program, the economic outcome with the activities
that brought it. Every number asserted comes from the year's figures."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.figures import annual_figures
from studio_desk.core.store import Store
from studio_desk.exports import summary_prose as prose
from studio_desk.exports.summary import write_summary

try:
    from .test_summary_data import body_text, flat, pdf_text
except ImportError:  # rootdir-style import (tests/exports has no __init__.py)
    from test_summary_data import body_text, flat, pdf_text

YEAR = 2025


@pytest.fixture(scope="module")
def demo_year(demo_template: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo's 2025 summary, written once: (figures, body text, 附件 text)."""
    folder = tmp_path_factory.mktemp("reads")
    db = folder / "demo.sqlite"
    shutil.copyfile(demo_template, db)
    store = Store.open(db, replica_id="replica-reads")
    try:
        figures = annual_figures(store, YEAR)
        weights = store.point_weights()
        path = folder / "2025.pdf"
        write_summary(store, YEAR, path, signed_on=date(2025, 12, 28))
        pages = pdf_text(path)
    finally:
        store.close()
    joined = re.sub(r"—\d+—", "", flat("".join(pages)))
    return figures, body_text(pages), joined.split("附件1", 1)[1], weights


def test_growth_is_told_and_a_fall_is_left_unsaid(demo_year) -> None:
    figures, body, *_ = demo_year
    c, p = figures.current, figures.previous
    # the demo's 2025 has fewer people received and less 经济成效 than 2024, and as many activities
    assert c.reception_people < p.reception_people and c.economic_fen < p.economic_fen
    assert c.activities_total == p.activities_total
    assert "减少" not in body and "下降" not in body and "持平" not in body
    assert f"群众{c.reception_people}人次" in body  # the figure itself stands
    assert prose.change(12, 9, "件") == "较上年增加3件"
    assert prose.change(9, 12, "件") == prose.change(9, 9, "件") == prose.change(9, 0, "件") == ""


def test_each_thing_is_said_once(demo_year) -> None:
    figures, body, *_ = demo_year
    c = figures.current
    # the studio's 定位 is told in 基本情况 (its introduction), not again in the opening
    assert body.count("反映社情民意的窗口") == 1
    assert body.index("反映社情民意的窗口") > body.index("一、基本情况")
    # 接待走访 named once for the visits and the people
    assert f"接待走访{c.receptions_total}次、群众{c.reception_people}人次" in body
    assert "接待走访群众" not in body
    # 捐赠 once before cash and goods: ``捐赠现金6000元和书包54个…``
    assert "和捐赠" not in body
    cash_and_goods = [e for e in c.donation_events if e.category == "捐赠" and e.cash_fen and e.items]
    assert cash_and_goods
    assert f"捐赠现金{prose.yuan(cash_and_goods[0].cash_fen)}和{cash_and_goods[0].items[0]}" in body


def test_the_ranking_tells_the_points_standard_not_the_program(demo_year) -> None:
    _, body, annex, weights = demo_year
    ranking = annex.split("委员履职积分排名表", 1)[1].split("附件5", 1)[0]
    assert "程序" not in ranking and "设置" not in ranking and "程序" not in body
    assert "履职积分按工作室确定的积分标准计算" in ranking
    assert f"参加活动每次{weights['activity']}分" in ranking
    assert f"提案第一提出人{weights['proposal_first']}分" in ranking
    assert f"获领导批示加{weights['instruction']}分" in ranking


def test_the_economic_paragraph_names_what_brought_the_outcome(demo_year) -> None:
    figures, body, *_ = demo_year
    c = figures.current
    economy = body.split("助力经济发展，服务地方大局", 1)[1].split("三、工作亮点", 1)[0]
    top = c.economic_events[0]
    assert top.economic_fen == max(e.economic_fen for e in c.economic_events)
    assert f"{top.date.month}月的“{top.topic}”（{prose.yuan(top.economic_fen)}）" in economy
    assert f"经济成效{prose.yuan(c.economic_fen)}" in economy
    # 公益活动 brought no 经济成效 this year: it is told under 投身公益事业, not here
    assert "公益活动" not in c.economic_by_type and "公益活动" not in economy
    welfare = body.split("投身公益事业", 1)[1].split("助力经济发展", 1)[0]
    assert f"公益活动{c.activities_by_type['公益活动']}次" in welfare


def test_economic_sources_name_the_largest_with_their_amounts() -> None:
    from studio_desk.core.figures import AnnualFigures, YearFigures
    from studio_desk.core.figures_types import Highlight

    def year(*amounts: int, total: int) -> AnnualFigures:
        current = YearFigures(2025, economic_fen=total)
        current.economic_events = [Highlight(f"a{i}", date(2025, 1 + i, 1), "经贸活动", f"活动{i}", "", economic_fen=n)
                                   for i, n in enumerate(amounts)]
        return AnnualFigures(2025, current, YearFigures(2024))

    assert prose.economic_sources(year(total=0)) == ""
    assert prose.economic_sources(year(285_000_000, total=285_000_000)) == "全部来自1月的“活动0”"
    assert prose.economic_sources(year(285_000_000, 58_000_000, total=343_000_000)) == \
        "来自1月的“活动0”（285万元）和2月的“活动1”（58万元）"
    assert prose.economic_sources(year(900_000_000, 50_000_000, 3_000_000, total=960_000_000), 2) == \
        "其中1月的“活动0”900万元、2月的“活动1”50万元"


def test_each_demo_year_has_its_own_problems_and_plans(demo_year, demo_store) -> None:
    _, body, *_ = demo_year
    for section in ("存在问题", "下一步打算"):
        texts = [demo_store.narrative(year, section) for year in (2024, 2025, 2026)]
        assert all(texts) and len(set(texts)) == 3, section
        lines = {year: set(demo_store.narrative(year, section).splitlines()) for year in (2024, 2025, 2026)}
        assert not lines[2024] & lines[2025] and not lines[2025] & lines[2026], section  # not a line repeated
        told = body.split(section, 1)[1]
        assert all(flat(line) in told for line in lines[2025])  # the 2025 summary tells 2025's
