"""The schema, as ordered migration steps. A step is never edited once released: add a new one.

``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the file
as a Studio Desk database, so that a file from another program is recognised and refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x53444B31  # "SDK1"

_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    replica_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the step's transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _v1_initial(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        f"""
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

CREATE TABLE studio ({_COMMON},
    name TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
    county TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '', founded_on TEXT,
    convenor TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
    intro TEXT NOT NULL DEFAULT '');

CREATE TABLE members ({_COMMON},
    name TEXT NOT NULL, gender TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',
    level TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '',
    employer TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
    joined_on TEXT, left_on TEXT, notes TEXT NOT NULL DEFAULT '');

CREATE TABLE activities ({_COMMON},
    date TEXT, end_date TEXT, type TEXT NOT NULL DEFAULT '', topic TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '', organizer TEXT NOT NULL DEFAULT '',
    public_count INTEGER NOT NULL DEFAULT 0, suggestion_count INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL DEFAULT '', is_highlight INTEGER NOT NULL DEFAULT 0,
    highlight_note TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE INDEX activities_date ON activities(date);

CREATE TABLE receptions ({_COMMON},
    date TEXT, mode TEXT NOT NULL DEFAULT '', person_name TEXT NOT NULL DEFAULT '',
    person_phone TEXT NOT NULL DEFAULT '', person_id_number TEXT NOT NULL DEFAULT '',
    person_address TEXT NOT NULL DEFAULT '', people_count INTEGER NOT NULL DEFAULT 0,
    household_count INTEGER NOT NULL DEFAULT 0, request_category TEXT NOT NULL DEFAULT '',
    request_content TEXT NOT NULL DEFAULT '', handling TEXT NOT NULL DEFAULT '',
    transferred_to TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '',
    deadline TEXT, closed_on TEXT, result TEXT NOT NULL DEFAULT '',
    practical_help INTEGER NOT NULL DEFAULT 0, dispute INTEGER NOT NULL DEFAULT 0,
    feedback_given INTEGER NOT NULL DEFAULT 0, satisfaction TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '');
CREATE INDEX receptions_date ON receptions(date);

CREATE TABLE donations ({_COMMON},
    date TEXT, category TEXT NOT NULL DEFAULT '', donor TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '', recipient_count INTEGER NOT NULL DEFAULT 0,
    cash_fen INTEGER NOT NULL DEFAULT 0, handler TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '');
CREATE INDEX donations_date ON donations(date);

CREATE TABLE proposals ({_COMMON},
    category TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '', submitted_on TEXT,
    session TEXT NOT NULL DEFAULT '', number TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT '',
    handler_unit TEXT NOT NULL DEFAULT '', result_class TEXT NOT NULL DEFAULT '',
    adoption_level TEXT NOT NULL DEFAULT '', instruction TEXT NOT NULL DEFAULT '',
    answered_on TEXT, deadline TEXT, satisfaction TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE INDEX proposals_submitted ON proposals(submitted_on);

CREATE TABLE type_entries ({_COMMON},
    list_name TEXT NOT NULL, value TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0);

CREATE TABLE narratives ({_COMMON},
    year_no INTEGER NOT NULL, section TEXT NOT NULL, text TEXT NOT NULL DEFAULT '');

CREATE TABLE settings ({_COMMON},
    key TEXT NOT NULL, value_json TEXT NOT NULL DEFAULT '');

-- Children: part of their parent record, versioned and merged with it.
CREATE TABLE record_members (
    record_id TEXT NOT NULL, position INTEGER NOT NULL, member_id TEXT NOT NULL,
    PRIMARY KEY (record_id, position));
CREATE TABLE donation_items (
    record_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL,
    quantity TEXT, unit TEXT NOT NULL DEFAULT '', value_fen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_id, position));
CREATE TABLE proposal_authors (
    record_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, member_id TEXT,
    PRIMARY KEY (record_id, position));
CREATE TABLE followups (
    record_id TEXT NOT NULL, position INTEGER NOT NULL, date TEXT, note TEXT NOT NULL,
    PRIMARY KEY (record_id, position));

-- Every earlier version of every record (the whole record with its children, as JSON).
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    replica_id TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    data TEXT NOT NULL,
    archived_at TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '');
CREATE INDEX history_record ON history(record_id, seq);
"""
    )


def _v2_search(conn: sqlite3.Connection) -> None:
    """A folded search text per record (text, member names and their pinyin initials)."""
    for table in ("members", "activities", "receptions", "donations", "proposals"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX record_members_member ON record_members(member_id)")
    conn.execute("CREATE INDEX history_version ON history(version_id)")
    # Filled by the store after migrating (it needs the pinyin helper, not SQL): the file has no
    # ``search_text_version`` yet.


def _v3_attachments(conn: sqlite3.Connection) -> None:
    """Attachments (photos, scans) kept inside the file: records that say whose they are, and
    their bytes stored once per content."""
    _run_script(
        conn,
        f"""
