"""GUI benchmark: time to first rows on a 100,000-record database, and search-as-you-type.

Run:  python bench/bench_gui.py [--records 100000] [--db /tmp/bench-gui.sqlite]
  or, with a real X server (more realistic: the offscreen platform makes the bare window
  almost free, which inflates the ratios):
      QT_QPA_PLATFORM=xcb xvfb-run -a python bench/bench_gui.py

Reports ratios against a bare PySide6 window (QMainWindow + empty QTableView) measured in the
same run, so the figures travel between machines. The database is generated once and kept
(the generator writes through the store, with history and search text, like real use).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/bench-gui-{args.records}.sqlite")
    Path(os.environ["STUDIO_DESK_HOME"]).mkdir(parents=True, exist_ok=True)
    if not path.exists():
        print(f"生成测试数据库 {path}（{args.records:,} 条记录）……")
        generate(path, args.records)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
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

    someone = store.list(Member)[0].name
    queries = ["l", pinyin_initials(someone), someone[0], someone, "学习", "电梯", "zzzz"]
    for q, key_ms, filter_ms, n in search_latency(app, window, queries):
        print(f"  “{q}”：按键 {key_ms:.1f} ms，筛选 {filter_ms:.0f} ms（{filter_ms / bare_ms:.1f} 倍空白窗口），{n:,} 条")
    window.shutdown()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
