"""扫码找委员: an A4 poster with a QR code (segno, made offline) that opens the studio's phone or an
online channel the clerk types in, with the studio's name, contact, and the next reception days."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

from studio_desk.core import rota
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member, ReceptionDay
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.documents.common import form_document, studio_name

MAX_LINK = 400  # a longer text makes a QR code too dense to scan from a wall


def qr_target(store: Store, link: str | None) -> str:
    """What the QR code holds: the channel the clerk typed, else the studio's phone (``tel:``)."""
    text = (link or "").strip()
    if not text:
        phone = "".join(ch for ch in store.studio().phone if ch.isdigit() or ch == "+")
        if not phone:
            raise StudioDeskError("工作室还没有填写联系电话。请先在“工作室信息”中填写，或写上线上渠道的网址。")
        return f"tel:{phone}"
    if len(text) > MAX_LINK:
        raise StudioDeskError(f"二维码内容太长（{len(text)} 个字符），请用不超过 {MAX_LINK} 个字符的网址。")
    if any(ord(ch) < 32 for ch in text):
        raise StudioDeskError("二维码内容含有不可见的控制字符，请重新输入。")
    return text


def qr_png(text: str, scale: int = 16) -> bytes:
    import segno

    code = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def _days_lines(store: Store, coming: list[ReceptionDay]) -> list[str]:
    """When the reception days are held (the rule, if there is one) and the next few dates."""
    by = rota.rule(store)
    hours = coming[0].hours if coming[0].hours and len({x.hours for x in coming}) == 1 else ""
    days = "、".join(f"{day.date.month}月{day.date.day}日" for day in coming if day.date)
    if by is None:
        return [f"近期委员接待日：{days}" + (f"（{hours}）" if hours else "")]
    return [f"委员接待日：{by.text()}" + (f"　{hours}" if hours else ""), f"近期接待日：{days}"]


def poster_document(store: Store, today: date, link: str | None = None, label: str = "") -> d.Document:
    target = qr_target(store, link)
    studio = store.studio()
    name = studio_name(store)
    members = [m for m in store.list_records(Member) if not m.left_on or m.left_on >= today]
    hint = label.strip() or ("手机扫码，直接拨打工作室电话" if target.startswith("tel:") else "手机扫码，在线反映诉求")
    blocks: list[d.Block] = [
        d.Spacer(1),
        d.Title("扫码找委员", size=44, space_after=0.5),
        d.Paragraph(name, indent=0, align="centre", role="hei", size=24),
        d.Spacer(1),
        d.Paragraph("有困难、有诉求、有建议，请找政协委员", indent=0, align="centre", size=18),
        d.Spacer(0.5),
        d.Image(qr_png(target), width_mm=105, caption=hint),
        d.Spacer(0.5),
    ]
    if studio.phone:
        blocks.append(d.Paragraph(f"联系电话：{studio.phone}", indent=0, align="centre", role="hei", size=20))
    if studio.address:
        blocks.append(d.Paragraph(f"地址：{studio.address}", indent=0, align="centre", size=15))
    coming = rota.upcoming(store, today, 3)
    if coming:
        blocks += [d.Spacer(0.5), *[d.Paragraph(line, indent=0, align="centre", size=15) for line in _days_lines(store, coming)]]
    if members:
        blocks += [d.Spacer(0.5), d.Paragraph("工作室委员：" + "、".join(m.name for m in members[:16]), indent=0,
                                              align="centre", size=12)]
    doc = form_document(store, f"{name}扫码找委员", blocks, "扫码找委员")
    doc.setup = dataclasses.replace(doc.setup, folio="")  # a poster has no page number
    return doc
