"""Sentences of the annual summary in the county write-ups' manner, from the year's figures.

Numbers are written as the seeds write them: ``28000元``, ``1515人次`` (no thousands separators,
no ``.00``); a sum of a million yuan or more that is not a whole number of 万 is given as
``约678万元`` (the 附件 table holds the exact figure). Nothing is counted here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from studio_desk.core.masking import listed_names, mask_free_text
from studio_desk.core.figures import AnnualFigures, DonationEvent, Highlight, LeadAuthor, Rate, TrendYear

# The measure word each kind of output is counted in.
OUTPUT_UNITS = {"提案": "件", "社情民意信息": "条", "会议发言": "篇", "意见建议": "条", "微建议": "条", "调研报告": "篇"}
OUTPUT_WORDS = {"提案": "政协提案", "会议发言": "会议发言", "社情民意信息": "社情民意信息"}
# Bounds that keep a summary a summary (the ledgers list everything).
MAX_AUTHORS = 3
MAX_TOPICS = 5
MAX_DONATION_EVENTS = 6
MAX_HIGHLIGHTS = 12


def number(n: int) -> str:
    return str(n)


def yuan(fen: int) -> str:
    """``28000元``, ``37679.90元``; whole 万 from 10万 up: ``24万元``, ``1300万元``; from a million
    yuan, a sum that is not whole 万: ``约678万元``."""
    wan = 100 * 10_000
    if abs(fen) >= 10 * wan and fen % wan == 0:
        return f"{fen // wan}万元"
    if abs(fen) >= 100 * wan:
        rounded = (Decimal(fen) / wan).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return f"约{rounded}万元"
    if fen % 100 == 0:
        return f"{fen // 100}元"
    return f"{fen // 100}.{fen % 100:02d}元"


def change(current: int, previous: int, unit: str, *, money: bool = False) -> str:
    """``较上年增加5次`` where the figure grew; empty otherwise. The write-ups tell growth and
    leave a fall (or an unchanged figure) unsaid: the figure itself stands, and the 附件 table puts
    last year's beside it."""
    diff = current - previous
    if not previous or diff <= 0:
        return ""
    amount = yuan(diff) if money else f"{diff}{unit}"
    return f"较上年增加{amount}"


_TITLE_START = re.compile(r"^(关于|对于|对|就)")
_TITLE_END = re.compile(r"(的)?(提案|微建议|意见建议|建议|社情民意信息|社情民意|反映|大会发言|发言|调研报告|报告|思考|"
                        r"对策|意见)$")


def topic_of(title: str) -> str:
    """The matter an output is about: ``关于加快文旅产业发展的提案`` → ``加快文旅产业发展``;
    ``在全会上的大会发言：激发民营经济活力`` → ``激发民营经济活力``."""
    text = title.strip().strip("《》“”\"")
    if "：" in text:
        text = text.rsplit("：", 1)[1]
    text = _TITLE_START.sub("", text)
    for _ in range(2):
        text = _TITLE_END.sub("", text).strip()
    return text or title.strip()


def quoted(text: str) -> str:
    """``“…”``, with quotation marks inside turned to single ones (‘…’)."""
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


def _join(parts: Iterable[str]) -> str:
    return "、".join(p for p in parts if p)


_UNIT_ENDS = ("委员", "工作室", "协会", "公司", "单位", "工商联", "商会", "联合会", "委员会", "局", "办", "中心", "社区",
              "学校", "医院", "小组", "界")


def member_name(name: str) -> str:
    """``刘刚委员``; a unit or a group keeps its name."""
    if len(name) <= 4 and not name.endswith(_UNIT_ENDS):
        return f"{name}委员"
    return name


def _kinds(by_kind: dict[str, int]) -> str:
    return _join(f"{OUTPUT_WORDS.get(k, k)}{n}{OUTPUT_UNITS.get(k, '件')}" for k, n in by_kind.items() if n)


