"""The question a record form asks before saving a record that is valid but looks wrong.

The rules are the core's (``core.soft_warnings``); this only asks, once for all of them, with
"返回修改" as the answer Enter and Esc give, so a clerk who presses on without reading loses
nothing and writes nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from studio_desk.core.errors import FieldError
from studio_desk.core.models import Record, list_values_of
from studio_desk.core.soft_warnings import record_warnings
from studio_desk.core.store import Store
from studio_desk.core.validate import member_ids_of, validation_errors

SAVE_ANYWAY = "仍然保存"
GO_BACK = "返回修改"


def declined_warning(parent: QWidget, store: Store, record: Record, before: Record | None) -> FieldError | None:
    """The first warning of ``record`` when the clerk chose 返回修改; None when there was nothing
    to ask (no new warning, or errors the save will show first) or the clerk chose 仍然保存.
    ``before``: the stored version being edited, None for a new record."""
    warnings = record_warnings(record, before)
    if not warnings or validation_errors(record, _AsSaved(store, record), member_ids_of(before)):
        return None
    return None if ask_save_anyway(parent, record, warnings) else warnings[0]


class _AsSaved:
    """The store as saving ``record`` will find it: a value typed into a list's field (a new 界别)
    joins its list in the same transaction (``RecordForm.write``), so it is no error here."""

    def __init__(self, store: Store, record: Record):
        self.store, self.own = store, list_values_of(record)

    def member_state(self, member_id: str) -> str | None:
        return self.store.member_state(member_id)

    def type_values(self, list_name: str) -> list[str]:
        return self.store.type_values(list_name) + self.own.get(list_name, [])


def ask_save_anyway(parent: QWidget, record: Record, warnings: list[FieldError], subject: str = "") -> bool:
    """Whether the clerk saves ``record`` although ``warnings`` say it looks wrong. ``subject``: what
    is asked about, when not the one record (the 接待日登记 sheet's citizens)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("请核对")
    lines = "\n".join(f"• {w.message}" for w in warnings)
    what = subject or f"这条{record.TITLE}记录"
    box.setText(f"{what}有{'一处' if len(warnings) == 1 else f' {len(warnings)} 处'}看起来不对：")
    box.setInformativeText(f"{lines}\n\n确实如此，点“{SAVE_ANYWAY}”；要改正，点“{GO_BACK}”。")
    save = box.addButton(SAVE_ANYWAY, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(GO_BACK, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is save
