"""签到表 for an activity: the studio, topic, date and place; the members expected, then numbered
blank rows for the public; name, unit, phone and signature columns, on as many pages as needed
(the header row repeats on each)."""

from __future__ import annotations

from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.documents.common import day_text, form_document, heading_line, weekday

HEADER = ("序号", "姓名", "工作单位及职务", "联系电话", "签名")
WIDTHS = (13.0, 27.0, 60.0, 32.0, 38.0)
PUBLIC_ROWS = 20
MAX_PUBLIC_ROWS = 500


def signin_document(store: Store, activity: Activity, public_rows: int = PUBLIC_ROWS) -> d.Document:
    public_rows = max(0, min(public_rows, MAX_PUBLIC_ROWS))
    members = store.get_many(Member, activity.member_ids)
    when = f"{day_text(activity.date)}（{weekday(activity.date)}）" if activity.date else "____年__月__日"
    rows: list[list[d.CellValue]] = [list(HEADER)]
    if members:
        rows.append([d.Cell("参加委员", bold=True, colspan=len(HEADER), align="left")])
        for i, m in enumerate(members, start=1):
            rows.append([str(i), m.name, m.employer, "", ""])
    rows.append([d.Cell("群众及其他参加人员", bold=True, colspan=len(HEADER), align="left")])
    first = len(members) + 1
    for i in range(first, first + public_rows):
        rows.append([str(i), "", "", "", ""])
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(f"{activity.type or '活动'}签到表", space_after=0.5),
        d.Paragraph(f"活动主题：{activity.topic}", indent=0, align="left"),
        d.Paragraph(f"时间：{when}", indent=0, align="left"),
        d.Paragraph(f"地点：{activity.location or '________________'}", indent=0, align="left"),
        d.Spacer(0.5),
        d.Table.of(rows, widths_mm=WIDTHS, align=("centre", "centre", "left", "left", "left"),
                   min_row_mm=10.0, size=12.0),
        d.Paragraph("注：群众联系电话仅用于诉求回访，工作室予以保密。", indent=0, align="left", size=10.5),
    ]
    return form_document(store, f"{activity.topic} 签到表", blocks, "签到表")
