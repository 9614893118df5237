"""Every benchmark at the sizes of issue #7, each against its bare limit measured in the same run.

    python bench/run_all.py                    # 100,000 records over ten years; merge of two 50,000 copies
    python bench/run_all.py --write-readme     # ... and put the table into bench/README.md
    python bench/run_all.py --records 20000 --merge-records 10000 --groups core,gui   # a quick look

Each group runs in a fresh process (so its peak memory is its own): ``core`` (open, first rows,
总览 figures, search, open a record, save, backup), ``gui`` (window to first rows, search as you
type, 总览), ``xlsx`` (export and import of the busiest year), ``pdf`` (the year's summary),
``usb`` (snapshot, merge of two diverged copies). Nothing passes or fails here: the figures are
ratios against what the bare libraries need for the same work, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
README = ROOT / "bench" / "README.md"
GROUPS = ("core", "gui", "xlsx", "pdf", "usb")
DAILY_LIMIT_S = 1.0  # no operation a clerk does daily may take longer at 100,000 records


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would carry the parent's over)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def once(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def row(op: str, ours: float, bare_name: str, bare: float, *, daily: bool = False) -> dict:
    return {"op": op, "ours": ours, "bare_name": bare_name, "bare": bare, "daily": daily}


def database(records: int) -> Path:
    from bench.generate import generate_large

    OUT.mkdir(exist_ok=True)
    path = OUT / f"core-{records}.sqlite"
    if not path.exists():
        generate_large(path, records, years=10, seed=7)
    return path


def busiest_year(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(
            "SELECT substr(date, 1, 4) y FROM activities WHERE deleted = 0 GROUP BY y ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0])
    finally:
        conn.close()


def scratch_copy(path: Path, work: Path) -> Path:
    """Work on a copy, so that saves and merges never change the shared generated file."""
    target = work / path.name
    shutil.copyfile(path, target)
    return target


def group_core(db: Path, work: Path) -> list[dict]:
    from studio_desk.core.backup import make_backup
    from studio_desk.core.figures import annual_figures
    from studio_desk.core.models import Activity, Member, Reception
    from studio_desk.core.store import Store

    db = scratch_copy(db, work)
    rows = []
    conn = sqlite3.connect(db)

    def bare_connect():
        c = sqlite3.connect(db)
        c.execute("SELECT count(*) FROM members").fetchone()
        c.close()

    rows.append(row("打开数据库", best(lambda: Store.open(db, replica_id="bench").close()),
                    "sqlite3.connect + 一次查询", best(bare_connect), daily=True))
    store = Store.open(db, replica_id="bench")
    year = max(store.years())

    def first_rows():
        ids = store.query_ids(Activity, year=year)
        return store.get_many(Activity, ids[:60])

    rows.append(row(f"活动页第一屏（{year} 年全部编号 + 60 条）", best(first_rows, 5),
                    "同条件 SELECT 全部列", best(lambda: conn.execute(
                        "SELECT * FROM activities WHERE deleted = 0 AND date BETWEEN ? AND ? ORDER BY date DESC",
                        (f"{year}-01-01", f"{year}-12-31")).fetchall(), 5), daily=True))

    def bare_scan():
        for table in ("activities", "receptions", "donations", "proposals", "members"):
            conn.execute(f"SELECT * FROM {table} WHERE deleted = 0").fetchall()

    rows.append(row(f"总览数字 annual_figures({year}) 含上年", best(lambda: annual_figures(store, year)),
                    "全库记录扫描一遍", best(bare_scan), daily=True))
    for query in ("学", "协商", "营商环"):
        ours = best(lambda q=query: store.query_ids(Reception, search=q), 5)
        bare = best(lambda q=query: conn.execute(
            "SELECT id FROM receptions WHERE deleted = 0 AND search_text LIKE ? ORDER BY date DESC",
            (f"%{q}%",)).fetchall(), 5)
        rows.append(row(f"搜索“{query}”（{len(query)} 字，接待走访，全部年份）", ours, "同条件 LIKE 查询", bare,
                        daily=True))
    some = store.query_ids(Activity)[len(store.query_ids(Activity)) // 2]
    rows.append(row("打开一条记录 (get)", best(lambda: store.get(Activity, some), 20),
                    "按编号 SELECT 一行", best(lambda: conn.execute(
                        "SELECT * FROM activities WHERE id = ?", (some,)).fetchone(), 20), daily=True))
    member = store.list_records(Member)[0]
    counter = iter(range(10**9))

    def save_one():
        store.save(Activity(date=date(year, 6, 1), type="集中学习", topic=f"基准{next(counter)}",
                            member_ids=[member.id]))

    bare_conn = sqlite3.connect(work / "bare-insert.sqlite", isolation_level=None)
    bare_conn.execute("PRAGMA synchronous=FULL")
    bare_conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

    def bare_insert():
        bare_conn.execute("BEGIN")
        bare_conn.execute("INSERT INTO t (v) VALUES ('x')")
        bare_conn.execute("COMMIT")

    rows.append(row("保存一条记录（校验 + 历史 + 搜索文本）", best(save_one, 10),
                    "单行 INSERT + COMMIT (synchronous=FULL)", best(bare_insert, 10), daily=True))
    target = work / "vacuum.sqlite"

    def bare_vacuum():
        target.unlink(missing_ok=True)
        conn.execute("VACUUM INTO ?", (str(target),))

    rows.append(row("备份 (make_backup)", best(lambda: make_backup(store, work / "backups", "manual")),
                    "VACUUM INTO", best(bare_vacuum)))
    store.close()
    return rows


def group_gui(db: Path, work: Path) -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from bench.bench_gui import app_first_rows_ms, bare_window_ms, search_latency

    db = scratch_copy(db, work)
    app = QApplication.instance() or QApplication([])
    bare = min(bare_window_ms(app) for _ in range(3)) / 1000
    firsts = []
    window = store = None
    for _ in range(3):
        if window is not None:
            window.shutdown()
            window.close()
            store.close()
        ms, shown, window, store = app_first_rows_ms(app, db)
        firsts.append(ms / 1000)
    rows = [row(f"打开窗口到显示第一屏（活动页，本年 {shown:,} 条）", min(firsts), "空白 PySide6 窗口 + 空表格",
                bare, daily=True)]
    for q, key_ms, filter_ms, n in search_latency(app, window, ["学", "协商", "营商环"]):
        rows.append(row(f"边输入边搜索“{q}”（按键 {key_ms:.0f} ms + 筛选重绘，{n:,} 条）",
                        (key_ms * len(q) + filter_ms) / 1000, "空白 PySide6 窗口 + 空表格", bare, daily=True))
    rows += form_timings(app, store, bare)
    deadline = time.perf_counter() + 0.5  # let the search box's debounce timer fire before closing
    while time.perf_counter() < deadline:
        app.processEvents()
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()
    shown_s, figures_s, stall_ms = dashboard_timing(app, db)
    rows.append(row(f"以总览页打开到数字显示（窗口 {shown_s * 1000:.0f} ms 出现，数字在后台算，界面最长停顿 "
                    f"{stall_ms * 1000:.0f} ms）", figures_s, "空白 PySide6 窗口 + 空表格", bare, daily=True))
    return rows


def dashboard_timing(app, db: Path) -> tuple[float, float, float]:
    """Open on 总览: seconds until the window shows, until its numbers show, and the longest
    stall of the event loop meanwhile. The wait runs in a real event loop (idle in Qt, as in the
    app), not in a Python loop that would compete with the computing thread for the GIL."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from studio_desk.core.store import Store
    from studio_desk.ui.main_window import MainWindow

    start = time.perf_counter()
    store = Store.open(db, replica_id="bench")
    window = MainWindow(store)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - start
    clock = QElapsedTimer()
    clock.start()
    gaps, last = [0], [clock.elapsed()]
    loop = QEventLoop()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
        if not window.is_busy():
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    done = time.perf_counter() - start
    window.shutdown()
    window.close()
    store.close()
    return shown, done, max(gaps) / 1000


