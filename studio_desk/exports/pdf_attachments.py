"""The 附件 of the summary: statistic tables and two vector charts, all from ``annual_figures``."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from studio_desk.core import enums
from studio_desk.core.figures import AnnualFigures
from studio_desk.exports.pdf_fonts import FontSet

BLOCK_WIDTH = 156 * mm
GRID = colors.black
HEAD_BG = colors.Color(0.9, 0.9, 0.9)
BAR = colors.Color(0.25, 0.38, 0.6)
BAR2 = colors.Color(0.7, 0.35, 0.2)


class _Cells:
    """Paragraph styles for table cells in one size."""

    def __init__(self, fonts: FontSet, size: float):
        self.fonts = fonts
        leading = size * 1.3
        self.head = ParagraphStyle("th", fontName=fonts.name("hei"), fontSize=size, leading=leading,
                                   alignment=TA_CENTER, wordWrap="CJK")
        self.text = ParagraphStyle("td", fontName=fonts.name("fangsong"), fontSize=size, leading=leading,
                                   alignment=TA_LEFT, wordWrap="CJK")
        self.centre = ParagraphStyle("tc", parent=self.text, alignment=TA_CENTER)
        self.sub = ParagraphStyle("tsub", parent=self.text, leftIndent=2 * size)
        self.number = ParagraphStyle("tn", parent=self.text, alignment=TA_RIGHT)
        self.section = ParagraphStyle("ts", parent=self.head, alignment=TA_LEFT)

    def p(self, text: object, style: ParagraphStyle) -> Paragraph:
        role = "hei" if style.fontName == self.fonts.name("hei") else "fangsong"
        return Paragraph(self.fonts.markup(str(text), role), style)


def _style(fonts: FontSet, extra: list[tuple] | None = None) -> TableStyle:
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.name("fangsong")),  # empty cells too (else Helvetica)
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return TableStyle(commands + (extra or []))


def key_figures_table(figures: AnnualFigures, fonts: FontSet) -> Table:
    """附件1: every key figure with last year's beside it."""
    c = _Cells(fonts, 12)
    year = figures.year
    rows: list[list[object]] = [[c.p("项目", c.head), c.p("单位", c.head),
                                 c.p(f"{year}年", c.head), c.p(f"{year - 1}年", c.head)]]
    extra: list[tuple] = []
    for section, items in figures.key_figures():
        extra += [("SPAN", (0, len(rows)), (-1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)), HEAD_BG)]
        rows.append([c.p(section, c.section), "", "", ""])
        for kf in items:
            sub = kf.key.startswith(("activity:", "output:"))  # one type of the line above
            rows.append([c.p(kf.label, c.sub if sub else c.text), c.p(kf.unit or "—", c.centre),
                         c.p(kf.text(kf.current), c.number), c.p(kf.text(kf.previous), c.number)])
    widths = [70 * mm, 16 * mm, 35 * mm, 35 * mm]
    return Table(rows, colWidths=widths, repeatRows=1, style=_style(fonts, extra))


def activity_month_table(figures: AnnualFigures, fonts: FontSet) -> Table:
    """附件2: activities by type (rows) and month (columns)."""
    c = _Cells(fonts, 10.5)
    cur = figures.current
    head = [c.p("活动类型", c.head)] + [c.p(f"{m}月", c.head) for m in range(1, 13)] + [c.p("合计", c.head)]
    rows: list[list[object]] = [head]
    extra: list[tuple] = []
    for type_name, months in cur.activities_by_type_month.items():
        rows.append([c.p(type_name, c.text)] + [c.p(n or "", c.centre) for n in months]
                    + [c.p(cur.activities_by_type.get(type_name, 0), c.centre)])
    if len(rows) == 1:
        extra.append(("SPAN", (0, 1), (-1, 1)))
        rows.append([c.p("本年度没有活动记录。", c.centre)] + [""] * 13)
    rows.append([c.p("合计", c.head)] + [c.p(n, c.centre) for n in cur.activities_by_month]
                + [c.p(cur.activities_total, c.centre)])
    extra.append(("BACKGROUND", (0, -1), (-1, -1), HEAD_BG))
    widths = [28 * mm] + [9.5 * mm] * 12 + [14 * mm]
    return Table(rows, colWidths=widths, repeatRows=1, style=_style(fonts, extra))


RANKING_HEAD = ("排名", "姓名", "工作室职务", "参加活动", "接待走访", "提案", "社情民意", "会议发言",
                "其他建议", "捐赠慰问", "履职积分")


