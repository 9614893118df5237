"""回收站: deleted records listed newest first, restored with history, and the restore survives a merge."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from studio_desk.core.models import Activity, Member, Reception
from studio_desk.core.reception_day import save_reception_day
from studio_desk.core.recycle import consequences, deleted_records, restore
from studio_desk.core.store import Store


def test_listed_restored_with_history(store: Store):
    a = store.save(Activity(date=date(2025, 3, 1), type="集中学习", topic="学习会"))
    b = store.save(Activity(date=date(2025, 4, 1), type="集中学习", topic="读书会"))
    m = store.save(Member(name="刘刚"))
    for cls, record in ((Activity, a), (Member, m), (Activity, b)):
        store.delete(cls, record.id)
    listed = deleted_records(store)
    assert [d.record_id for d in listed] == [b.id, m.id, a.id]  # the latest deletion first
    assert (listed[0].title, listed[0].when, listed[0].cls) == ("读书会", "2025-04-01", Activity)
    assert [d.record_id for d in deleted_records(store, [Member])] == [m.id]
    pairs = restore(store, Activity, [a.id])
    assert [t.id for t, _r in pairs] == [a.id]
    back = store.get(Activity, a.id)
    assert not back.deleted and back.topic == "学习会"
    assert [h.reason for h in store.history(a.id)] == ["删除", "恢复"]
    assert a.id not in {d.record_id for d in deleted_records(store)}
    assert restore(store, Activity, [a.id]) == []  # not deleted: nothing to do


def test_a_restored_reception_counts_in_its_day_again(store: Store):
    day = Activity(date=date(2025, 6, 14), type="委员接待日", topic="接待日")
    saved = save_reception_day(store, day, [Reception(person_name=n, request_content="诉求") for n in "甲乙"])
    gone = saved.receptions[0]
    assert consequences(store, Reception, [gone.id]) == ["所属委员接待日的群众人次会相应减少。"]
    assert "2 条接待走访记录保留" in consequences(store, Activity, [day.id])[0]
    store.delete(Reception, gone.id)
    restore(store, Reception, [gone.id])
    assert store.get(Activity, day.id).public_count == 2


def test_a_restore_wins_over_the_older_deletion_in_a_merge(store: Store, db_path: Path, tmp_path: Path):
    from studio_desk.core.sync import merge_file

    a = store.save(Activity(date=date(2025, 3, 1), type="集中学习", topic="学习会"))
    store.delete(Activity, a.id)
    store.close()
    stick = tmp_path / "stick.sqlite"
    shutil.copyfile(db_path, stick)  # the other copy still has the deletion
    with Store.open(db_path, replica_id="replica-test") as home:
        restore(home, Activity, [a.id])
        merge_file(home, stick, backup_dir=tmp_path / "backups")
        assert not home.get(Activity, a.id).deleted
    with Store.open(stick, replica_id="replica-stick") as other:
        merge_file(other, db_path, backup_dir=tmp_path / "backups2")
        assert not other.get(Activity, a.id).deleted
