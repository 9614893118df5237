"""Attachments: photos and scans kept inside the database file, so that copying the file is still a
complete copy.

- An :class:`~studio_desk.core.models.Attachment` record says whose a file is (any record kind),
  its caption and its place in the list; it is versioned, tombstoned and merged like every record.
- The file's bytes live in ``attachment_blobs`` under their SHA-256: identical files are stored
  once, and a blob never changes, so a merge only copies the blobs the other side lacks.
- Photos are downscaled once on the way in (long side at most 1600 px, JPEG, turned upright by
  their EXIF orientation, metadata such as GPS positions dropped); PDFs are kept as they are.
- Deleting a record tombstones its attachments (marked ``with_owner``); restoring the record
  brings exactly those back, not the ones the clerk removed on their own before.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from studio_desk.core import codec
from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.models import Attachment, Record

if TYPE_CHECKING:
    from studio_desk.core.store import Store

MAX_SIDE = 1600
JPEG_QUALITY = 85
MAX_IMAGE_BYTES = 40 * 1024 * 1024  # a phone photo is a few MB; a scan at most tens
MAX_PDF_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 80_000_000  # a JPEG is decoded at a reduced scale (draft), so a big scan is fine
MAX_PNG_PIXELS = 30_000_000  # a PNG is decoded whole: 30 MP is about 120 MB in memory
IMAGE_JPEG = "image/jpeg"
PDF = "application/pdf"
SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf")
# Records whose attachments show citizens (their requests, their homes, recipients of relief):
# left out of every copy meant for the county.
CITIZEN_OWNER_KINDS = ("reception", "donation")

_DELETED_WITH_OWNER = "随记录删除"
_RESTORED_WITH_OWNER = "随记录恢复"


class AttachmentError(StudioDeskError):
    """A file that cannot be attached (the message names it)."""


@dataclass(frozen=True)
class Prepared:
    """A file made ready for storing: its stored bytes and what the record says about them."""

    file_name: str
    media_type: str
    data: bytes
    width: int
    height: int

    @functools.cached_property
    def sha256(self) -> str:  # (hashed once: a form's strip draws it again at every change)
        return hashlib.sha256(self.data).hexdigest()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def prepare_file(path: Path | str) -> Prepared:
    """Read, check and (for photos) downscale a file the clerk picked. Nothing is stored yet."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
            limit = MAX_PDF_BYTES if head.startswith(b"%PDF-") else MAX_IMAGE_BYTES
            if size > limit:
                raise AttachmentError(f"文件“{name}”太大（{_mb(size)}），这类附件最大 {_mb(limit)}。")
            fh.seek(0)
            data = fh.read(limit + 1)
    except OSError as exc:
        raise AttachmentError(f"读取文件“{name}”失败：{exc.strerror or exc}") from exc
    if len(data) > limit:  # the file grew while being read
        raise AttachmentError(f"文件“{name}”太大，这类附件最大 {_mb(limit)}。")
    if not data:
        raise AttachmentError(f"文件“{name}”是空的。")
    return prepare_bytes(name, data)


def prepare_bytes(name: str, data: bytes) -> Prepared:
    if data.startswith(b"%PDF-"):
        if len(data) > MAX_PDF_BYTES:
            raise AttachmentError(f"文件“{name}”太大，PDF 附件最大 {_mb(MAX_PDF_BYTES)}。")
        if b"%%EOF" not in data[-2048:]:
            raise AttachmentError(f"PDF 文件“{name}”不完整（可能没有复制完），请换一份。")
        return Prepared(name, PDF, data, 0, 0)
    if data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(data) > MAX_IMAGE_BYTES:
            raise AttachmentError(f"文件“{name}”太大，图片附件最大 {_mb(MAX_IMAGE_BYTES)}。")
        return _downscale(name, data)
    raise AttachmentError(f"“{name}”不是 JPG、PNG 图片或 PDF 文件，不能作为附件。")


def _downscale(name: str, data: bytes) -> Prepared:
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as im:
            width, height = im.size  # read from the header: nothing decoded yet
            if width * height > (MAX_PIXELS if im.format == "JPEG" else MAX_PNG_PIXELS):
                raise AttachmentError(
                    f"图片“{name}”的像素太多（{width}×{height}），请先缩小再添加。"
                )
            im.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced scale directly
            upright = ImageOps.exif_transpose(im)
            picture = _flatten(upright)
            picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            picture.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except AttachmentError:
        raise
    except Image.DecompressionBombError as exc:
        raise AttachmentError(f"图片“{name}”的像素太多，请先缩小再添加。") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise AttachmentError(f"图片“{name}”无法读取（文件可能已损坏）：{exc}") from exc
    stem = Path(name).stem or "图片"
    return Prepared(f"{stem}.jpg", IMAGE_JPEG, out.getvalue(), picture.width, picture.height)


