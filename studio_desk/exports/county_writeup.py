"""The county's write-up (县政协委员工作室履职工作综述) in the style of the county articles in
``seeds/`` ("各委员工作室先后组织集中学习17次，入户走访117户……"): the county's totals in prose with
the change against last year, named studios and their highlights, the rating, and the studios'
figures side by side as an attachment. Built once as a :class:`~studio_desk.exports.document.Document`
and rendered to PDF and .docx by the one document model.
"""

from __future__ import annotations

from datetime import date

from studio_desk.core.county_figures import (
    CountyFigures,
    StudioFigures,
    column_header,
    criterion_words,
    figure_value,
    key_figure_map,
    last_year_words,
    star_text,
    studio_names,
)
from studio_desk.core.figures import Rate, YearFigures
from studio_desk.exports import document as d
from studio_desk.exports import summary_prose as prose
from studio_desk.exports.summary_prose import OUTPUT_UNITS, number, yuan

NAMED_STUDIOS = 8  # studios named with their highlights; the rest are counted
NAMED_UNSENT = 12  # studios named as not having sent a year; past it, counted
CHINESE_NUMBERS = "一二三四五六七八九十"


def _change(now: int, before: int, unit: str, *, money: bool = False) -> str:
    """``，较上年增加5次`` (the summary's words), or nothing where the figure did not grow."""
    words = prose.change(now, before, unit, money=money)
    return f"，{words}" if words else ""


def _listing(items: dict[str, int], unit: str | dict[str, str]) -> str:
    parts = []
    for name, n in items.items():
        if n and not name.startswith("未"):
            u = unit.get(name, "件") if isinstance(unit, dict) else unit
            parts.append(f"{name}{number(n)}{u}")
    return "、".join(parts)


def _rate(r: Rate) -> str:
    return r.percent_text()


def _activities(c: YearFigures, p: YearFigures) -> str:
    text = f"各委员工作室全年共开展活动{number(c.activities_total)}次{_change(c.activities_total, p.activities_total, '次')}"
    types = _listing(c.activities_by_type, "次")
    if types:
        text += f"，其中{types}"
    if c.member_participations:
        text += f"；委员参加活动{number(c.member_participations)}人次"
    if c.public_participants:
        text += f"，群众参与{number(c.public_participants)}人次"
    if c.suggestions_collected:
        text += f"，收集意见建议{number(c.suggestions_collected)}条"
    if c.economic_fen:  # the studio summary's words; the activities that brought it, by studio below
        text += f"；各类活动促成签约、成交、融资等经济成效{yuan(c.economic_fen)}"
        text += _change(c.economic_fen, p.economic_fen, "", money=True)
    return text + "。"


def _reception_words(c: YearFigures) -> str:
    """``接待走访40次、群众89人次``, as the studio summary says it (reports/年度工作总结.txt)."""
    text = f"接待走访{number(c.receptions_total)}次"
    return text + f"、群众{number(c.reception_people)}人次" if c.reception_people else text


def _receptions(c: YearFigures, p: YearFigures) -> str:
    if not c.receptions_total:
        return ""
    text = _reception_words(c) + _change(c.reception_people, p.reception_people, "人次")
    if c.reception_households:
        text += f"，入户走访{number(c.reception_households)}户"
    if c.practical_help:
        text += f"，帮办实事{number(c.practical_help)}件"
    if c.disputes_resolved:
        text += f"，化解矛盾纠纷{number(c.disputes_resolved)}件"
    if c.close_rate.value is not None:
        text += f"，诉求办结率{_rate(c.close_rate)}"
    if c.satisfaction_rate.value is not None:
        text += f"，群众满意率{_rate(c.satisfaction_rate)}"
    return text + "。"


def _outputs(c: YearFigures, p: YearFigures) -> str:
    if not c.outputs_total:
        return ""
    text = f"提交提案建议{number(c.outputs_total)}件{_change(c.outputs_total, p.outputs_total, '件')}"
    kinds = _listing(c.outputs_by_kind, OUTPUT_UNITS)
    if kinds:
        text += f"，其中{kinds}"
    tail = []
    if c.proposals_filed:
        tail.append(f"提案立案{number(c.proposals_filed)}件")
    if c.adopted_total:
        tail.append(f"被采用{number(c.adopted_total)}件")
    if c.instructions:
        tail.append(f"获领导批示{number(c.instructions)}件")
    if tail:
        text += "；" + "，".join(tail)
    return text + "。"


