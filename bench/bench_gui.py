"""GUI benchmark: time to first rows on a 100,000-record database, search-as-you-type, and (with
``--stalls``) the longest the window stalls while an import, a bulk delete and a merge run.

Run:  python bench/bench_gui.py [--records 100000] [--db /tmp/bench-gui.sqlite]
      python bench/bench_gui.py --stalls --records 13400   # about 10,000 activities this year
  or, with a real X server (more realistic: the offscreen platform makes the bare window
  almost free, which inflates the ratios):
      QT_QPA_PLATFORM=xcb xvfb-run -a python bench/bench_gui.py

Reports ratios against a bare PySide6 window (QMainWindow + empty QTableView) measured in the
same run, so the figures travel between machines. The database is generated once and kept
(the generator writes through the store, with history and search text, like real use).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STUDIO_DESK_HOME", "/tmp/bench-gui-home")

from studio_desk.core import codec, enums  # noqa: E402
from studio_desk.core.models import Activity, Member, Reception, new_id  # noqa: E402
from studio_desk.core.store import Store  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"
TOPICS = ("学习习近平总书记关于加强和改进人民政协工作的重要思想", "防范电信网络诈骗进市场宣讲",
          "视察农村饮水安全工程", "委员接待日", "关爱留守儿童公益活动", "中小企业融资难情况调研",
          "协商议事：老旧小区加装电梯", "民法典进社区宣讲")


def generate(path: Path, records: int, seed: int = 7) -> None:
    """Members plus ``records`` activities and receptions, most in the current year."""
    rng = random.Random(seed)
    store = Store.open(path, replica_id="bench")
    members = [
        Member(name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN), role="成员")
        for _ in range(30)
    ]
    store.save_many(members)
    ids = [m.id for m in members]
    year = date.today().year
    start = date(year, 1, 1)
    types = list(enums.DEFAULT_ACTIVITY_TYPES)
    stamp = "2026-01-01T00:00:00.000000Z"
    batch = []
    t0 = time.perf_counter()
    for i in range(records):
        day = start + timedelta(days=rng.randrange(0, 330))
        if i % 4:
            record = Activity(date=day, type=rng.choice(types), topic=f"{rng.choice(TOPICS)}（第{i}次）",
                              location="青溪县", member_ids=rng.sample(ids, rng.randint(1, 6)),
                              public_count=rng.randint(0, 200), content="委员们结合各自行业实际交流发言。")
        else:
            record = Reception(date=day, mode=rng.choice(enums.RECEPTION_MODES),
                               person_name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                               request_content="反映小区路灯损坏，夜间出行不便", member_ids=rng.sample(ids, 2),
                               status=rng.choice(("待办", "办理中", "已办结")))
        batch.append(codec.copy_record(record, created_at=stamp, updated_at=stamp, replica_id="bench",
                                       version_id=str(new_id())))
        if len(batch) == 5000:
            with store.transaction():
                for r in batch:
                    store.write_version(r)
            batch.clear()
            print(f"  生成 {i + 1:,} 条（{time.perf_counter() - t0:.0f} 秒）", flush=True)
    with store.transaction():
        for r in batch:
            store.write_version(r)
    store.close()


def bare_window_ms(app) -> float:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    t0 = time.perf_counter()
    w = QMainWindow()
    view = QTableView()
    view.setModel(QStandardItemModel(0, 8))
    w.setCentralWidget(view)
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    view.viewport().repaint()
    ms = (time.perf_counter() - t0) * 1000
    w.close()
    w.deleteLater()
    app.processEvents()
    return ms


def app_first_rows_ms(app, path: Path) -> tuple[float, int, object, object]:
    from studio_desk.ui.main_window import MainWindow

    t0 = time.perf_counter()
    store = Store.open(path, replica_id="bench")
    w = MainWindow(store)
    page = w.show_page("活动")
    w.show()
    app.processEvents()
    page.table.viewport().repaint()  # paints the first rows: reads their page of records
    ms = (time.perf_counter() - t0) * 1000
    first = page.model.index(0, 2).data()
    assert first, "no rows shown"
    return ms, len(page.model.ids), w, store


def dashboard_timing(app, path: Path) -> tuple[float, float, float]:
    """Opening on 总览: window shown, figures shown (computed off the UI thread), and the
    longest the event loop was stalled meanwhile (how frozen the window felt)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from studio_desk.ui.main_window import MainWindow

    t0 = time.perf_counter()
    store = Store.open(path, replica_id="bench")
    w = MainWindow(store)
    w.show()
    app.processEvents()
    shown_ms = (time.perf_counter() - t0) * 1000
    clock = QElapsedTimer()
    clock.start()
    gaps = [0]
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    while w.is_busy():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    figures_ms = (time.perf_counter() - t0) * 1000
    w.shutdown()
    w.close()
    store.close()
    return shown_ms, figures_ms, float(max(gaps))


