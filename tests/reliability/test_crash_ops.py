"""SIGKILL at random moments during an import of a large ledger, a backup, a restore, and
ordinary saves made through the real record form (the GUI layer, offscreen).

After each kill: ``integrity_check`` passes, the operation happened wholly or not at all, every
file in the backups folder is a complete database, and every save the form acknowledged is there.

CI runs a few rounds of each; ``STUDIO_DESK_SOAK_ROUNDS=50 pytest tests/reliability -k crash`` soaks.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.db import check_file
from studio_desk.core.models import LEDGER_TYPES, Activity, Donation, Member
from studio_desk.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = int(os.environ.get("STUDIO_DESK_SOAK_ROUNDS", "3"))
LEDGER_ROWS = 1500
YEAR = 2025
RESTORE_STARTS = "正在检查备份"  # the restore's first progress line


def env_for(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "STUDIO_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def cli(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "studio_desk", "--db", str(db), *args]


def run_killed(cmd: list[str], env: dict[str, str], delay: float, *, marker: str = "") -> int | None:
    """Start ``cmd``; SIGKILL it ``delay`` seconds after start (or after ``marker`` appeared on
    its stderr, i.e. once the operation itself began). The exit code if it finished first."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    assert proc.stderr is not None
    if marker:
        for line in proc.stderr:
            if marker in line:
                break
    try:
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return None
    finally:
        proc.stderr.close()


def timed_run(cmd: list[str], env: dict[str, str], *, marker: str = "") -> float:
    """Seconds the command takes (from ``marker`` on its stderr, when given)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    start = time.perf_counter()
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if marker and marker in line:
            start = time.perf_counter()
    out = proc.stdout.read() if proc.stdout else ""
    assert proc.wait() == 0, out + "".join(seen)
    return time.perf_counter() - start


def integrity_ok(path: Path) -> None:
    conn = sqlite3.connect(path)  # read-write: rolls back a hot journal left by the kill
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def state(path: Path) -> tuple:
    """What a restore or import must leave whole: every table's (id, version) set."""
    integrity_ok(path)
    conn = sqlite3.connect(path)
    try:
        out = []
        for cls in (*LEDGER_TYPES, Member):
            rows = conn.execute(f"SELECT id, version_id, deleted FROM {cls.TABLE} ORDER BY id").fetchall()
            out.append((cls.TABLE, hashlib.sha256(repr(rows).encode()).hexdigest(), len(rows)))
        return tuple(out)
    finally:
        conn.close()