def _donations(c: YearFigures) -> str:
    """The studio summary's sentence (reports/年度工作总结.txt): 捐赠 and 慰问 told apart, each with
    its cash (捐赠现金, 送去慰问金) and goods, then the two together."""
    t = c.donations_all
    if not t.events:
        return ""
    give, relief = c.donation("捐赠"), c.donation("慰问")
    text = f"开展捐赠慰问活动{number(t.events)}次"
    kinds = [f"{name}{number(x.events)}次" for name, x in (("捐赠", give), ("慰问", relief)) if x.events]
    if kinds:
        text += "，其中" + "、".join(kinds)
    for money in (
        (("捐赠现金", give.cash_fen), ("捐赠物资价值", give.in_kind_fen)),
        (("送去慰问金", relief.cash_fen), ("慰问物资价值", relief.in_kind_fen)),
    ):
        parts = [f"{words}{yuan(fen)}" for words, fen in money if fen]
        if parts:
            text += "；" + "、".join(parts)
    if t.total_fen:
        text += f"，合计{yuan(t.total_fen)}"
    if t.people:
        text += f"，惠及群众{number(t.people)}人"
    return text + "。"


def _studio_sentence(s: StudioFigures) -> str:
    c = s.figures.current
    facts = []
    if c.activities_total:
        facts.append(f"开展活动{number(c.activities_total)}次")
    if c.receptions_total:
        facts.append(_reception_words(c))
    if c.practical_help:
        facts.append(f"帮办实事{number(c.practical_help)}件")
    if c.outputs_total:
        facts.append(f"提交提案建议{number(c.outputs_total)}件")
    if c.economic_fen:  # with the activities that brought it, as the studio's own summary names them
        sources = prose.economic_sources(s.figures)
        facts.append(f"促成经济成效{yuan(c.economic_fen)}" + (f"，{sources}" if sources else ""))
    if c.donations_all.total_fen:
        facts.append(f"捐赠慰问{yuan(c.donations_all.total_fen)}")
    text = f"{s.name}全年" + "，".join(facts) if facts else f"{s.name}按时报送了履职台账"
    highlights = [h for h in c.highlights if h.topic][:3]
    if highlights:
        topics = "、".join(f"{h.date.month}月{h.topic}" for h in highlights)
        text += f"。重点开展了{topics}等活动"
        note = next((h.note.strip().rstrip("。") for h in highlights if h.note.strip()), "")
        if note:
            text += f"，{note}"
    return text + "。"


def _score(s: StudioFigures) -> tuple[int, int, int, str]:
    c = s.figures.current
    return (-s.stars, -(c.activities_total + c.receptions_total + c.outputs_total), -c.practical_help, s.name)


def _rating(county: CountyFigures) -> list[d.Block]:
    if not county.criteria or not county.studios:
        return []
    out_of = len(county.criteria)
    rules = "、".join(criterion_words(c, county.totals) for c in county.criteria)
    blocks: list[d.Block] = [
        d.Paragraph(
            f"按照县政协确定的评定标准（{rules}，每达到一项得一星，满分{out_of}星），"
            f"对{county.studio_count()}个工作室{county.year}年度履职情况进行了评定。"
        )
    ]
    by_stars: dict[int, list[str]] = {}
    for s in sorted(county.studios, key=_score):
        by_stars.setdefault(s.stars, []).append(s.name)
    parts = [
        f"{n}星工作室{len(names)}个（{'、'.join(names[:12])}{'等' if len(names) > 12 else ''}）"
        for n, names in sorted(by_stars.items(), reverse=True)
        if n > 0
    ]
    none = len(by_stars.get(0, []))
    text = "评定结果为：" + ("；".join(parts) if parts else "没有工作室达到任何一项标准")
    if none and parts:
        text += f"；另有{none}个工作室未达到任何一项标准"
    blocks.append(d.Paragraph(text + "。"))
    return blocks


# The figures the attachment shows for every studio; each rating criterion's figure is added.
ATTACHMENT_FIGURES = (
    "activities_total", "receptions_total", "reception_people", "practical_help", "outputs_total", "donation_total",
)
TEXT_WIDTH_MM = 156.0


