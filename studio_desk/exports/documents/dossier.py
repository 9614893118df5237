"""履职档案 (一人一届一档): for each member, for a year or a term, every activity, reception,
output (marking 立案/采用/批示) and donation, the points and rank the yearly figures give, and a
line where the county writes its rating. One member, or all of them in one file."""

from __future__ import annotations

from datetime import date

from studio_desk.core.dossier import MemberDossier
from studio_desk.core.money import format_fen
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.documents.common import day_text, form_document, heading_line

RATING = "县政协评定意见：□优秀　□称职　□基本称职　□不称职"
NUMERALS = "一二三四五六"


def _table(header: list[str], rows: list[list[str]], widths: tuple[float, ...], align: tuple[str, ...]) -> d.Block:
    if not rows:
        return d.Paragraph("无。", indent=2, align="left")
    numbered = [[str(i), *row] for i, row in enumerate(rows, start=1)]
    return d.Table.of([["序号", *header], *numbered], widths_mm=widths, align=align, size=10.5)


def summary_line(x: MemberDossier) -> str:
    p = x.points
    if p is None:
        return f"{x.span_text}不在委员名册中，未计履职积分。"
    return (
        f"{x.span_text}，参加工作室活动{p.activities}次，接待走访{p.receptions}次，提交提案{p.proposals}件、"
        f"社情民意信息{p.social_info}篇、会议发言{p.speeches}次、其他意见建议{p.other_outputs}件，"
        f"参与捐赠慰问{p.donations}次；履职积分{p.points}分，在{x.ranked}名委员中排第{p.rank}名。"
    )


def member_blocks(store: Store, x: MemberDossier, today: date) -> list[d.Block]:
    m = x.member
    facts = [
        ["姓名", m.name, "性别", m.gender],
        ["党派", m.party, "政协层级", m.level],
        ["界别", d.Cell(m.sector, colspan=3)],  # 社会福利和社会保障界 on one line
        ["工作室职务", m.role, "加入日期", day_text(m.joined_on)],
        ["工作单位及职务", d.Cell(m.employer, colspan=3)],
    ]
    activities = [[a.date.isoformat() if a.date else "", a.type, a.topic] for a in x.activities]
    receptions = [
        [r.date.isoformat() if r.date else "", r.mode, r.request_category, r.handling, r.status]
        for r in x.receptions
    ]
    outputs = [
        [
            o.proposal.submitted_on.isoformat() if o.proposal.submitted_on else "",
            o.proposal.category,
            o.proposal.title,
            "第一提出人" if o.first_signer else "联名",
            "、".join(o.marks),
        ]
        for o in x.outputs
    ]
    donations = [
        [g.date.isoformat() if g.date else "", g.category, g.recipients, format_fen(g.total_fen)] for g in x.donations
    ]
    sections = [
        ("参加活动", _table(["日期", "类型", "主题"], activities, (12, 26, 32, 100), ("centre", "centre", "left", "left"))),
        ("接待走访", _table(["日期", "方式", "诉求类别", "处理方式", "办理状态"], receptions,
                          (12, 26, 30, 34, 38, 30), ("centre", "centre", "left", "left", "left", "centre"))),
        ("提案建议", _table(["提交日期", "类别", "标题", "署名", "成效"], outputs,
                          (12, 24, 26, 66, 20, 22), ("centre", "centre", "left", "left", "centre", "left"))),
        ("捐赠慰问", _table(["日期", "类别", "受助对象", "金额(元)"], donations,
                          (12, 26, 18, 82, 32), ("centre", "centre", "centre", "left", "right"))),
    ]
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(f"委员履职档案（{x.span_text}）", space_after=0.5),
        d.Table.of(facts, widths_mm=(34, 51, 34, 51), header_rows=0, align=("centre", "left", "centre", "left"), size=12.0),
        d.Spacer(0.5),
        d.Paragraph(summary_line(x)),
    ]
    for i, (title, table) in enumerate(sections):
        blocks += [d.Heading(f"{NUMERALS[i]}、{title}"), table]
    blocks += [
        d.Heading(f"{NUMERALS[len(sections)]}、评定意见"),
        d.Paragraph(RATING, indent=0, align="left"),
        d.Spacer(1),
        d.Paragraph("评定单位（盖章）：________________　日期：______年____月____日", indent=0, align="left"),
        d.Paragraph(f"档案生成日期：{day_text(today)}", indent=0, align="right", size=10.5),
    ]
    return blocks



def dossier_document(store: Store, dossiers: list[MemberDossier], today: date) -> d.Document:
    """One member's dossier, or all of them one after another (each from a new page)."""
    blocks: list[d.Block] = []
    for i, x in enumerate(dossiers):
        if i:
            blocks.append(d.PageBreak())
        blocks += member_blocks(store, x, today)
    who = dossiers[0].member.name if len(dossiers) == 1 else "全体委员"
    span = dossiers[0].span_text if dossiers else ""
    return form_document(store, f"{who}履职档案（{span}）", blocks, "委员履职档案")
