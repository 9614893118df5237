"""Ledger pages by quarter and month, and the 待补全 records 总览 counts and opens."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from studio_desk.core import codec
from studio_desk.core.completeness import count_incomplete
from studio_desk.core.models import Activity, Reception
from tests.ui.conftest import child, click, in_dialog, save, shown_window, type_into, wait_idle

YEAR = date.today().year - 1  # a whole past year: no date is in the future


@pytest.fixture
def window(store, qtbot):
    for day, topic in ((date(YEAR, 2, 10), "二月学习"), (date(YEAR, 5, 20), "五月调研"),
                       (date(YEAR, 5, 31), "五月协商"), (date(YEAR, 11, 1), "十一月宣讲"),
                       (date(YEAR - 1, 5, 5), "前年五月")):
        store.save(Activity(date=day, type="集中学习", topic=topic))
    # From an old ledger: the topic was missing (待补全), and a reception without its 诉求.
    store.save(Activity(date=date(YEAR, 6, 1), type="视察调研", topic="", incomplete="活动主题"))
    store.save(Activity(date=date(YEAR, 8, 8), type="视察调研", topic="", incomplete="活动主题"))
    store.save(Reception(date=date(YEAR, 3, 3), mode="接待日来访", person_name="王大妈",
                         request_content="", incomplete="诉求内容"))
    with shown_window(qtbot, store) as w:
        yield w


def _topics(page) -> list[str]:
    return sorted(page.model.record_at(r).topic for r in range(page.model.rowCount()))


def _choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_quarter_and_month_filters(window, qtbot):
    page = window.show_page("活动")
    year, period = child(page, "year", QComboBox), child(page, "period", QComboBox)
    _choose(year, f"{YEAR}年")
    assert len(_topics(page)) == 6
    _choose(period, "第二季度")
    assert _topics(page) == ["", "五月协商", "五月调研"]
    from studio_desk.ui.ledger_print import describe_filters

    assert describe_filters(page) == f"{YEAR}年　第二季度"  # a printed view says which rows it holds
    _choose(period, "5月")
    assert _topics(page) == ["五月协商", "五月调研"]  # the 31st is in May, the 5th of two years ago not
    _choose(period, "第一季度")
    assert _topics(page) == ["二月学习"]
    _choose(period, "12月")
    assert _topics(page) == []
    assert "期间" in child(page, "empty", QLabel).text()  # told how to see the others
    _choose(year, "全部年度")
    assert not period.isEnabled() and len(_topics(page)) == 7


def test_incomplete_counted_on_the_overview_and_filled_in_from_the_list(window, store, qtbot):
    dashboard = window.show_page("总览")
    _choose(child(dashboard, "year", QComboBox), f"{YEAR}年")
    wait_idle(qtbot, window)
    label = child(dashboard, "incomplete_count", QLabel)
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert count_incomplete(store, YEAR)["合计"] == 3 and "有 3 条记录待补全" in label.text()
    click(qtbot, child(dashboard, "show_incomplete", QPushButton))
    page = window.current_page()
    assert page is window.page("活动")
    assert child(page, "incomplete_only", QCheckBox).isChecked()
    assert len(_topics(page)) == 2 and _topics(page) == ["", ""]

    page.select_ids([page.model.ids[0]])
    first = page.model.ids[0]

    def fill(form):
        save(qtbot, form)  # the form asks for what the old ledger lacked
        assert "活动主题" in child(form, "err_topic", QLabel).text()
        type_into(qtbot, child(form, "f_topic", QLineEdit), "六月视察")
        save(qtbot, form)

    in_dialog(qtbot, page.edit_selected, fill)
    stored = store.get(Activity, first)
    assert (stored.topic, stored.incomplete) == ("六月视察", "")
    assert count_incomplete(store, YEAR)["合计"] == 2
    child(page, "incomplete_only", QCheckBox).setChecked(False)
    child(page, "incomplete_only", QCheckBox).setChecked(True)
    assert page.model.rowCount() == 1

    other = store.get(Activity, page.model.ids[0])
    store.save(codec.copy_record(other, topic="八月视察", incomplete=""))
    window.refresh()
    window.show_page("总览")
    qtbot.waitUntil(lambda: "有 1 条记录待补全" in label.text(), timeout=10_000)
    click(qtbot, child(dashboard, "show_incomplete", QPushButton))
    receptions = window.current_page()
    assert receptions is window.page("接待走访") and receptions.model.rowCount() == 1
