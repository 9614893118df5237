from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import studio_desk
from studio_desk.core.instance_lock import DatabaseInUse, DatabaseLock

ROOT = Path(studio_desk.__file__).resolve().parent.parent


def test_second_copy_is_refused_with_a_clear_message(db_path: Path):
    first = DatabaseLock(db_path)
    assert first.acquire()
    code = (
        "import sys; from pathlib import Path\n"
        "from studio_desk.core.instance_lock import DatabaseLock, DatabaseInUse\n"
        "try:\n"
        f"    DatabaseLock(Path({str(db_path)!r})).acquire()\n"
        "except DatabaseInUse as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert other.returncode == 3
    assert "已在另一个履职台账窗口中打开" in other.stdout
    first.release()
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0


def test_lock_left_by_a_dead_process_does_not_block(db_path: Path):
    code = (
        "import os; from pathlib import Path\n"
        "from studio_desk.core.instance_lock import DatabaseLock\n"
        f"DatabaseLock(Path({str(db_path)!r})).acquire()\n"
        "os._exit(0)\n"  # dies holding the lock, leaving the file behind
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert Path(str(db_path) + ".lock").exists()
    with DatabaseLock(db_path) as lock:
        assert lock.held


def test_in_process_second_lock_is_refused(db_path: Path):
    with DatabaseLock(db_path):
        if sys.platform.startswith("linux"):
            # flock locks belong to the open file, so a second open in the same process conflicts too
            with pytest.raises(DatabaseInUse):
                DatabaseLock(db_path).acquire()
