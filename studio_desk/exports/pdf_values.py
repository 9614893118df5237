"""The named values the summary template may use, all taken from ``annual_figures``.

Nothing is counted or summed here: each value is one figure of :mod:`studio_desk.core.figures`
(or a studio/narrative field) put into words. A value is *empty* when its figure is zero, so
that a ``[ … ]`` sentence around it is left out. The list is documented in reports/README.md;
``tests/exports/test_summary_template.py`` checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from studio_desk.core import enums
from studio_desk.core.figures import AnnualFigures, DonationTotals, Rate, YearFigures
from studio_desk.core.models import Studio
from studio_desk.core.money import format_yuan_prose
from studio_desk.exports.pdf_template import Resolver, Value

# The measure word each kind of output is counted in.
OUTPUT_UNITS = {
    "提案": "件",
    "社情民意信息": "条",
    "会议发言": "篇",
    "意见建议": "条",
    "微建议": "条",
    "调研报告": "篇",
}
LEVEL_WORDS = {"全国": "全国政协委员", "省": "省政协委员", "市": "市政协委员", "县": "县政协委员"}
ADOPTION_WORDS = {"县": "县级", "市": "市级", "省": "省级", "全国": "全国"}


def count(n: int) -> Value:
    return Value(f"{n:,}", n == 0)


def money(fen: int) -> Value:
    return Value(format_yuan_prose(fen), fen == 0)


def rate(r: Rate) -> Value:
    return Value(r.percent_text(), r.value is None)


def text(s: str) -> Value:
    return Value(s, not s.strip())


def full_date(d: date) -> str:
    """GB/T 9704-2012 writes dates in Arabic numerals, year, month and day in full."""
    return f"{d.year}年{d.month}月{d.day}日"


def listing(items: Iterable[tuple[str, int]], unit: str | Callable[[str], str], skip: tuple[str, ...] = ()) -> Value:
    """``集中学习9次、宣传宣讲6次``; items that are zero or unknown (未填…) are left out."""
    parts = []
    for name, n in items:
        if not n or name in skip or name.startswith("未填"):
            continue
        u = unit(name) if callable(unit) else unit
        parts.append(f"{name}{n:,}{u}")
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


def build_values(
    figures: AnnualFigures, studio: Studio, signed_on: date
) -> dict[str, Resolver]:
    c: YearFigures = figures.current
    year = figures.year
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
        # members
        "委员总数": count(c.members_total),
        "委员职务构成": listing(c.members_by_role.items(), "名"),
        "委员界别构成": listing(c.members_by_sector.items(), "名"),
        "委员层级构成": listing(((LEVEL_WORDS.get(k, k), n) for k, n in c.members_by_level.items()), "名"),
        # activities
        "活动总数": count(c.activities_total),
        "活动类型明细": lambda arg: listing(_pick(c.activities_by_type, arg), "次"),
        "活动次数": _one(c.activities_by_type, "活动类型"),
        "委员参加人次": count(c.member_participations),
        "群众参与人次": count(c.public_participants),
        "收集意见建议": count(c.suggestions_collected),
        "亮点活动数": count(len(c.highlights)),
        # receptions and visits
        "接待走访总数": count(c.receptions_total),
        "接待方式明细": lambda arg: listing(_pick(c.receptions_by_mode, arg), "次"),
        "诉求类别明细": lambda arg: listing(_pick(c.receptions_by_category, arg), "件"),
        "处理方式明细": lambda arg: listing(_pick(c.receptions_by_handling, arg), "件"),
        "接待群众人次": count(c.reception_people),
        "走访户数": count(c.reception_households),
        "帮办实事": count(c.practical_help),
        "化解矛盾纠纷": count(c.disputes),
        "诉求已办结": count(c.receptions_closed),
        "诉求办理中": count(c.receptions_open),
        "已反馈": count(c.feedback_given),
        "办结率": rate(c.close_rate),
        "满意率": rate(c.satisfaction_rate),
        # outputs
        "建言总数": count(c.outputs_total),
        "建言成果明细": lambda arg: listing(_pick(c.outputs_by_kind, arg), lambda k: OUTPUT_UNITS.get(k, "件")),
        "成果数": _one(c.outputs_by_kind, "成果类别"),
        "提案立案": count(c.proposals_filed),
        "提案办复": count(c.proposals_answered),
        "提案办复率": rate(c.answer_rate),
        "采用总数": count(c.adopted_total),
        "采用层级明细": listing(
            ((ADOPTION_WORDS.get(k, k), n) for k, n in c.adopted_by_level.items()), "件"
        ),
        "批示数": count(c.instructions),
        "办理结果明细": listing(((f"{k}类", n) for k, n in c.results_by_class.items()), "件"),
        # members' performance
        "履职积分前列": lambda arg: _ranking(figures, arg),
    }
    for prefix, totals in (("捐赠慰问", c.donations_all),) + tuple(
        (cat, c.donation(cat)) for cat in enums.DONATION_CATEGORIES
    ):
        v.update(_donation_values(prefix, totals))
    return v


def _donation_values(prefix: str, t: DonationTotals) -> dict[str, Resolver]:
    return {
        f"{prefix}次数": count(t.events),
        f"{prefix}现金": money(t.cash_fen),
        f"{prefix}物资价值": money(t.in_kind_fen),
        f"{prefix}合计": money(t.total_fen),
        f"{prefix}受助人数": count(t.people),
    }


def _ranking(figures: AnnualFigures, arg: str) -> Value:
    try:
        top = int(arg) if arg else 3
    except ValueError as exc:
        raise ValueError("冒号后应是人数，例如“:3”") from exc
    rows = [r for r in figures.current.ranking if r.points > 0][: max(top, 0)]
    return Value("、".join(f"{r.name}（{r.points:,}分）" for r in rows), not rows)


# The prose names at most this many highlighted activities (a summary, not a ledger).
MAX_HIGHLIGHTS_IN_TEXT = 20


def build_blocks(figures: AnnualFigures, narratives: dict[str, str]) -> dict[str, list[str]]:
    """Multi-paragraph blocks: the clerk's sections, and the list of highlighted activities."""
    blocks = {section: [narratives.get(section, "")] for section in enums.NARRATIVE_SECTIONS}
    highlights = []
    chosen = figures.current.highlights
    if len(chosen) > MAX_HIGHLIGHTS_IN_TEXT:  # spread over the year; the ledger lists them all
        n = len(chosen)
        chosen = [chosen[i * n // MAX_HIGHLIGHTS_IN_TEXT] for i in range(MAX_HIGHLIGHTS_IN_TEXT)]
    for h in chosen:
        line = f"{h.date.month}月{h.date.day}日，{h.type}“{h.topic}”"
        note = h.note.strip()
        if note and note[-1] not in "。！？…”":
            note += "。"
        highlights.append(f"{line}：{note}" if note else f"{line}。")
    rest = len(figures.current.highlights) - len(chosen)
    if rest > 0:
        highlights.append(f"另有{rest:,}项亮点活动，详见活动台账。")
    blocks["亮点活动"] = highlights
    return blocks


VALUE_NAMES_WITH_ARGUMENT = (
    "活动类型明细",
    "活动次数",
    "接待方式明细",
    "诉求类别明细",
    "处理方式明细",
    "建言成果明细",
    "成果数",
    "履职积分前列",
)
