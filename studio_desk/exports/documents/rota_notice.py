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


def notice_document(store: Store, today: date, count: int = 6) -> d.Document:
    """The 公示 of the next ``count`` reception days."""
    coming = rota.upcoming(store, today, count)
    if not coming:
        raise StudioDeskError("还没有安排今后的委员接待日，请先在“委员接待日安排”中安排。")
    studio = store.studio()
    name = studio_name(store)
    rows: list[list[d.CellValue]] = [["日期", "星期", "时间", "地点", "接待委员"]]
    for day in coming:
        assert day.date is not None
        rows.append([day_text(day.date), weekday(day.date), day.hours, day.location, _duty(store, day)])
    contact = []
    if studio.phone:
        contact.append(f"联系电话：{studio.phone}")
    if studio.address:
        contact.append(f"地址：{studio.address}")
    blocks: list[d.Block] = [
        d.Title("委员接待日公示"),
        d.Paragraph(
            f"为更好地倾听群众呼声、反映群众诉求，{name}定期开展委员接待日活动，由政协委员面对面"
            "接待群众来访，听取意见建议，协调解决实际困难。现将近期接待安排公示如下，欢迎群众前来反映情况、提出建议。"
        ),
        d.Table.of(rows, widths_mm=(36, 20, 28, 40, 46), align=("centre", "centre", "centre", "left", "left"),
                   min_row_mm=11.0, size=12.0),
        d.Spacer(0.5),
        *[d.Paragraph(line, indent=2, align="left") for line in contact],
        d.Paragraph("如遇特殊情况接待时间调整，以工作室另行通知为准。", indent=2, align="left"),
        d.Spacer(1),
        d.Signature(name, today),
    ]
    return form_document(store, f"{name}委员接待日公示", blocks, "委员接待日公示")


def rota_document(store: Store, year: int, today: date) -> d.Document:
    """The year's 排班表, with the 接待日来访 receptions recorded on the days already past."""
    days = rota.days(store, date(year, 1, 1), date(year, 12, 31))
    if not days:
        raise StudioDeskError(f"{year}年还没有安排委员接待日。")
    rows: list[list[d.CellValue]] = [["序号", "日期", "星期", "时间", "地点", "值班委员", "来访(人次)"]]
    visits_total = 0
    for i, day in enumerate(days, start=1):
        assert day.date is not None
        if day.date <= today:
            visits = rota.visits(store, day)
            visits_total += visits
            shown = str(visits)
        else:
            shown = "—"
        rows.append([str(i), day.date.isoformat(), weekday(day.date), day.hours, day.location,
                     _duty(store, day), shown])
    rows.append([d.Cell("合计", bold=True, colspan=2), d.Cell(f"共 {len(days)} 次接待日", colspan=4, align="left"),
                 str(visits_total)])
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(f"{year}年委员接待日排班表", space_after=0.5),
        d.Table.of(rows, widths_mm=(11, 25, 16, 22, 30, 50, 16),
                   align=("centre", "centre", "centre", "centre", "left", "left", "right"), size=10.5),
        d.Paragraph(f"制表日期：{day_text(today)}", indent=0, align="right", size=10.5),
    ]
    return form_document(store, f"{year}年委员接待日排班表", blocks, "委员接待日排班表")
