"""Recognising a masked workbook or database copy, so it never comes back over real data.

A masked copy says so in several places, each surviving what the others do not:

- a workbook: its document properties (keywords and a custom property), a very hidden sheet
  ``脱敏标记``, the page header of every sheet and the title rows (all saying ``已隐去群众个人信息``);
  copying the sheets into a new workbook or retitling them keeps the page headers or, at the least,
  the masked values themselves (``张*``, ``138****1234``, ``城关镇****``), which real ledgers never hold;
- a database copy: a ``meta`` row, and again the masked values in its 接待走访 records.

The checks read the file in bounded chunks and never change it. A workbook's evidence is gathered
by :class:`MaskedEvidence`: the import feeds it while it reads the file once (the XML of each
sheet for the marker, the cells' values for masked texts); :func:`masked_workbook_reason` feeds it
from the XML alone (masked texts standing whole between two tags).
"""

from __future__ import annotations

import re
import sqlite3
import zipfile
import zlib
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from studio_desk.core.xml_parts import xml_chunks, xml_forms, xml_text

if TYPE_CHECKING:
    from studio_desk.core.store import Store

MASKED_MARKER = "已隐去群众个人信息"
MARKER_SHEET = "脱敏标记"
MARKER_PROPERTY = "StudioDeskMasked"
MASKED_META = "pii_masked"

# Masked values, as this app writes them. A real ledger holds none of these shapes.
_HAN = "\u3400-\u9fff"
_MASKED_PHONE = re.compile(r"(?<![\d*])1\d{2}\*{4}\d{4}(?![\d*])")
_MASKED_ID = re.compile(r"(?<![\d*])\d{3}\*{8,11}\d{3}[\dXx](?![\d*])")
_MASKED_NAME = re.compile(rf"^[{_HAN}]{{1,2}}\*{{1,3}}(?:等.*|[（(].*)?$")
_MASKED_ADDRESS = re.compile(rf"[{_HAN}]{{2,}}\*{{4}}$")
# The whole text of a cell as the masking writes it into a workbook.
_MASKED_CELL = re.compile(
    rf"{_MASKED_PHONE.pattern}|{_MASKED_ID.pattern}|[{_HAN}]{{1,2}}\*{{1,3}}(?:等[^<]{{0,8}})?|[{_HAN}]{{2,}}\*{{4}}"
)
MASKED_VALUES_NEEDED = 3  # different masked texts: one "李*" written three times proves nothing
_MAX_PART_BYTES = 256 << 20  # read no more of one part than this
_MAX_SHEETS = 64
_MARKER_FORMS = xml_forms(MASKED_MARKER)
_MARKER_SHEET_FORMS = xml_forms(MARKER_SHEET)
_PROPERTY_FORMS = (*_MARKER_FORMS, MARKER_PROPERTY.encode("ascii"))


def is_masked(value: str) -> bool:
    """Whether a text looks like something the masking wrote (``张*``, ``138****1234``, ``城关镇****``)."""
    if not value or "*" not in value:
        return False
    value = value.strip()
    return bool(
        "**" in value
        or _MASKED_PHONE.search(value)
        or _MASKED_ID.search(value)
        or _MASKED_NAME.match(value)
        or _MASKED_ADDRESS.search(value)
    )


def masked_cell(text: str) -> bool:
    """Whether the whole text of a workbook cell is a masked value (the workbook check's shapes)."""
    return "*" in text and _MASKED_CELL.fullmatch(text) is not None


def masked_cells(rows: Iterable[Iterable[object]], limit: int = MASKED_VALUES_NEEDED) -> list[str]:
    """Up to ``limit`` different masked texts among the cells (only texts holding ``*`` are looked at)."""
    found: dict[str, None] = {}
    for value in chain.from_iterable(rows):
        # (most cells are numbers or texts without a star: not looked at further)
        if value.__class__ is str and "*" in value and masked_cell(value):  # type: ignore[operator, arg-type]
            found[value] = None  # type: ignore[index]
            if len(found) >= limit:
                return list(found)
    return list(found)


def _holds(data: bytes, forms: tuple[bytes, ...]) -> bool:
    return any(form in data for form in forms)


