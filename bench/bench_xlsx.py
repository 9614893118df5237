"""Ledger export and import against the bare library limits on the same rows.

    python bench/bench_xlsx.py [--rows 20000] [--memory-rows 100000] [--workdir DIR]

- export: ``write_workbook`` (styles, totals, figures, print setup) vs a bare openpyxl write-only
  dump of exactly the cell values it wrote (no styles);
- import: ``read_ledgers`` + ``apply_plan`` into an empty database vs a bare python-calamine read of
  the same workbook plus one plain ``executemany`` per sheet; openpyxl's read-only mode is timed too;
- memory: peak resident memory of a fresh process exporting a 100,000-row year (goal < 200 MB).

Not a timed test: it prints figures (and their ratios) for the notes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate_large  # noqa: E402

YEAR = 2024


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _make_db(path: Path, rows: int) -> Path:
    if not path.exists():
        # All records in one year, so that the year's workbook holds them all.
        generate_large(path, rows, years=1, seed=11, last_year=YEAR)
    return path


def _fresh(path: Path) -> Path:
    for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
        leftover.unlink(missing_ok=True)
    return path


def bare_dump(values: dict[str, list[list]], target: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in values.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(target)


def calamine_values(path: Path) -> dict[str, list[list]]:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(str(path))
    return {name: wb.get_sheet_by_name(name).to_python() for name in wb.sheet_names}


def openpyxl_values(path: Path) -> dict[str, list[list]]:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    out = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    wb.close()
    return out


def bare_import(path: Path, db: Path) -> int:
    """calamine read + one plain executemany per sheet, in one transaction."""
    values = calamine_values(path)
    conn = sqlite3.connect(db)
    n = 0
    with conn:
        for index, rows in enumerate(values.values()):
            if len(rows) < 3:
                continue
            width = max(len(r) for r in rows)
            cols = ", ".join(f"c{i}" for i in range(width))
            conn.execute(f"CREATE TABLE s{index} ({cols})")
            body = [[None if v == "" else str(v) for v in r] + [None] * (width - len(r)) for r in rows[2:]]
            conn.executemany(f"INSERT INTO s{index} VALUES ({','.join('?' * width)})", body)
            n += len(body)
    conn.close()
    return n


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    from the parent across exec, which would report the benchmark's own peak instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(db: str, out: str, mode: str) -> None:
    """Runs in a fresh process: the baseline after imports, then the peak after the export."""
    from studio_desk.core.store import Store
    from studio_desk.exports.workbook import write_workbook

    store = Store.open(Path(db))
    baseline = _peak_rss_mb()
    if mode == "export":
        write_workbook(store, YEAR, Path(out))
    else:
        values = calamine_values(Path(out))
        baseline = _peak_rss_mb()
        bare_dump(values, Path(out + ".bare.xlsx"))
    print(json.dumps({"baseline_mb": baseline, "peak_mb": _peak_rss_mb()}))


def _memory(db: Path, out: Path, mode: str) -> dict[str, float]:
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(db), str(out), mode],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _export_timings(db: Path, out: Path, work: Path) -> tuple[float, float, int]:
    """The export and the bare dump of its values, best of three for both sides taken in turn (one
    timing swings by half on a shared machine), and the number of data rows."""
    from studio_desk.core.store import Store
    from studio_desk.exports.workbook import write_workbook

    exports: list[float] = []
    dumps: list[float] = []
    values: dict[str, list[list]] = {}
    with Store.open(db) as store:
        for _ in range(3):
            exports.append(_timed(lambda: write_workbook(store, YEAR, out))[0])
            values = values or calamine_values(out)
            dumps.append(_timed(lambda: bare_dump(values, work / "bare.xlsx"))[0])
    return min(exports), min(dumps), sum(max(len(rows) - 3, 0) for rows in values.values())


class ImportTimings(NamedTuple):
    total: float  # check + write, the best of three
    check: float
    write: float
    reimport_check: float  # the same workbook checked again against what it wrote (0: not asked)
    bare: float  # calamine read + one executemany per sheet, the best of three


def import_timings(workbook: Path, work: Path, *, reimport: bool = False) -> ImportTimings:
    """The import of ``workbook`` into a new empty database and the bare import of its values,
    three times each, taken in turn (one timing swings by half on a shared machine). The first
    import also loads pypinyin's dictionaries, which the window loads a second after it opens."""
    from studio_desk.core.store import Store
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers

    bare: list[float] = []
    runs: list[tuple[float, float, float, float]] = []
    for i in range(3):
        bare.append(_timed(lambda: bare_import(workbook, _fresh(work / f"bare-import-{i}.sqlite")))[0])
        with Store.open(_fresh(work / f"empty-{i}.sqlite"), replica_id="bench") as target:
            t_check, plan = _timed(lambda: read_ledgers(target, workbook, add_unknown_members=True))
            assert not plan.problems, [p.text() for p in plan.problems[:3]]
            t_write, _ = _timed(lambda: apply_plan(target, plan))
            t_again = 0.0
            if reimport:
                t_again, again = _timed(lambda: read_ledgers(target, workbook, add_unknown_members=True))
                assert not again.additions and not again.changes
        runs.append((t_check + t_write, t_check, t_write, t_again))
    return ImportTimings(*min(runs), min(bare))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--memory-rows", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--memory-child", nargs=3, metavar=("DB", "OUT", "MODE"))
    args = parser.parse_args(argv)
    if args.memory_child:
        memory_child(*args.memory_child)
        return 0

    work = args.workdir or Path(tempfile.mkdtemp(prefix="studio-desk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STUDIO_DESK_HOME", str(work / "home"))
    db = _make_db(work / f"ledger-{args.rows}.sqlite", args.rows)
    out = work / "export.xlsx"
    t_export, t_bare_dump, data_rows = _export_timings(db, out, work)

    t_calamine, _ = _timed(lambda: calamine_values(out))
    t_openpyxl, _ = _timed(lambda: openpyxl_values(out))
    t_import, t_plan, t_apply, t_reimport, t_bare_import = import_timings(out, work, reimport=True)

    figures = {
        "rows": data_rows,
        "export_s": round(t_export, 2),
        "bare_openpyxl_dump_s": round(t_bare_dump, 2),
        "export_ratio": round(t_export / t_bare_dump, 2),
        "import_s": round(t_import, 2),
        "import_check_s": round(t_plan, 2),
        "import_write_s": round(t_apply, 2),
        "bare_calamine_executemany_s": round(t_bare_import, 2),
        "import_ratio": round(t_import / t_bare_import, 2),
        "reimport_check_s": round(t_reimport, 2),
        "calamine_read_s": round(t_calamine, 2),
        "openpyxl_readonly_read_s": round(t_openpyxl, 2),
        "openpyxl_vs_calamine_read": round(t_openpyxl / t_calamine, 2),
    }
    if args.memory_rows:
        big = _make_db(work / f"ledger-{args.memory_rows}.sqlite", args.memory_rows)
        big_out = work / "export-big.xlsx"
        mem = _memory(big, big_out, "export")
        bare = _memory(big, big_out, "bare")
        figures.update(
            {
                "memory_rows": args.memory_rows,
                "export_peak_rss_mb": round(mem["peak_mb"], 1),
                "export_rss_over_baseline_mb": round(mem["peak_mb"] - mem["baseline_mb"], 1),
                "bare_dump_peak_rss_mb (values held in memory)": round(bare["peak_mb"], 1),
            }
        )
    for key, value in figures.items():
        print(f"{key:48} {value}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