def author_sentences(figures: AnnualFigures) -> list[str]:
    """One paragraph: the leading authors each with their kinds and topics (``刘刚委员共提交政协提案
    7件、会议发言4篇，主要涉及文旅产业发展、…等方面``), then the others together, by kind."""
    leads: list[LeadAuthor] = figures.current.lead_authors
    sentences = []
    for lead in leads[:MAX_AUTHORS]:
        topics: list[str] = []
        for title in lead.titles:
            topic = topic_of(title)
            if topic not in topics:
                topics.append(topic)
        shown = _join(topics[:MAX_TOPICS])
        about = f"，主要涉及{shown}{'等' if len(topics) > 1 else ''}方面" if shown else ""
        sentences.append(f"{member_name(lead.name)}共提交{_kinds(lead.by_kind)}{about}。")
    rest = leads[MAX_AUTHORS:]
    if rest:
        summed: dict[str, int] = {}
        for lead in rest:
            for kind, n in lead.by_kind.items():
                summed[kind] = summed.get(kind, 0) + n
        shown = rest[:4]
        more = "等" if len(rest) > 4 else ""
        if all(member_name(a.name) != a.name for a in shown):  # people: “周勇、张伟委员”
            who = _join(a.name for a in shown) + more + "委员"
        else:
            who = _join(member_name(a.name) for a in shown) + more
        sentences.append(f"此外，{who}还提交了{_kinds(summed)}。")
    return ["".join(sentences)] if sentences else []


def _items(event: DonationEvent) -> str:
    return _join(event.items[:4])


def donation_sentence(event: DonationEvent) -> str:
    """One sentence per event, as seed 000 tells them (a citizen's name, phone or ID number typed
    into the donor, the recipients or an item is masked: the summary is for the county)."""
    recipients = mask_free_text(event.recipients, listed_names(event.recipients))  # "李桂兰" alone too
    event = dataclasses.replace(event, donor=mask_free_text(event.donor), recipients=recipients,
                                items=[mask_free_text(item) for item in event.items])
    month = f"{event.date.month}月"
    people = f"{event.people}名" if event.people else ""
    goods = _items(event)
    if event.category == "慰问":
        text = f"{month}，{event.donor}慰问{event.recipients}{people}"
        if event.cash_fen:
            text += f"，送去慰问金{yuan(event.cash_fen)}"
        if goods:
            text += f"，发放{goods}"
        if event.in_kind_fen:
            text += f"，价值{yuan(event.in_kind_fen)}"
        return text + "。"
    text = f"{month}，{event.donor}向{event.recipients}{people}"
    parts = []  # 捐赠 said once: ``捐赠现金6000元和书包54个，价值4590元``
    if event.cash_fen:
        parts.append(f"现金{yuan(event.cash_fen)}")
    if goods or event.in_kind_fen:
        value = f"，价值{yuan(event.in_kind_fen)}" if event.in_kind_fen else ""
        parts.append(f"{goods or '物资'}{value}")
    return text + ("捐赠" + "和".join(parts) if parts else "开展捐赠") + "。"


def donation_sentences(figures: AnnualFigures) -> list[str]:
    """The notable events (the largest, told in date order), then what the rest add up to."""
    events = figures.current.donation_events
    if not events:
        return []
    chosen = sorted(sorted(events, key=lambda e: (-e.total_fen, -e.people))[:MAX_DONATION_EVENTS],
                    key=lambda e: (e.date, e.record_id))
    text = [donation_sentence(e) for e in chosen]
    rest = [e for e in events if e not in chosen]
    if rest:
        total = sum(e.total_fen for e in rest)
        people = sum(e.people for e in rest)
        tail = f"此外，还开展捐赠慰问{len(rest)}次"
        tail += f"，合计{yuan(total)}" if total else ""
        tail += f"，惠及群众{people}人" if people else ""
        text.append(tail + "。")
    return ["".join(text)]


def outcome_words(h: Highlight) -> str:
    parts = []
    if h.public_count:
        parts.append(f"带动群众{h.public_count}人次参与")
    if h.economic_fen:
        parts.append(f"促成经济成效{yuan(h.economic_fen)}")
    if h.beneficiaries:
        parts.append(f"惠及群众{h.beneficiaries}人")
    return "，".join(parts)


def _kind_of(type_name: str, topic: str) -> str:
    """The activity type before a topic, unless the topic already says it (``开展“…专题培训”``,
    not ``开展专题培训“…专题培训”``)."""
    tail = topic.rstrip("”’")[-3:]
    pairs = {type_name[i:i + 2] for i in range(len(type_name) - 1)}
    return "" if any(p in tail for p in pairs) else type_name