def _flatten(im):  # type: ignore[no-untyped-def]
    """RGB on a white ground (a PNG's transparency would turn black in a JPEG)."""
    from PIL import Image

    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        ground = Image.new("RGB", rgba.size, (255, 255, 255))
        ground.paste(rgba, mask=rgba.getchannel("A"))
        return ground
    return im.convert("RGB")


def _put_blob(conn: sqlite3.Connection, sha256: str, media_type: str, data: bytes) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO attachment_blobs (sha256, media_type, size, data) VALUES (?,?,?,?)",
        (sha256, media_type, len(data), data),
    )


def add_attachment(store: Store, owner: Record, path: Path | str, caption: str = "") -> Attachment:
    """Attach the file at ``path`` to ``owner`` (at the end of its list)."""
    return add_prepared(store, owner, prepare_file(path), caption)


def add_prepared(store: Store, owner: Record, prepared: Prepared, caption: str = "") -> Attachment:
    with store.transaction() as conn:
        row = conn.execute(
            "SELECT max(position) FROM attachments WHERE owner_id = ? AND deleted = 0", (owner.id,)
        ).fetchone()
        position = 0 if row[0] is None else int(row[0]) + 1
        _put_blob(conn, prepared.sha256, prepared.media_type, prepared.data)
        record = Attachment(
            owner_kind=owner.KIND,
            owner_id=owner.id,
            caption=caption.strip(),
            position=position,
            file_name=prepared.file_name[:200],
            media_type=prepared.media_type,
            blob_sha256=prepared.sha256,
            size=len(prepared.data),
            width=prepared.width,
            height=prepared.height,
        )
        return store.save(record)


def attachments_of(store: Store, owner_id: str, *, include_deleted: bool = False) -> list[Attachment]:
    """A record's attachments, in their order."""
    filters = {"owner_id": owner_id}
    atts = store.list_records(Attachment, filters=filters, include_deleted=include_deleted)
    return sorted(atts, key=lambda a: (a.position, a.created_at))


def attachment_counts(store: Store, owner_ids: list[str]) -> dict[str, int]:
    """How many live attachments each record has (for ledger columns and documents)."""
    out: dict[str, int] = {}
    for start in range(0, len(owner_ids), 500):
        chunk = owner_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for owner_id, n in store.conn.execute(
            f"SELECT owner_id, count(*) FROM attachments WHERE deleted = 0 "
            f"AND owner_id IN ({marks}) GROUP BY owner_id",
            chunk,
        ):
            out[owner_id] = int(n)
    return out


def listing_line(file_name: str, caption: str) -> str:
    """One attachment as a ledger lists it: ``文件名：说明`` (the file name alone without a caption)."""
    return f"{file_name}：{caption}" if caption else file_name


def listing(store: Store, owner_kind: str) -> dict[str, str]:
    """Each record's live attachments as the ledgers list them, one line per file in their order
    (one query for a whole ledger: records with attachments are few)."""
    lines: dict[str, list[str]] = {}
    for owner_id, file_name, caption in store.conn.execute(
        "SELECT owner_id, file_name, caption FROM attachments WHERE deleted = 0 AND owner_kind = ? "
        "ORDER BY owner_id, position, created_at",
        (owner_kind,),
    ):
        lines.setdefault(owner_id, []).append(listing_line(file_name, caption))
    return {owner_id: "\n".join(found) for owner_id, found in lines.items()}