def _attachment_table(county: CountyFigures) -> d.Table:
    """Every studio's main figures under the county table's own column names (``接待走访(次)``
    beside ``接待走访群众(人次)``), so a criterion and the column it judges carry the same words."""
    known = key_figure_map(county.totals)
    keys = [k for k in ATTACHMENT_FIGURES if k in known]
    keys += [c.key for c in county.criteria if c.key in known and c.key not in keys]
    columns = [known[k] for k in keys]
    rows: list[list[d.CellValue]] = [["工作室", "星级", *(column_header(kf) for kf in columns)]]
    out_of = len(county.criteria)
    for s in sorted(county.studios, key=_score):
        values = [figure_value(s.figures, kf.key, kf) for kf in columns]
        rows.append([s.name, star_text(s.stars, out_of), *(f.text(f.current) for f in values)])
    rows.append([d.Cell("合计", bold=True), "", *(kf.text(kf.current) for kf in columns)])
    # Money (``320,405.00``) gets the room it needs on one line; counts and rates share the rest.
    name_mm, stars_mm, money_mm = 34.0, max(14.0, 3.2 * out_of + 4), 23.0
    monies = sum(1 for kf in columns if kf.kind == "money")
    each = (TEXT_WIDTH_MM - name_mm - stars_mm - money_mm * monies) / max(len(columns) - monies, 1)
    widths = [money_mm if kf.kind == "money" else each for kf in columns]
    return d.Table.of(
        rows,
        widths_mm=(name_mm, stars_mm, *widths),
        align=("left", "centre", *(["right"] * len(columns))),
        size=10.0 if len(columns) <= 7 else 9.0,
        caption=f"{county.year}年度各委员工作室主要履职数据",
    )


def county_writeup(county: CountyFigures, county_name: str, signed_on: date | None = None) -> d.Document:
    """The write-up of ``county`` (a year's figures) for the CPPCC committee ``county_name``."""
    signed_on = signed_on or date.today()
    year = county.year
    c, p = county.totals.current, county.totals.previous
    n = county.studio_count()
    title = f"{county_name}委员工作室{year}年度履职工作综述"
    blocks: list[d.Block] = [d.Title(title)]
    opening = f"{year}年，{county_name}共有{n}个委员工作室报送了年度履职台账"
    if c.members_total:
        opening += f"，工作室委员{number(c.members_total)}人"
    active = len(county.active_studios())
    if active < n:
        opening += f"，其中{active}个工作室本年度有履职记录"
    if county.not_reported:
        opening += f"；另有{studio_names(county.not_reported, NAMED_UNSENT)}尚未报送本年度台账，未计入本年度数字"
    blocks.append(d.Paragraph(opening + "。各委员工作室围绕中心工作履职尽责，联系服务界别群众取得新成效。"))

    sections: list[tuple[str, list[d.Block]]] = []
    # what the comparisons with last year leave out: the county window's and workbook's words
    unsent = last_year_words(county, NAMED_UNSENT)
    work = [_activities(c, p), _receptions(c, p), _outputs(c, p), _donations(c), unsent + "。" if unsent else ""]
    sections.append(("全县委员工作室履职总体情况", [d.Paragraph(t) for t in work if t]))
    ranked = sorted(county.studios, key=_score)
    named = [s for s in ranked if s.figures.current.activities_total or s.figures.current.receptions_total][:NAMED_STUDIOS]
    if named:
        told = [d.Paragraph(_studio_sentence(s)) for s in named]
        rest = n - len(named)
        if rest > 0:
            told.append(d.Paragraph(f"其余{rest}个工作室的主要数据见附件。"))
        sections.append(("工作室履职亮点", told))
    rating = _rating(county)
    if rating:
        sections.append(("工作室星级评定", rating))
    for index, (heading, body) in enumerate(sections):
        blocks.append(d.Heading(f"{CHINESE_NUMBERS[index]}、{heading}"))
        blocks += body
    blocks.append(d.AnnexList((f"{year}年度各委员工作室主要履职数据",)))
    blocks.append(d.Signature(county_name, signed_on))
    blocks.append(d.PageBreak())
    blocks.append(d.Paragraph("附件", indent=0, role="hei"))
    blocks.append(_attachment_table(county))
    return d.Document(blocks, title=title, author=county_name, subject=f"{year}年度委员工作室履职汇总")


__all__ = ["county_writeup"]
