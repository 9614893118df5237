"""The 附件 column read back by the import.

The workbook lists each record's attachments (``文件名：说明``, one per line) so that a reader of
the ledger sees them, but the files themselves live in the database: an import never creates,
removes or renames an attachment from this column. It only tells the clerk, by sheet and row, when
the column names files the database does not have for that record (a new row, or a line typed in
or changed), so that nothing seems imported that was not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from studio_desk.core.attachments import listing
from studio_desk.core.models import Record
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_values import parse_text

_SHOWN_ROWS = 8


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _rows(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:_SHOWN_ROWS])
    return f"第 {shown} 行" + (f"等 {len(numbers)} 行" if len(numbers) > _SHOWN_ROWS else "")


class AttachmentCheck:
    """Compares one sheet's 附件 cells with the attachments the database holds."""

    def __init__(self, store: Store, spec: lc.SheetSpec):
        self.store, self.spec = store, spec
        self._current: dict[str, str] | None = None
        self.column = next((c for c in spec.columns if c.kind == lc.ATTACHMENTS), None)
        self.new_rows: list[int] = []
        self.changed_rows: list[int] = []

    def current(self) -> dict[str, str]:
        if self._current is None:  # read once per sheet, and only when a cell names a file
            self._current = listing(self.store, self.spec.cls.KIND)
        return self._current

    def check(self, row_no: int, cells: Mapping[lc.Column, tuple[str, Any]], found: Record | None) -> None:
        cell = cells.get(self.column) if self.column is not None else None
        listed = _lines(parse_text(cell[1])) if cell is not None else []
        if found is None:
            if listed:
                self.new_rows.append(row_no)
        elif not found.deleted and listed != _lines(self.current().get(found.id, "")):
            self.changed_rows.append(row_no)

    def notes(self, sheet: str) -> list[str]:
        out = []
        if self.new_rows:
            out.append(
                f"“{sheet}”{_rows(self.new_rows)}的“附件”列有文件名：表格只记录附件的文件名和说明，"
                "照片和扫描件本身不随表格导入（请在程序中添加，或用数据库副本合并）。"
            )
        if self.changed_rows:
            out.append(
                f"“{sheet}”{_rows(self.changed_rows)}的“附件”列与程序中的附件不同：附件只能在程序中添加、"
                "删除或修改说明，这一列的改动不会导入，程序中的附件保持不变。"
            )
        return out
