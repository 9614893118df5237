"""The core's daily operations on a 100,000-record database, each against its bare limit.

    python bench/bench_core.py [--records 100000]

Prints a Markdown table: our time, the bare limit measured in the same run, their ratio,
and the peak memory of the process. Nothing here passes or fails; see bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("STUDIO_DESK_HOME", tempfile.mkdtemp(prefix="bench-home-"))

from bench.generate import generate_large  # noqa: E402
from studio_desk.core.backup import make_backup  # noqa: E402
from studio_desk.core.figures import annual_figures  # noqa: E402
from studio_desk.core.models import Activity, Member, Reception  # noqa: E402
from studio_desk.core.store import Store  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def database(records: int) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"core-{records}.sqlite"
    if not path.exists():
        generate_large(path, records, years=10, seed=7)
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    path = database(args.records)
    rows: list[tuple[str, float, str, float]] = []

    def bare_connect():
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM members").fetchone()
        conn.close()

    def store_open():
        Store.open(path, replica_id="bench").close()

    rows.append(("打开数据库 (Store.open)", best(store_open), "sqlite3.connect + 一次查询", best(bare_connect)))

    store = Store.open(path, replica_id="bench")
    year = max(y for y in store.years() if store.count(Activity, year=y))
    conn = sqlite3.connect(path)

    def bare_scan():
        for table in ("activities", "receptions", "donations", "proposals", "members"):
            conn.execute(f"SELECT * FROM {table} WHERE deleted = 0").fetchall()

    rows.append((f"年度统计 annual_figures({year}) 含上年", best(lambda: annual_figures(store, year), 3),
                 "全库记录扫描一遍", best(bare_scan, 3)))

    for query in ("学", "协商", "营商环"):
        ours = best(lambda q=query: store.query_ids(Reception, year=year, search=q)[:200], 5)
        bare = best(lambda q=query: conn.execute(
            "SELECT id FROM receptions WHERE deleted = 0 AND date BETWEEN ? AND ? AND search_text LIKE ?"
            " ORDER BY date DESC", (f"{year}-01-01", f"{year}-12-31", f"%{q}%")).fetchall(), 5)
        rows.append((f"搜索“{query}”（{len(query)}个字，接待走访，当年）", ours, "同条件 LIKE 查询", bare))

    member = store.list_records(Member)[0]
    counter = iter(range(10**9))

    def save_one():
        store.save(Activity(date=date(year, 6, 1), type="集中学习", topic=f"基准{next(counter)}",
                            member_ids=[member.id]))

    scratch = Path(tempfile.mkdtemp()) / "bare.sqlite"
    bare_conn = sqlite3.connect(scratch, isolation_level=None)
    bare_conn.execute("PRAGMA synchronous=FULL")
    bare_conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

    def bare_insert():
        bare_conn.execute("BEGIN")
        bare_conn.execute("INSERT INTO t (v) VALUES ('x')")
        bare_conn.execute("COMMIT")

    rows.append(("保存一条记录（校验+历史）", best(save_one, 10), "单行 INSERT + COMMIT (FULL)", best(bare_insert, 10)))

    backups = Path(tempfile.mkdtemp())
    vacuum_target = Path(tempfile.mkdtemp()) / "v.sqlite"

    def bare_vacuum():
        if vacuum_target.exists():
            vacuum_target.unlink()
        conn.execute(f"VACUUM INTO '{vacuum_target}'")

    rows.append(("备份 (make_backup)", best(lambda: make_backup(store, backups, "manual"), 3),
                 "VACUUM INTO", best(bare_vacuum, 3)))
    store.close()

    size_mb = path.stat().st_size / 1024 / 1024
    print(f"数据库：{args.records:,} 条记录，{size_mb:.1f} MB；峰值内存 {peak_mb():.0f} MB\n")
    print("| 操作 | 本程序 | 基准 | 基准耗时 | 倍数 |")
    print("|---|---:|---|---:|---:|")
    for name, ours, bare_name, bare in rows:
        print(f"| {name} | {ours * 1000:.1f} ms | {bare_name} | {bare * 1000:.1f} ms | {ours / bare:.1f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
