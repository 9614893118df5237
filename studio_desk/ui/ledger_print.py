"""打印台账: the rows a ledger page shows now (its filters applied) as an A4 landscape PDF.

The page is printed as the clerk sees it: the same rows in the same order, the columns that are
shown in their order, each cell's text as the table gives it. The heading names the studio, the
ledger and the filters. Citizens' personal data can be masked (as for everything handed on).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Member, Record
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.ui.ledger_filters import filter_specs
from studio_desk.ui.ledger_model import Column, Names
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.tasks import run_task

MAX_PRINT_ROWS = 5000  # a printout longer than ~250 pages is not read; the workbook is the tool
NUMBER_MM = 10.0
READ_CHUNK = 500
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class LedgerView:
    """What a ledger page shows: its title, filters, columns (in view order) and rows (ids)."""

    title: str
    filters: str
    cls: type[Record]
    columns: tuple[Column, ...]
    widths: tuple[int, ...]  # on screen, pixels
    ids: tuple[str, ...]


def view_of(page: Any) -> LedgerView:
    """The view of a :class:`~studio_desk.ui.ledger_page.LedgerPage` as it is on screen now."""
    from studio_desk.ui.ledger_page import PAGE_TITLES

    header = page.table.horizontalHeader()
    shown = [header.logicalIndex(v) for v in range(header.count())]
    shown = [i for i in shown if not header.isSectionHidden(i)]
    return LedgerView(
        title=PAGE_TITLES.get(page.cls, page.cls.TITLE),
        filters=describe_filters(page),
        cls=page.cls,
        columns=tuple(page.model.columns[i] for i in shown),
        widths=tuple(max(30, header.sectionSize(i)) for i in shown),
        ids=tuple(page.model.ids),
    )


def describe_filters(page: Any) -> str:
    """“2026年　类型：集中学习　搜索：学习”, or 全部记录."""
    parts = []
    if page.year_combo.currentData():
        parts.append(page.year_combo.currentText())
        if page.period_combo.currentData():  # a quarter or a month of that year
            parts.append(page.period_combo.currentText())
    if page.incomplete_box is not None and page.incomplete_box.isChecked():
        parts.append("待补全")
    labels = {field: label for label, field in _filter_labels(page)}
    for field, combo in page.filter_combos.items():
        if combo.currentData():
            parts.append(f"{labels.get(field, '')}：{combo.currentText()}".lstrip("："))
    search = page.search.text().strip()
    if search:
        parts.append(f"搜索：{search}")
    return "　".join(parts) if parts else "全部记录"


def _filter_labels(page: Any) -> list[tuple[str, str]]:
    return [(label, field) for label, field, _values in filter_specs(page.store, page.cls)]


def view_rows(store: Store, view: LedgerView, *, mask: bool) -> list[list[str]]:
    """Each row's cell texts, read a chunk at a time in the order shown."""
    from studio_desk.core.masking import mask_record

    if len(view.ids) > MAX_PRINT_ROWS:
        raise StudioDeskError(
            f"当前显示 {len(view.ids):,} 条记录，一次最多打印 {MAX_PRINT_ROWS:,} 条。"
            "请用年度或其他筛选缩小范围；全部记录可以导出 Excel 台账。"
        )
    names = Names(store)
    rows: list[list[str]] = []
    for start in range(0, len(view.ids), READ_CHUNK):
        chunk = view.ids[start : start + READ_CHUNK]
        found = {r.id: r for r in store.get_many(view.cls, chunk)}
        for record_id in chunk:
            record = found.get(record_id)
            if record is None:  # deleted since the page was read: printed as it is now, i.e. not
                continue
            shown = mask_record(record) if mask else record
            rows.append([column.text(shown, names) for column in view.columns])
    return rows