class MaskedEvidence:
    """What a workbook shows of being a masked copy, gathered as its parts are read; the first
    thing found decides (the properties, the marker sheet, the marker in a part, masked values).

    The import feeds it from its own single reading of the file (:func:`iter_workbook` in
    ``exports/xlsx_read``: the XML of each sheet, then the cells' values);
    :func:`masked_workbook_reason` feeds it from the XML alone."""

    def __init__(self) -> None:
        self.place: str | None = None  # "properties", "sheet", "header" or "text"
        self.values: dict[str, None] = {}  # different masked texts, in the order found

    @property
    def decided(self) -> bool:
        return self.place is not None or len(self.values) >= MASKED_VALUES_NEEDED

    def check_package(self, zf: zipfile.ZipFile) -> None:
        """The document properties, the list of sheets and the shared strings."""
        names = set(zf.namelist())
        for part in ("docProps/core.xml", "docProps/custom.xml"):
            if part in names and _holds(_read_part(zf, part, 1 << 20), _PROPERTY_FORMS):
                self.place = "properties"
                return
        if "xl/workbook.xml" in names and _holds(_read_part(zf, "xl/workbook.xml", 4 << 20), _MARKER_SHEET_FORMS):
            self.place = "sheet"
            return
        if "xl/sharedStrings.xml" in names:
            for data in xml_chunks(zf, "xl/sharedStrings.xml", limit=_MAX_PART_BYTES):
                self.check_xml(data, values=True)
                if self.decided:
                    return

    def check_xml(self, data: bytes, *, values: bool) -> None:
        """A piece of a part (from :func:`xml_chunks`): the marker, and with ``values`` the masked
        texts standing whole between two tags (only where the piece holds a ``*``)."""
        if self.decided:
            return
        if _holds(data, _MARKER_FORMS):
            self.place = "header" if b"Header>" in data or b"Footer>" in data else "text"
            return
        star = data.find(b"*") if values else -1
        while star >= 0 and not self.decided:
            end = data.find(b"<", star)
            end = len(data) if end < 0 else end
            text = xml_text(data[data.rfind(b">", 0, star) + 1 : end])
            if masked_cell(text):
                self.values[text] = None
            star = data.find(b"*", end)

    def add_values(self, values: Iterable[str]) -> None:
        for value in values:
            if self.decided:
                return
            self.values[value] = None

    def saw_marker(self) -> None:
        """The marker was found among the cells' values (a title row)."""
        if not self.decided:
            self.place = "text"

    def reason(self, name: str) -> str | None:
        """The sentence for the clerk, or None when nothing says the workbook is masked."""
        why = {
            "properties": "文件属性中标明了“已隐去群众个人信息”",
            "sheet": f"含有标记脱敏的隐藏工作表“{MARKER_SHEET}”",
            "header": "工作表的页眉标明了“已隐去群众个人信息”",
            "text": "表格中写明了“已隐去群众个人信息”",
        }.get(self.place or "")
        if why is None and len(self.values) >= MASKED_VALUES_NEEDED:
            why = "表格中有隐去后的内容，如" + "、".join(f"“{v}”" for v in list(self.values)[:3])
        return None if why is None else _refusal(name, why, "台账")


def _refusal(name: str, why: str, what: str) -> str:
    return (
        f"“{name}”是隐去了群众个人信息的报送{what}（{why}），不能导入、合并或恢复到台账中："
        "否则真实的姓名、电话会被“张*”“138****1234”这样的内容覆盖。请改用未隐去信息的原件。"
    )


def _read_part(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with zf.open(name) as fh:
        return fh.read(limit)


def masked_workbook_reason(path: Path | str) -> str | None:
    """Why ``path`` is a masked workbook (a sentence for the clerk), or None when it is not one.

    A file that is no xlsx at all gives None: the reader that opens it next says what is wrong.
    """
    path = Path(path)
    evidence = MaskedEvidence()
    try:
        with zipfile.ZipFile(path) as zf:
            evidence.check_package(zf)
            names = zf.namelist()
            sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
            for part in sheets[:_MAX_SHEETS]:
                for data in xml_chunks(zf, part, limit=_MAX_PART_BYTES):
                    if evidence.decided:
                        return evidence.reason(path.name)
                    evidence.check_xml(data, values=True)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error):
        return None  # damaged: the reader reports it properly
    return evidence.reason(path.name)


def masked_connection_reason(conn: sqlite3.Connection, name: str) -> str | None:
    """Why the database behind ``conn`` is a masked copy, or None."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (MASKED_META,)).fetchone()
    except sqlite3.Error:
        return None
    if row is not None:
        return _refusal(name, "文件中标明了“已隐去群众个人信息”", "数据库脱敏副本")
    try:
        rows = conn.execute(
            "SELECT person_name, person_phone, person_id_number FROM receptions LIMIT 400"
        ).fetchall()
    except sqlite3.Error:
        return None
    values = [str(v) for r in rows for v in r if v]
    masked = [v for v in values if is_masked(v)]
    if len(masked) >= MASKED_VALUES_NEEDED and len(masked) * 2 >= len(values):
        shown = "、".join(f"“{v}”" for v in masked[:3])
        return _refusal(name, f"群众信息都是隐去后的样子，如{shown}", "数据库脱敏副本")
    return None


def masked_database_file_reason(path: Path | str) -> str | None:
    """Like :func:`masked_connection_reason` for a database file (opened read-only, not changed)."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        return masked_connection_reason(conn, path.name)
    finally:
        conn.close()


def is_masked_database(store: Store) -> bool:
    """Whether the open database is a masked copy."""
    return masked_connection_reason(store.conn, store.path.name) is not None


def mark_masked_database(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, '1')", (MASKED_META,))
