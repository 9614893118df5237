"""The county roll-up at county scale: 122 studios × 10 years × ~500 records a year (≈ 0.6 M records).

    python bench/bench_county.py                      # 122 studios, 5,000 records each over ten years
    python bench/bench_county.py --studios 20 --records 2000 --years 5   # a quick look
    python bench/bench_county.py --write-readme       # ... and replace the county table in bench/README.md

The studios' packages are generated once into ``bench/out/county/``: a few different studios
(``bench/generate.py``, each from its own seed, masked by the package code), copied to ``--studios``
packages each with its own database identity and name. The measurements run in a fresh process
(its peak memory is the figure's "峰值内存"), each against a bare limit measured in the same run:
a bare SQLite scan of the same rows (a package's rows for adding it; the year's rows of every
studio, gathered in one plain file, for the figures and the outputs) and a bare openpyxl
write-only dump of the same number of cells for the workbook.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run_all import best, peak_mb  # noqa: E402 - after the path is set

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "county"
README = ROOT / "bench" / "README.md"
TEMPLATES = 6  # distinct generated studios; the packages are copies of them with their own identity
LEDGER_TABLES = ("activities", "receptions", "donations", "proposals")
YEAR_SQL = {
    "activities": "date", "receptions": "date", "donations": "date",
    "proposals": "coalesce(submitted_on, substr(created_at, 1, 10))",
}


def build_packages(studios: int, records: int, years: int, last_year: int) -> list[Path]:
    """The packages' masked copies (made once; reused while the parameters are the same)."""
    from bench.generate import generate_large
    from studio_desk.core.store import Store
    from studio_desk.core.masking import write_masked_copy

    folder = OUT / f"{studios}x{records}x{years}-{last_year}"
    packages = [folder / f"第{i + 1:03d}工作室-{last_year}年度数据库副本（已脱敏）.sqlite" for i in range(studios)]
    if all(p.exists() for p in packages):
        return packages
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    templates = []
    for t in range(min(TEMPLATES, studios)):
        plain = folder / f"template{t}.sqlite"
        with Store.open(plain, replica_id=f"bench-studio-{t}") as store:
            generate_large(store, records, years=years, seed=100 + t, last_year=last_year)
            masked = folder / f"template{t}-masked.sqlite"
            write_masked_copy(store, masked)
        plain.unlink()
        templates.append(masked)
    for i, package in enumerate(packages):
        shutil.copyfile(templates[i % len(templates)], package)
        conn = sqlite3.connect(package)
        with conn:
            # A studio of its own: its own database identity and name.
            conn.execute("UPDATE meta SET value = ? WHERE key = 'created_at'", (f"2016-01-01T00:00:00.{i:06d}Z",))
            conn.execute("UPDATE studio SET name = ?", (f"第{i + 1:03d}委员工作室",))
        conn.close()
    for t in templates:
        t.unlink()
    return packages


def bare_year_file(packages: list[Path], year: int, target: Path) -> int:
    """Every studio's rows of ``year`` in one plain SQLite file (the bare limit's data)."""
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    rows = 0
    for index, package in enumerate(packages):
        conn.execute("ATTACH DATABASE ? AS p", (str(package),))
        for table in LEDGER_TABLES:
            where = f"WHERE substr({YEAR_SQL[table]}, 1, 4) = '{year}' AND deleted = 0"
            if index == 0:
                conn.execute(f"CREATE TABLE {table} AS SELECT * FROM p.{table} {where}")
            else:
                conn.execute(f"INSERT INTO {table} SELECT * FROM p.{table} {where}")
        conn.commit()
        conn.execute("DETACH DATABASE p")
    for table in LEDGER_TABLES:
        rows += conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.close()
    return rows


def scan(path: Path, tables: tuple[str, ...]) -> int:
    conn = sqlite3.connect(path)
    n = 0
    for table in tables:
        for _ in conn.execute(f"SELECT * FROM {table}"):
            n += 1
    conn.close()
    return n


