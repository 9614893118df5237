"""``studio-desk print signin|notice|rota|receipt|dossier|poster …``: the printable paperwork."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from studio_desk.commands import open_store
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Donation, Member, Record
from studio_desk.core.store import Store

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SHORT = re.compile(r"^[0-9a-f]{8}[0-9a-f-]{0,27}$")  # the first 8 or more characters of 记录编号
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
SHORT_ID = 8
LISTED = 12

KINDS = {
    "signin": "活动签到表（参加委员与群众空行，姓名、单位、电话、签名）",
    "notice": "委员接待日公示（近期接待日与接待委员，张贴用）",
    "rota": "委员接待日排班表（某年全部接待日、值班委员、来访人次）",
    "receipt": "捐赠慰问物资签收单（回执）",
    "dossier": "委员履职档案（某年或一届，一人或全体）",
    "poster": "扫码找委员海报（二维码：工作室电话或线上渠道）",
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    kinds = "\n".join(f"  {k:<8}{v}" for k, v in KINDS.items())
    p = sub.add_parser(
        "print",
        parents=[common],
        help="生成可打印的文档：签到表、接待日公示和排班表、签收单、履职档案、扫码海报",
        description=f"生成 A4 PDF 文档（除海报外也可写成 Word 文档）。文档种类：\n{kinds}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("kind", choices=list(KINDS), metavar="种类", help="、".join(KINDS))
    p.add_argument("--pdf", type=Path, default=None, help="写出 PDF 到此文件（默认：当前文件夹，按文档命名）")
    p.add_argument("--docx", type=Path, default=None, help="同时写出 Word 文档到此文件（海报除外）")
    p.add_argument("--activity", default=None, help="签到表：活动的记录编号（前 8 位即可），或主题中的词")
    p.add_argument("--date", default=None, help="签到表、签收单：按日期找活动或捐赠慰问，如 2026-06-29")
    p.add_argument("--rows", type=int, default=20, help="签到表：给群众留的空行数（默认 20）")
    p.add_argument("--donation", default=None, help="签收单：捐赠慰问的记录编号（前 8 位即可），或捐赠方/受助对象中的词")
    p.add_argument("--no-value", action="store_true", help="签收单：不印物资价值")
    p.add_argument("--member", default=None, help="履职档案：委员姓名或记录编号前 8 位（默认：全体委员）")
    p.add_argument("--year", default=str(date.today().year), help="年度，如 2025；履职档案也可写一届，如 2023-2027")
    p.add_argument("--count", type=int, default=6, help="公示：列出今后几次接待日（默认 6）")
    p.add_argument("--link", default=None, help="海报：二维码的内容（线上渠道的网址；默认：工作室电话）")
    p.add_argument("--label", default="", help="海报：二维码下的说明文字")
    p.add_argument("--today", default=None, help=argparse.SUPPRESS)  # tests: a fixed day
    p.set_defaults(run=run_print)


def _listing(records: list[Record]) -> str:
    """One line per record: its short number (the first 8 characters of 记录编号), date and name."""
    lines = [f"  {r.id[:SHORT_ID]}  {str(getattr(r, 'date', '') or ''):<10}  {r.display_name()[:30]}" for r in records[:LISTED]]
    more = f"\n  ……共 {len(records)} 条" if len(records) > LISTED else ""
    return "\n".join(lines) + more


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise StudioDeskError(f"日期“{text}”看不懂，请写成 2026-06-29。") from exc


def _candidates(store: Store, cls: type[Record], text: str, on: date | None) -> list[Record]:
    """Records matching a full 记录编号, its first 8+ characters, or words, on the day if given."""
    span = (on, on) if on else None
    lowered = text.lower()
    if _UUID.match(lowered):
        found = store.find(cls, lowered)
        return [found] if found is not None and not found.deleted and (on is None or getattr(found, "date", None) == on) else []
    if _SHORT.match(lowered):
        ids = [i for i in store.query_ids(cls, date_range=span) if i.startswith(lowered)]
        if ids:
            return list(store.get_many(cls, ids))
    if not text:
        return list(store.list_records(cls, date_range=span))
    return list(store.list_records(cls, search=text, date_range=span))


def _pick(store: Store, cls: type[Record], text: str | None, what: str, option: str, on: date | None = None) -> Record:
    """The one record the clerk means; several or none get a list of what there is to choose."""
    text = (text or "").strip()
    hint = f"请用 {option} 写记录编号的前 8 位（或其中的词）" + ("，或用 --date 写日期" if cls is not Member else "")
    if not text and on is None:
        recent = list(store.list_records(cls))
        listed = f"：\n{_listing(recent)}" if recent else "。"
        raise StudioDeskError(f"请指明哪一条{what}。{hint}{listed}")
    matches = _candidates(store, cls, text, on)
    said = "、".join(x for x in (f"“{text}”" if text else "", f"日期 {on}" if on else "") if x)
    if not matches:
        raise StudioDeskError(f"没有找到符合{said}的{what}。{hint}。")
    if len(matches) > 1:
        raise StudioDeskError(
            f"符合{said}的{what}有 {len(matches)} 条，请写得更具体（{hint}）：\n{_listing(matches)}"
        )
    return matches[0]


def _today(args: argparse.Namespace) -> date:
    if args.today:
        try:
            return date.fromisoformat(args.today)
        except ValueError as exc:
            raise StudioDeskError(f"日期“{args.today}”看不懂，请写成 2026-05-15。") from exc
    return date.today()


def _build(store: Store, args: argparse.Namespace, today: date) -> tuple[object, str]:
    """The document and its default file name."""
    from studio_desk.commands.export import parse_years
    from studio_desk.exports.documents import dossier, poster, receipt, rota_notice, signin

    kind = args.kind
    if kind == "signin":
        act = _pick(store, Activity, args.activity, "活动", "--activity", _parse_day(args.date))
        assert isinstance(act, Activity)
        if not 0 <= args.rows <= signin.MAX_PUBLIC_ROWS:
            raise StudioDeskError(f"空行数应在 0 到 {signin.MAX_PUBLIC_ROWS} 之间。")
        return signin.signin_document(store, act, args.rows), f"签到表-{act.date}-{act.topic[:20]}"
    if kind == "notice":
        if not 1 <= args.count <= 24:
            raise StudioDeskError("公示的接待日次数应在 1 到 24 之间。")
        return rota_notice.notice_document(store, today, args.count), f"委员接待日公示-{today}"
    if kind == "rota":
        first, last = parse_years(args.year)
        if first != last:
            raise StudioDeskError("排班表按单一年度生成，请用 --year 写一个年度。")
        return rota_notice.rota_document(store, first, today), f"{first}年委员接待日排班表"
    if kind == "receipt":
        don = _pick(store, Donation, args.donation, "捐赠慰问记录", "--donation", _parse_day(args.date))
        assert isinstance(don, Donation)
        return receipt.receipt_document(store, don, show_value=not args.no_value), f"签收单-{don.date}-{don.donor[:16]}"
    if kind == "dossier":
        from studio_desk.core.dossier import member_dossiers

        first, last = parse_years(args.year)
        ids = None
        who = "全体委员"
        if args.member:
            member = _pick(store, Member, args.member, "委员", "--member")
            ids, who = [member.id], member.display_name()
        span = f"{first}" if first == last else f"{first}-{last}"
        return dossier.dossier_document(store, member_dossiers(store, first, last, ids), today), f"履职档案-{who}-{span}"
    return poster.poster_document(store, today, args.link, args.label), "扫码找委员海报"


def run_print(args: argparse.Namespace) -> int:
    from studio_desk.exports.documents.common import write

    if args.kind == "poster" and args.docx:
        raise StudioDeskError("海报只生成 PDF（二维码需按原样打印）。")
    today = _today(args)
    with open_store(args, create=False) as store:
        doc, default_name = _build(store, args, today)
        pdf = args.pdf
        if pdf is None:  # the PDF is always written; --docx adds the Word file beside it
            pdf = Path.cwd() / (_BAD_NAME.sub("", default_name).strip() + ".pdf")
        written = write(doc, pdf, args.docx)  # type: ignore[arg-type]
    for path in written.paths:
        print(f"已生成：{path.resolve()}")
    if written.pages:
        print(f"PDF 共 {written.pages} 页。")
    for warning in written.warnings:
        print(f"提示：{warning}")
    return 0

