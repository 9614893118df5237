"""Snapshot and merge on a larger database: how they compare with a plain file copy.

Run: ``python bench/bench_usb.py [N]`` (N activities, default 20,000). Prints ratios, not
pass/fail: a snapshot (consistent copy + write + fsync + read-back check) against a plain
``shutil.copyfile``, and merges of 1 % and 10 % changed records against a no-change merge.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("STUDIO_DESK_HOME", tempfile.mkdtemp(prefix="bench-home-"))

from studio_desk.core.models import Activity, Member
from studio_desk.core.snapshot import write_snapshot
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_stores


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main(n: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-usb-"))
    base = work / "base.sqlite"
    with Store.open(base, replica_id="base") as s:
        members = [s.save(Member(name=f"委员{i}")) for i in range(30)]
        records = [
            Activity(date=date(2026, 1 + i % 12, 1 + i % 28), type="集中学习", topic=f"活动{i}",
                     content="学习" * 50, member_ids=[members[i % 30].id, members[(i + 7) % 30].id])
            for i in range(n)
        ]
        s.save_many(records, check=False)
    size = base.stat().st_size
    copy_time, _ = timed(lambda: shutil.copyfile(base, work / "plain-copy.sqlite"))
    with Store.open(base, replica_id="base") as s:
        snap_time, _ = timed(lambda: write_snapshot(s, work / "snap.sqlite"))
        enc_time, _ = timed(lambda: write_snapshot(s, work / "enc.sqlite", password="bench-pass"))
    print(f"{n:,} activities, file {size / 1e6:.1f} MB")
    print(f"snapshot / plain copy: {snap_time / copy_time:.1f}x  ({snap_time:.2f}s vs {copy_time:.3f}s)")
    print(f"encrypted snapshot / snapshot: {enc_time / snap_time:.2f}x")

    for share in (0.0, 0.01, 0.10):
        a, b = work / f"a{share}.sqlite", work / f"b{share}.sqlite"
        shutil.copyfile(base, a)
        shutil.copyfile(base, b)
        with Store.open(b, replica_id="B") as sb:
            ids = sb.query_ids(Activity)[: int(n * share)]
            sb.save_many([dataclasses.replace(r, topic=r.topic + "改") for r in sb.get_many(Activity, ids)], check=False)
        with Store.open(a, replica_id="A") as sa, Store.open(b, replica_id="B") as sb:
            tracemalloc.start()
            t, summary = timed(lambda: merge_stores(sa, sb))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        if share == 0.0:
            base_t = t
        print(f"merge with {share:.0%} changed: {t:.2f}s = {t / base_t:.1f}x the no-change merge, "
              f"peak Python memory {peak / 1e6:.0f} MB, changed {summary.totals().changed}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