def search_latency(app, window, queries: list[str]) -> list[tuple[str, float, float, int]]:
    """Per query: the keystroke handling time, and the time the debounced filter takes."""
    from PySide6.QtTest import QTest

    page = window.page("活动")
    out = []
    for q in queries:
        page.search.clear()
        page.apply_filters()
        app.processEvents()
        t0 = time.perf_counter()
        if q.isascii():
            QTest.keyClicks(page.search, q)
        else:
            page.search.insert(q)  # what an input method commits
        key_ms = (time.perf_counter() - t0) * 1000 / max(len(q), 1)
        t1 = time.perf_counter()
        page.apply_filters()  # what the 200 ms debounce timer then runs
        page.table.viewport().repaint()
        filter_ms = (time.perf_counter() - t1) * 1000
        out.append((q, key_ms, filter_ms, len(page.model.ids)))
    page.search.clear()
    return out


STALL_BUDGET_MS = 50  # longer than this between two turns of the event loop, the window feels stuck


class Watchdog:
    """With ``--watchdog``: a plain thread that samples the UI thread's Python stack every 10 ms
    while the heartbeat is late by more than the budget, and prints each long gap with the
    stacks it saw (what the UI thread was doing while the window stood still)."""

    def __init__(self, budget_ms: float = STALL_BUDGET_MS):
        import threading

        self.budget_s = budget_ms / 1000
        self.main = threading.main_thread().ident
        self.last = time.perf_counter()
        self.samples: list[str] = []
        self.running = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> Watchdog:
        self.running = True
        self._thread.start()
        return self

    def pause(self) -> None:
        """Between two measured operations: no heartbeat, nothing to report."""
        import faulthandler

        faulthandler.cancel_dump_traceback_later()

    def stop(self) -> None:
        self.pause()
        self.running = False
        self._thread.join()

    def reset(self) -> None:
        with self._lock:
            self.last, self.samples = time.perf_counter(), []

    def beat(self) -> None:
        """Called by each heartbeat tick on the UI thread: reports the gap just ended.

        Each tick also re-arms faulthandler's own timer: its C thread needs no interpreter lock,
        so when the lock is held for a whole gap (no sample) it still prints every thread's
        stack 100 ms into the gap — the thread that held the lock is the one not waiting."""
        import faulthandler

        faulthandler.dump_traceback_later(0.1, exit=False)
        now = time.perf_counter()
        with self._lock:
            gap, samples, self.samples = now - self.last, self.samples, []
            self.last = now
        if gap <= self.budget_s:
            return
        # No sample: the watchdog itself did not run (the interpreter lock or the CPU was taken
        # for the whole gap). An empty stack: the UI thread was in Qt's event loop, outside Python
        # (e.g. waiting for the interpreter lock, or not scheduled).
        print(f"    [watchdog] {gap * 1000:.0f} ms gap; UI thread seen in:" + ("" if samples else " (no sample)"))
        for stack, n in Counter(samples).most_common(4):
            print(f"      ×{n}\n" + (stack or "        (Qt's event loop)"))

    def _watch(self) -> None:
        import traceback

        while self.running:
            time.sleep(0.01)
            if time.perf_counter() - self.last <= self.budget_s:
                continue
            frame = sys._current_frames().get(self.main)
            if frame is None:
                continue
            lines = [f"        {f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}"
                     for f in traceback.extract_stack(frame)[-8:] if "bench_gui" not in f.filename]
            with self._lock:
                self.samples.append("\n".join(lines))