def form_timings(app, store, bare: float) -> list[dict]:
    """Open a record in its form, and save an edit through it (the 保存 button)."""
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from studio_desk.core.models import Activity
    from studio_desk.ui.forms import ActivityForm

    ids = store.query_ids(Activity)
    opened, saved = [], []
    for n in range(5):
        start = time.perf_counter()
        form = ActivityForm(store, store.get(Activity, ids[n * 997 % len(ids)]))
        form.show()
        app.processEvents()
        opened.append(time.perf_counter() - start)
        form.findChild(QLineEdit, "f_topic").setText(f"基准修改{n}")
        start = time.perf_counter()
        form.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        app.processEvents()
        saved.append(time.perf_counter() - start)
        assert form.saved is not None
        form.deleteLater()
    return [row("打开一条记录（活动编辑窗口显示）", min(opened), "空白 PySide6 窗口 + 空表格", bare, daily=True),
            row("在编辑窗口点“保存”（校验、写入、关闭）", min(saved), "空白 PySide6 窗口 + 空表格", bare, daily=True)]


def group_xlsx(db: Path, work: Path) -> list[dict]:
    from bench.bench_xlsx import bare_dump, calamine_values, import_timings
    from studio_desk.core.store import Store
    from studio_desk.exports.workbook import write_workbook

    year = busiest_year(db)
    out = work / "台账.xlsx"
    # Best of three for both sides, taken in turn (one timing swings by half on a shared machine).
    exports: list[float] = []
    dumps: list[float] = []
    values: dict[str, list[list]] = {}
    with Store.open(db, replica_id="bench") as store:
        for _ in range(3):
            exports.append(once(lambda: write_workbook(store, year, out))[0])
            values = values or calamine_values(out)
            dumps.append(once(lambda: bare_dump(values, work / "bare.xlsx"))[0])
    n = sum(max(len(r) - 3, 0) for r in values.values())
    rows = [row(f"导出 Excel 台账（{year} 年，{n:,} 行，三次取最快）", min(exports),
                "openpyxl 只写模式直接写同样的值（三次取最快）", min(dumps))]
    del values
    # Best of three for both sides, taken in turn; each import goes into a new empty database.
    timed = import_timings(out, work)
    rows.append(row(f"导入 Excel 台账（{n:,} 行，检查 {timed.check:.1f} 秒 + 写入 {timed.write:.1f} 秒，三次取最快）",
                    timed.total, "python-calamine 读取 + 每表一次 executemany（三次取最快）", timed.bare))
    return rows


