"""打印文档: the printable paperwork from the 报表 page — 签到表, 委员接待日公示 and 排班表, 签收单,
履职档案, the 扫码找委员 poster. The same builders as ``studio-desk print`` make each document; it is
written in the background, then offered to open."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import rota
from studio_desk.core.models import Activity, Donation, Member
from studio_desk.core.store import Store
from studio_desk.ui.tasks import run_task
from studio_desk.ui.wheel_guard import guard_wheel

KINDS = (
    ("signin", "活动签到表"),
    ("notice", "委员接待日公示"),
    ("rota", "委员接待日排班表"),
    ("receipt", "物资签收单（回执）"),
    ("dossier", "委员履职档案"),
    ("poster", "扫码找委员海报"),
)
_BAD_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class PrintDialog(QDialog):
    def __init__(self, store: Store, year: int, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle("打印文档")
        self.store, self.year, self.today = store, year, today or date.today()
        self.task: Any = None
        self.written: list[Path] = []
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, label in KINDS:
            self.kind.addItem(label, key)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._signin_page())
        self.pages.addWidget(self._notice_page())
        self.pages.addWidget(self._rota_page())
        self.pages.addWidget(self._receipt_page())
        self.pages.addWidget(self._dossier_page())
        self.pages.addWidget(self._poster_page())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.with_docx = QCheckBox("同时生成 Word 文档（.docx），便于修改")
        self.with_docx.setObjectName("with_docx")
        buttons = QDialogButtonBox()
        self.make_button = buttons.addButton("生成…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.make_button.setObjectName("make")
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.make_button.clicked.connect(self.choose_and_write)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("文档", self.kind)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(self.with_docx)
        layout.addWidget(buttons)
        self.resize(560, 300)
        guard_wheel(self)

    def _signin_page(self) -> QWidget:
        page, form = _form_page()
        self.activity = QComboBox()
        self.activity.setObjectName("activity")
        for a in self.store.list_records(Activity, year=self.year):
            self.activity.addItem(f"{a.date}  {a.topic[:30]}", a.id)
            self.activity.setItemData(self.activity.count() - 1, _number_tip(a.id, "--activity"), Qt.ItemDataRole.ToolTipRole)
        self.rows = QSpinBox()
        self.rows.setRange(0, 500)
        self.rows.setValue(20)
        form.addRow("活动", self.activity)
        form.addRow("群众空行", self.rows)
        return page

    def _notice_page(self) -> QWidget:
        page, form = _form_page()
        self.count = QSpinBox()
        self.count.setRange(1, 24)
        self.count.setValue(6)
        form.addRow("列出今后", self.count)
        form.addRow("", QLabel(rota.next_day_line(self.store, self.today)))
        return page

    def _rota_page(self) -> QWidget:
        page, form = _form_page()
        form.addRow("", QLabel(f"{self.year}年全部委员接待日、值班委员和来访人次。"))
        return page

    def _receipt_page(self) -> QWidget:
        page, form = _form_page()
        self.donation = QComboBox()
        self.donation.setObjectName("donation")
        for g in self.store.list_records(Donation, year=self.year):
            self.donation.addItem(f"{g.date}  {g.category}  {g.display_name()[:30]}", g.id)
            self.donation.setItemData(self.donation.count() - 1, _number_tip(g.id, "--donation"), Qt.ItemDataRole.ToolTipRole)
        self.show_value = QCheckBox("印出物资价值和合计")
        self.show_value.setChecked(True)
        form.addRow("捐赠慰问", self.donation)
        form.addRow("", self.show_value)
        return page

    def _dossier_page(self) -> QWidget:
        page, form = _form_page()
        self.member = QComboBox()
        self.member.setObjectName("member")
        self.member.addItem("全体委员（每人一份，合成一个文件）", "")
        for m in self.store.list_records(Member):
            self.member.addItem(m.name, m.id)
        self.first_year = QSpinBox()
        self.first_year.setRange(1949, 2100)
        self.first_year.setValue(self.year)
        form.addRow("委员", self.member)
        form.addRow("从哪一年起", self.first_year)
        form.addRow("", QLabel(f"到 {self.year} 年（一届可选五年）"))
        return page

    def _poster_page(self) -> QWidget:
        page, form = _form_page()
        self.link = QLineEdit()
        self.link.setObjectName("link")
        self.link.setPlaceholderText("留空则二维码为工作室电话；也可填公众号、小程序等网址")
        self.label = QLineEdit()
        self.label.setPlaceholderText("二维码下的说明（可不填）")
        form.addRow("二维码内容", self.link)
        form.addRow("说明", self.label)
        return page

    def _kind_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        is_poster = self.kind.currentData() == "poster"
        self.with_docx.setEnabled(not is_poster)
        if is_poster:
            self.with_docx.setChecked(False)

    def choose(self, kind: str, record_id: str | None = None) -> None:
        """Show ``kind`` with ``record_id`` (an activity or a donation) chosen."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        combo = {"signin": self.activity, "receipt": self.donation}.get(kind)
        if combo is not None and record_id:
            combo.setCurrentIndex(max(combo.findData(record_id), 0))

    def build(self) -> tuple[Any, str]:
        """The chosen document and its default file name (raises a Chinese error when it cannot)."""
        from studio_desk.core.dossier import member_dossiers
        from studio_desk.core.errors import StudioDeskError
        from studio_desk.exports.documents import dossier, poster, receipt, rota_notice, signin

        kind = self.kind.currentData()
        if kind == "signin":
            if not self.activity.currentData():
                raise StudioDeskError(f"{self.year}年还没有活动记录。")
            act = self.store.get(Activity, self.activity.currentData())
            return signin.signin_document(self.store, act, self.rows.value()), f"签到表-{act.date}-{act.topic[:20]}"
        if kind == "notice":
            return rota_notice.notice_document(self.store, self.today, self.count.value()), f"委员接待日公示-{self.today}"
        if kind == "rota":
            return rota_notice.rota_document(self.store, self.year, self.today), f"{self.year}年委员接待日排班表"
        if kind == "receipt":
            if not self.donation.currentData():
                raise StudioDeskError(f"{self.year}年还没有捐赠慰问记录。")
            gift = self.store.get(Donation, self.donation.currentData())
            doc = receipt.receipt_document(self.store, gift, show_value=self.show_value.isChecked())
            return doc, f"签收单-{gift.date}-{gift.donor[:16]}"
        if kind == "dossier":
            first = min(self.first_year.value(), self.year)
            ids = [self.member.currentData()] if self.member.currentData() else None
            who = self.member.currentText() if ids else "全体委员"
            doc = dossier.dossier_document(self.store, member_dossiers(self.store, first, self.year, ids), self.today)
            return doc, f"履职档案-{who}-{first}" + (f"-{self.year}" if first != self.year else "")
        doc = poster.poster_document(self.store, self.today, self.link.text(), self.label.text())
        return doc, "扫码找委员海报"

    def choose_and_write(self) -> None:
        from studio_desk.core.errors import StudioDeskError
        from studio_desk.ui.tasks import show_error

        try:
            doc, name = self.build()
        except StudioDeskError as exc:
            QMessageBox.warning(self, "打印文档", str(exc))
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, "打印文档", exc)
            return
        default = str(Path.home() / (_BAD_NAME.sub("", name).strip() + ".pdf"))
        chosen, _ = QFileDialog.getSaveFileName(self, "保存 PDF", default, "PDF 文件 (*.pdf)")
        if not chosen:
            return
        self.write(doc, Path(chosen))

    def write(self, doc: Any, pdf: Path) -> None:
        from studio_desk.exports.documents.common import write

        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_name(pdf.name + ".pdf")
        docx = pdf.with_suffix(".docx") if self.with_docx.isChecked() else None
        self.task = run_task(self, "正在生成文档", lambda _progress: write(doc, pdf, docx),
                             on_done=self._written, cancellable=False)

    def _written(self, result: Any) -> None:
        self.written = list(result.paths)
        names = "\n".join(str(p) for p in self.written)
        box = QMessageBox(self)
        box.setWindowTitle("打印文档")
        box.setText(f"已生成：\n{names}")
        open_button = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _r: box.clickedButton() is open_button
            and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written[0])))
        )
        box.open()


