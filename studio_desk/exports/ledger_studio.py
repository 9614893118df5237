"""The studio's own details in the workbook (a hidden sheet), so that a database made from the
workbook describes the same studio and merging it with the original changes nothing.

The import takes them only into a database whose studio has no name yet; a named studio's
details are edited in the app, never by a workbook.
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from studio_desk.core import codec
from studio_desk.core.models import DATE, Studio, fields_of
from studio_desk.exports.ledger_values import CellError, exact_text, parse_date

STUDIO_SHEET_NAME = "工作室信息"
HEADERS = ("项目", "内容")
UNNAMED_STUDIO = ("", "委员工作室")  # the name a new database starts with
# The database the workbook comes from (its identity, the same in every copy): the county knows a
# studio that sends only its workbook by it, as it knows a database copy.
IDENTITY_LABEL = "数据库标识"


def write_studio_sheet(wb: Workbook, studio: Studio, identity: str = "") -> None:
    from studio_desk.exports.xlsx_cells import CellMaker

    ws = wb.create_sheet(STUDIO_SHEET_NAME)
    ws.sheet_state = "hidden"
    cells = CellMaker(ws)
    cells.define("text", border=False)
    cells.define("date", number_format="yyyy-mm-dd", border=False)
    ws.append([cells.cell("text", h) for h in HEADERS])
    for info in fields_of(Studio):
        value = getattr(studio, info.name)
        style = "date" if info.kind == DATE and value is not None else "text"
        ws.append([cells.cell("text", info.label), cells.cell(style, value if value is not None else "")])
    if identity:
        ws.append([cells.cell("text", IDENTITY_LABEL), cells.cell("text", identity)])


def is_studio_sheet(name: str, rows: list[list[Any]]) -> bool:
    return name == STUDIO_SHEET_NAME and bool(rows) and tuple(rows[0][:2]) == HEADERS


def read_studio_sheet(rows: list[list[Any]], current: Studio) -> Studio | None:
    """The studio as the sheet describes it (over ``current``), or None if it cannot be read."""
    by_label = {info.label: info for info in fields_of(Studio)}
    changes: dict[str, Any] = {}
    for row in rows[1:]:
        if len(row) < 2 or not isinstance(row[0], str) or row[0] not in by_label:
            continue
        info = by_label[row[0]]
        try:
            changes[info.name] = parse_date(row[1]) if info.kind == DATE else exact_text(row[1])
        except CellError:
            return None
    if not changes.get("name", "").strip():
        return None
    return codec.copy_record(current, **changes)


def studio_sheet_identity(rows: list[list[Any]]) -> str:
    """The database identity the studio sheet names ("" when it names none)."""
    for row in rows[1:]:
        if len(row) >= 2 and row[0] == IDENTITY_LABEL and isinstance(row[1], str):
            return row[1].strip()[:100]
    return ""


def is_unnamed(studio: Studio) -> bool:
    return studio.name.strip() in UNNAMED_STUDIO