def group_pdf(db: Path, work: Path) -> list[dict]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from studio_desk.core.store import Store
    from studio_desk.exports.summary import write_summary

    year = busiest_year(db)
    out = work / "总结.pdf"
    with Store.open(db, replica_id="bench") as store:
        t_ours, result = once(lambda: write_summary(store, year, out))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout.splitlines()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def bare_pdf():
        c = canvas.Canvas(str(work / "bare.pdf"), pagesize=A4)
        y = 800
        for line in text:
            c.setFont("STSong-Light", 10)
            c.drawString(40, y, line)
            y -= 14
            if y < 40:
                c.showPage()
                y = 800
        c.save()

    return [row(f"PDF 年度工作总结（{year} 年，{result.pages} 页）", t_ours,
                "reportlab 画布直接写同样的文字（内置宋体，不嵌字）", best(bare_pdf))]


def _diverge(path: Path, replica: str, seed: int, *, edits: range, deletes: range, adds: int) -> None:
    import random

    from bench.generate import seeded_id
    from studio_desk.core import codec
    from studio_desk.core.models import Activity, Reception
    from studio_desk.core.store import Store

    rng = random.Random(seed)
    with Store.open(path, replica_id=replica) as store:
        ids = store.query_ids(Activity)
        with store.transaction():
            for i in edits:
                record = store.get(Activity, ids[i])
                store.save(codec.copy_record(record, topic=f"{record.topic}（{replica}改）"), check=False)
            for i in deletes:
                store.delete(Activity, ids[-1 - i])
            template = store.get(Reception, store.query_ids(Reception)[0])
            for i in range(adds):
                store.save(codec.copy_record(template, id=seeded_id(rng), version_id="",
                                             request_content=f"{replica}新增{i}"), check=False)


