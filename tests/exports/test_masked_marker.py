"""A masked workbook or database copy is recognised however it was retitled or copied, and is
refused by restore and merge (the import asks the same question)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.backup import restore_backup
from studio_desk.core.errors import DatabaseError
from studio_desk.core.masking import (
    MASKED_MARKER,
    is_masked_database,
    masked_workbook_reason,
    write_masked_copy,
)
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file
from studio_desk.exports.workbook import write_workbook

YEAR = 2025


@pytest.fixture
def masked_xlsx(demo_store: Store, tmp_path: Path) -> Path:
    return write_workbook(demo_store, YEAR, tmp_path / "报送.xlsx", mask_pii=True)


def test_a_masked_workbook_says_so_in_properties_hidden_sheet_and_page_headers(masked_xlsx: Path):
    wb = openpyxl.load_workbook(masked_xlsx)
    assert wb.properties.keywords == MASKED_MARKER
    assert wb["脱敏标记"].sheet_state == "veryHidden"
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert MASKED_MARKER in (ws.oddHeader.right.text or ""), ws.title
    reason = masked_workbook_reason(masked_xlsx)
    assert reason and "报送.xlsx" in reason and "不能导入" in reason


def test_the_marker_survives_retitling_and_copying_sheets(masked_xlsx: Path, tmp_path: Path):
    # Retitled, properties cleared, the hidden sheet deleted, page headers cleared.
    wb = openpyxl.load_workbook(masked_xlsx)
    del wb["脱敏标记"]
    wb.properties.keywords = wb.properties.subject = None
    wb.custom_doc_props.props.clear()
    for ws in wb.worksheets:
        ws["A1"] = "我的台账"
        ws.oddHeader.right.text = ws.oddHeader.center.text = None
    edited = tmp_path / "改过标题.xlsx"
    wb.save(edited)
    assert masked_workbook_reason(edited)
    # The reception sheet's values copied into a brand-new workbook.
    source = openpyxl.load_workbook(masked_xlsx)["接待走访台账"]
    fresh = openpyxl.Workbook()
    for row in source.iter_rows(values_only=True):
        fresh.active.append(list(row))
    fresh.active["A1"] = "接待记录"
    copied = tmp_path / "新建.xlsx"
    fresh.save(copied)
    reason = masked_workbook_reason(copied)
    assert reason and "隐去后的内容" in reason


def test_an_unmasked_workbook_and_other_files_are_not_taken_for_masked(demo_store: Store, tmp_path: Path):
    plain = write_workbook(demo_store, YEAR, tmp_path / "自留.xlsx", mask_pii=False)
    assert masked_workbook_reason(plain) is None
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    assert masked_workbook_reason(junk) is None


def test_a_masked_database_copy_is_refused_by_restore_and_merge(demo_store: Store, tmp_path: Path, fingerprint):
    copy = tmp_path / "副本.sqlite"
    write_masked_copy(demo_store, copy)
    with Store.open(copy, replica_id="county", create=False) as opened:
        assert is_masked_database(opened)
    assert not is_masked_database(demo_store)
    before = fingerprint(demo_store)
    with pytest.raises(DatabaseError, match="副本.sqlite.*不能导入、合并或恢复"):
        restore_backup(demo_store, copy, backup_dir=tmp_path / "backups")
    with pytest.raises(DatabaseError, match="副本.sqlite.*脱敏副本"):
        merge_file(demo_store, copy, backup_dir=tmp_path / "backups")
    # The meta row removed by hand: the masked values still give it away.
    stripped = tmp_path / "去掉标记.sqlite"
    shutil.copyfile(copy, stripped)
    conn = sqlite3.connect(stripped)
    conn.execute("DELETE FROM meta WHERE key = 'pii_masked'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="隐去后的样子"):
        restore_backup(demo_store, stripped, backup_dir=tmp_path / "backups")
    assert fingerprint(demo_store) == before