def view_document(store: Store, view: LedgerView, rows: Sequence[Sequence[str]], *, masked: bool,
                  today: date | None = None) -> d.Document:
    from studio_desk.exports.documents.common import day_text, heading_line, studio_name

    setup = d.A4_FORM_LANDSCAPE
    room = setup.block_w_mm - NUMBER_MM
    total = sum(view.widths) or 1
    widths = (NUMBER_MM, *(room * w / total for w in view.widths))
    align = ("centre", *("right" if c.numeric else "left" for c in view.columns))
    table_rows: list[list[d.CellValue]] = [["序号", *(c.header for c in view.columns)]]
    table_rows += [[str(n), *row] for n, row in enumerate(rows, start=1)]
    note = "群众个人信息已隐去。" if masked else ""
    blocks: list[d.Block] = [
        heading_line(store),
        d.Title(view.title, space_after=0.3),
        d.Paragraph(f"筛选：{view.filters}　共 {len(rows):,} 条", indent=0, align="left", size=10.5),
        d.Paragraph(f"打印日期：{day_text(today or date.today())}", indent=0, align="right", size=10.5),
        d.Table.of(table_rows, widths_mm=widths, align=align, size=10.5, note=note),
    ]
    return d.Document(blocks, setup=setup, title=f"{studio_name(store)} {view.title}", author=studio_name(store),
                      subject=view.title)


def write_view(store: Store, view: LedgerView, pdf: Path, *, mask: bool) -> Any:
    """Read, lay out and write the printout (run off the UI thread)."""
    from studio_desk.exports.documents.common import write

    rows = view_rows(store, view, mask=mask)
    return write(view_document(store, view, rows, masked=mask), pdf)


class PrintViewDialog(QDialog):
    """打印: what will be printed (ledger, filters, rows), masking, and 保存为PDF…."""

    def __init__(self, page: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("打印台账")
        self.setObjectName("print_view_dialog")
        self.store: Store = page.store
        self.view = view_of(page)
        self.task: Any = None
        self.written: Path | None = None
        what = QLabel(
            f"打印“{self.view.title}”当前显示的 {len(self.view.ids):,} 条记录（A4 横向 PDF），"
            f"与表格中的顺序和列相同。\n筛选：{self.view.filters}"
        )
        what.setWordWrap(True)
        self.mask_box = QCheckBox("隐去群众个人信息（姓名、电话、身份证号、住址）")
        self.mask_box.setObjectName("mask")
        self.mask_box.setChecked(self.view.cls is not Member)
        self.mask_box.setVisible(self.view.cls is not Member)  # members' own data is never masked
        hint = QLabel("交给县政协或张贴的打印件请保留勾选；自己回访群众用的可以去掉。")
        hint.setProperty("hint", True)
        hint.setWordWrap(True)
        hint.setVisible(self.view.cls is not Member)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("保存为PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save_pdf")
        self.open_button = buttons.addButton("打开PDF", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("open_pdf")
        self.open_button.setEnabled(False)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.choose_and_save)
        self.open_button.clicked.connect(self._open)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (what, self.mask_box, hint, self.status):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        if not self.view.ids:
            self.save_button.setEnabled(False)
            self.status.setText("当前没有显示任何记录，没有可打印的内容。")
        fit_to_screen(self, 560, self.sizeHint().height())

    def default_path(self) -> Path:
        name = _BAD_NAME.sub("", f"{self.view.title}-{self.view.filters}").replace("　", "-")[:80]
        return Path.home() / f"{name}.pdf"

    def choose_and_save(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "保存 PDF", str(self.default_path()), "PDF 文件 (*.pdf)")
        if chosen:
            self.save(Path(chosen))

    def save(self, pdf: Path) -> None:
        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_name(pdf.name + ".pdf")
        store, view, mask = self.store, self.view, self.mask_box.isChecked()
        self.save_button.setEnabled(False)
        self.status.setText("正在生成 PDF……")

        def done(result: Any) -> None:
            self.save_button.setEnabled(True)
            self.written = pdf
            self.open_button.setEnabled(True)
            self.status.setText(f"已保存：{pdf}（{result.pages} 页）")

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(str(exc) if isinstance(exc, StudioDeskError) else "没有保存成功。")

        self.task = run_task(self, "打印台账", lambda _progress: write_view(store, view, pdf, mask=mask),
                             on_done=done, on_error=failed, cancellable=False)

    def _open(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
