"""Fuzz the merge with randomly damaged copies of a real database file.

Each damaged copy (bytes flipped in pages, the file cut short, pages zeroed, the header touched,
garbage appended) is either refused with a Chinese sentence (a ``StudioDeskError``), leaving the
working database byte for byte as it was, or merged into a database that still passes
``integrity_check``, can be read whole, and is unchanged by merging the same copy again.

CI tries ``STUDIO_DESK_FUZZ_EXAMPLES`` (default 25) damaged files; set it to 1000 to soak.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio_desk.core import codec
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.figures import annual_figures
from studio_desk.core.models import RECORD_TYPES, Activity, Member
from studio_desk.core.store import Store
from studio_desk.core.sync import data_fingerprint, merge_file

EXAMPLES = int(os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("STUDIO_DESK_FUZZ_EXAMPLES"),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
STATS = {"refused": 0, "merged": 0}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> tuple[Path, Path]:
    """The working database and a copy edited apart on another PC (the merge source)."""
    folder = tmp_path_factory.mktemp("合并 模糊")
    working = folder / "working.sqlite"
    source = folder / "other PC.sqlite"
    shutil.copyfile(demo_template, working)
    shutil.copyfile(demo_template, source)
    with Store.open(source, replica_id="other-pc") as other:
        member = other.list_records(Member)[0]
        for record in other.list_records(Activity)[:20]:
            other.save(codec.copy_record(record, topic=record.topic + "（另一台电脑）"), check=False)
        other.save_many([Activity(date=date(2026, 4, 1 + i), type="集中学习", topic=f"外来{i}",
                                  member_ids=[member.id], content="内容" * 40) for i in range(25)])
    return working, source


def damage(data: bytearray, how: str, draw) -> bytearray:
    size = len(data)
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = max(size // page, 1)
    if how == "flip":
        for _ in range(draw(st.integers(1, 40))):
            at = draw(st.integers(0, size - 1))
            data[at] = draw(st.integers(0, 255))
    elif how == "flip_header":
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, 99))
            data[at] = draw(st.integers(0, 255))
    elif how == "truncate":
        del data[draw(st.integers(0, size - 1)):]
    elif how == "zero_page":
        for _ in range(draw(st.integers(1, 4))):
            n = draw(st.integers(0, pages - 1))
            data[n * page:(n + 1) * page] = bytes(min(page, size - n * page))
    elif how == "swap_pages":
        a, b = draw(st.integers(1, pages - 1)), draw(st.integers(1, pages - 1))
        pa, pb = bytes(data[a * page:(a + 1) * page]), bytes(data[b * page:(b + 1) * page])
        data[a * page:(a + 1) * page], data[b * page:(b + 1) * page] = pb, pa
    elif how == "append":
        data += draw(st.binary(min_size=1, max_size=5000))
    return data


@FUZZ
@given(how=st.sampled_from(["flip", "flip", "flip_header", "truncate", "zero_page", "swap_pages", "append"]),
       data=st.data())
def test_damaged_copy_is_refused_cleanly_or_merged_whole(pair, how, data):
    working_template, source = pair
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        working = folder / "working.sqlite"
        shutil.copyfile(working_template, working)
        damaged = folder / "U盘 副本.sqlite"
        damaged.write_bytes(bytes(damage(bytearray(source.read_bytes()), how, data.draw)))
        damaged_hash, before = sha(damaged), sha(working)
        store = Store.open(working, replica_id="working")
        try:
            try:
                merge_file(store, damaged, backup_dir=folder / "backups")
            except StudioDeskError as exc:
                assert str(exc) and not str(exc).startswith("Traceback")
                store.close()
                assert sha(working) == before  # a refused file changed nothing
                STATS["refused"] += 1
                return
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for cls in RECORD_TYPES:  # every record still reads back whole
                store.get_many(cls, store.query_ids(cls, include_deleted=True))
            annual_figures(store, 2026)
            first = data_fingerprint(store)
            again = merge_file(store, damaged, backup_dir=folder / "backups")
            assert not again.changed_anything
            assert data_fingerprint(store) == first
            STATS["merged"] += 1
        finally:
            store.close()
        assert sha(damaged) == damaged_hash  # the source is only read


def test_report_fuzz_counts():
    print(f"damaged merge sources: {STATS}")
