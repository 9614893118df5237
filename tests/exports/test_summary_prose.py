"""Sentences of the summary written as the seeds write them (pure functions over figures)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from studio_desk.core.figures import Rate, TrendYear
from studio_desk.core.figures_types import Highlight, LeadAuthor
from studio_desk.exports import summary_prose as prose


def _figures(**current: object) -> SimpleNamespace:
    return SimpleNamespace(current=SimpleNamespace(**current))


def test_three_lead_authors_by_name_and_the_others_together_by_kind() -> None:
    leads = [
        LeadAuthor("刘刚", {"提案": 3, "会议发言": 1}, ["关于加快文旅产业发展的提案", "关于老城停车难的建议",
                                                 "关于优化营商环境的提案", "在全会上的大会发言：激发民营经济活力"]),
        LeadAuthor("王建国", {"提案": 1}, ["关于做强县域特色产业的提案"]),
        LeadAuthor("李秀英", {"社情民意信息": 1}, ["小微企业贷款难问题"]),
        LeadAuthor("周勇", {"微建议": 1}, ["学校周边增设护学岗"]),
        LeadAuthor("陈丽华", {"社情民意信息": 2, "微建议": 1}, ["甲", "乙", "丙"]),
    ]
    text = prose.author_sentences(_figures(lead_authors=leads))
    assert text == [
        "刘刚委员共提交政协提案3件、会议发言1篇，主要涉及加快文旅产业发展、老城停车难、优化营商环境、"
        "激发民营经济活力等方面。王建国委员共提交政协提案1件，主要涉及做强县域特色产业方面。"
        "李秀英委员共提交社情民意信息1条，主要涉及小微企业贷款难问题方面。"
        "此外，周勇、陈丽华委员还提交了微建议2条、社情民意信息2条。"
    ]
    # a unit among the others keeps its own name (no “委员” after it)
    leads[3] = LeadAuthor("县工商联", {"提案": 1}, ["x"])
    assert prose.author_sentences(_figures(lead_authors=leads))[0].endswith(
        "此外，县工商联、陈丽华委员还提交了政协提案1件、社情民意信息2条、微建议1条。")
    assert prose.author_sentences(_figures(lead_authors=[])) == []


def _year(year: int, *rates: tuple[int, int]) -> TrendYear:
    return TrendYear(year, *(Rate(n, d) for n, d in rates))


def test_the_rates_that_rose_over_the_years_as_seed_003_tells_them() -> None:
    trend = [_year(2021, (2, 10), (4, 10), (9, 10), (1, 2)), _year(2023, (5, 10), (4, 10), (9, 10), (1, 2)),
             _year(2025, (23, 25), (91, 100), (8, 10), (0, 0))]
    # 群众认可率 fell and 办结率 has nothing to count in 2025: both left to the 附件 table
    assert prose.trend_sentence(trend) == "委员参与率、成果转化率分别由2021年的20%、40%增至2025年的92%、91%。"
    assert prose.trend_sentence(trend[-2:]) == "委员参与率、成果转化率分别由2023年的50%、40%增至2025年的92%、91%。"
    one_year = [_year(2024, (1, 2), (1, 1), (9, 10), (1, 1)), _year(2025, (1, 1), (1, 2), (19, 20), (1, 1))]
    assert prose.trend_sentence(one_year) == "与上年相比，委员参与率、群众认可率分别由50%、90%提高到100%、95%。"
    fell = [_year(2024, (1, 1), (1, 1), (1, 1), (1, 1)), _year(2025, (1, 2), (1, 2), (1, 2), (1, 1))]
    assert prose.trend_sentence(fell) == "" and prose.trend_sentence(fell[:1]) == ""


def test_a_highlight_names_its_type_only_when_the_topic_does_not() -> None:
    def sentence(type_name: str, topic: str) -> str:
        h = Highlight("x", date(2025, 3, 5), type_name, topic, "", public_count=21)
        return prose.highlight_sentences(_figures(highlights=[h]))[0]

    assert sentence("专题培训", "社情民意信息撰写专题培训") == "3月，开展“社情民意信息撰写专题培训”，带动群众21人次参与。"
    assert sentence("协商议事", "背街小巷路灯维修微协商") == "3月，开展“背街小巷路灯维修微协商”，带动群众21人次参与。"
    assert sentence("经贸活动", "特色农产品展销会") == "3月，开展经贸活动“特色农产品展销会”，带动群众21人次参与。"