WATCH: Watchdog | None = None


def heartbeat_during(app, start, finished, timeout_s: float = 900) -> tuple[float, float]:
    """Run ``start()`` inside a real event loop (idle in Qt, as in the app) and wait until
    ``finished()``: (seconds taken, the longest gap in ms between two 5 ms heartbeat ticks).

    ``start`` itself runs on the event loop, so whatever it does on the UI thread before handing
    work to a thread counts as a stall too."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock = QElapsedTimer()
    clock.start()
    gaps, last = [0], [clock.elapsed()]
    loop = QEventLoop()
    t0 = time.perf_counter()

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now
        if WATCH is not None:
            WATCH.beat()
        if finished() or time.perf_counter() - t0 > timeout_s:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(0, start)
    if WATCH is not None:
        WATCH.reset()
    loop.exec()
    timer.stop()
    if WATCH is not None:
        WATCH.pause()
    if not finished():
        raise RuntimeError("the operation did not finish in time")
    return time.perf_counter() - t0, float(max(gaps))


def bare_run(app, work) -> tuple[float, float]:
    """The bare limit: ``work()`` (the same core calls) in a plain thread while an empty window's
    event loop ticks: (seconds, longest gap in ms). What the machine, the GIL and SQLite alone
    cost the event loop; the window's own stall is compared with it."""
    import threading

    from PySide6.QtWidgets import QWidget

    blank = QWidget()
    blank.resize(400, 300)
    blank.show()
    thread = threading.Thread(target=work)
    # The earlier scenarios' dialogs are collected first, not while the thread reads SQLite
    # (a collection of Qt wrappers beside a plain thread crashed the interpreter once).
    gc.collect()
    gc.disable()
    try:
        result = heartbeat_during(app, thread.start, lambda: thread.ident is not None and not thread.is_alive())
    finally:
        gc.enable()
    blank.close()
    return result


