"""党派 and 界别 in the member form and the studio's details, as a clerk uses them, and what a
member so added becomes in the workbook, a new database and a merge back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from studio_desk.core import enums
from studio_desk.core.models import Member
from studio_desk.core.store import Store
from studio_desk.core.sync import plan_merge
from studio_desk.exports.ledger_import import apply_plan, read_ledgers
from studio_desk.exports.workbook import write_workbook
from tests.ui.conftest import child, click, in_dialog, save, shown_window, type_into, wait_idle

NEW_SECTOR = "新的社会阶层"


@pytest.fixture
def window(store: Store, qtbot):
    store.save(Member(name="陈晓燕", role="召集人", party="中共", sector="经济界"))
    with shown_window(qtbot, store) as w:
        yield w


def _pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_member_with_party_and_a_new_sector_then_export_import_and_merge(window, store, qtbot, tmp_path: Path):
    page = window.show_page("委员")

    def fill(form):
        type_into(qtbot, child(form, "f_name", QLineEdit), "欧阳明")
        party = child(form, "f_party", QComboBox)
        assert [party.itemText(i) for i in range(party.count())] == list(enums.PARTIES)
        _pick(party, "民盟")
        sector = child(form, "f_sector", QComboBox)
        assert [sector.itemText(i) for i in range(sector.count())] == store.type_values("sector")
        type_into(qtbot, sector, "科学")  # typing filters: any part of a 界别
        completer = sector.completer()
        shown = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
        assert shown == ["科学技术界", "社会科学界"]
        type_into(qtbot, sector, NEW_SECTOR)  # a 界别 the list does not have yet
        save(qtbot, form)
        return form.saved

    saved = in_dialog(qtbot, lambda: click(qtbot, page.new_button), fill)[0]
    assert saved is not None
    wait_idle(qtbot, window)
    stored = store.get(Member, saved.id)
    assert (stored.party, stored.sector) == ("民盟", NEW_SECTOR)
    assert store.type_values("sector")[-1] == NEW_SECTOR
    # the table shows the 党派
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    row = page.model.row_of(saved.id)
    assert page.model.index(row, headers.index("党派")).data() == "民盟"

    # the next form offers the new 界别; a long form typed into 党派 is read as its short form
    def second(form):
        sector = child(form, "f_sector", QComboBox)
        assert sector.findText(NEW_SECTOR) >= 0
        type_into(qtbot, child(form, "f_name", QLineEdit), "司马青")
        type_into(qtbot, child(form, "f_party", QComboBox), "中国民主建国会")
        _pick(sector, NEW_SECTOR)
        save(qtbot, form)
        return form.saved

    other = in_dialog(qtbot, lambda: click(qtbot, page.new_button), second)[0]
    wait_idle(qtbot, window)
    assert (store.get(Member, other.id).party, store.get(Member, other.id).sector) == ("民建", NEW_SECTOR)

    # the workbook into a new database, merged back: nothing to change
    path = write_workbook(store, date.today().year, tmp_path / "台账.xlsx")
    copy_path = tmp_path / "copy.sqlite"
    with Store.open(copy_path, replica_id="copy") as copy:
        plan = read_ledgers(copy, path)
        assert plan.problems == []
        assert f"将在界别中新增“{NEW_SECTOR}”。" in plan.notes
        apply_plan(copy, plan)
        assert {(m.name, m.party, m.sector) for m in copy.list_records(Member)} == {
            ("陈晓燕", "中共", "经济界"), ("欧阳明", "民盟", NEW_SECTOR), ("司马青", "民建", NEW_SECTOR)
        }
    preview = plan_merge(store, copy_path)
    assert not preview.changed_anything, preview.text()


def test_studio_details_offer_the_sector_list(window, store, qtbot):
    from studio_desk.ui.settings_dialogs import studio_dialog

    store.add_type("sector", "个私协会")
    form = studio_dialog(store, window)
    qtbot.addWidget(form)
    sector = child(form, "f_sector", QComboBox)
    assert [sector.itemText(i) for i in range(sector.count())] == store.type_values("sector")
    type_into(qtbot, sector, f"经济界、个私协会、{NEW_SECTOR}")  # a studio may serve several
    assert form.try_save(close=False)
    assert store.studio().sector == f"经济界、个私协会、{NEW_SECTOR}"
    assert store.type_values("sector")[-2:] == ["个私协会", NEW_SECTOR]


def test_the_sector_list_is_edited_beside_the_other_lists(window, store, qtbot):
    from PySide6.QtWidgets import QListWidget, QPushButton

    from studio_desk.ui.settings_dialogs import TypeListsDialog

    dialog = TypeListsDialog(store, window)
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["活动类型", "诉求类别", "界别"]
    type_into(qtbot, child(dialog, "entry_sector", QLineEdit), "个私协会")
    click(qtbot, child(dialog, "add_sector", QPushButton))
    assert store.type_values("sector")[-1] == "个私协会"
    listed = child(dialog, "list_sector", QListWidget)
    assert listed.item(listed.count() - 1).text() == "个私协会"
    listed.setCurrentItem(listed.findItems("经济界", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, child(dialog, "remove_sector", QPushButton))
    assert "经济界" not in store.type_values("sector")
    # the member who has it keeps it
    assert [m.sector for m in store.list_records(Member)] == ["经济界"]
