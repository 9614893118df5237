"""回执/签收单 for a donation or relief visit: who gave, who received (and how many), the items with
quantity, unit and value (the value can be left off the printout), the cash, the total, and lines
for the signatures and dates of both sides and of the studio's handler."""

from __future__ import annotations

from decimal import Decimal

from studio_desk.core.models import Donation
from studio_desk.core.money import format_fen
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.documents.common import day_text, form_document, heading_line

SIGN = "________________"
DATE_BLANK = "______年____月____日"


def _quantity(q: Decimal | None) -> str:
    if q is None:
        return ""
    text = format(q, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def receipt_document(store: Store, donation: Donation, *, show_value: bool = True) -> d.Document:
    word = "慰问" if donation.category == "慰问" else "捐赠"
    members = "、".join(store.member_names(donation.member_ids))
    facts = [
        f"日期：{day_text(donation.date)}",
        f"{'慰问方' if word == '慰问' else '捐赠方'}：{donation.donor}" + (f"（关联委员：{members}）" if members else ""),
        f"受助对象：{donation.recipients}" + (f"（{donation.recipient_count}人）" if donation.recipient_count else ""),
    ]
    header = ["序号", "物资名称", "数量", "单位"] + (["价值(元)"] if show_value else [])
    rows: list[list[d.CellValue]] = [header]
    for i, item in enumerate(donation.items, start=1):
        row = [str(i), item.name, _quantity(item.quantity), item.unit]
        rows.append(row + ([format_fen(item.value_fen)] if show_value else []))
    n = len(donation.items)
    if donation.cash_fen:
        cash = format_fen(donation.cash_fen)
        rows.append([str(n + 1), "现金", cash if not show_value else "", "元"] + ([cash] if show_value else []))
    if show_value:
        rows.append([d.Cell("合计", bold=True, colspan=4), d.Cell(format_fen(donation.total_fen), bold=True, align="right")])
        widths: tuple[float, ...] = (14, 66, 30, 20, 40)
        align: tuple[str, ...] = ("centre", "left", "right", "centre", "right")
    else:
        widths, align = (16, 90, 36, 28), ("centre", "left", "right", "centre")
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(f"{word}物资签收单（回执）", space_after=0.5),
        *[d.Paragraph(line, indent=0, align="left") for line in facts],
        d.Spacer(0.5),
        d.Table.of(rows, widths_mm=widths, align=align, min_row_mm=9.0, size=12.0),
        d.Spacer(0.5),
        d.Paragraph(f"以上{'慰问' if word == '慰问' else '捐赠'}物资已如数收到。", indent=2, align="left"),
        d.Spacer(1),
        d.Paragraph(f"{'慰问方' if word == '慰问' else '捐赠方'}（签字/盖章）：{SIGN}　日期：{DATE_BLANK}", indent=0, align="left"),
        d.Spacer(0.5),
        d.Paragraph(f"接收方（签字/盖章）：{SIGN}　日期：{DATE_BLANK}", indent=0, align="left"),
        d.Spacer(0.5),
        d.Paragraph(
            f"经手人（签字）：{donation.handler or SIGN}　日期：{DATE_BLANK}", indent=0, align="left"
        ),
    ]
    return form_document(store, f"{word}物资签收单", blocks, "签收单")
