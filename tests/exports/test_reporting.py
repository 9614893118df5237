"""What was reported stays known: a report records the figures and the files' checksums; later
edits to the year are listed against it; a locked year asks for a reason, kept in history."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import Activity, Reception
from studio_desk.core.reporting import (
    changes_since_report,
    is_year_locked,
    latest_report,
    lock_year,
    locked_year_of,
    save_in_locked_year,
)
from studio_desk.core.store import Store
from studio_desk.exports.county_package import write_county_package

YEAR = 2025


def test_report_a_year_edit_a_record_and_find_the_change_listed(demo_store: Store, tmp_path: Path):
    assert changes_since_report(demo_store, YEAR).report is None
    result = write_county_package(demo_store, YEAR, tmp_path, as_zip=False)
    report = latest_report(demo_store, YEAR)
    assert report is not None and report.what == "报送材料" and report.masked
    sent = {f.name: f for f in report.files}
    assert set(sent) == set(result.files)
    for name, info in sent.items():
        data = (result.path / name).read_bytes()
        assert info.sha256 == hashlib.sha256(data).hexdigest() and info.size == len(data)
    assert any(row[1] == "开展活动" for row in report.figures)
    assert changes_since_report(demo_store, YEAR).changes == []
    assert "报送后没有修改" in changes_since_report(demo_store, YEAR).line

    reception = demo_store.list_records(Reception, year=YEAR)[0]
    demo_store.save(dataclasses.replace(reception, result="补充了办理结果"))
    other_year = demo_store.list_records(Activity, year=YEAR - 1)[0]
    demo_store.save(dataclasses.replace(other_year, topic=other_year.topic + "（补）"))
    deleted = demo_store.list_records(Activity, year=YEAR)[0]
    demo_store.delete(Activity, deleted.id)

    changes = changes_since_report(demo_store, YEAR)
    assert [(c.record_id, c.change) for c in changes.changes] == [(reception.id, "修改"), (deleted.id, "删除")]
    assert changes.changes[0].title == "接待走访"
    assert "报送后修改 2 条" in changes.line
    assert changes_since_report(demo_store, YEAR - 1).report is None  # that year was not reported


def test_the_cli_export_for_the_county_records_a_report(demo_path: Path, tmp_path: Path):
    from studio_desk.cli import main

    assert main(["export", "--db", str(demo_path), "--year", str(YEAR), "--xlsx", str(tmp_path / "a.xlsx")]) == 0
    assert main(["export", "--db", str(demo_path), "--year", str(YEAR - 1), "--no-mask",
                 "--xlsx", str(tmp_path / "b.xlsx")]) == 0
    with Store.open(demo_path) as store:
        report = latest_report(store, YEAR)
        assert report is not None and report.what == "台账" and [f.name for f in report.files] == ["a.xlsx"]
        assert latest_report(store, YEAR - 1) is None  # the clerk's own unmasked copy is not a report


def test_a_locked_year_asks_for_a_reason_kept_in_history(demo_store: Store):
    reception = demo_store.list_records(Reception, year=YEAR)[0]
    lock_year(demo_store, YEAR)
    assert is_year_locked(demo_store, YEAR) and not is_year_locked(demo_store, YEAR - 1)
    edited = dataclasses.replace(reception, result="更正办结情况")
    assert locked_year_of(demo_store, edited) == YEAR
    # moving a record out of the locked year touches it too
    moved = dataclasses.replace(reception, date=reception.date.replace(year=YEAR + 1))
    assert locked_year_of(demo_store, moved) == YEAR
    with pytest.raises(StudioDeskError, match="说明原因"):
        save_in_locked_year(demo_store, edited, "  ")
    save_in_locked_year(demo_store, edited, "县里核对后更正")
    assert demo_store.history(reception.id)[-1].reason == "封账后修改：县里核对后更正"
    lock_year(demo_store, YEAR, False)
    assert locked_year_of(demo_store, edited) is None