CREATE TABLE attachments ({_COMMON},
    owner_kind TEXT NOT NULL DEFAULT '', owner_id TEXT NOT NULL DEFAULT '',
    caption TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0,
    file_name TEXT NOT NULL DEFAULT '', media_type TEXT NOT NULL DEFAULT '',
    blob_sha256 TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,
    with_owner INTEGER NOT NULL DEFAULT 0, in_summary INTEGER NOT NULL DEFAULT 0);
CREATE INDEX attachments_owner ON attachments(owner_id, position);
CREATE TABLE attachment_blobs (
    sha256 TEXT PRIMARY KEY NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL,
    data BLOB NOT NULL);
""",
    )


def _v4_rota(conn: sqlite3.Connection) -> None:
    """The 委员接待日 rota: planned days and the members on duty (in ``record_members``)."""
    _run_script(
        conn,
        f"""
CREATE TABLE reception_days ({_COMMON},
    date TEXT, location TEXT NOT NULL DEFAULT '', hours TEXT NOT NULL DEFAULT '',
    activity_id TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE INDEX reception_days_date ON reception_days(date);
""",
    )


def _v5_reception_day(conn: sqlite3.Connection) -> None:
    """A reception links to the 委员接待日 activity it was received at."""
    conn.execute("ALTER TABLE receptions ADD COLUMN activity_id TEXT NOT NULL DEFAULT ''")
    conn.execute("CREATE INDEX receptions_activity ON receptions(activity_id) WHERE activity_id != ''")


def _v6_incomplete(conn: sqlite3.Connection) -> None:
    """待补全: what an imported old ledger left out of a record."""
    for table in ("activities", "receptions", "donations", "proposals"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN incomplete TEXT NOT NULL DEFAULT ''")


def _v7_activity_outcomes(conn: sqlite3.Connection) -> None:
    """An activity's outcomes: 经济成效 (fen) and 受益群众 (people)."""
    conn.execute("ALTER TABLE activities ADD COLUMN economic_fen INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE activities ADD COLUMN beneficiaries INTEGER NOT NULL DEFAULT 0")


# Which parent tables each child table serves (a record's children are its own).
_CHILD_PARENTS = {
    "record_members": ("activities", "receptions", "donations", "proposals", "reception_days"),
    "donation_items": ("donations",),
    "proposal_authors": ("proposals",),
    "followups": ("receptions", "proposals"),
}
_CHILD_COLUMNS = {
    "record_members": "member_id TEXT NOT NULL",
    "donation_items": "name TEXT NOT NULL, quantity TEXT, unit TEXT NOT NULL DEFAULT '', "
    "value_fen INTEGER NOT NULL DEFAULT 0",
    "proposal_authors": "name TEXT NOT NULL, member_id TEXT",
    "followups": "date TEXT, note TEXT NOT NULL",
}


def _v8_children_keyed_by_table(conn: sqlite3.Connection) -> None:
    """Child rows carry their parent's table: a record of one kind can never replace another
    kind's members, items, authors or follow-ups, even when an old file gave both one id."""
    for child, parents in _CHILD_PARENTS.items():
        names = [row[1] for row in conn.execute(f"PRAGMA table_info({child})")][2:]
        conn.execute(f"ALTER TABLE {child} RENAME TO {child}_v2")
        conn.execute(
            f"CREATE TABLE {child} (table_name TEXT NOT NULL, record_id TEXT NOT NULL, "
            f"position INTEGER NOT NULL, {_CHILD_COLUMNS[child]}, "
            "PRIMARY KEY (table_name, record_id, position))"
        )
        cols = ", ".join(["record_id", "position", *names])
        for parent in parents:
            conn.execute(
                f"INSERT INTO {child} (table_name, {cols}) SELECT ?, {cols} FROM {child}_v2 "
                f"WHERE record_id IN (SELECT id FROM {parent})",
                (parent,),
            )
        conn.execute(f"DROP TABLE {child}_v2")
    conn.execute("CREATE INDEX record_members_member ON record_members(member_id)")


def _v9_member_party(conn: sqlite3.Connection) -> None:
    """A member's 党派, and 界别 as an editable list. The list's entries are versioned records the
    store writes after migrating (meta ``new_type_lists``, comma-separated list names): its
    defaults, then every 界别 the file's members and studio already name, so that no stored value
    leaves the list."""
    conn.execute("ALTER TABLE members ADD COLUMN party TEXT NOT NULL DEFAULT ''")
    # A list's values carry no surrounding blanks; every copy trims alike when it upgrades.
    blanks = " \t\n\r\u3000"
    conn.execute("UPDATE members SET sector = trim(sector, ?) WHERE sector != trim(sector, ?)", (blanks, blanks))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('new_type_lists', 'sector')")


MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1_initial),
    (2, _v2_search),
    (3, _v3_attachments),
    (4, _v4_rota),
    (5, _v5_reception_day),
    (6, _v6_incomplete),
    (7, _v7_activity_outcomes),
    (8, _v8_children_keyed_by_table),
    (9, _v9_member_party),
]
CURRENT_VERSION = MIGRATIONS[-1][0]
