"""委员: the roster, and beside it the selected member's record of the year.

The counts and points come from ``year_figures`` (the ranking the PDF shows); the lists are
that member's activities, visits, outputs and donations of the year.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QWidget

from studio_desk.core.figures import MemberPoints, YearFigures, year_figures
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception
from studio_desk.core.store import Store
from studio_desk.ui.ledger_page import LedgerPage
from studio_desk.ui.operations import Operations
from studio_desk.ui.tasks import BackgroundReader, run_quietly


@dataclass
class MemberYear:
    """One year of the studio, indexed by member."""

    year: int
    figures: YearFigures
    lines: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def points(self, member_id: str) -> MemberPoints | None:
        return next((p for p in self.figures.ranking if p.member_id == member_id), None)


def member_year(store: Store, year: int) -> MemberYear:
    out = MemberYear(year, year_figures(store, year))

    def add(member_id: str | None, section: str, text: str) -> None:
        if member_id:
            out.lines.setdefault(member_id, {}).setdefault(section, []).append(text)

    for a in store.list_records(Activity, year=year):
        for m in a.member_ids:
            add(m, "活动", f"{a.date}　{a.type}　{a.topic}")
    for r in store.list_records(Reception, year=year):
        for m in r.member_ids:
            add(m, "接待走访", f"{r.date}　{r.mode}　{r.request_content.strip()[:30]}　{r.status}")
    for p in store.list_records(Proposal, year=year):
        if not p.is_output:
            continue
        for i, a in enumerate(p.authors):
            role = "第一提出人" if i == 0 else "联名"
            add(a.member_id, "提案建议", f"{p.submitted_on or ''}　{p.category}　{p.title}（{role}）　{p.status}")
    for d in store.list_records(Donation, year=year):
        for m in d.member_ids:
            add(m, "捐赠慰问", f"{d.date}　{d.category}　{d.recipients}")
    return out


class MemberPage(LedgerPage, BackgroundReader):
    def __init__(self, store: Store, ops: Operations, parent: QWidget | None = None):
        self._cache: MemberYear | None = None
        self._runner = None
        self._wanted: tuple[int, str] | None = None
        self._shut = False
        super().__init__(store, Member, ops, parent)
        self.detail = QTextBrowser()
        self.detail.setObjectName("member_detail")
        self.detail.setOpenLinks(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("member_splitter")
        self.layout().removeWidget(self.stack)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.layout().addWidget(self.splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.detail.setHtml("<p style='color:#777'>在左边选一位委员，这里显示他（她）本年度的履职情况。</p>")

    def refresh(self) -> None:
        self._cache = None
        super().refresh()
        if self.isVisible():
            self.show_detail()

    def apply_filters(self) -> None:
        super().apply_filters()
        if hasattr(self, "detail"):
            self.show_detail()

    def detail_year(self) -> int:
        return int(self.year_combo.currentData() or date.today().year)

    def show_detail(self) -> None:
        ids = self.selected_ids()
        index = self.table.currentIndex()
        if not ids and index.isValid():
            ids = [self.model.ids[index.row()]]
        if not ids:
            return
        year = self.detail_year()
        self._wanted = (year, ids[0])
        if self._cache is not None and self._cache.year == year:
            self._render()
            return
        if self._shut:
            return
        if self._runner is not None:
            return  # the running computation renders the wanted member when it ends
        self.detail.setHtml("<p>正在统计……</p>")
        store = self.reader()
        self._runner = run_quietly(self, lambda: member_year(store, year), self._computed, self._failed)

    def shutdown(self) -> None:
        super().shutdown()  # the roster's own search box
        self.stop_background()

    def is_busy(self) -> bool:
        return self._runner is not None

    def _failed(self, exc: BaseException) -> None:
        self._runner = None
        if self._shut:
            return
        self.detail.setHtml(f"<p>统计失败：{html.escape(str(exc))}</p>")

    def _computed(self, result: MemberYear) -> None:
        self._runner = None
        if self._shut:
            return
        self._cache = result
        if self._wanted and self._wanted[0] != result.year:
            self.show_detail()
        else:
            self._render()

    def _render(self) -> None:
        assert self._cache is not None and self._wanted is not None
        member = self.store.find(Member, self._wanted[1])
        if member is None:
            return
        year = self._cache.year
        e = html.escape
        parts = [f"<h3>{e(member.name)}　<small>{e(member.role)}</small></h3>"]
        party = member.party if member.party != member.sector else ""  # 无党派人士 said once
        facts = [x for x in (party, member.sector, member.level and f"{member.level}政协委员", member.employer) if x]
        if facts:
            parts.append(f"<p>{e('，'.join(facts))}</p>")
        points = self._cache.points(member.id)
        if points is None:
            parts.append(f"<p>{year}年不在工作室名册中。</p>")
        else:
            parts.append(
                f"<p><b>{year}年履职积分 {points.points} 分，排名第 {points.rank} 名</b>"
                f"（共 {len(self._cache.figures.ranking)} 人）</p>"
                "<table cellspacing=0 cellpadding=3 border=1 style='border-collapse:collapse'>"
                "<tr><th>参加活动</th><th>接待走访</th><th>提案</th><th>社情民意</th>"
                "<th>会议发言</th><th>其他建议</th><th>捐赠慰问</th></tr>"
                f"<tr align=center><td>{points.activities}</td><td>{points.receptions}</td>"
                f"<td>{points.proposals}</td><td>{points.social_info}</td><td>{points.speeches}</td>"
                f"<td>{points.other_outputs}</td><td>{points.donations}</td></tr></table>"
            )
        lines = self._cache.lines.get(member.id, {})
        for section in ("活动", "接待走访", "提案建议", "捐赠慰问"):
            items = lines.get(section, [])
            parts.append(f"<h4>{section}（{len(items)}）</h4>")
            if items:
                parts.append("<ul>" + "".join(f"<li>{e(t)}</li>" for t in items[:200]) + "</ul>")
            else:
                parts.append("<p style='color:#777'>本年度没有记录。</p>")
        self.detail.setHtml("".join(parts))
