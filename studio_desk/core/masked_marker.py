"""Recognising a masked workbook or database copy, so it never comes back over real data.

A masked copy says so in several places, each surviving what the others do not:

- a workbook: its document properties (keywords and a custom property), a very hidden sheet
  ``脱敏标记``, the page header of every sheet and the title rows (all saying ``已隐去群众个人信息``);
  copying the sheets into a new workbook or retitling them keeps the page headers or, at the least,
  the masked values themselves (``张*``, ``138****1234``, ``城关镇****``), which real ledgers never hold;
- a database copy: a ``meta`` row, and again the masked values in its 接待走访 records.

The checks read the file in bounded chunks and never change it.
"""

from __future__ import annotations

import codecs
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

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
# The same shapes inside the XML of a workbook (the text of a cell stands between tags).
_XML_VALUES = re.compile(
    rf">({_MASKED_PHONE.pattern}|{_MASKED_ID.pattern}|[{_HAN}]{{1,2}}\*{{1,3}}(?:等[^<]{{0,8}})?"
    rf"|[{_HAN}]{{2,}}\*{{4}})<"
)
MASKED_VALUES_NEEDED = 3
_CHUNK = 1 << 20
_MAX_PART_BYTES = 256 << 20  # read no more of one part than this
_MAX_SHEETS = 64


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


def _refusal(name: str, why: str, what: str) -> str:
    return (
        f"“{name}”是隐去了群众个人信息的报送{what}（{why}），不能导入、合并或恢复到台账中："
        "否则真实的姓名、电话会被“张*”“138****1234”这样的内容覆盖。请改用未隐去信息的原件。"
    )


def _read_part(zf: zipfile.ZipFile, name: str, limit: int) -> str:
    with zf.open(name) as fh:
        return fh.read(limit).decode("utf-8", errors="replace")


def _scan_part(zf: zipfile.ZipFile, name: str, found: list[str]) -> str | None:
    """Look through one XML part in chunks; returns the marker's place, or collects masked values."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    tail = ""
    read = 0
    with zf.open(name) as fh:
        while read < _MAX_PART_BYTES:
            block = fh.read(_CHUNK)
            if not block:
                break
            read += len(block)
            text = tail + decoder.decode(block)
            if MASKED_MARKER in text:
                return "header" if "Header>" in text or "Footer>" in text else "text"
            for match in _XML_VALUES.finditer(text, max(0, len(tail) - 64)):
                found.append(match.group(1))
                if len(found) >= MASKED_VALUES_NEEDED:
                    return None
            tail = text[-200:]
    return None


def masked_workbook_reason(path: Path | str) -> str | None:
    """Why ``path`` is a masked workbook (a sentence for the clerk), or None when it is not one.

    A file that is no xlsx at all gives None: the reader that opens it next says what is wrong.
    """
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    try:
        with zf:
            names = set(zf.namelist())
            for part in ("docProps/core.xml", "docProps/custom.xml"):
                if part in names:
                    text = _read_part(zf, part, 1 << 20)
                    if MASKED_MARKER in text or MARKER_PROPERTY in text:
                        return _refusal(path.name, "文件属性中标明了“已隐去群众个人信息”", "台账")
            if "xl/workbook.xml" in names and MARKER_SHEET in _read_part(zf, "xl/workbook.xml", 4 << 20):
                return _refusal(path.name, f"含有标记脱敏的隐藏工作表“{MARKER_SHEET}”", "台账")
            sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
            parts = [p for p in ("xl/sharedStrings.xml",) if p in names] + sheets[:_MAX_SHEETS]
            found: list[str] = []
            for part in parts:
                place = _scan_part(zf, part, found)
                if place == "header":
                    return _refusal(path.name, "工作表的页眉标明了“已隐去群众个人信息”", "台账")
                if place == "text":
                    return _refusal(path.name, "表格中写明了“已隐去群众个人信息”", "台账")
                if len(found) >= MASKED_VALUES_NEEDED:
                    shown = "、".join(f"“{v}”" for v in found[:3])
                    return _refusal(path.name, f"表格中有隐去后的内容，如{shown}", "台账")
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        return None  # damaged: the reader reports it properly
    return None


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
