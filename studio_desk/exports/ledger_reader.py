"""A sheet's cells into a record's values: one function per arrangement of columns, written out
and compiled once (as ``dataclasses`` writes ``__init__``), so that each of thousands of rows
is read without asking every cell what kind of column it is in.

The function takes the row's values and the headers as written (in the order of the sheet's
columns) and puts what it reads into the row builder's ``changes``; it returns the fields
the sheet has columns for and what the builder reads after the other cells (the donation sums,
the in-kind items, the latest follow-up). What is more than a value (names, follow-up logs, list
values) it hands to the row builder's readers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from studio_desk.core.generated import compiled
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.ledger_values import (
    CellError,
    is_blank,
    parse_bool,
    parse_date,
    parse_int,
    parse_money,
    parse_text,
)

# Columns a row's own values are not read from (derived, round-trip or attachment columns).
NOT_READ = frozenset((lc.SEQ, lc.COUNT_OF, lc.RECORD_ID, lc.VERSION, lc.MEMBER_IDS, lc.CHILD_DATA, lc.ATTACHMENTS))
TEXT_KINDS = frozenset((lc.TEXT, lc.LONG))
# Dates, numbers, amounts and 是/否: the parser of each (each different cell parsed once per import).
PARSERS = {lc.DATE: parse_date, lc.INT: parse_int, lc.MONEY: parse_money, lc.BOOL: parse_bool}
PARSED_KINDS = frozenset(PARSERS)
NOT_CACHED = object()  # a cell not parsed before
MASKED_CELL = "这份台账已隐去群众个人信息，不能据此新建记录（请导入未隐去信息的台账）。"

Reader = Callable[..., tuple[frozenset[str], dict[str, tuple[str, Any]], Any, Any]]


class RowCells(Mapping[lc.Column, tuple[str, Any]]):
    """One row's cells: column → (header as written in the file, raw value). The columns, their
    headers and where each is are the sheet's, shared by its rows; only the values are the row's
    own, ``cell_values`` (a year's import reads ten thousand rows without a pair and a dict for
    each)."""

    __slots__ = ("columns", "headers", "cell_values", "_index")

    def __init__(self, columns: tuple[lc.Column, ...], headers: Sequence[str], values: Sequence[Any],
                 index: dict[lc.Column, int] | None = None):
        self.columns, self.headers, self.cell_values = columns, headers, values
        self._index = index if index is not None else {col: i for i, col in enumerate(columns)}

    @classmethod
    def of(cls, cells: Mapping[lc.Column, tuple[str, Any]]) -> RowCells:
        """The same cells from a mapping of column → (header, value)."""
        pairs = list(cells.values())
        return cls(tuple(cells), [h for h, _ in pairs], [v for _, v in pairs])

    def __getitem__(self, col: lc.Column) -> tuple[str, Any]:
        i = self._index[col]
        return self.headers[i], self.cell_values[i]

    def get(self, col: lc.Column, default: Any = None) -> Any:  # type: ignore[override]
        i = self._index.get(col)
        return default if i is None else (self.headers[i], self.cell_values[i])

    def __contains__(self, col: object) -> bool:
        return col in self._index

    def __iter__(self) -> Iterator[lc.Column]:
        return iter(self.columns)

    def __len__(self) -> int:
        return len(self.columns)


@functools.cache
def row_reader(cls: type, columns: tuple[lc.Column, ...], exact: bool, masked: frozenset[str]) -> Reader:
    """The reader of ``cls`` rows whose cells are in ``columns``: ``exact``, a row of our own
    workbook (its texts come back as written); ``masked``, the fields a masked copy hides (read
    as absent, and refused for a new record)."""
    from studio_desk.core.models import field_info

    lines = ["def read(values, headers, changes, existing, parsed, cached, problem, read, types, row):",
             "    sums = {}", "    items = pending = None"]
    names: dict[str, Any] = {"CellError": CellError, "is_blank": is_blank, "parse_text": parse_text,
                             "MASKED_CELL": MASKED_CELL, "NOT_CACHED": NOT_CACHED}
    read_fields: list[str] = []
    for index, col in enumerate(columns):
        lines += _reading(index, col, exact, masked, read_fields, names, functools.partial(field_info, cls))
    names["READ_FIELDS"] = frozenset(read_fields)
    lines.append("    return READ_FIELDS, sums, items, pending\n")
    return compiled("\n".join(lines), names, "read", "ledger row reader")  # type: ignore[no-any-return]


def _reading(
    index: int, col: lc.Column, exact: bool, masked: frozenset[str], read_fields: list[str], names: dict[str, Any],
    field_info: Callable[[str], Any],
) -> list[str]:
    """The lines that read the cell at ``index`` (none for a column not read)."""
    kind, field = col.kind, col.field
    value, header = f"values[{index}]", f"headers[{index}]"
    if kind in NOT_READ:
        return []
    if field in masked:  # a citizen's data in a masked copy: never taken over the real data
        read_fields.append(field)  # type: ignore[arg-type]
        return [f"    if existing is None and not is_blank({value}):", f"        problem({header}, MASKED_CELL, {field!r})"]
    if kind == lc.SUM_MONEY:
        return [f"    sums[{col.header!r}] = ({header}, {value})"]
    if kind == lc.ITEMS:
        return [f"    items = ({header}, {value})"]
    if kind == lc.FOLLOWUP:
        return [f"    text = parse_text({value})", "    if text:", f"        pending = ({header}, text)"]
    assert field is not None, col
    read_fields.append(field)
    if kind in TEXT_KINDS:  # most cells
        if exact:
            return [f"    raw = {value}", f"    changes[{field!r}] = raw if type(raw) is str else parse_text(raw)"]
        return [f"    changes[{field!r}] = parse_text({value})"]
    if kind in PARSED_KINDS:  # dates, numbers, 是/否: each different cell parsed once per import
        # (a cell parsed before is taken from ``cached`` here, without a call of ``parsed``)
        return [f"    raw = {value}", f"    value = cached(({kind!r}, raw.__class__, raw), NOT_CACHED)",
                "    if value is not NOT_CACHED:", f"        changes[{field!r}] = value", "    else:",
                "        try:", f"            changes[{field!r}] = parsed({kind!r}, raw)",
                "        except CellError as exc:", f"            problem({header}, f\"{{exc}}。\", {field!r})"]
    # Names and follow-up logs: the row builder's own readers (``row``), called directly.
    if kind == lc.MEMBERS:
        return [f"    changes[{field!r}] = row.members({header}, {field!r}, {value})"]
    if kind == lc.AUTHORS:
        return [f"    changes[{field!r}] = row.authors({header}, {value})"]
    if kind == lc.FOLLOWUP_LOG:
        return [f"    changes[{field!r}] = row.followup_log({field!r}, {value})"]
    names[f"column_{index}"] = col
    if kind == lc.CHOICE and exact:
        # Our own workbook's list values come back as written: a value of the list, or none, is
        # taken as it is (most cells); the builder reads the others (a new type is added to its
        # list).
        info = field_info(field)
        if info.type_list:
            allowed = f"types({info.type_list!r})"
        elif info.choices is not None:
            names[f"allowed_{index}"] = frozenset(info.choices)
            allowed = f"allowed_{index}"
        else:
            return [f"    read(column_{index}, {header}, {value})"]
        return [f"    raw = {value}", f"    if type(raw) is str and (raw in {allowed} or not raw):",
                f"        changes[{field!r}] = raw", "    else:", f"        read(column_{index}, {header}, raw)"]
    return [f"    read(column_{index}, {header}, {value})"]  # list values
