"""设置: the studio's details (a Designer form), the editable type lists and the 积分 weights.

Each change is one of the window's operations (``ui.operations``): one undo step named for it,
the window's pages re-read on its ``changed`` (the title after 工作室信息, the type filters after
类型设置), and an expected failure is said in the dialog itself."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core import enums
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.points import DEFAULT_POINT_WEIGHTS, POINT_WEIGHT_LABELS
from studio_desk.core.models import Record, Studio
from studio_desk.core.store import Store
from studio_desk.ui.forms import StudioForm
from studio_desk.ui.look import fit_to_screen
from studio_desk.ui.operations import operations_for
from studio_desk.ui.wheel_guard import guard_wheel


class StudioDialog(StudioForm):
    """工作室信息, saved as one of the window's operations (修改工作室信息)."""

    def write(self, record: Record) -> Record:
        assert isinstance(record, Studio)
        saved: list[Record] = []
        refused: list[BaseException] = []
        operations_for(self, self.store).run(
            "修改工作室信息", lambda _progress, _step: super(StudioDialog, self).write(record),
            parent=self, on_done=saved.append, on_error=refused.append,
        )
        if saved:
            return saved[0]
        if refused and isinstance(refused[0], StudioDeskError):
            raise refused[0]  # said in the form, beside the fields
        raise StudioDeskError("工作室信息未保存。")  # the cause was shown by the operation


def studio_dialog(store: Store, parent: QWidget | None = None) -> StudioForm:
    form = StudioDialog(store, store.studio(), parent)
    form.setWindowTitle("工作室信息")
    return form


class TypeListsDialog(QDialog):
    """Add and remove values of the editable type lists (活动类型, 诉求类别, 界别).

    Removing a value keeps the records that use it; it only leaves the pick list.
    """

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.changed = False
        self.setWindowTitle("类型与界别设置")
        fit_to_screen(self, 460, 440)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.lists: dict[str, QListWidget] = {}
        self.entries: dict[str, QLineEdit] = {}
        for list_name, label in enums.TYPE_LIST_LABELS.items():
            page = QWidget()
            v = QVBoxLayout(page)
            lst = QListWidget()
            lst.setObjectName(f"list_{list_name}")
            v.addWidget(lst)
            row = QHBoxLayout()
            entry = QLineEdit()
            entry.setObjectName(f"entry_{list_name}")
            entry.setPlaceholderText(f"新的{label}")
            entry.setMaxLength(50)
            add = QPushButton("添加")
            add.setObjectName(f"add_{list_name}")
            remove = QPushButton("移除选中")
            remove.setObjectName(f"remove_{list_name}")
            row.addWidget(entry, 1)
            row.addWidget(add)
            row.addWidget(remove)
            v.addLayout(row)
            note = QLabel("移除的名称不再出现在下拉列表中，已有记录保持不变。")
            note.setWordWrap(True)
            note.setProperty("hint", True)
            v.addWidget(note)
            self.tabs.addTab(page, label)
            self.lists[list_name] = lst
            self.entries[list_name] = entry
            add.clicked.connect(lambda _c=False, n=list_name: self.add(n))
            entry.returnPressed.connect(lambda n=list_name: self.add(n))
            remove.clicked.connect(lambda _c=False, n=list_name: self.remove(n))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        for name, lst in self.lists.items():
            lst.clear()
            lst.addItems(self.store.type_values(name))

    def add(self, list_name: str) -> None:
        entry = self.entries[list_name]
        value = entry.text().strip()
        if value:
            self._change(list_name, "添加", value, self.store.add_type, entry.clear)

    def remove(self, list_name: str) -> None:
        lst = self.lists[list_name]
        item = lst.currentItem()
        if item is None:
            return
        label = enums.TYPE_LIST_LABELS[list_name]
        if lst.count() <= 1:
            QMessageBox.information(self, f"移除{label}", f"至少要保留一个{label}。")
            return
        self._change(list_name, "移除", item.text(), self.store.remove_type, lambda: None)

    def _change(self, list_name: str, verb: str, value: str, write, after) -> None:  # type: ignore[no-untyped-def]
        """Add or remove one value of a list as one of the window's operations (one undo step)."""
        label = enums.TYPE_LIST_LABELS[list_name]

        def done(_result: object) -> None:
            after()
            self.changed = True
            self.reload()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, StudioDeskError):  # anything else was shown by the operation
                QMessageBox.warning(self, f"{verb}{label}", str(exc))

        operations_for(self, self.store).run(
            f"{verb}{label}：{value}", lambda _progress, _step: write(list_name, value),
            parent=self, on_done=done, on_error=refused,
        )


class PointWeightsDialog(QDialog):
    """履职积分: how many points each kind of work earns."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("履职积分规则")
        layout = QVBoxLayout(self)
        intro = QLabel("每项工作计多少分。委员履职统计和年度总结中的积分排名按这里的分值计算。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.spins: dict[str, QSpinBox] = {}
        weights = store.point_weights()
        for key, label in POINT_WEIGHT_LABELS.items():
            spin = QSpinBox()
            spin.setObjectName(f"weight_{key}")
            spin.setRange(0, 1000)
            spin.setSuffix(" 分")
            spin.setValue(weights[key])
            form.addRow(label, spin)
            self.spins[key] = spin
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        defaults = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.setText("恢复默认分值")
        defaults.clicked.connect(self.restore_defaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        guard_wheel(self)

    def restore_defaults(self) -> None:
        for key, spin in self.spins.items():
            spin.setValue(DEFAULT_POINT_WEIGHTS[key])

    def save(self) -> None:
        weights = {k: s.value() for k, s in self.spins.items()}

        def refused(exc: BaseException) -> None:
            if isinstance(exc, StudioDeskError):  # anything else was shown by the operation
                QMessageBox.warning(self, "保存积分规则", str(exc))

        operations_for(self, self.store).run(
            "修改履职积分规则", lambda _progress, _step: self.store.set_point_weights(weights),
            parent=self, on_done=lambda _r: self.accept(), on_error=refused,
        )
