"""The file-reading side of the ledger import against calamine alone, in the same run.

    python bench/bench_read.py [--rows 20000] [--workdir DIR] [--repeat 5]

``read_workbook`` with the masked-copy check (each sheet's XML scanned once and bounded, calamine
reading the sheets already bounded in its own thread, masked values looked for among the cells)
against a bare python-calamine read of every sheet; the XML scan alone; the wall clock beside the
CPU time of the process (above the wall clock when calamine and the scan ran side by side) and
the machine's load, which the overlap depends on. Best of ``--repeat`` each.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_xlsx import YEAR, _make_db, calamine_values  # noqa: E402


def _best(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best wall clock, and the process's CPU time in that run."""
    runs = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="studio-desk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STUDIO_DESK_HOME", str(work / "home"))
    from studio_desk.core.masked_marker import MaskedEvidence
    from studio_desk.core.store import Store
    from studio_desk.exports.workbook import write_workbook
    from studio_desk.exports.xlsx_read import read_workbook
    from studio_desk.exports.xlsx_scan import scan_xlsx

    out = work / f"read-{args.rows}.xlsx"
    if not out.exists():
        with Store.open(_make_db(work / f"ledger-{args.rows}.sqlite", args.rows)) as store:
            write_workbook(store, YEAR, out)
    load = os.getloadavg()[0]
    bare, bare_cpu = _best(lambda: calamine_values(out), args.repeat)
    read, read_cpu = _best(lambda: read_workbook(out, evidence=MaskedEvidence()), args.repeat)
    scan, _ = _best(lambda: scan_xlsx(out, lambda n: None, lambda name, s: None, MaskedEvidence()), args.repeat)
    figures = {
        "workbook_mb": round(out.stat().st_size / 2**20, 1),
        "bare_calamine_read_s": round(bare, 3),
        "read_workbook_s": round(read, 3),
        "read_ratio": round(read / bare, 2),
        "read_workbook_cpu_s": round(read_cpu, 3),
        "xml_scan_s": round(scan, 3),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
    }
    for key, value in figures.items():
        print(f"{key:24} {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