def highlight_sentences(figures: AnnualFigures) -> list[str]:
    """``6月，开展“…”，带动群众1000人次参与，促成经济成效1300万元。`` + the clerk's note."""
    chosen = figures.current.highlights
    if len(chosen) > MAX_HIGHLIGHTS:  # spread over the year; the ledger lists them all
        n = len(chosen)
        chosen = [chosen[i * n // MAX_HIGHLIGHTS] for i in range(MAX_HIGHLIGHTS)]
    out = []
    for h in chosen:
        text = f"{h.date.month}月，开展{_kind_of(h.type, h.topic)}{quoted(h.topic)}"
        outcome = outcome_words(h)
        if outcome:
            text += f"，{outcome}"
        note = mask_free_text(h.note.strip())
        if note:
            text += f"。{note}"
        out.append(text if text[-1] in "。！？”" else text + "。")
    rest = len(figures.current.highlights) - len(chosen)
    if rest > 0:
        out.append(f"此外还有{rest}项特色活动，详见活动台账。")
    return out


def economic_sources(figures: AnnualFigures, limit: int = 3) -> str:
    """The activities that brought the most 经济成效, as seed 000 names events with their outcome:
    ``来自1月的“招商引资项目签约仪式”（285万元）和11月的“…”（58万元）`` when they make up the
    whole sum; else ``其中1月的“…”285万元、…``; empty when no activity brought any."""
    events = [e for e in figures.current.economic_events if e.economic_fen > 0][:max(limit, 0)]
    if not events:
        return ""
    named = [f"{e.date.month}月的{quoted(e.topic)}" for e in events]
    if sum(e.economic_fen for e in events) == figures.current.economic_fen:
        if len(events) == 1:
            return f"全部来自{named[0]}"
        each = [f"{n}（{yuan(e.economic_fen)}）" for n, e in zip(named, events)]
        return f"来自{_join(each[:-1])}和{each[-1]}"
    return "其中" + _join(f"{n}{yuan(e.economic_fen)}" for n, e in zip(named, events))


RATE_NAMES = (("participation", "委员参与率"), ("conversion", "成果转化率"), ("recognition", "群众认可率"),
              ("close", "办结率"))


def trend_sentence(trend: list[TrendYear]) -> str:
    """The rates that rose, as seed 003 tells them: ``委员参与率、成果转化率分别由2021年的60%、40%
    增至2025年的92%、91%``; over one year ``与上年相比，办结率由95%提高到97.5%``. A rate that fell
    or stayed is left to the 附件 table; nothing when none rose."""
    if len(trend) < 2:
        return ""
    first, last = trend[0], trend[-1]
    names, before, after = [], [], []
    for key, label in RATE_NAMES:
        a, b = getattr(first, key), getattr(last, key)
        if a.value is None or b.value is None or b.value <= a.value:
            continue
        names.append(label)
        before.append(a.percent_text())
        after.append(b.percent_text())
    if not names:
        return ""
    each = "分别" if len(names) > 1 else ""
    if last.year - first.year == 1:
        return f"与上年相比，{_join(names)}{each}由{_join(before)}提高到{_join(after)}。"
    return f"{_join(names)}{each}由{first.year}年的{_join(before)}增至{last.year}年的{_join(after)}。"


def rate_text(rate: Rate) -> str:
    return rate.percent_text()


def top_items(mapping: dict[str, int], unit: str, limit: int = 3, skip: tuple[str, ...] = ("其他",)) -> str:
    """``就业创业12件、医疗卫生9件、教育8件等`` — the few that carry the story."""
    items = [(k, n) for k, n in sorted(mapping.items(), key=lambda kv: -kv[1])
             if n and k not in skip and not k.startswith("未填")]
    shown = _join(f"{k}{n}{unit}" for k, n in items[:limit])
    return shown + ("等" if len(items) > limit else "") if shown else ""


def outstanding_members(figures: AnnualFigures, top: int = 3) -> str:
    """``刘刚、王建国、李秀英`` — the members with the most 履职积分 (none when nobody has any)."""
    rows = [r for r in figures.current.ranking if r.points > 0][:top]
    return _join(r.name for r in rows)