def backups_complete(folder: Path) -> int:
    """Every backup under its final name is a whole, checked database. Returns how many."""
    n = 0
    for path in folder.glob("*.sqlite"):
        report = check_file(path)
        assert report.ok, (path.name, report.problems)
        n += 1
    return n


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 1,500-record database of one year and its exported ledger workbook."""
    from bench.generate import generate_large
    from studio_desk.exports.workbook import write_workbook

    folder = tmp_path_factory.mktemp("台账 源")
    home = folder / "home"
    home.mkdir()
    old = os.environ.get("STUDIO_DESK_HOME")
    os.environ["STUDIO_DESK_HOME"] = str(home)
    try:
        source = folder / "source.sqlite"
        with Store.open(source, replica_id="source") as store:
            generate_large(store, LEDGER_ROWS, years=1, seed=3, last_year=YEAR)
            workbook = folder / "台账 2025.xlsx"
            write_workbook(store, YEAR, workbook)
        empty = folder / "empty.sqlite"
        Store.open(empty, replica_id="target").close()
    finally:
        if old is None:
            os.environ.pop("STUDIO_DESK_HOME", None)
        else:
            os.environ["STUDIO_DESK_HOME"] = old
    return {"source": source, "workbook": workbook, "empty": empty}


# Import.


def test_killed_during_import_imports_all_or_nothing(ledger, tmp_path: Path):
    rng = random.Random(11)
    home = tmp_path / "home"
    env = env_for(home)
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(ledger["empty"], reference)
    before = state(reference)
    took = timed_run(cli(reference, "import", str(ledger["workbook"]), "--add-members"), env)
    after = state(reference)
    assert sum(n for _, _, n in after) > LEDGER_ROWS  # the import did add every record
    outcomes = {"before": 0, "after": 0}
    for round_no in range(ROUNDS * 2):
        db = tmp_path / f"导入 {round_no}.sqlite"
        shutil.copyfile(ledger["empty"], db)
        source_hash = sha(ledger["workbook"])
        run_killed(cli(db, "import", str(ledger["workbook"]), "--add-members"), env, rng.uniform(0.3, took * 1.1))
        now = state(db)
        # ids and versions differ between runs (new ids per import), so compare counts per table
        counts = [n for _, _, n in now]
        assert counts in ([n for _, _, n in before], [n for _, _, n in after]), counts
        outcomes["before" if counts == [n for _, _, n in before] else "after"] += 1
        assert sha(ledger["workbook"]) == source_hash  # the workbook is only read
        if (home / "backups").exists():
            backups_complete(home / "backups")
    print(f"import kills: {outcomes}")


# Backup.


def test_killed_during_backup_leaves_database_untouched_and_only_whole_backups(ledger, tmp_path: Path):
    rng = random.Random(12)
    env = env_for(tmp_path / "home")
    db = tmp_path / "台账.sqlite"
    shutil.copyfile(ledger["source"], db)
    original = sha(db)
    target = tmp_path / "备份 文件夹"
    took = timed_run(cli(db, "backup", "--to", str(target)), env)
    startup = timed_run(cli(db, "backups"), env)  # the interpreter and the CLI, without the copy
    complete = 0
    for _ in range(ROUNDS * 2):
        # aim at the copy itself: most of a short command's life is starting the interpreter
        run_killed(cli(db, "backup", "--to", str(target)), env, rng.uniform(startup * 0.8, took * 1.1))
        assert sha(db) == original  # a backup only reads the database
        complete = backups_complete(target)
    assert complete >= 1
    # a kill inside the copy leaves only a *.part file, never a half backup under a final name
    print(f"backup kills: {ROUNDS * 2}, whole backups {complete}, cut-off copies left as .part: "
          f"{len(list(target.glob('*.part')))}")
    for path in target.glob("*.sqlite"):
        assert state(path) == state(db)


# Restore.


def test_killed_during_restore_leaves_old_or_restored_state(ledger, tmp_path: Path):
    rng = random.Random(13)
    home = tmp_path / "home"
    env = env_for(home)
    older = tmp_path / "较早 备份.sqlite"
    shutil.copyfile(ledger["source"], older)
    current = tmp_path / "current.sqlite"
    shutil.copyfile(ledger["source"], current)
    with Store.open(current, replica_id="later") as store:  # the state after the backup
        member = store.list_records(Member)[0]
        store.save_many([Activity(date=date(YEAR, 3, 1 + i % 9), type="集中学习", topic=f"新增{i}",
                                  member_ids=[member.id]) for i in range(300)])
        for record in store.list_records(Donation)[:50]:
            store.delete(Donation, record.id)
    old_state, new_state = state(current), state(older)
    assert old_state != new_state
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(current, reference)
    took = timed_run(cli(reference, "restore", str(older)), env, marker=RESTORE_STARTS)
    assert state(reference) == new_state
    outcomes = {"old": 0, "restored": 0, "finished": 0}
    for round_no in range(ROUNDS * 2):
        db = tmp_path / f"恢复 {round_no}.sqlite"
        shutil.copyfile(current, db)
        finished = run_killed(cli(db, "restore", str(older)), env, rng.uniform(0, took), marker=RESTORE_STARTS)
        now = state(db)
        assert now in (old_state, new_state)
        outcomes["old" if now == old_state else "restored"] += 1
        outcomes["finished"] += finished is not None
        assert state(older) == new_state  # the backup itself is only read
        backups_complete(home / "backups") if (home / "backups").exists() else None
    print(f"restore kills: {outcomes}")


# Saves through the GUI.


FORM_WRITER = r"""
import sys
from datetime import date
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget
from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store
from studio_desk.ui.forms import ActivityForm, DonationForm

app = QApplication([])
store = Store.open(sys.argv[1], replica_id="gui")
liu = store.save(Member(name="刘刚", role="召集人"))
print("ready", flush=True)

def press_save(form):
    form.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    app.processEvents()
    assert form.saved is not None, form.ui.error_summary.text()
    return form.saved

