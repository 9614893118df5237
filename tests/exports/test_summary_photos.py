"""图片资料: chosen photos with captions in a summary-style document, downscaled again for print
(six camera-sized photos stay well under 1 MB in the PDF)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from PIL import Image, ImageFilter

from studio_desk.core import attachments
from studio_desk.core.models import Activity
from studio_desk.exports import document as d
from studio_desk.exports.documents.photos import photo_blocks
from tests.exports.pdfread import lines


def _camera_photo(path: Path, seed: int) -> Path:
    """A 4000 × 3000 picture with fine detail, which JPEG cannot squeeze much (like a real photo)."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (160, 120), bytes(rng.randrange(256) for _ in range(160 * 120 * 3)))
    big = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(ImageFilter.DETAIL)
    big.save(path, "JPEG", quality=92)
    return path


def test_six_photos_with_captions_stay_under_a_megabyte(store, tmp_path):
    activities = [
        store.save(Activity(date=date(2026, m, 10), type="视察调研", topic=f"第{m}月调研")) for m in range(1, 8)
    ]
    for i, act in enumerate(activities):
        added = attachments.add_attachment(store, act, _camera_photo(tmp_path / f"{i}.jpg", i), f"{i + 1}月调研现场")
        if i < 6:
            attachments.set_in_summary(store, added, True)
    stored = sum(a.size for a in store.list_records(attachments.Attachment))
    blocks = photo_blocks(store, 2026)
    assert [b.caption for b in blocks if isinstance(b, d.Image)] == [f"{m}月调研现场" for m in range(1, 7)]
    doc = d.Document([d.Title("2026年度工作总结"), d.Paragraph("正文。"), *blocks])
    pdf = tmp_path / "总结.pdf"
    result = d.render_pdf(doc, pdf)
    size = pdf.stat().st_size
    assert size < 1_000_000, size
    assert size < stored  # smaller than the stored photos themselves: they were downscaled again
    text = "".join(ln.text for ln in lines(pdf))  # a digit in the fallback font reads back apart
    assert "图片资料" in text and "6月调研现场" in text and "7月调研现场" not in text
    assert result.pages >= 3


def test_no_chosen_photo_adds_nothing(store):
    assert photo_blocks(store, 2026) == []
