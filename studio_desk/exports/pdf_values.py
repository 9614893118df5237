"""The named values the summary template may use, all taken from ``annual_figures``.

Nothing is counted or summed here: each value is one figure of :mod:`studio_desk.core.figures`
(or a studio/narrative field) put into words by :mod:`summary_prose`. A value is *empty* when its
figure is zero, so that a ``[ … ]`` sentence around it is left out. The list is documented in
reports/README.md; ``tests/exports/test_summary_template.py`` checks that the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from studio_desk.core import enums
from studio_desk.core.figures import AnnualFigures, DonationTotals, Rate, TrendYear, YearFigures
from studio_desk.core.models import Studio
from studio_desk.exports import summary_prose as prose
from studio_desk.exports.document import full_date
from studio_desk.exports.pdf_template import Resolver, Value

OUTPUT_UNITS = prose.OUTPUT_UNITS
LEVEL_WORDS = {"全国": "全国政协委员", "省": "省政协委员", "市": "市政协委员", "县": "县政协委员"}
ADOPTION_WORDS = {"县": "县级", "市": "市级", "省": "省级", "全国": "全国"}


def count(n: int) -> Value:
    return Value(prose.number(n), n == 0)


def money(fen: int) -> Value:
    return Value(prose.yuan(fen), fen == 0)


def rate(r: Rate) -> Value:
    return Value(r.percent_text(), r.value is None)


def text(s: str) -> Value:
    return Value(s, not s.strip())


def listing(items: Iterable[tuple[str, int]], unit: str | Callable[[str], str], skip: tuple[str, ...] = ()) -> Value:
    """``集中学习9次、宣传宣讲6次``; items that are zero or unknown (未填…) are left out."""
    parts = []
    for name, n in items:
        if not n or name in skip or name.startswith("未填"):
            continue
        u = unit(name) if callable(unit) else unit
        parts.append(f"{name}{n}{u}")
    return Value("、".join(parts), not parts)


def _names(arg: str) -> list[str]:
    return [a.strip() for a in arg.replace("，", ",").replace("、", ",").split(",") if a.strip()]


def _pick(mapping: dict[str, int], arg: str) -> list[tuple[str, int]]:
    if not arg:
        return list(mapping.items())
    return [(name, mapping.get(name, 0)) for name in _names(arg)]


def _one(mapping: dict[str, int], what: str) -> Callable[[str], Value]:
    def resolve(arg: str) -> Value:
        if not arg:
            raise ValueError(f"请写明{what}，例如“:{next(iter(mapping), '…')}”")
        return count(mapping.get(arg.strip(), 0))

    return resolve


# Placeholders whose argument names activity types: the types the template names itself.
_TYPE_PLACEHOLDERS = re.compile(r"\{(?:活动类型明细|活动次数|活动主题举例):([^}]*)\}")


def types_named_in(source: str) -> set[str]:
    return {t for arg in _TYPE_PLACEHOLDERS.findall(source) for t in _names(arg)}


def _topics(c: YearFigures, arg: str) -> Value:
    """``“优化营商环境”“老城停车难”`` — up to three topics of the named activity types."""
    topics: list[str] = []
    for t in _names(arg) or list(c.topics_by_type):
        topics += c.topics_by_type.get(t, [])
    return Value("".join(prose.quoted(t) for t in topics[:3]), not topics)


def _changes(figures: AnnualFigures) -> dict[str, tuple[int, int, str, bool]]:
    c, p = figures.current, figures.previous
    return {
        "活动总数": (c.activities_total, p.activities_total, "次", False),
        "委员参加人次": (c.member_participations, p.member_participations, "人次", False),
        "群众参与人次": (c.public_participants, p.public_participants, "人次", False),
        "接待走访总数": (c.receptions_total, p.receptions_total, "次", False),
        "接待群众人次": (c.reception_people, p.reception_people, "人次", False),
        "帮办实事": (c.practical_help, p.practical_help, "件", False),
        "建言总数": (c.outputs_total, p.outputs_total, "件", False),
        "捐赠慰问次数": (c.donations_all.events, p.donations_all.events, "次", False),
        "捐赠慰问合计": (c.donations_all.total_fen, p.donations_all.total_fen, "", True),
        "经济成效": (c.economic_fen, p.economic_fen, "", True),
    }


def _change(figures: AnnualFigures) -> Callable[[str], Value]:
    table = _changes(figures)

    def resolve(arg: str) -> Value:
        if arg not in table:
            raise ValueError(f"冒号后应是{('、'.join(table))}之一")
        cur, prev, unit, is_money = table[arg]
        words = prose.change(cur, prev, unit, money=is_money)
        return Value(words, not words)

    return resolve


def _member_values(figures: AnnualFigures) -> dict[str, Resolver]:
    c = figures.current
    return {
        "委员总数": count(c.members_total),
        "委员职务构成": listing(c.members_by_role.items(), "名"),
        "委员界别构成": listing(c.members_by_sector.items(), "名"),
        "委员党派构成": listing(c.members_by_party.items(), "名"),
        "委员层级构成": listing(((LEVEL_WORDS.get(k, k), n) for k, n in c.members_by_level.items()), "名"),
        "参与活动委员": count(c.members_active),
        "委员参与率": rate(c.participation_rate),
        "履职突出委员": lambda arg: _outstanding(figures, arg),
    }


def build_values(figures: AnnualFigures, studio: Studio, signed_on: date, *, trend: list[TrendYear] | None = None,
                 named_types: set[str] | None = None) -> dict[str, Resolver]:
    c: YearFigures = figures.current
    year = figures.year
    others = [(t, n) for t, n in c.activities_by_type.items() if t not in (named_types or set())]
    trend_words = prose.trend_sentence(trend or [])
    v: dict[str, Resolver] = {
        # the studio and the year
        "年度": Value(str(year)),
        "上年度": Value(str(year - 1)),
        "工作室名称": text(studio.name),
        "服务界别": text(studio.sector),
        "所属政协": text(studio.county),
        "召集人": text(studio.convenor),
        "工作室地址": text(studio.address),
        "工作室简介": text(studio.intro),
        "授牌日期": text(full_date(studio.founded_on) if studio.founded_on else ""),
        "授牌年份": text(str(studio.founded_on.year) if studio.founded_on else ""),
        "成文日期": Value(full_date(signed_on)),
        "无记录说明": Value(f"{year}年度尚无活动、接待走访、提案建议和捐赠慰问记录，本总结仅列出工作室基本情况。",
                        c.has_records),
        "有记录": Value("", not c.has_records),
        "较上年": _change(figures),
        **_member_values(figures),
        # activities
        "活动总数": count(c.activities_total),
        "活动类型明细": lambda arg: listing(_pick(c.activities_by_type, arg), "次"),
        "其余活动类型明细": listing(others, "次"),
        "活动次数": _one(c.activities_by_type, "活动类型"),
        "活动主题举例": lambda arg: _topics(c, arg),
        "委员参加人次": count(c.member_participations),
        "群众参与人次": count(c.public_participants),
        "收集意见建议": count(c.suggestions_collected),
        "经济成效": money(c.economic_fen),
        "经济成效来源": lambda arg: _sources(figures, arg),
        "受益群众": count(c.beneficiaries),
        "亮点活动数": count(len(c.highlights)),
        # receptions and visits
        "接待走访总数": count(c.receptions_total),
        "接待方式明细": lambda arg: listing(_pick(c.receptions_by_mode, arg), "次"),
        "诉求类别明细": lambda arg: listing(_pick(c.receptions_by_category, arg), "件"),
        "诉求类别前列": lambda arg: _top(c.receptions_by_category, arg),
        "处理方式明细": lambda arg: listing(_pick(c.receptions_by_handling, arg), "件"),
        "接待群众人次": count(c.reception_people),
        "走访户数": count(c.reception_households),
        "帮办实事": count(c.practical_help),
        "化解矛盾纠纷": count(c.disputes_resolved),
        "受理矛盾纠纷": count(c.disputes_received),
        "诉求已办结": count(c.receptions_closed),
        "诉求办理中": count(c.receptions_open),
        "已反馈": count(c.feedback_given),
        "办结率": rate(c.close_rate),
        "满意率": rate(c.satisfaction_rate),
        "群众认可率": rate(c.satisfaction_rate),
        # outputs
        "建言总数": count(c.outputs_total),
        "建言成果明细": lambda arg: listing(_pick(c.outputs_by_kind, arg), lambda k: OUTPUT_UNITS.get(k, "件")),
        "成果数": _one(c.outputs_by_kind, "成果类别"),
        "提案立案": count(c.proposals_filed),
        "提案办复": count(c.proposals_answered),
        "提案办复率": rate(c.answer_rate),
        "采用总数": count(c.adopted_total),
        "采用层级明细": listing(((ADOPTION_WORDS.get(k, k), n) for k, n in c.adopted_by_level.items()), "件"),
        "批示数": count(c.instructions),
        "成果转化数": count(c.outputs_converted),
        "成果转化率": rate(c.conversion_rate),
        "办理结果明细": listing(((f"{k}类", n) for k, n in c.results_by_class.items()), "件"),
        "比率趋势": Value(trend_words.rstrip("。"), not trend_words),
    }
    for prefix, totals in (("捐赠慰问", c.donations_all),) + tuple(
        (cat, c.donation(cat)) for cat in enums.DONATION_CATEGORIES
    ):
        v.update(_donation_values(prefix, totals))
    return v


def _count_arg(arg: str, what: str = "个数") -> int:
    """The count after a value's colon (``{…:3}``), 3 when none is given."""
    try:
        return int(arg) if arg else 3
    except ValueError as exc:
        raise ValueError(f"冒号后应是{what}，例如“:3”") from exc