def blob_bytes(store: Store, sha256: str) -> bytes:
    row = store.conn.execute(
        "SELECT data FROM attachment_blobs WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is None:
        raise DatabaseError("附件的内容不在数据库中（可能来自不完整的副本）。")
    return bytes(row[0])


def set_caption(store: Store, attachment: Attachment, caption: str) -> Attachment:
    return store.save(codec.copy_record(attachment, caption=caption.strip()))


def set_in_summary(store: Store, attachment: Attachment, chosen: bool) -> Attachment:
    return store.save(codec.copy_record(attachment, in_summary=chosen))


def move(store: Store, attachment: Attachment, step: int) -> None:
    """Move an attachment ``step`` places up (negative) or down in its record's list."""
    with store.transaction():
        items = attachments_of(store, attachment.owner_id)
        ids = [a.id for a in items]
        if attachment.id not in ids:
            return
        i = ids.index(attachment.id)
        j = max(0, min(len(items) - 1, i + step))
        items.insert(j, items.pop(i))
        for position, item in enumerate(items):
            if item.position != position:
                store.save(codec.copy_record(item, position=position))


def remove(store: Store, attachment: Attachment) -> Attachment:
    """Remove one attachment (a tombstone: the file stays in the database and can be restored)."""
    return store.delete(Attachment, attachment.id)


def follow_owner(store: Store, owner: Record) -> None:
    """Called by the store when a record was deleted or restored: its attachments follow it."""
    if isinstance(owner, Attachment):
        return
    rows = store.conn.execute(
        "SELECT id FROM attachments WHERE owner_id = ? AND deleted = ?",
        (owner.id, 0 if owner.deleted else 1),
    ).fetchall()
    for attachment in store.get_many(Attachment, [r[0] for r in rows]):
        if owner.deleted:
            store.save(
                codec.copy_record(attachment, deleted=True, with_owner=True),
                check=False,
                reason=_DELETED_WITH_OWNER,
            )
        elif attachment.with_owner:
            store.save(
                codec.copy_record(attachment, deleted=False, with_owner=False),
                check=False,
                reason=_RESTORED_WITH_OWNER,
            )


def write_file(store: Store, attachment: Attachment, folder: Path) -> Path:
    """Write the attachment's file into ``folder`` (e.g. a temporary one, to open it)."""
    suffix = ".pdf" if attachment.media_type == PDF else ".jpg"
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(attachment.file_name).stem)[:60] or "附件"
    target = Path(folder) / f"{stem}{suffix}"
    target.write_bytes(blob_bytes(store, attachment.blob_sha256))
    return target


def copy_missing_blobs(store: Store, other: Store) -> int:
    """Copy into ``store`` the blobs ``other`` has and it lacks (inside the merge's transaction).

    A blob whose bytes do not match its name was damaged or forged on the way: the merge stops.
    """
    mine = {row[0] for row in store.conn.execute("SELECT sha256 FROM attachment_blobs")}
    wanted = [row[0] for row in other.conn.execute("SELECT sha256 FROM attachment_blobs") if row[0] not in mine]
    for sha256 in wanted:
        media_type, data = other.conn.execute(
            "SELECT media_type, data FROM attachment_blobs WHERE sha256 = ?", (sha256,)
        ).fetchone()
        data = bytes(data)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise DatabaseError("副本中有附件内容已损坏（校验不符），不能合并。")
        _put_blob(store.conn, sha256, media_type, data)
    return len(wanted)


def drop_citizen_attachments(conn: sqlite3.Connection) -> int:
    """Remove citizens' attachments (rows, their history and bytes no other attachment uses) from a
    copy meant for the county. Only for such copies: nothing here leaves a tombstone."""
    marks = ",".join("?" * len(CITIZEN_OWNER_KINDS))
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT id FROM attachments WHERE owner_kind IN ({marks})", CITIZEN_OWNER_KINDS
        )
    ]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM attachments WHERE id IN ({marks})", chunk)
        conn.execute(
            f"DELETE FROM history WHERE table_name = 'attachments' AND record_id IN ({marks})", chunk
        )
    conn.execute(
        "DELETE FROM attachment_blobs WHERE sha256 NOT IN (SELECT blob_sha256 FROM attachments)"
        " AND sha256 NOT IN (SELECT json_extract(data, '$.blob_sha256') FROM history"
        " WHERE table_name = 'attachments')"
    )
    return len(ids)


def photos_for_summary(store: Store, year: int) -> list[tuple[Attachment, bytes]]:
    """The photos the clerk chose for the year's summary (图片资料), activities' only, in date order."""
    from studio_desk.core.models import Activity

    activities = {a.id: a for a in store.list_records(Activity, year=year)}
    chosen = store.list_records(Attachment, filters={"in_summary": 1, "media_type": IMAGE_JPEG})
    chosen = [a for a in chosen if a.owner_id in activities]
    chosen.sort(key=lambda a: (str(activities[a.owner_id].date), a.position))
    return [(a, blob_bytes(store, a.blob_sha256)) for a in chosen]


PRINT_SIDE = 900  # about 190 dpi across a 120 mm wide picture: sharp on paper, small in a PDF
PRINT_QUALITY = 72


def print_copy(data: bytes, side: int = PRINT_SIDE) -> bytes:
    """A smaller JPEG of a stored photo for a printed document (the stored one stays as it is);
    ``side`` is the long side in pixels."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as im:
        picture = im.convert("RGB")
        picture.thumbnail((side, side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        picture.save(out, "JPEG", quality=PRINT_QUALITY, optimize=True, progressive=False)
    return out.getvalue()
