"""委员接待日: the year's 排班表 (for the studio: every planned day, who is on duty, how many came)
and the 公示 for the wall (the coming days, who receives, where, how to reach the studio)."""

from __future__ import annotations

from datetime import date

from studio_desk.core import rota
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member, ReceptionDay
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.documents.common import day_text, form_document, heading_line, studio_name, weekday


def _duty(store: Store, day: ReceptionDay) -> str:
    members = store.get_many(Member, day.member_ids)
    return "、".join(f"{m.name}（{m.sector}）" if m.sector else m.name for m in members) or "待定"


def _shared(values: list[str]) -> str | None:
    """The one value every day has (said once above the table), else None."""
    distinct = set(values)
    return values[0] if len(distinct) == 1 and values[0] else None


def notice_document(store: Store, today: date, count: int = 6) -> d.Document:
    """The 公示 of the next ``count`` reception days."""
    coming = rota.upcoming(store, today, count)
    if not coming:
        raise StudioDeskError("还没有安排今后的委员接待日，请先在“委员接待日安排”中安排。")
    studio = store.studio()
    name = studio_name(store)
    # A time or place every listed day shares is said once under the table (like the 排班表).
    hours = _shared([day.hours for day in coming])
    place = _shared([day.location for day in coming])
    header = ["日期", "星期"] + (["时间"] if hours is None else []) + (["地点"] if place is None else []) + ["接待委员"]
    rows: list[list[d.CellValue]] = [header]
    for day in coming:
        assert day.date is not None
        row = [day_text(day.date), weekday(day.date)]
        row += ([day.hours] if hours is None else []) + ([day.location] if place is None else [])
        rows.append(row + [_duty(store, day)])
    fixed = [42.0, 20.0] + ([28.0] if hours is None else []) + ([40.0] if place is None else [])
    by = rota.rule(store)
    when = f"于{by.text()}" if by is not None else "定期"
    contact = [f"接待时间：{hours}"] if hours else []
    contact += [f"接待地点：{place}"] if place else []
    if studio.phone:
        contact.append(f"联系电话：{studio.phone}")
    if studio.address and studio.address != place:
        contact.append(f"工作室地址：{studio.address}")
    blocks: list[d.Block] = [
        d.Title("委员接待日公示"),
        d.Paragraph(
            f"为更好地倾听群众呼声、反映群众诉求，{name}{when}开展委员接待日活动，由政协委员面对面"
            "接待群众来访，听取意见建议，协调解决实际困难。现将近期接待安排公示如下，欢迎群众前来反映情况、提出建议。"
        ),
        d.Table.of(rows, widths_mm=(*fixed, 170.0 - sum(fixed)), align=("centre",) * (len(header) - 1) + ("left",),
                   min_row_mm=11.0, size=12.0),
        d.Spacer(0.5),
        *[d.Paragraph(line, indent=2, align="left") for line in contact],
        d.Paragraph("如遇特殊情况接待时间调整，以工作室另行通知为准。", indent=2, align="left"),
        d.Spacer(1),
        d.Signature(name, today),
    ]
    return form_document(store, f"{name}委员接待日公示", blocks, "委员接待日公示")


def rota_document(store: Store, year: int, today: date) -> d.Document:
    """The year's 排班表, with the visitors counted on the days already past. A time or place all
    days share is said once above the table, leaving the names of the members on duty room."""
    counts = rota.year_counts(store, year, today)
    if not counts:
        raise StudioDeskError(f"{year}年还没有安排委员接待日。")
    hours = _shared([c.day.hours for c in counts])
    place = _shared([c.day.location for c in counts])
    header = ["序号", "日期", "星期"] + (["时间"] if hours is None else []) + (["地点"] if place is None else [])
    header += ["值班委员", "来访（人次）"]
    rows: list[list[d.CellValue]] = [header]
    for i, count in enumerate(counts, start=1):
        day = count.day
        assert day.date is not None
        row = [str(i), day.date.isoformat(), weekday(day.date)]
        row += ([day.hours] if hours is None else []) + ([day.location] if place is None else [])
        rows.append(row + [_duty(store, day), "—" if count.visits is None else str(count.visits)])
    total = sum(c.visits or 0 for c in counts)
    middle = len(header) - 3
    rows.append([d.Cell("合计", bold=True, colspan=2), d.Cell(f"共 {len(counts)} 次接待日", colspan=middle, align="left"),
                 str(total)])
    fixed = [11.0, 26.0, 16.0] + ([22.0] if hours is None else []) + ([34.0] if place is None else [])
    widths = (*fixed, 170.0 - sum(fixed) - 26.0, 26.0)
    align = tuple("left" if h == "地点" else "centre" for h in header[:-2]) + ("left", "right")
    facts = [f"接待日：{by.text()}" for by in [rota.rule(store)] if by is not None]
    facts += [f"时间：{hours}"] if hours else []
    facts += [f"地点：{place}"] if place else []
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(f"{year}年委员接待日排班表", space_after=0.5),
        *[d.Paragraph(line, indent=0, align="left", size=12) for line in facts],
        d.Spacer(0.3),
        d.Table.of(rows, widths_mm=widths, align=align, size=10.5, min_row_mm=8.0),
        d.Paragraph(f"制表日期：{day_text(today)}", indent=0, align="right", size=10.5),
    ]
    return form_document(store, f"{year}年委员接待日排班表", blocks, "委员接待日排班表")