def _sources(figures: AnnualFigures, arg: str) -> Value:
    words = prose.economic_sources(figures, _count_arg(arg))
    return Value(words, not words)


def _top(mapping: dict[str, int], arg: str) -> Value:
    words = prose.top_items(mapping, "件", _count_arg(arg))
    return Value(words, not words)


def _donation_values(prefix: str, t: DonationTotals) -> dict[str, Resolver]:
    return {
        f"{prefix}次数": count(t.events),
        f"{prefix}现金": money(t.cash_fen),
        f"{prefix}物资价值": money(t.in_kind_fen),
        f"{prefix}合计": money(t.total_fen),
        f"{prefix}受助人数": count(t.people),
    }


def _outstanding(figures: AnnualFigures, arg: str) -> Value:
    top = _count_arg(arg, "人数")
    names = prose.outstanding_members(figures, max(top, 0))
    return Value(names, not names)


def build_blocks(figures: AnnualFigures, narratives: dict[str, str]) -> dict[str, list[str]]:
    """Multi-paragraph blocks: the clerk's sections, and the sentences about named records."""
    blocks = {section: [narratives.get(section, "")] for section in enums.NARRATIVE_SECTIONS}
    blocks["亮点活动"] = prose.highlight_sentences(figures)
    blocks["建言成果作者"] = prose.author_sentences(figures)
    blocks["捐赠慰问事件"] = prose.donation_sentences(figures)
    return blocks


VALUE_NAMES_WITH_ARGUMENT = (
    "活动类型明细",
    "活动次数",
    "活动主题举例",
    "接待方式明细",
    "诉求类别明细",
    "诉求类别前列",
    "处理方式明细",
    "建言成果明细",
    "成果数",
    "履职突出委员",
    "经济成效来源",
    "较上年",
)