def group_usb(db: Path, work: Path, merge_records: int) -> list[dict]:
    from bench.generate import generate_large
    from studio_desk.core.snapshot import write_snapshot
    from studio_desk.core.store import Store
    from studio_desk.core.sync import merge_file

    rows = []
    with Store.open(db, replica_id="bench") as store:
        t_snap = best(lambda: write_snapshot(store, work / "U盘" / "台账.sqlite", overwrite=True)
                      if (work / "U盘").mkdir(exist_ok=True) is None else None)
    target = work / "vacuum.sqlite"

    def bare_vacuum():
        target.unlink(missing_ok=True)
        c = sqlite3.connect(db)
        c.execute("VACUUM INTO ?", (str(target),))
        c.close()

    rows.append(row("写U盘副本 (write_snapshot：一致副本 + 写入 + 读回检查)", t_snap, "VACUUM INTO", best(bare_vacuum)))

    base = OUT / f"merge-base-{merge_records}.sqlite"
    if not base.exists():
        generate_large(base, merge_records, years=10, seed=21)
    a, b = work / "A.sqlite", work / "B.sqlite"
    shutil.copyfile(base, a)
    shutil.copyfile(base, b)
    changed = merge_records // 25  # 4 % of the records edited on each side, a quarter of them on both
    _diverge(a, "A", 1, edits=range(changed), deletes=range(changed // 4), adds=changed // 2)
    _diverge(b, "B", 2, edits=range(changed * 3 // 4, changed * 7 // 4), deletes=range(changed // 4, changed // 2),
             adds=changed // 2)

    def bare_scan_both():
        for path in (a, b):
            c = sqlite3.connect(path)
            for table in ("activities", "receptions", "donations", "proposals", "members", "history"):
                c.execute(f"SELECT * FROM {table}").fetchall()
            c.close()

    t_bare = best(bare_scan_both)
    with Store.open(a, replica_id="A") as store:
        t_merge, summary = once(lambda: merge_file(store, b, backup_dir=work / "backups"))
    t = summary.totals()
    rows.append(row(f"合并两份各 {merge_records:,} 条、分头改过的副本（新增 {t.added:,}，更新 {t.changed:,}，"
                    f"删除 {t.deleted:,}，冲突 {t.conflicts:,}）", t_merge, "两份文件全表扫描一遍", t_bare))
    return rows


def run_child(group: str, db: Path, merge_records: int) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-{group}-"))
    os.environ["STUDIO_DESK_HOME"] = str(work / "home")
    (work / "home").mkdir()
    try:
        if group == "usb":
            rows = group_usb(db, work, merge_records)
        else:
            rows = globals()[f"group_{group}"](db, work)
        print(json.dumps({"group": group, "rows": rows, "peak_mb": peak_mb()}, ensure_ascii=False))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(results: list[dict]) -> str:
    lines = ["| 操作 | 本程序 | 裸极限（同一次运行中测得） | 裸极限耗时 | 倍数 | 峰值内存 | 日常操作 ≤ 1 秒 |",
             "|---|---:|---|---:|---:|---:|:-:|"]
    for result in results:
        for r in result["rows"]:
            ratio = r["ours"] / r["bare"] if r["bare"] else float("inf")
            goal = ("✓" if r["ours"] <= DAILY_LIMIT_S else "✗") if r["daily"] else ""
            lines.append(f"| {r['op']} | {fmt(r['ours'])} | {r['bare_name']} | {fmt(r['bare'])} | "
                         f"{ratio:,.1f}× | {result['peak_mb']:.0f} MB | {goal} |")
    return "\n".join(lines)


def fmt(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def write_readme(text: str, header: str) -> None:
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    body = README.read_text(encoding="utf-8") if README.exists() else f"{start}\n{end}\n"
    before, _, rest = body.partition(start)
    _, _, after = rest.partition(end)
    README.write_text(f"{before}{start}\n{header}\n\n{text}\n{end}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--merge-records", type=int, default=50_000)
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.db, args.merge_records)
        return 0
    db = database(args.records)
    results = []
    for group in args.groups.split(","):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, __file__, "--child", group, "--db", str(db), "--merge-records", str(args.merge_records)],
            capture_output=True, text=True, encoding="utf-8", check=False,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        )
        if done.returncode != 0:
            print(f"{group} 失败：\n{done.stderr[-3000:]}", file=sys.stderr)
            continue
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{group}：{time.perf_counter() - started:.0f} 秒", file=sys.stderr, flush=True)
    conn = sqlite3.connect(db)
    total = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("activities", "receptions", "donations", "proposals"))
    conn.close()
    header = (f"{date.today():%Y-%m-%d}，{os.cpu_count()} 核，Python {sys.version.split()[0]}；数据库 {total:,} 条台账记录"
              f"（十年，`bench/generate.py`），{db.stat().st_size / 1e6:.0f} MB；合并用两份各 {args.merge_records:,} 条的副本。")
    text = table(results)
    print(header + "\n\n" + text)
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.write_readme:
        write_readme(text, header)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