def _copy(path: Path, name: str) -> Path:
    import shutil

    target = path.with_name(name)
    for leftover in (target, Path(str(target) + "-journal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(path, target)
    return target


def _fresh(path: Path, name: str) -> Path:
    target = path.with_name(name)
    for leftover in (target, Path(str(target) + "-journal")):
        leftover.unlink(missing_ok=True)
    return target


def import_stall(app, source: Path, year: int) -> dict:
    """Export the year to a workbook, then import it into an empty database through the 导入台账
    dialog (check, then write, both off the UI thread); the bare core does the same calls."""
    from studio_desk.exports.ledger_import import apply_plan, read_ledgers
    from studio_desk.exports.workbook import write_workbook
    from studio_desk.ui.ledger_io import ImportDialog

    book = source.with_name("bench-stall.xlsx")
    with Store.open(source, replica_id="bench") as store:
        write_workbook(store, year, book, mask_pii=False)
    done: dict = {}

    def core() -> None:
        with Store.open(_fresh(source, "bench-import-core.sqlite"), replica_id="bench") as bare:
            done["plan"] = read_ledgers(bare, book, add_unknown_members=True)
            done["result"] = apply_plan(bare, done["plan"])

    core_s, bare_gap = bare_run(app, core)
    plan, result = done["plan"], done["result"]
    with Store.open(_fresh(source, "bench-import-gui.sqlite"), replica_id="bench") as store:
        dialog = ImportDialog(store)
        dialog.show()
        dialog.add_members_box.setChecked(True)
        check_s, check_gap = heartbeat_during(app, lambda: dialog.load_file(book),
                                              lambda: dialog.plan is not None and dialog.choose_button.isEnabled())
        write_s, write_gap = heartbeat_during(app, dialog.start_import, lambda: dialog.result is not None)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    return {"what": f"导入 Excel 台账（{len(plan.records):,} 条记录；新增 {result.added:,}）",
            "gui_s": check_s + write_s, "core_s": core_s, "stall_ms": max(check_gap, write_gap), "bare_ms": bare_gap,
            "detail": f"检查 {check_s:.1f} 秒（最长停顿 {check_gap:.0f} ms），写入 {write_s:.1f} 秒（{write_gap:.0f} ms）"}


def delete_stall(app, source: Path, year: int) -> dict:
    """Select the year's activities on the 活动 page and delete them (Del; the question answered)."""
    from studio_desk.ui.main_window import MainWindow

    core_path = _copy(source, "bench-delete-core.sqlite")

    def core() -> None:
        with Store.open(core_path, replica_id="bench") as bare:
            ids = bare.query_ids(Activity, year=year)
            with bare.transaction():
                for record_id in ids:
                    bare.delete(Activity, record_id)

    core_s, bare_gap = bare_run(app, core)
    with Store.open(_copy(source, "bench-delete-gui.sqlite"), replica_id="bench") as store:
        window = MainWindow(store)
        window.show()
        page = window.show_page("活动")
        page.set_year(year)
        while window.is_busy():  # the 总览's figures of the window's start: not the delete's
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()
        count = len(page.model.ids)
        page.confirm_delete = lambda _ids: True  # the clerk answers 删除

        def start() -> None:
            page.table.selectAll()
            page.delete_selected()

        gui_s, gap = heartbeat_during(app, start, lambda: not page.model.ids and not window.is_busy())
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    return {"what": f"删除所选的 {count:,} 条活动（一次删除）", "gui_s": gui_s, "core_s": core_s,
            "stall_ms": gap, "bare_ms": bare_gap, "detail": ""}


def merge_stall(app, source: Path) -> dict:
    """Merge a copy into an empty database through 从U盘合并: 预览合并, then 确认合并."""
    from studio_desk.core.sync import merge_file, plan_merge
    from studio_desk.ui.merge_dialog import MergeDialog

    done: dict = {}

    def core() -> None:
        with Store.open(_fresh(source, "bench-merge-core.sqlite"), replica_id="here") as bare:
            done["plan"] = plan_merge(bare, source)
            merge_file(bare, source, backup_dir=source.parent / "bench-backups")

    core_s, bare_gap = bare_run(app, core)
    plan = done["plan"]
    with Store.open(_fresh(source, "bench-merge-gui.sqlite"), replica_id="here") as store:
        dialog = MergeDialog(store)
        dialog.show()
        dialog.path_edit.setText(str(source))
        preview_s, preview_gap = heartbeat_during(app, dialog.start, lambda: dialog.plan is not None)
        merge_s, merge_gap = heartbeat_during(app, dialog.confirm, lambda: dialog.summary is not None)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    added = plan.totals().added
    return {"what": f"从U盘合并 {added:,} 条记录（预览，再确认合并）", "gui_s": preview_s + merge_s,
            "core_s": core_s, "stall_ms": max(preview_gap, merge_gap), "bare_ms": bare_gap,
            "detail": f"预览 {preview_s:.1f} 秒（最长停顿 {preview_gap:.0f} ms），合并 {merge_s:.1f} 秒（{merge_gap:.0f} ms）"}


def stalls(app, path: Path, only: str = "") -> list[dict]:
    year = date.today().year
    runs = {"import": lambda: import_stall(app, path, year), "delete": lambda: delete_stall(app, path, year),
            "merge": lambda: merge_stall(app, path)}
    return [run() for name, run in runs.items() if only in ("", name)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stalls", action="store_true",
                        help="only the longest UI stall during an import, a bulk delete and a merge (use --records 13400)")
    parser.add_argument("--watchdog", action="store_true",
                        help="with --stalls: print the UI thread's stack during every gap over 50 ms")
    parser.add_argument("--only", choices=("import", "delete", "merge"), default="",
                        help="with --stalls: one of the three operations")
    parser.add_argument("--default-switch", action="store_true",
                        help="with --stalls: keep Python's default 5 ms switch interval (what the app changes)")
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/bench-gui-{args.records}.sqlite")
    Path(os.environ["STUDIO_DESK_HOME"]).mkdir(parents=True, exist_ok=True)
    if not path.exists():
        print(f"生成测试数据库 {path}（{args.records:,} 条记录）……")
        generate(path, args.records)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    if args.stalls:
        from studio_desk.ui.app import keep_window_responsive

        if not args.default_switch:
            keep_window_responsive()  # as the app does when it starts
        from studio_desk.ui.app import read_pinyin

        read_pinyin()  # as the app does a second after it starts (load_pinyin_soon) ...
        import gc

        gc.freeze()  # ... keeping what it loaded out of later collector walks
        global WATCH
        if args.watchdog:
            WATCH = Watchdog().start()
        print(f"界面停顿（两次事件循环之间的最长间隔；超过 {STALL_BUDGET_MS} ms 会觉得卡）：")
        results = stalls(app, path, args.only)
        if WATCH is not None:
            WATCH.stop()
        for r in results:
            mark = "✓" if r["stall_ms"] <= STALL_BUDGET_MS else "✗"
            print(f"  {r['what']}：窗口中 {r['gui_s']:.1f} 秒，核心在线程中直接调用 {r['core_s']:.1f} 秒"
                  f"（{r['gui_s'] / r['core_s']:.2f} 倍）；界面最长停顿 {r['stall_ms']:.0f} ms {mark}，"
                  f"裸线程同样工作时空窗口最长停顿 {r['bare_ms']:.0f} ms（{r['stall_ms'] / max(r['bare_ms'], 1):.1f} 倍）"
                  + (f"；{r['detail']}" if r["detail"] else ""))
        return 0
    bare = [bare_window_ms(app) for _ in range(args.runs)]
    firsts, shown = [], 0
    window = store = None
    for _ in range(args.runs):
        if window is not None:
            window.shutdown()
            window.close()
            store.close()
        ms, shown, window, store = app_first_rows_ms(app, path)
        firsts.append(ms)
    bare_ms, first_ms = statistics.median(bare), statistics.median(firsts)
    total = sum(store.count(cls) for cls in (Activity, Reception, Member))
    print(f"数据库：{total:,} 条记录；活动页本年度显示 {shown:,} 条")
    print(f"空白 PySide6 窗口：{bare_ms:.0f} ms（中位数，{args.runs} 次）")
    print(f"打开数据库到显示第一屏：{first_ms:.0f} ms —— 是空白窗口的 {first_ms / bare_ms:.1f} 倍")
    shown_ms, figures_ms, stall = dashboard_timing(app, path)
    print(f"以总览页打开：窗口 {shown_ms:.0f} ms（{shown_ms / bare_ms:.1f} 倍），"
          f"后台算完全年数字 {figures_ms / 1000:.1f} 秒，期间界面最长停顿 {stall:.0f} ms")
    print("边输入边搜索（每次按键处理 / 防抖后筛选并重绘）：")
    from studio_desk.core.text import pinyin_initials

    someone = store.list_records(Member)[0].name
    queries = ["l", pinyin_initials(someone), someone[0], someone, "学习", "电梯", "zzzz"]
    for q, key_ms, filter_ms, n in search_latency(app, window, queries):
        print(f"  “{q}”：按键 {key_ms:.1f} ms，筛选 {filter_ms:.0f} ms（{filter_ms / bare_ms:.1f} 倍空白窗口），{n:,} 条")
    window.shutdown()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
