"""The first start of an empty database: the studio's details asked once, skippable.

A new database is "委员工作室" in every ledger and summary until the clerk finds 文件 → 工作室信息;
on the first start the same form is offered with a word of welcome. It is offered once per
database file (remembered in the window settings), never again after 以后再填.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from studio_desk import APP_TITLE
from studio_desk.core.models import LEDGER_TYPES
from studio_desk.core.store import Store
from studio_desk.ui.settings_dialogs import StudioDialog

DEFAULT_NAMES = ("", "委员工作室")  # what a new database calls its studio
SETTINGS_KEY = "first_run/offered"


def needs_setup(store: Store) -> bool:
    """True for a database with nothing in it yet: no records, no members, no studio name."""
    if store.studio().name.strip() not in DEFAULT_NAMES:
        return False
    return not any(store.count(cls) for cls in LEDGER_TYPES)


def was_offered(settings, store: Store) -> bool:  # type: ignore[no-untyped-def]
    offered = settings.value(SETTINGS_KEY) or []
    return str(store.path.resolve()) in ([offered] if isinstance(offered, str) else list(offered))


def mark_offered(settings, store: Store) -> None:  # type: ignore[no-untyped-def]
    offered = settings.value(SETTINGS_KEY) or []
    paths = [offered] if isinstance(offered, str) else list(offered)
    paths.append(str(store.path.resolve()))
    settings.setValue(SETTINGS_KEY, paths[-50:])  # the recent files are enough
    settings.sync()


class SetupDialog(StudioDialog):
    """工作室设置 on the first start: the studio form under a welcome, with 以后再填 (saved as
    the window's operation, as 文件 → 工作室信息)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, store.studio(), parent)
        self.setObjectName("first_run")
        self.setWindowTitle(f"欢迎使用{APP_TITLE}")
        welcome = QLabel(
            "先填写工作室的基本信息：名称、所属政协、授牌日期、召集人等会出现在 Excel 台账和年度工作总结里。"
            "不清楚的可以先空着，以后在“文件 → 工作室信息”中随时修改。"
            "保存后，下一步请到“委员”页点“添加委员”，把工作室的委员录进来（登记活动、接待都要选委员）。"
        )
        welcome.setObjectName("first_run_welcome")
        welcome.setWordWrap(True)
        welcome.setProperty("banner", True)
        main = self.layout()
        assert isinstance(main, QVBoxLayout)
        main.insertWidget(0, welcome)
        buttons: QDialogButtonBox = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("以后再填")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("skip")
        name = self.widget("name")
        if isinstance(name, QLineEdit) and name.text().strip() in DEFAULT_NAMES:
            name.clear()  # the studio's own name, not the placeholder every new database has
            name.setPlaceholderText("如 青溪县政协“同心”委员工作室")
            self._initial = self.raw_state()
