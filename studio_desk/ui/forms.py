"""Record forms: the Designer layouts of ``forms/*.ui`` bound to the record fields by name.

Every field ``x`` of a record has a widget ``f_x`` and a red label ``err_x`` under it. The form
reads the widgets into a record, lets the store validate it, and shows each ``FieldError``
under its field; nothing is written until the record is valid. A valid record that looks wrong
(``core.soft_warnings``) is written only when the clerk answers 仍然保存 (``ui.save_warnings``).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from studio_desk.core import codec, enums
from studio_desk.core.completeness import completed
from studio_desk.core.errors import FieldError, StudioDeskError, ValidationError
from studio_desk.core.models import (
    CHOICE,
    MEMBERS,
    Activity,
    Donation,
    FieldInfo,
    Member,
    Proposal,
    Reception,
    Record,
    Studio,
    fields_of,
    new_id,
)
from studio_desk.core.money import MoneyError, format_fen
from studio_desk.core.store import Store
from studio_desk.exports.ledger_values import normalise_choice
from studio_desk.ui.generated.ui_activity_form import Ui_ActivityDialog
from studio_desk.ui.generated.ui_donation_form import Ui_DonationDialog
from studio_desk.ui.generated.ui_member_form import Ui_MemberDialog
from studio_desk.ui.generated.ui_proposal_form import Ui_ProposalDialog
from studio_desk.ui.generated.ui_reception_form import Ui_ReceptionDialog
from studio_desk.ui.generated.ui_studio_form import Ui_StudioDialog
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.save_warnings import declined_warning
from studio_desk.ui.tasks import show_error
from studio_desk.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from studio_desk.ui.attachments_widget import AttachmentStrip
from studio_desk.ui.date_field import DateField
from studio_desk.ui.widgets import (
    AuthorList,
    FollowUpTable,
    ItemsTable,
    MemberPicker,
    MoneyEdit,
    StatusFlow,
)

EMPTY_CHOICE = "（未填）"
# What 保存并新建 keeps for the next record: the clerk enters several of the same day and kind.
CARRIED = ("date", "mode", "member_ids", "type", "category", "submitted_on", "activity_id")


class RecordForm(QDialog):
    """Base of the record dialogs. ``saved`` holds the stored record after 保存."""

    RECORD: type[Record] = Record
    UI: Any = None

    def __init__(self, store: Store, record: Record | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = self.UI()
        self.ui.setupUi(self)
        self.store = store
        self.is_new = record is None
        self.record: Record = record if record is not None else self.new_record()
        self.saved: Record | None = None
        # Every record this form wrote, as (before, after): 保存并新建 writes several.
        self.saved_steps: list[tuple[Record | None, Record]] = []
        self.fields = [f for f in fields_of(self.RECORD) if self.widget(f.name) is not None]
        self._setup_widgets()
        self.load(self.record)
        self.clear_errors()
        self._initial = self.raw_state()
        title = self.RECORD.TITLE
        shown = self.record.display_name() if not self.is_new else ""
        self.setWindowTitle(f"新建{title}" if self.is_new else f"编辑{title} — {shown[:30]}")
        buttons: QDialogButtonBox = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.save_new_button: QPushButton | None = None
        if self.RECORD in (Member, Activity, Reception, Donation, Proposal):
            self.save_new_button = buttons.addButton("保存并新建", QDialogButtonBox.ButtonRole.ActionRole)
            self.save_new_button.setObjectName("save_and_new")
            self.save_new_button.setToolTip("Ctrl+Shift+S：保存这条，接着新建一条（日期、方式、委员等沿用）")
            self.save_new_button.clicked.connect(self.save_and_new)
            QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.save_and_new)
        for row in self.findChildren(QWidget):
            # Rows keep their natural height; spare room goes below the last row, not between.
            if row.objectName().startswith("row_") and row.layout() is not None:
                row.layout().setAlignment(Qt.AlignmentFlag.AlignTop)
                policy = row.sizePolicy()
                policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
                row.setSizePolicy(policy)
        self._scroll_tabs()
        self.attachments: AttachmentStrip | None = None
        if self.RECORD in (Member, Activity, Reception, Donation, Proposal):
            from studio_desk.ui.attachments_widget import install

            self.attachments = install(self, store, self.record, is_new=self.is_new)
        hint = self._content_hint()
        fit_to_screen(self, max(self.width(), hint.width()), min(self.height(), max(hint.height(), 300)))
        guard_wheel(self)
        if self.fields:
            self.widget(self.fields[0].name).setFocus()

    def _content_hint(self) -> QSize:
        """The size the form would like with no scrolling (its tallest tab shown whole)."""
        hint = self.sizeHint()
        tabs: QTabWidget | None = getattr(self.ui, "tabs", None)
        if tabs is None or not isinstance(tabs.currentWidget(), QScrollArea):
            return hint
        pages = [tabs.widget(i) for i in range(tabs.count())]
        tallest = max(p.widget().sizeHint().height() for p in pages if isinstance(p, QScrollArea))
        # Room for the scroll bar a tall tab shows on a small screen, so no field is cut at the right.
        bar = tabs.currentWidget().verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height() - tabs.currentWidget().sizeHint().height() + tallest)

    def _scroll_tabs(self) -> None:
        """Each tab scrolls on its own, so a long form fits a small or scaled screen; a form
        of one tab shows no tab bar."""
        tabs: QTabWidget | None = getattr(self.ui, "tabs", None)
        if tabs is None:
            return
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            page, title = tabs.widget(index), tabs.tabText(index)
            tabs.removeTab(index)
            scroll = QScrollArea()
            scroll.setObjectName(f"scroll_{page.objectName()}")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            tabs.insertTab(index, scroll, title)
        tabs.setCurrentIndex(current)
        tabs.setTabBarAutoHide(True)

    def new_record(self) -> Record:
        return self.RECORD()

    def widget(self, name: str) -> QWidget | None:
        return self.findChild(QWidget, f"f_{name}")

    def error_label(self, name: str) -> QLabel | None:
        return self.findChild(QLabel, f"err_{name}")

    def choices(self, info: FieldInfo) -> list[str]:
        if info.type_list:
            return list(self.store.type_values(info.type_list))
        return list(info.choices or ())

    def roster(self) -> list[Member]:
        members = self.store.list_records(Member, include_deleted=True)
        used: set[str] = set()
        for info in fields_of(self.RECORD):
            if info.kind == MEMBERS:
                used |= set(getattr(self.record, info.name))
        return [m for m in members if not m.deleted or m.id in used]

    def _setup_widgets(self) -> None:
        roster: list[Member] | None = None
        for info in self.fields:
            w = self.widget(info.name)
            if isinstance(w, QComboBox):
                values = self.choices(info)
                current = getattr(self.record, info.name)
                if current and current not in values and info.kind == CHOICE:
                    values.append(current)  # a value since removed from its list still shows
                if w.isEditable():
                    _typed_choice(w, info, values)
                    continue
                if not info.required:
                    w.addItem(EMPTY_CHOICE, "")
                for v in values:
                    w.addItem(v, v)
            elif isinstance(w, (MemberPicker, AuthorList)):
                if roster is None:
                    roster = self.roster()
                w.set_members(roster)
            elif isinstance(w, QSpinBox):
                w.setMinimum(info.minimum or 0)
                w.setMaximum(info.maximum if info.maximum is not None else 1_000_000)
                w.setGroupSeparatorShown(True)

    def load(self, record: Record) -> None:
        for info in self.fields:
            w = self.widget(info.name)
            value = getattr(record, info.name)
            if isinstance(w, DateField):
                w.set_value(value)
            elif isinstance(w, MoneyEdit):
                w.set_fen(value)
            elif isinstance(w, QLineEdit):
                w.setText(value or "")
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(value or "")
            elif isinstance(w, QSpinBox):
                w.setValue(int(value or 0))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QComboBox) and w.isEditable():
                w.setCurrentIndex(w.findData(value or ""))
                w.setEditText(value or "")
            elif isinstance(w, QComboBox):
                index = w.findData(value or "")
                w.setCurrentIndex(max(index, 0))
            elif hasattr(w, "set_value"):
                w.set_value(value)

    def collect(self) -> tuple[Record, list[FieldError]]:
        """The record as the widgets now say, and the values that could not even be read."""
        values: dict[str, Any] = {}
        problems: list[FieldError] = []
        for info in self.fields:
            w = self.widget(info.name)
            if isinstance(w, DateField):
                values[info.name] = w.value()
                problem = w.problem(info.label)
                if problem:
                    problems.append(FieldError(info.name, info.label, problem + "。"))
            elif isinstance(w, MoneyEdit):
                try:
                    values[info.name] = w.fen()
                except MoneyError as exc:
                    problems.append(FieldError(info.name, info.label, f"“{info.label}”{exc}。"))
            elif isinstance(w, QLineEdit):
                values[info.name] = w.text()
            elif isinstance(w, QPlainTextEdit):
                values[info.name] = w.toPlainText()
            elif isinstance(w, QSpinBox):
                values[info.name] = w.value()
            elif isinstance(w, QCheckBox):
                values[info.name] = w.isChecked()
            elif isinstance(w, QComboBox) and w.isEditable():
                values[info.name] = self.typed_value(info, w.currentText())
            elif isinstance(w, QComboBox):
                values[info.name] = w.currentData() or ""
            elif isinstance(w, (ItemsTable, FollowUpTable)):
                rows, messages = w.value_checked()
                values[info.name] = rows
                problems += [FieldError(info.name, info.label, m + "。") for m in messages]
            elif hasattr(w, "value"):
                values[info.name] = w.value()
        # A 待补全 record saved from the form is asked for every required field again.
        return completed(codec.copy_record(self.record, **values)), problems

    def raw_state(self) -> list[Any]:
        """What the widgets show, to tell whether anything was edited."""
        state: list[Any] = []
        for info in self.fields:
            w = self.widget(info.name)
            if isinstance(w, (QLineEdit, DateField)):
                state.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                state.append(w.toPlainText())
            elif isinstance(w, QSpinBox):
                state.append(w.value())
            elif isinstance(w, QCheckBox):
                state.append(w.isChecked())
            elif isinstance(w, QComboBox):
                state.append(w.currentText() if w.isEditable() else w.currentIndex())
            elif isinstance(w, (ItemsTable, FollowUpTable)):
                state.append(w.rows())
            elif hasattr(w, "value"):
                state.append(repr(w.value()))
        return state

    def typed_value(self, info: FieldInfo, text: str) -> str:
        """What was typed into a combo box: one of its values written another way (民盟 for
        中国民主同盟, 中国民主同盟 for 民盟) is read as the import reads it; a new value stays as typed."""
        text = text.strip()
        if info.kind != CHOICE:
            return text
        return normalise_choice(info.name, text, tuple(self.choices(info)))

    def is_dirty(self) -> bool:
        """Whether a field or the 附件 tab was changed since the form opened or was saved."""
        strip = self.attachments
        return self.raw_state() != self._initial or (strip is not None and strip.has_changes())

    def clear_errors(self) -> None:
        for label in self.findChildren(QLabel):
            if label.objectName().startswith("err_"):
                label.clear()
                label.setVisible(False)
        self.ui.error_summary.clear()
        self.ui.error_summary.setVisible(False)

    def show_errors(self, errors: list[FieldError]) -> None:
        self.clear_errors()
        general = []
        texts: dict[str, list[str]] = {}
        for e in errors:
            if self.error_label(e.field) is not None:
                texts.setdefault(e.field, []).append(e.message)
            else:
                general.append(e.message)
        for name, messages in texts.items():
            label = self.error_label(name)
            assert label is not None
            label.setText("\n".join(dict.fromkeys(messages)))
            label.setVisible(True)
        count = len(texts) + len(general)
        summary = f"有 {count} 处需要修改，请看标红的说明。"
        if general:
            summary += "\n" + "\n".join(general)
        self.ui.error_summary.setText(summary)
        self.ui.error_summary.setVisible(True)
        first = next((e.field for e in errors if self.widget(e.field) is not None), None)
        if first:
            self._reveal(self.widget(first))

    def _reveal(self, w: QWidget | None) -> None:
        tabs: QTabWidget | None = getattr(self.ui, "tabs", None)
        if w is None or tabs is None:
            return
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page.isAncestorOf(w):
                tabs.setCurrentIndex(index)
                if isinstance(page, QScrollArea):
                    page.ensureWidgetVisible(w)
        w.setFocus()

    def write(self, record: Record) -> Record:
        reason = self.locked_reason(record)
        with self.store.transaction():
            # A value typed into a list's field (a new 界别) joins its list with the record.
            self.store.add_new_list_values(record, None if self.is_new else self.record)
            saved = self.store_record(record, reason)
            strip = self.attachments
            if strip is not None and strip.has_changes():  # saved with the record, or not at all
                strip.commit(saved)
            return saved

    def store_record(self, record: Record, reason: str | None) -> Record:
        from studio_desk.core.reporting import save_in_locked_year

        if reason is None:
            return self.store.save(record)
        return save_in_locked_year(self.store, record, reason)

    def locked_reason(self, record: Record) -> str | None:
        """None, or the clerk's reason for editing a reported and locked year (kept in the
        record's history); without one nothing is saved."""
        from studio_desk.core.reporting import locked_year_of

        year = locked_year_of(self.store, record)
        if year is None:
            return None
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(
            self, "已封账的年度", f"{year}年度已报送并封账。修改这条记录需要说明原因（记入修改历史）："
        )
        if not ok or not reason.strip():
            raise StudioDeskError(f"未保存：{year}年度已封账，修改需要说明原因。")
        return reason

    def start_from(self, template: Record) -> None:
        """Begin a new record as a copy of ``template`` (复制为新记录): unsaved until 保存."""
        self.record = codec.copy_record(
            template, id=new_id(), created_at="", updated_at="", replica_id="", version_id="", deleted=False
        )
        self.is_new = True
        self.load(self.record)
        self.clear_errors()
        self.setWindowTitle(f"新建{self.RECORD.TITLE}（复制）")

    def save_and_new(self) -> bool:
        """Save, then start the next record with the same date, mode, members and kind."""
        if not self.try_save(close=False):
            return False
        saved = self.saved
        assert saved is not None
        strip = self.attachments
        carried = {name: getattr(saved, name) for name in CARRIED if hasattr(saved, name)}
        self.record = codec.copy_record(self.new_record(), **carried)
        self.is_new = True
        self.load(self.record)
        self.clear_errors()
        self._initial = self.raw_state()
        self.setWindowTitle(f"新建{self.RECORD.TITLE}（已保存 {len(self.saved_steps)} 条）")
        if strip is not None:
            from studio_desk.ui.attachments_widget import install

            tabs: QTabWidget = self.ui.tabs
            tabs.removeTab(tabs.indexOf(strip))
            strip.deleteLater()
            self.attachments = install(self, self.store, self.record, is_new=True)
        first = next((f for f in self.fields if f.name not in carried), None)
        if first is not None:
            self._reveal(self.widget(first.name))
        return True

    def try_save(self, close: bool = True) -> bool:
        record, problems = self.collect()
        if problems:
            self.show_errors(problems)
            return False
        before = None if self.is_new else self.record
        declined = declined_warning(self, self.store, record, before)  # looks wrong: asked, not refused
        if declined is not None:
            self._reveal(self.widget(declined.field))
            return False
        strip = self.attachments
        pending = strip is not None and strip.has_changes()
        try:
            self.saved = self.write(record)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except StudioDeskError as exc:
            self.show_errors([FieldError("", "", str(exc))])
            return False
        except Exception as exc:  # noqa: BLE001 - logged, shown as a sentence, form kept
            show_error(self, "保存失败", exc)
            return False
        if pending:
            strip.saved_as(self.saved)  # type: ignore[union-attr]
        self.saved_steps.append((before, self.saved))
        self._initial = self.raw_state()
        if close:
            self.accept()
        return True

    def reject(self) -> None:
        if self.is_dirty():
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle("未保存的修改")
            box.setText("这条记录有未保存的修改。要保存吗？")
            save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton("放弃修改", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton("继续编辑", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(save)
            box.exec()
            if box.clickedButton() is save:
                self.try_save()
                return
            if box.clickedButton() is not discard:
                return
        super().reject()


def _typed_choice(w: QComboBox, info: FieldInfo, values: list[str]) -> None:
    """A combo box the clerk may type into: typing filters the list (any part of a value), and a
    field of an editable list takes a new value, which joins the list when the record is saved."""
    for v in values:
        w.addItem(v, v)
    w.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    w.lineEdit().setMaxLength(info.maxlen)
    if not info.required:
        w.lineEdit().setPlaceholderText(EMPTY_CHOICE)
    completer = w.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    label = enums.TYPE_LIST_LABELS.get(info.type_list or "", info.label)
    if info.type_list and info.kind == CHOICE:
        w.setToolTip(f"从列表中选，或输入新的{label}（保存时加入{label}列表）")
    elif info.type_list:
        w.setToolTip(f"从{label}列表中选，也可输入几个，用“、”隔开")
    else:
        w.setToolTip("从列表中选，可输入文字查找")


class MemberForm(RecordForm):
    RECORD = Member
    UI = Ui_MemberDialog


class ActivityForm(RecordForm):
    RECORD = Activity
    UI = Ui_ActivityDialog

    def new_record(self) -> Record:
        return Activity(date=date.today())


class ReceptionForm(RecordForm):
    RECORD = Reception
    UI = Ui_ReceptionDialog

    def new_record(self) -> Record:
        return Reception(date=date.today())

    def __init__(self, store: Store, record: Record | None = None, parent: QWidget | None = None):
        super().__init__(store, record, parent)
        flow: StatusFlow = self.ui.status_flow
        status: QComboBox = self.ui.f_status
        flow.set_status(status.currentData())
        status.currentIndexChanged.connect(lambda _i: flow.set_status(status.currentData()))
        flow.advance.connect(self.set_status)

    def set_status(self, status: str) -> None:
        """Move the 诉求 on; reaching 已办结 fills in today as 办结日期 if it is empty."""
        combo: QComboBox = self.ui.f_status
        combo.setCurrentIndex(combo.findData(status))
        closed: DateField = self.ui.f_closed_on
        if status == "已办结" and not closed.text().strip():
            closed.set_value(date.today())
        if status in enums.RECEPTION_OPEN_STATUSES:
            closed.set_value(None)


class DonationForm(RecordForm):
    RECORD = Donation
    UI = Ui_DonationDialog

    def new_record(self) -> Record:
        return Donation(date=date.today())

    def __init__(self, store: Store, record: Record | None = None, parent: QWidget | None = None):
        super().__init__(store, record, parent)
        self.ui.f_items.changed.connect(self.update_total)
        self.ui.f_cash_fen.textChanged.connect(self.update_total)
        self.update_total()

    def update_total(self) -> None:
        items: ItemsTable = self.ui.f_items
        cash_edit: MoneyEdit = self.ui.f_cash_fen
        label: QLabel = self.ui.total_label
        in_kind = items.total_fen()
        try:
            cash = cash_edit.fen()
        except MoneyError:
            cash = None
        if cash is None or in_kind is None:
            label.setText("（有无法识别的金额，暂不能合计）")
            return
        label.setText(
            f"{format_fen(cash + in_kind)}　（现金 {format_fen(cash)} + 物资 {format_fen(in_kind)}）"
        )


class ProposalForm(RecordForm):
    RECORD = Proposal
    UI = Ui_ProposalDialog

    def new_record(self) -> Record:
        return Proposal(submitted_on=date.today())


class StudioForm(RecordForm):
    RECORD = Studio
    UI = Ui_StudioDialog

    def store_record(self, record: Record, reason: str | None) -> Record:
        assert isinstance(record, Studio)
        return self.store.save_studio(record)


FORM_FOR: dict[type[Record], type[RecordForm]] = {
    Member: MemberForm,
    Activity: ActivityForm,
    Reception: ReceptionForm,
    Donation: DonationForm,
    Proposal: ProposalForm,
    Studio: StudioForm,
}