i = 0
while True:
    i += 1
    if i % 3 == 0:
        target = store.list_records(Activity)[0]
        form = ActivityForm(store, target)
        form.findChild(QLineEdit, "f_topic").setText(f"改{i}")
        form.findChild(QPlainTextEdit, "f_content").setPlainText(f"改{i}" * 50)
        saved = press_save(form)
        print("edit", saved.id, saved.topic, flush=True)
    elif i % 3 == 1:
        form = ActivityForm(store)
        form.findChild(QLineEdit, "f_topic").setText(f"学习{i}")
        form.findChild(QPlainTextEdit, "f_content").setPlainText("学" * 300)
        form.findChild(QSpinBox, "f_public_count").setValue(i)
        form.findChild(QWidget, "f_member_ids").set_value([liu.id])  # a complete record: no question
        saved = press_save(form)
        print("ack", saved.id, saved.topic, flush=True)
    else:
        form = DonationForm(store)
        form.findChild(QLineEdit, "f_donor").setText("工作室")
        form.findChild(QLineEdit, "f_recipients").setText(f"儿童{i}")
        saved = press_save(form)
        print("ack", saved.id, saved.recipients, flush=True)
    form.deleteLater()
"""


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_killed_while_saving_through_the_form_loses_no_acknowledged_save(tmp_path: Path, round_no: int):
    rng = random.Random(100 + round_no)
    db = tmp_path / "界面 保存.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", FORM_WRITER, str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env_for(tmp_path / "home"))
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    if first != "ready":
        proc.kill()
        pytest.fail("form writer did not start: " + first + proc.stderr.read())
    acked: dict[str, str] = {}
    edits: dict[str, str] = {}
    stop_after = rng.randint(3, 60)
    for line in proc.stdout:
        kind, record_id, label = line.split()
        (edits if kind == "edit" else acked)[record_id] = label
        if len(acked) >= stop_after:
            time.sleep(rng.uniform(0, 0.05))  # land inside the next save, not between
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(acked) >= stop_after, proc.stderr.read()

    integrity_ok(db)
    with Store.open(db, replica_id="checker") as store:
        present = {a.id: a.topic for a in store.list_records(Activity)}
        present.update({d.id: d.recipients for d in store.list_records(Donation)})
        for record_id, label in acked.items():
            assert record_id in present, label
        for record_id, topic in edits.items():
            current = store.get(Activity, record_id)
            # the acknowledged edit, or a later whole one: topic and content always match
            assert current.content == current.topic * 50
            assert int(current.topic[1:]) >= int(topic[1:])
    print(f"form saves: killed after {len(acked)} acknowledged saves and {len(edits)} edits, all present")


BACKUP_LOOP = r"""
import sys
from pathlib import Path
from studio_desk.core.backup import make_backup
from studio_desk.core.store import Store

store = Store.open(sys.argv[1], replica_id="backup-loop", create=False)
print("ready", flush=True)
while True:
    info = make_backup(store, Path(sys.argv[2]), "manual")
    print("ack", info.path.name, flush=True)
"""


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_killed_inside_a_backup_copy(ledger, tmp_path: Path, round_no: int):
    """Backups made back to back, killed at a random moment: the kill lands inside a copy."""
    rng = random.Random(200 + round_no)
    db = tmp_path / "台账.sqlite"
    shutil.copyfile(ledger["source"], db)
    original = sha(db)
    target = tmp_path / "备份"
    proc = subprocess.Popen([sys.executable, "-c", BACKUP_LOOP, str(db), str(target)], stdout=subprocess.PIPE,
                            text=True, encoding="utf-8", env=env_for(tmp_path / "home"))
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.05, 0.6))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    acked = [line.split()[1] for line in proc.stdout.read().splitlines() if line.startswith("ack")]
    assert sha(db) == original
    whole = backups_complete(target)
    assert whole >= len({name for name in acked if (target / name).exists()})
    for name in acked:  # every acknowledged backup that rotation kept is whole
        if (target / name).exists():
            assert check_file(target / name).ok
    print(f"backup loop: {len(acked)} acknowledged, {whole} whole on disk, "
          f"{len(list(target.glob('*.part')))} cut-off .part")


def test_backups_cut_off_by_a_crash_are_cleaned_up_later(demo_path: Path, tmp_path: Path):
    from studio_desk.core.backup import make_backup

    folder = tmp_path / "备份"
    folder.mkdir()
    old_part = folder / f"{demo_path.stem}-manual-20260101-080000.sqlite.part"
    new_part = folder / f"{demo_path.stem}-manual-20260101-090000.sqlite.part"
    other = folder / "另一个库-manual-20260101-080000.sqlite.part"
    for part in (old_part, new_part, other):
        part.write_bytes(b"SQLite format 3\x00" + bytes(5000))
    two_hours_ago = time.time() - 7200
    os.utime(old_part, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    with Store.open(demo_path, replica_id="w") as store:
        make_backup(store, folder, "manual")
    assert not old_part.exists()  # left by a crash long ago
    assert new_part.exists()  # maybe still being written by another copy of the app
    assert other.exists()  # another database's: not ours to judge
