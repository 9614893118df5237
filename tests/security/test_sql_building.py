"""No SQL is built from user text.

Every f-string in the package that looks like SQL is found by parsing the sources; what it
interpolates must be one of the expressions below, each of which only ever holds a table or column
name from the models, a run of ``?`` placeholders, or a clause built the same way. User text always
travels as a ``?`` parameter. A new interpolation fails this test until it is reviewed and listed.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

import studio_desk
from studio_desk.core import codec
from studio_desk.core.models import RECORD_TYPES, Activity, Member, Reception
from studio_desk.core.store import Store

PACKAGE = Path(studio_desk.__file__).resolve().parent
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|PRAGMA|WHERE|FROM|ORDER BY|VALUES|DROP|VACUUM|ATTACH|"
    r"BETWEEN|LIKE|IN \(|IS NULL|= \?)"
)
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")

ALLOWED = {
    "cls.TABLE": "a model class's table name (a class constant)",
    "table": "a table name from the models / codec.CHILD_TABLES, or a loop over a fixed tuple",
    "column": "a date column from the store's fixed _YEAR_COLUMN map",
    "name": "a filter field, checked against fields_of(cls) before use",
    "cols": "column names from codec (class constants)",
    "', '.join(columns)": "column names from codec (class constants)",
    "columns": "'*' or codec.BASE_COLUMNS plus field names taken from fields_of(cls)",
    "marks": "a run of ? placeholders",
    "row_marks": "one row's run of ? placeholders, in brackets",
    "rows_marks": "several rows' runs of ? placeholders, in brackets",
    "insert": "the head of an INSERT: a table and its column names from the models and codec (class constants)",
    "','.join('?' * len(values))": "a run of ? placeholders",
    "','.join('?' * len(open_receptions))": "a run of ? placeholders",
    "','.join('?' * len(open_proposals))": "a run of ? placeholders",
    "','.join('?' * len(awaiting))": "a run of ? placeholders",
    "clause": "WHERE text built by _filter_sql from the items above; values go in params",
    "order": "ORDER BY from _DEFAULT_ORDER, or a field checked against fields_of(cls)",
    "_COMMON": "the schema's shared column list (a constant)",
    "APPLICATION_ID": "an integer constant",
    "COUNTY_APPLICATION_ID": "an integer constant (the county file's application id)",
    "version": "a migration step number (an int from schema.MIGRATIONS)",
    "'DESC' if descending else 'ASC'": "one of two words",
    "order_by": "a field name checked against fields_of(cls) just above",
    "union": "SELECTs over the model tables (cls.TABLE constants) that the file has",
    "child": "a child table name from schema._CHILD_PARENTS (a constant)",
    "parent": "a parent table name from schema._CHILD_PARENTS (a constant)",
    "_CHILD_COLUMNS[child]": "a child table's column definitions (a constant)",
}


def sql_fstrings() -> list[tuple[str, int, str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if not SQL_WORDS.search(literal) or re.search(r"[\u4e00-\u9fff]", literal):
                continue  # not SQL, or a Chinese sentence for the user
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    found.append((str(path.relative_to(PACKAGE)), node.lineno, ast.unparse(value.value), literal))
    return found


def test_sql_fstrings_interpolate_only_fixed_names():
    found = sql_fstrings()
    assert found, "the scan found no SQL at all: the pattern is broken"
    unknown = [(f, line, expr) for f, line, expr, _ in found if expr not in ALLOWED]
    assert not unknown, f"SQL built from an unreviewed expression: {unknown}"


def test_sql_is_not_built_by_concatenation_or_format():
    """``"..." + x`` or ``.format`` / ``%`` on SQL text would escape the scan above."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            text = None
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
                for side in (node.left, node.right):
                    if isinstance(side, ast.Constant) and isinstance(side.value, str):
                        text = side.value
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                  and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
                text = node.func.value.value
            if text and re.search(r"\b(SELECT|INSERT|UPDATE|DELETE FROM|WHERE)\b", text):
                bad.append((str(path.relative_to(PACKAGE)), node.lineno, ast.unparse(node)[:80]))
    allowed = {" WHERE "}  # _filter_sql joins its own clause parts (see ALLOWED["clause"])
    bad = [b for b in bad if not any(f'"{a}"' in b[2] or f"'{a}'" in b[2] for a in allowed)]
    assert not bad, bad


def test_the_names_that_are_interpolated_are_plain_identifiers():
    for cls in RECORD_TYPES:
        assert IDENTIFIER.match(cls.TABLE), cls.TABLE
        for column in codec.scalar_columns(cls):
            assert IDENTIFIER.match(column), column
    for table, columns in codec.CHILD_TABLES.values():
        assert IDENTIFIER.match(table)
        assert all(IDENTIFIER.match(c) for c in columns)


def test_user_text_in_search_filters_and_order_stays_data(store: Store):
    member = store.save(Member(name="刘刚"))
    store.save(Activity(date=date(2026, 3, 1), type="集中学习", topic="正常的活动", member_ids=[member.id]))
    hostile = "%' OR 1=1 --"
    store.save(Activity(date=date(2026, 3, 2), type="集中学习", topic=hostile, member_ids=[member.id]))
    assert [a.topic for a in store.list_records(Activity, search=hostile)] == [hostile]
    assert store.list_records(Activity, search="'; DROP TABLE activities; --") == []
    assert store.list_records(Activity, search="_") == []  # _ and % are matched literally
    assert [a.topic for a in store.list_records(Activity, search="%")] == [hostile]
    assert store.list_records(Reception, filters={"person_name": "x' OR '1'='1"}) == []
    with pytest.raises(ValueError):
        store.list_records(Activity, filters={"topic = topic OR 1": 1})
    with pytest.raises(ValueError):
        store.query_ids(Activity, order_by="date; DROP TABLE activities")
    assert store.count(Activity) == 2
