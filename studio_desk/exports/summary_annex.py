"""The 附件 of the annual summary as document blocks: statistic tables and two charts, all from
``annual_figures`` (and the rates over the years), the same in the PDF and the .docx."""

from __future__ import annotations

from studio_desk.core import enums
from studio_desk.core.figures import POINT_WEIGHT_LABELS, AnnualFigures, KeyFigure, Rate, TrendYear
from studio_desk.exports import document as d
from studio_desk.exports.summary_prose import RATE_NAMES

RANKING_HEAD = ("排名", "姓名", "工作室职务", "参加活动", "接待走访", "提案", "社情民意", "会议发言",
                "其他建议", "捐赠慰问", "履职积分")


def cell_text(kf: KeyFigure, value: int | Rate) -> str:
    """A figure as the text writes it, without the unit (the column names it): ``4091``, ``83025``,
    ``16955.50``, ``94.9%`` — no thousands separators, no ``.00``."""
    if isinstance(value, Rate):
        return value.percent_text()
    if kf.kind == "money":
        sign, fen = ("-" if value < 0 else ""), abs(value)
        return f"{sign}{fen // 100}.{fen % 100:02d}" if fen % 100 else f"{sign}{fen // 100}"
    return str(value)


def key_figures_table(figures: AnnualFigures) -> d.Table:
    """Every key figure with last year's beside it."""
    c, p = figures.current, figures.previous
    rows: list[list[d.CellValue]] = [["项目", "单位", c.label, p.label]]
    for section, items in figures.key_figures():
        rows.append([d.Cell(section, bold=True, colspan=4, align="left")])
        for kf in items:
            sub = kf.key.startswith(("activity:", "output:", "donation_cash_fen:", "donation_in_kind_fen:"))
            label = f"　　{kf.label}" if sub else kf.label
            rows.append([label, kf.unit or "—", cell_text(kf, kf.current), cell_text(kf, kf.previous)])
    return d.Table.of(rows, widths_mm=(70, 16, 35, 35), align=("left", "centre", "right", "right"), size=12,
                      note="注：金额单位为元；比率无可计算记录时记为“—”。")


def activity_month_table(figures: AnnualFigures) -> d.Table:
    """Activities by type (rows) and month (columns)."""
    cur = figures.current
    rows: list[list[d.CellValue]] = [["活动类型"] + [f"{m}月" for m in range(1, 13)] + ["合计"]]
    for type_name, months in cur.activities_by_type_month.items():
        rows.append([type_name] + [str(n) if n else "" for n in months] + [str(cur.activities_by_type.get(type_name, 0))])
    if len(rows) == 1:
        rows.append([d.Cell("本年度没有活动记录。", colspan=14, align="centre")])
    rows.append([d.Cell("合计", bold=True)] + [str(n) for n in cur.activities_by_month] + [str(cur.activities_total)])
    return d.Table.of(rows, widths_mm=(28,) + (9.5,) * 12 + (14,), align=("left",) + ("centre",) * 13, size=10.5)


def trend_table(trend: list[TrendYear]) -> d.Table:
    rows: list[list[d.CellValue]] = [["年度"] + [label for _, label in RATE_NAMES]]
    for t in trend:
        rows.append([f"{t.year}年"] + [getattr(t, key).percent_text() for key, _ in RATE_NAMES])
    return d.Table.of(rows, widths_mm=(36, 30, 30, 30, 30), align=("centre",) * 5, size=12,
                      note="注：委员参与率＝参加活动的委员÷在册委员；成果转化率＝立案、采用或获批示的成果÷提交的成果；"
                           "群众认可率＝满意和基本满意÷作出评价的群众；办结率＝已办结÷接待走访总数。")


def points_standard(weights: dict[str, int] | None) -> str:
    """How the points are counted, in the studio's words: ``参加活动每次2分，提案第一提出人5分，
    立案或被采用加3分……`` (a kind worth nothing is left out)."""
    parts = []
    for key, label in POINT_WEIGHT_LABELS.items():
        n = (weights or {}).get(key, 0)
        if n > 0:
            parts.append(label.replace("（加分）", f"加{n}分") if "（加分）" in label
                         else label.replace("（", "").replace("）", "") + f"{n}分")
    return "，".join(parts)


def ranking_table(figures: AnnualFigures, weights: dict[str, int] | None = None) -> d.Table:
    """Members ranked by 履职积分, with the standard they are counted by."""
    standard = points_standard(weights)
    standard = f"（{standard}）" if standard else ""
    rows: list[list[d.CellValue]] = [list(RANKING_HEAD)]
    for r in figures.current.ranking:
        rows.append([str(r.rank), r.name, r.role] + [str(n) for n in (
            r.activities, r.receptions, r.proposals, r.social_info, r.speeches, r.other_outputs, r.donations,
            r.points)])
    return d.Table.of(rows, widths_mm=(11, 19, 22) + (13,) * 8, align=("centre",) * 11, size=10.5,
                      note=f"注：履职积分按工作室确定的积分标准计算{standard}，同分者并列。")


def charts(figures: AnnualFigures) -> list[d.Block]:
    by_kind = figures.current.outputs_by_kind
    kinds = list(enums.PROPOSAL_CATEGORIES) + [k for k in by_kind if k not in enums.PROPOSAL_CATEGORIES]
    return [
        d.BarChart(tuple(f"{m}月" for m in range(1, 13)), tuple(figures.current.activities_by_month),
                   caption="图1　各月开展活动次数", empty_note="本年度没有活动记录"),
        d.Spacer(0.5),
        d.BarChart(tuple(kinds), tuple(by_kind.get(k, 0) for k in kinds), caption="图2　提案建议分类数量",
                   colour=(0.7, 0.35, 0.2), empty_note="本年度没有提交提案建议"),
    ]


def attachments(figures: AnnualFigures, trend: list[TrendYear],
                weights: dict[str, int] | None = None) -> list[tuple[str, list[d.Block]]]:
    """(title, blocks) of each 附件, in order; an empty year has its figures table only. ``weights``:
    the studio's 履职积分 standard, told under the ranking."""
    year = figures.year
    out: list[tuple[str, list[d.Block]]] = [
        (f"{year}年主要数据统计表（与{year - 1}年对比）", [key_figures_table(figures)]),
    ]
    if not figures.current.has_records:
        return out
    out.append((f"{year}年活动分类型分月统计表", [activity_month_table(figures)]))
    if len(trend) >= 2:
        out.append((f"{trend[0].year}—{year}年主要比率变化表", [trend_table(trend)]))
    if any(r.points for r in figures.current.ranking):
        out.append((f"{year}年委员履职积分排名表", [ranking_table(figures, weights)]))
    out.append((f"{year}年工作统计图", charts(figures)))
    return out


def annex_blocks(attached: list[tuple[str, list[d.Block]]]) -> list[d.Block]:
    """Each 附件 on a new page: ``附件N`` in 黑体 at the top left, its title, its contents."""
    out: list[d.Block] = []
    for index, (title, blocks) in enumerate(attached, start=1):
        out += [d.PageBreak(), d.Paragraph(f"附件{index}", indent=0, align="left", role="hei"),
                d.Title(title, size=18, space_after=0.5)]
        out += blocks
    return out
