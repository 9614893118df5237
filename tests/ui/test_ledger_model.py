"""The ledger model reads records a page at a time and keeps them by id: a new sort order shows
the records already read; a reload (after a change) reads them again and shows the change."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from studio_desk.core.models import Activity
from studio_desk.ui.ledger_model import LedgerModel


def _topics(model: LedgerModel) -> list[str]:
    column = [c.header for c in model.columns].index("活动主题")
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_a_new_order_reuses_the_records_read_and_a_reload_reads_them_again(demo_store, monkeypatch):
    reads: list[int] = []
    real = demo_store.get_many

    def counted(cls, ids, *args, **kwargs):  # type: ignore[no-untyped-def]
        if cls is Activity:  # the roster's names are read apart
            reads.append(len(ids))
        return real(cls, ids, *args, **kwargs)

    monkeypatch.setattr(demo_store, "get_many", counted)
    model = LedgerModel(demo_store, Activity)
    model.set_query()
    first = _topics(model)
    assert len(first) > 10 and sum(reads) == len(first)  # each record read once

    day = [c.header for c in model.columns].index("日期")
    model.sort(day, Qt.SortOrder.DescendingOrder)
    assert sorted(_topics(model)) == sorted(first) and sum(reads) == len(first)  # nothing read again
    assert model.row_of(model.ids[-1]) == len(first) - 1

    target = real(Activity, [model.ids[0]])[0]
    demo_store.save(dataclasses.replace(target, topic="改过的题目"))
    before = sum(reads)
    model.reload()  # what a page does after a change
    assert _topics(model)[0] == "改过的题目" and sum(reads) - before == len(first)


def test_rows_of_deleted_records_are_dropped_without_a_new_query(demo_store, monkeypatch):
    model = LedgerModel(demo_store, Activity)
    model.set_query()
    shown = _topics(model)
    gone = model.ids[1:4]
    for record_id in gone:
        demo_store.delete(Activity, record_id)
    monkeypatch.setattr(demo_store, "query_ids", lambda *a, **k: pytest.fail("asked the store again"))
    model.drop(gone)
    assert _topics(model) == shown[:1] + shown[4:] and model.row_of(gone[0]) == -1
