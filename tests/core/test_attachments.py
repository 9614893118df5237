"""Attachments: stored once inside the file, downscaled, refused with a message naming the file,
deleted and restored with their record, carried by snapshots, merges and backups, left out of
masked copies."""

from __future__ import annotations

import hashlib
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from studio_desk.core import attachments as att
from studio_desk.core import recycle
from studio_desk.core.backup import make_backup, restore_backup
from studio_desk.core.models import Activity, Attachment, Reception
from studio_desk.core.snapshot import write_snapshot
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file


def photo(path: Path, size=(4000, 3000), color=(200, 40, 40), orientation: int | None = None) -> Path:
    im = Image.new("RGB", size, color)
    im.paste((20, 20, 200), (0, 0, size[0] // 4, size[1] // 4))  # a mark in the top-left corner
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    im.save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path


def pdf(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


def activity(store: Store, topic: str = "委员接待日") -> Activity:
    return store.save(Activity(date=date(2026, 5, 15), type="委员接待日", topic=topic))


def reception(store: Store) -> Reception:
    return store.save(
        Reception(date=date(2026, 5, 15), mode="接待日来访", person_name="张三", request_content="路灯不亮")
    )


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_photo_is_downscaled_upright_and_stored_once(store, tmp_path):
    a = activity(store)
    # Orientation 6: the camera was turned; the stored picture is upright (portrait).
    first = att.add_attachment(store, a, photo(tmp_path / "现场.jpg", orientation=6), "现场照片")
    second = att.add_attachment(store, a, photo(tmp_path / "现场.jpg", orientation=6), "同一张")
    assert (first.width, first.height) == (1200, 1600)
    assert first.media_type == "image/jpeg" and first.file_name == "现场.jpg"
    assert first.blob_sha256 == second.blob_sha256
    assert store.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 1
    data = att.blob_bytes(store, first.blob_sha256)
    assert hashlib.sha256(data).hexdigest() == first.blob_sha256
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (1200, 1600)
        assert not im.getexif().get(0x0112)
        # The blue mark was top-left of the sensor; turned 90° clockwise it is top-right.
        assert im.getpixel((1150, 40))[2] > 150
    assert [x.caption for x in att.attachments_of(store, a.id)] == ["现场照片", "同一张"]
    assert [x.position for x in att.attachments_of(store, a.id)] == [0, 1]


def test_png_transparency_and_pdf_kept(store, tmp_path):
    a = activity(store)
    png = tmp_path / "签到表.png"
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(png)
    small = att.add_attachment(store, a, png)
    assert (small.width, small.height) == (300, 200)  # never enlarged
    with Image.open(io.BytesIO(att.blob_bytes(store, small.blob_sha256))) as im:
        assert im.getpixel((10, 10)) == (255, 255, 255)  # transparent became white, not black
    scan = att.add_attachment(store, a, pdf(tmp_path / "批示件.pdf"))
    assert scan.media_type == "application/pdf"
    assert att.blob_bytes(store, scan.blob_sha256) == (tmp_path / "批示件.pdf").read_bytes()


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("说明.txt", b"hello", "不是 JPG、PNG 图片或 PDF"),
        ("空.jpg", b"", "是空的"),
        ("坏.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 50, "无法读取"),
        ("半截.pdf", b"%PDF-1.4\n1 0 obj", "不完整"),
    ],
)
def test_bad_files_are_refused_by_name_and_nothing_stored(store, tmp_path, name, content, words):
    a = activity(store)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(att.AttachmentError) as err:
        att.add_attachment(store, a, path)
    assert name in str(err.value) and words in str(err.value)
    assert store.count(Attachment) == 0
    assert store.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 0


def test_oversized_and_bomb_images_are_refused_before_decoding(store, tmp_path, monkeypatch):
    a = activity(store)
    monkeypatch.setattr(att, "MAX_PDF_BYTES", 100)
    big = tmp_path / "大文件.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * 200 + b"\n%%EOF\n")
    with pytest.raises(att.AttachmentError, match="大文件.pdf.*太大"):
        att.add_attachment(store, a, big)
    # A PNG whose header claims 30000 × 30000 pixels (a few KB on disk).
    bomb = tmp_path / "炸弹.png"
    Image.new("1", (30000, 30000)).save(bomb)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(att.AttachmentError, match="炸弹.png.*像素太多"):
        att.add_attachment(store, a, bomb)
    # Under Pillow's own bomb limit, but more than a PNG may take whole (decoded at full size).
    wide = tmp_path / "长图.png"
    Image.new("1", (8000, 5000)).save(wide)
    with pytest.raises(att.AttachmentError, match="长图.png.*像素太多"):
        att.add_attachment(store, a, wide)
    assert store.count(Attachment) == 0


def test_caption_order_and_remove_are_versioned(store, tmp_path):
    a = activity(store)
    one = att.add_attachment(store, a, photo(tmp_path / "1.jpg", color=(1, 2, 3)))
    two = att.add_attachment(store, a, photo(tmp_path / "2.jpg", color=(200, 200, 3)))
    one = att.set_caption(store, one, "  开幕  ")
    assert one.caption == "开幕"
    att.move(store, two, -1)
    assert [x.id for x in att.attachments_of(store, a.id)] == [two.id, one.id]
    att.remove(store, one)
    assert [x.id for x in att.attachments_of(store, a.id)] == [two.id]
    assert [h.reason for h in store.history(one.id)] == ["修改", "修改", "删除"]


def test_deleting_a_record_tombstones_its_attachments_and_restoring_brings_them_back(store, tmp_path):
    a = activity(store)
    kept = att.add_attachment(store, a, photo(tmp_path / "1.jpg"))
    removed_before = att.add_attachment(store, a, photo(tmp_path / "2.jpg", color=(0, 90, 0)))
    att.remove(store, removed_before)
    store.delete(Activity, a.id)
    assert att.attachments_of(store, a.id) == []
    tomb = store.get(Attachment, kept.id)
    assert tomb.deleted and tomb.with_owner
    recycle.restore(store, Activity, [a.id])  # brought back from the 回收站
    assert not store.get(Activity, a.id).deleted
    assert [x.id for x in att.attachments_of(store, a.id)] == [kept.id]  # the removed one stays removed
    assert store.get(Attachment, removed_before.id).deleted


def blobs(store: Store) -> dict[str, bytes]:
    return {r[0]: bytes(r[1]) for r in store.conn.execute("SELECT sha256, data FROM attachment_blobs")}


def test_attachments_travel_by_snapshot_and_merge_byte_identical(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    with Store.open(folder / "a.sqlite", replica_id="A") as a:
        act = activity(a)
        first = att.add_attachment(a, act, photo(tmp_path / "现场.jpg"), "现场")
        att.add_attachment(a, act, pdf(tmp_path / "签到.pdf"), "签到表")
        write_snapshot(a, tmp_path / "stick.sqlite")
        original = blobs(a)
    assert files_in(folder) == ["a.sqlite"]  # the database stays one file
    with Store.open(tmp_path / "b.sqlite", replica_id="B") as b:
        summary = merge_file(b, tmp_path / "stick.sqlite", backup_dir=tmp_path / "backups")
        assert summary.per_type["附件"].added == 2
        assert blobs(b) == original
        got = att.attachments_of(b, act.id)
        assert [x.caption for x in got] == ["现场", "签到表"]
        assert att.blob_bytes(b, got[0].blob_sha256) == original[first.blob_sha256]
        # Merged again (and the other way round): nothing new, nothing doubled.
        again = merge_file(b, tmp_path / "stick.sqlite", backup_dir=tmp_path / "backups")
        assert not again.changed_anything
        assert b.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 2


def test_deletion_travels_by_merge(tmp_path):
    with Store.open(tmp_path / "a.sqlite", replica_id="A") as a:
        act = activity(a)
        att.add_attachment(a, act, photo(tmp_path / "1.jpg"))
    shutil.copyfile(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    with Store.open(tmp_path / "a.sqlite", replica_id="A") as a:
        a.delete(Activity, act.id)
    with Store.open(tmp_path / "b.sqlite", replica_id="B") as b:
        merge_file(b, tmp_path / "a.sqlite", backup_dir=tmp_path / "backups")
        assert att.attachments_of(b, act.id) == []
        recycle.restore(b, Activity, [act.id])
        assert len(att.attachments_of(b, act.id)) == 1


def test_a_forged_blob_stops_the_merge(tmp_path):
    with Store.open(tmp_path / "a.sqlite", replica_id="A") as a:
        att.add_attachment(a, activity(a), photo(tmp_path / "1.jpg"))
        with a.transaction() as conn:
            conn.execute("UPDATE attachment_blobs SET data = x'00'")
    with Store.open(tmp_path / "b.sqlite", replica_id="B") as b:
        with pytest.raises(Exception, match="附件内容已损坏"):
            merge_file(b, tmp_path / "a.sqlite", backup_dir=tmp_path / "backups")
        assert b.count(Attachment) == 0 and blobs(b) == {}


def test_backup_and_restore_keep_attachments(store, tmp_path):
    a = activity(store)
    one = att.add_attachment(store, a, photo(tmp_path / "1.jpg"))
    before = blobs(store)
    info = make_backup(store, tmp_path / "backups")
    att.remove(store, one)
    store.conn.execute("DELETE FROM attachment_blobs")
    restore_backup(store, info.path, backup_dir=tmp_path / "backups")
    assert [x.id for x in att.attachments_of(store, a.id)] == [one.id]
    assert blobs(store) == before


def test_masked_copy_has_no_citizens_attachments(store, tmp_path):
    from studio_desk.core.masking import write_masked_copy

    act = activity(store)
    rec = reception(store)
    public = att.add_attachment(store, act, photo(tmp_path / "活动.jpg"))
    att.add_attachment(store, rec, photo(tmp_path / "来访群众.jpg", color=(9, 9, 9)))
    att.add_attachment(store, rec, pdf(tmp_path / "身份证复印件.pdf"))
    target = tmp_path / "脱敏.sqlite"
    write_masked_copy(store, target)
    raw = target.read_bytes()
    assert b"%PDF-1.4" not in raw and "身份证复印件".encode() not in raw
    with Store.open(target, replica_id="check", create=False) as copy:
        assert [x.id for x in copy.list_records(Attachment)] == [public.id]
        assert list(blobs(copy)) == [public.blob_sha256]
    assert store.count(Attachment) == 3  # the studio's own file is untouched


def test_undoing_a_deletion_step_brings_the_attachments_back(store, tmp_path):
    """With undo steps (one user action, all the records it touched): the step that deleted a
    record also holds its attachments' tombstones, and undoing it puts every one back."""
    a = activity(store)
    one = att.add_attachment(store, a, photo(tmp_path / "1.jpg"))
    with store.undo_step("删除活动"):
        store.delete(Activity, a.id)
    assert att.attachments_of(store, a.id) == []
    store.undo()
    assert not store.get(Activity, a.id).deleted
    assert [x.id for x in att.attachments_of(store, a.id)] == [one.id]