def bare_openpyxl(path: Path, rows: int, columns: int, target: Path) -> None:
    from openpyxl import Workbook

    conn = sqlite3.connect(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("rows")
    written = 0
    for table in LEDGER_TABLES:
        for row in conn.execute(f"SELECT * FROM {table}"):
            ws.append(list(row[:columns]))
            written += 1
    conn.close()
    wb.save(target)


def measure(args: argparse.Namespace) -> None:
    """Run in a fresh process: add every package, then time the last add, the figures, the outputs."""
    from studio_desk.core.county import County
    from studio_desk.exports.county_report import write_county_report

    packages = [Path(p) for p in json.loads(Path(args.measure).read_text())["packages"]]
    year = args.last_year
    work = OUT / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    results: dict[str, float] = {}
    with County.open(work / "县政协汇总.sqlite") as county:
        start = time.perf_counter()
        for package in packages[:-1]:
            county.add_package(package)
        results["add_all"] = time.perf_counter() - start
        start = time.perf_counter()
        county.add_package(packages[-1])
        results["add_one"] = time.perf_counter() - start
        results["add_one_bare"] = best(lambda: scan(packages[-1], ("members", *LEDGER_TABLES)))
        results["package_rows"] = scan(packages[-1], ("members", *LEDGER_TABLES))
        results["readd_one"] = best(lambda: county.add_package(packages[-1]), repeat=1)
        bare_file = work / "bare-year.sqlite"
        results["year_rows"] = bare_year_file(packages, year, bare_file)
        results["year_bare"] = best(lambda: scan(bare_file, LEDGER_TABLES))
        results["figures"] = best(lambda: county.figures(year))
        start = time.perf_counter()
        write_county_report(county, year, pdf=work / "综述.pdf", docx=work / "综述.docx")
        results["writeup"] = time.perf_counter() - start
        start = time.perf_counter()
        write_county_report(county, year, xlsx=work / "汇总.xlsx")
        results["workbook"] = time.perf_counter() - start
        results["workbook_bare"] = best(
            lambda: bare_openpyxl(bare_file, int(results["year_rows"]), 17, work / "bare.xlsx"), repeat=1
        )
    results["county_mb"] = (work / "县政协汇总.sqlite").stat().st_size / 1024**2
    results["peak_mb"] = peak_mb()
    Path(args.result).write_text(json.dumps(results))


def _t(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(results: dict[str, float], args: argparse.Namespace) -> str:
    n, rows = args.studios, int(results["year_rows"])
    lines = [
        f"{time.strftime('%Y-%m-%d')}，Python {sys.version.split()[0]}；{n} 个工作室 × {args.years} 年，"
        f"每个工作室 {args.records:,} 条台账记录（共约 {n * args.records:,} 条），汇总文件 {results['county_mb']:.0f} MB；"
        f"逐个添加 {n - 1} 个材料包共 {results['add_all']:.0f} 秒。峰值内存 {results['peak_mb']:.0f} MB（目标 ≤ 300 MB）。",
        "",
        "| 操作 | 本程序 | 目标 | 裸极限（同一次运行中测得） | 裸极限耗时 | 倍数 |",
        "|---|---:|---:|---|---:|---:|",
        f"| 添加一个材料包（第 {n} 个，{int(results['package_rows']):,} 条） | {_t(results['add_one'])} | ≤ 2 s | "
        f"SQLite 扫描该副本的同样行 | {_t(results['add_one_bare'])} | {results['add_one'] / results['add_one_bare']:.1f}× |",
        f"| 同一工作室的新材料包替换旧的 | {_t(results['readd_one'])} | ≤ 2 s | SQLite 扫描该副本的同样行 | "
        f"{_t(results['add_one_bare'])} | {results['readd_one'] / results['add_one_bare']:.1f}× |",
        f"| 全县一年的数字（{n} 个工作室并列、合计、上年、星级） | {_t(results['figures'])} | ≤ 2 s | "
        f"SQLite 扫描全县该年 {rows:,} 行 | {_t(results['year_bare'])} | {results['figures'] / results['year_bare']:.1f}× |",
        f"| 履职工作综述（PDF + Word） | {_t(results['writeup'])} | ≤ 5 s | SQLite 扫描全县该年 {rows:,} 行 | "
        f"{_t(results['year_bare'])} | {results['writeup'] / results['year_bare']:.1f}× |",
        f"| Excel 汇总表（统计汇总 + 各台账 {rows:,} 行） | {_t(results['workbook'])} | — | "
        f"openpyxl 只写模式写同样行数 | {_t(results['workbook_bare'])} | {results['workbook'] / results['workbook_bare']:.1f}× |",
    ]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    content = README.read_text(encoding="utf-8")
    start, end = "<!-- county:start -->", "<!-- county:end -->"
    block = f"{start}\n{text}\n{end}"
    if start in content:
        head, rest = content.split(start, 1)
        content = head + block + rest.split(end, 1)[1]
    else:
        content += f"\n## County roll-up (县政协汇总)\n\n{block}\n"
    README.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="县政协汇总的性能测试")
    parser.add_argument("--studios", type=int, default=122)
    parser.add_argument("--records", type=int, default=5000, help="每个工作室的台账记录数（全部年份）")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--last-year", type=int, default=2025)
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        measure(args)
        return 0
    packages = build_packages(args.studios, args.records, args.years, args.last_year)
    OUT.mkdir(parents=True, exist_ok=True)
    plan, result = OUT / "plan.json", OUT / "result.json"
    plan.write_text(json.dumps({"packages": [str(p) for p in packages]}))
    subprocess.run(
        [sys.executable, __file__, "--measure", str(plan), "--result", str(result), "--last-year", str(args.last_year)],
        check=True,
    )
    text = table(json.loads(result.read_text()), args)
    print(text)
    if args.write_readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