def _number_tip(record_id: str, option: str) -> str:
    """The record's short number, as the command line takes it (``print … --activity 1a2b3c4d``)."""
    return f"记录编号 {record_id[:8]}（命令行：{option} {record_id[:8]}）"


def _form_page() -> tuple[QWidget, QFormLayout]:
    page = QWidget()
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    return page, form


def add_record_print_button(page: Any, store: Store) -> QPushButton | None:
    """On the 活动 page 打印签到表…, on the 捐赠慰问 page 打印签收单…: the print dialog for the
    selected record (added to a ledger page's ``extra_actions`` row)."""
    from studio_desk.ui.ledger_page import LedgerPage

    kinds = {Activity: ("signin", "打印签到表…"), Donation: ("receipt", "打印签收单…")}
    if not isinstance(page, LedgerPage) or page.cls not in kinds:
        return None
    kind, text = kinds[page.cls]
    button = QPushButton(text)
    button.setObjectName("print_record")

    def open_dialog() -> None:
        ids = page.selected_ids()
        record = store.find(page.cls, ids[0]) if ids else None
        year = record.year() if record is not None and record.year() else date.today().year
        dialog = PrintDialog(store, year, page)
        dialog.choose(kind, record.id if record is not None else None)
        dialog.exec()

    button.clicked.connect(open_dialog)
    page.extra_actions.insertWidget(page.extra_actions.count() - 1, button)
    return button