def ranking_table(figures: AnnualFigures, fonts: FontSet) -> Table:
    """附件3: members ranked by 履职积分 (the weights set in the app)."""
    c = _Cells(fonts, 10.5)
    rows: list[list[object]] = [[c.p(h, c.head) for h in RANKING_HEAD]]
    extra: list[tuple] = []
    for r in figures.current.ranking:
        rows.append([c.p(r.rank, c.centre), c.p(r.name, c.centre), c.p(r.role, c.centre)]
                    + [c.p(n, c.centre) for n in (r.activities, r.receptions, r.proposals, r.social_info,
                                                  r.speeches, r.other_outputs, r.donations, r.points)])
    if len(rows) == 1:
        extra.append(("SPAN", (0, 1), (-1, 1)))
        rows.append([c.p("本年度没有委员记录。", c.centre)] + [""] * 10)
    widths = [11 * mm, 19 * mm, 22 * mm] + [13 * mm] * 8
    return Table(rows, colWidths=widths, repeatRows=1, style=_style(fonts, extra))


def _axis_max(values: list[int]) -> tuple[int, int]:
    """A round top for the value axis and its step (axis scaling, not a figure)."""
    top = max(values + [0])
    if top <= 5:
        return 5, 1
    base = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * base
            if top <= step * 8:
                return -(-top // step) * step, step
        base *= 10


def bar_chart(fonts: FontSet, labels: list[str], values: list[int], colour: colors.Color,
              empty_note: str, height: float = 68 * mm) -> Drawing:
    """A vector bar chart with the count printed above each bar."""
    drawing = Drawing(BLOCK_WIDTH, height, initialFontName=fonts.name("song"))
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width, chart.height = BLOCK_WIDTH - 16 * mm, height - 20 * mm
    chart.data = [values]
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barWidth = 6
    chart.groupSpacing = 6
    top, step = _axis_max(values)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = fonts.name("song")
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.categoryAxis.categoryNames = labels
    label_font = fonts.name("song")
    if any(not fonts.roles["song"].has(ch) for label in labels for ch in label):
        label_font = fonts.name("hei")  # the fallback font carries the rarest characters
        fonts.runs("".join(labels), "hei")  # note what even it lacks
    chart.categoryAxis.labels.fontName = label_font
    chart.categoryAxis.labels.fontSize = 10
    chart.categoryAxis.labels.dy = -2
    chart.barLabelFormat = lambda v: f"{int(v)}" if v else ""
    chart.barLabels.fontName = fonts.name("song")
    chart.barLabels.fontSize = 9
    chart.barLabels.nudge = 7
    drawing.add(chart)
    if not any(values):
        drawing.add(String(BLOCK_WIDTH / 2, height / 2, empty_note, fontName=fonts.name("song"),
                           fontSize=12, textAnchor="middle", fillColor=colors.Color(0.4, 0.4, 0.4)))
    return drawing


def monthly_chart(figures: AnnualFigures, fonts: FontSet) -> Drawing:
    return bar_chart(fonts, [f"{m}月" for m in range(1, 13)], list(figures.current.activities_by_month),
                     BAR, "本年度没有活动记录")


def outputs_chart(figures: AnnualFigures, fonts: FontSet) -> Drawing:
    by_kind = figures.current.outputs_by_kind
    kinds = list(enums.PROPOSAL_CATEGORIES) + [k for k in by_kind if k not in enums.PROPOSAL_CATEGORIES]
    return bar_chart(fonts, kinds, [by_kind.get(k, 0) for k in kinds], BAR2, "本年度没有提交提案建议")


def caption(fonts: FontSet, text: str) -> Paragraph:
    style = ParagraphStyle("cap", fontName=fonts.name("hei"), fontSize=14, leading=20,
                           alignment=TA_CENTER, spaceBefore=6, spaceAfter=4, keepWithNext=True)
    return Paragraph(fonts.markup(text, "hei"), style)


def note(fonts: FontSet, text: str) -> Paragraph:
    style = ParagraphStyle("note", fontName=fonts.name("fangsong"), fontSize=10.5, leading=15,
                           spaceBefore=4, wordWrap="CJK")
    return Paragraph(fonts.markup(text, "fangsong"), style)


def attachments(figures: AnnualFigures, fonts: FontSet) -> list[tuple[str, list[Flowable]]]:
    """(title, flowables) of each 附件, in order."""
    year = figures.year
    weights_note = "注：履职积分按程序“积分权重”设置计算，同分者并列。"
    return [
        (f"{year}年主要数据统计表（与{year - 1}年对比）",
         [key_figures_table(figures, fonts),
          note(fonts, "注：金额单位为元；办结率、满意率、办复率无可计算记录时记为“—”。")]),
        (f"{year}年活动分类型分月统计表", [activity_month_table(figures, fonts)]),
        (f"{year}年委员履职积分排名表", [ranking_table(figures, fonts), note(fonts, weights_note)]),
        (f"{year}年工作统计图",
         [caption(fonts, "图1　各月开展活动次数"), monthly_chart(figures, fonts), Spacer(1, 6 * mm),
          caption(fonts, "图2　提案建议分类数量"), outputs_chart(figures, fonts)]),
    ]
