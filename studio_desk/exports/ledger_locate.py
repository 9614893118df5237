"""Finding a ledger in a sheet: its header row under any title rows, its columns by their
header names and common variants, the studio's name in a title, the rows that are totals."""

from __future__ import annotations

import re
from typing import Any

from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_studio import UNNAMED_STUDIO
from studio_desk.exports.ledger_values import is_blank, parse_text
from studio_desk.exports.xlsx_read import RawSheet

HEADER_SCAN_ROWS = 20
MIN_HEADER_MATCHES = 3
TOTAL_WORDS = ("合计", "总计", "小计", "累计")
# A ledger's sign-off line under its rows (制表人：小李  审核：…): no record either.
SIGN_OFF_WORDS = ("制表", "填表", "填报人", "审核", "审批", "负责人签字", "经办人签字")
_STUDIO_IN_TITLE = re.compile(r"^(?:\d{4}\s*年度?)?\s*(?P<name>\S.*?工作室)")


def studio_name_in_title(rows: list[list[Any]], ledger: str) -> str:
    """``王芳委员工作室活动台账（2025年）`` → ``王芳委员工作室``; a clerk's own title too
    (``2023年城关镇委员工作室接待走访台账``)."""
    for row in rows:
        for value in row:
            text = parse_text(value)
            if not text:
                continue
            if ledger in text and text.index(ledger) > 0:
                name = text[: text.index(ledger)].strip()
            else:
                match = _STUDIO_IN_TITLE.match(text)
                name = match["name"].strip() if match else ""
            if name and name not in UNNAMED_STUDIO and len(name) <= 100:
                return name
    return ""


_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def year_in_title(raw: RawSheet, header_row: int) -> int | None:
    """The one year the sheet's name and title rows name (``2023年活动``), or None."""
    texts = [raw.name] + [v for row in raw.rows[:header_row] for v in row if isinstance(v, str)]
    years = {int(found) for text in texts for found in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def locate(raw: RawSheet) -> tuple[lc.SheetSpec, int, dict[int, tuple[lc.Column, str]]] | None:
    """The ledger a sheet holds, its header row (0-based) and column index → (column, header)."""
    best: tuple[float, lc.SheetSpec, int, dict[int, tuple[lc.Column, str]]] | None = None
    for row_index, row in enumerate(raw.rows[:HEADER_SCAN_ROWS]):
        headers = [lc.normalise_header(v) if isinstance(v, str) else "" for v in row]
        if sum(1 for h in headers if h) < 2:
            continue
        for spec in lc.RECORD_SHEETS:
            mapping = _match_columns(spec, headers, row)
            score = float(sum(1 for c, _ in mapping.values() if c.kind != lc.SEQ))
            if any(hint in raw.name for hint in spec.hints) or raw.name == spec.name:
                score += 1.5
            if score >= MIN_HEADER_MATCHES and (best is None or score > best[0]):
                best = (score, spec, row_index, mapping)
    if best is None:
        return None
    _, spec, header_row, mapping = best
    two_rows = _lower_header_row(raw, spec, header_row, mapping)
    if two_rows is not None:
        header_row, mapping = two_rows
    return spec, header_row, mapping


def _lower_header_row(
    raw: RawSheet, spec: lc.SheetSpec, header_row: int, mapping: dict[int, tuple[lc.Column, str]]
) -> tuple[int, dict[int, tuple[lc.Column, str]]] | None:
    """A header written on two rows (参与人员 over 委员 | 群众人数; 日期 merged down over both):
    the lower row, holding the header of each column, and its columns; None when the row under
    the header is no such row (every text in it must be a column's header, alone or after the
    group above it). The lower row then holds the combined headers, as the clerk reads them."""
    rows = raw.rows
    if header_row + 1 >= len(rows):
        return None
    upper, lower = rows[header_row], rows[header_row + 1]
    width = max(len(upper), len(lower))
    groups = _upper_groups(raw, header_row, upper, width)
    combined: list[Any] = []
    known = {name for names in _header_index(spec) for name in names}
    for index in range(width):
        below = lower[index] if index < len(lower) else None
        if is_blank(below):
            combined.append(groups[index])
            continue
        if not isinstance(below, str):
            return None  # a number or a date: a record, not a header
        text = lc.normalise_header(below)
        if text not in known and lc.normalise_header(groups[index]) + text in known:
            text = lc.normalise_header(groups[index]) + text  # 参加 over 群众人数: 参加群众人数
        if text not in known:
            return None
        combined.append(text)
    headers = [lc.normalise_header(v) if isinstance(v, str) else "" for v in combined]
    found = _match_columns(spec, headers, combined)
    if sum(1 for c, _ in found.values() if c.kind != lc.SEQ) <= sum(1 for c, _ in mapping.values() if c.kind != lc.SEQ):
        return None
    rows[header_row + 1] = combined
    return header_row + 1, found


def _upper_groups(raw: RawSheet, header_row: int, upper: list[Any], width: int) -> list[str]:
    """The upper header's text over each column: a cell merged across several columns names
    each of them."""
    groups = [parse_text(upper[i]) if i < len(upper) else "" for i in range(width)]
    for (top, left), (bottom, right) in raw.merged:
        if top <= header_row <= bottom and left < right and left < width:
            for index in range(left + 1, min(right + 1, width)):
                if not groups[index]:
                    groups[index] = groups[left]
    return groups


def _match_columns(spec: lc.SheetSpec, headers: list[str], row: list[Any]) -> dict[int, tuple[lc.Column, str]]:
    mapping: dict[int, tuple[lc.Column, str]] = {}
    taken: set[str] = set()
    # Exact names first, then the variants: "日期" beats "时间" when a sheet has both.
    for names in _header_index(spec):
        for index, header in enumerate(headers):
            if not header or index in mapping:
                continue
            for col in names.get(header, ()):
                if col.header not in taken:
                    mapping[index] = (col, str(row[index]).strip())
                    taken.add(col.header)
                    break
    return mapping


_HEADER_INDEX: dict[lc.SheetSpec, tuple[dict[str, list[lc.Column]], dict[str, list[lc.Column]]]] = {}


def _header_index(spec: lc.SheetSpec) -> tuple[dict[str, list[lc.Column]], dict[str, list[lc.Column]]]:
    """A sheet's columns by their exact header and by each variant, in column order."""
    index = _HEADER_INDEX.get(spec)
    if index is None:
        exact: dict[str, list[lc.Column]] = {}
        variants: dict[str, list[lc.Column]] = {}
        for col in spec.columns:
            names = lc.header_names(col)
            exact.setdefault(names[0], []).append(col)
            for name in dict.fromkeys(names[1:]):
                variants.setdefault(name, []).append(col)
        index = _HEADER_INDEX[spec] = (exact, variants)
    return index


def is_total_row(values: list[Any]) -> bool:
    """A totals row or a sign-off line: its first words (in its first three cells) say so."""
    for value in values[:3]:
        if isinstance(value, str) and value.strip():
            text = value.strip().replace(" ", "")
            return text.startswith(TOTAL_WORDS) or text.startswith(SIGN_OFF_WORDS)
    return False


def fill_merged_down(raw: RawSheet, header_row: int) -> None:
    """A cell merged down over several rows below the header (one date for the day's
    activities) holds its value for each of them, as the clerk sees it on paper."""
    rows = raw.rows
    for (top, left), (bottom, right) in raw.merged:
        if left != right or top <= header_row or bottom <= top or top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in rows[top + 1 : bottom + 1]:
            if left < len(row) and is_blank(row[left]):
                row[left] = value
