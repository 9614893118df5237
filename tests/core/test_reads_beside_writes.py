"""A read does not wait for a long write on another thread: the window keeps painting while a
delete of thousands of records runs in the background, and shows what was committed."""

from __future__ import annotations

import threading
from datetime import date

from studio_desk.core.models import Activity, Member
from studio_desk.core.store import Store


def test_a_read_beside_a_running_write_sees_what_was_committed(store: Store):
    kept = store.save(Member(name="张伟"))
    many = [Activity(date=date(2026, 3, 1), type="集中学习", topic=f"学习{n}") for n in range(400)]
    writing, release, finished = threading.Event(), threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def long_write() -> None:
        try:
            with store.undo_step("导入活动"), store.transaction():
                for activity in many:
                    store.save(activity)
                store.delete(Member, kept.id)
                writing.set()
                release.wait(20)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)
            writing.set()
        finally:
            finished.set()

    worker = threading.Thread(target=long_write)
    worker.start()
    try:
        assert writing.wait(20) and not failures
        # the write holds the store; these reads answer at once with the committed state
        assert store.count(Activity) == 0
        assert store.query_ids(Activity) == []
        assert not store.get(Member, kept.id).deleted
        assert store.type_values("activity_type")
        assert not finished.is_set()  # they did not wait for the write
    finally:
        release.set()
        worker.join(30)
    assert not failures
    assert store.count(Activity) == 400 and store.get(Member, kept.id).deleted
    assert store.undo_label() == "导入活动"  # the step was the writer's, whole
    store.undo()
    assert store.count(Activity) == 0 and not store.get(Member, kept.id).deleted


def test_a_write_spilling_many_pages_still_lets_reads_through(store: Store):
    """More changes than SQLite's default page cache holds: the writer keeps them in memory
    until it commits instead of locking the file for readers early."""
    writing, release = threading.Event(), threading.Event()
    long_text = "履职" * 2000

    def long_write() -> None:
        with store.transaction():
            for n in range(1500):
                store.save(Activity(date=date(2026, 4, 1), type="集中学习", topic=f"调研{n}", content=long_text),
                           check=False)
            writing.set()
            release.wait(20)

    worker = threading.Thread(target=long_write)
    worker.start()
    try:
        assert writing.wait(60)
        assert store.count(Activity) == 0
    finally:
        release.set()
        worker.join(60)
    assert store.count(Activity) == 1500
