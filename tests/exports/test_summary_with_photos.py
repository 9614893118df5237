"""The annual summary carries the year's chosen activity photos (图片资料) as its last 附件, in the
PDF and the Word file, and stays small: six camera-sized JPEGs give a file under 1 MB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pdfplumber

from studio_desk.core import attachments
from studio_desk.core.models import Activity
from studio_desk.exports.summary import write_summary
from tests.exports.pdfread import lines

try:
    from .test_summary_data import YEAR, fill, flat
    from .test_summary_photos import _camera_photo
except ImportError:
    from test_summary_data import YEAR, fill, flat
    from test_summary_photos import _camera_photo

# Measured: six of the photos below (4000 × 3000 with fine detail, about 2 MB each as taken,
# 0.4 MB each as stored) take a summary from 164 KB to 787 KB as a PDF and from 80 KB to 700 KB as
# a .docx (print copies of 720 px, i.e. 150 dpi across 120 mm).
LIMIT = 1_000_000


def test_summary_shows_six_photos_with_captions_under_a_megabyte(store, tmp_path: Path) -> None:
    fill(store)
    for month in range(1, 8):
        activity = store.save(Activity(date=date(YEAR, month, 12), type="视察调研", topic=f"第{month}次调研"))
        added = attachments.add_attachment(store, activity, _camera_photo(tmp_path / f"{month}.jpg", month),
                                           f"{month}月12日，委员赴企业开展视察调研")
        attachments.set_in_summary(store, added, month != 4)  # the clerk left one out
    taken = sum((tmp_path / f"{m}.jpg").stat().st_size for m in range(1, 8))
    pdf = write_summary(store, YEAR, tmp_path / "总结.pdf", signed_on=date(2026, 1, 15))
    word = write_summary(store, YEAR, tmp_path / "总结.docx", signed_on=date(2026, 1, 15))
    assert pdf.size == pdf.path.stat().st_size < LIMIT and word.path.stat().st_size < LIMIT, (pdf.size, taken)
    assert taken > 6 * LIMIT  # the photos as taken are far bigger than the summary

    found = lines(pdf.path)
    with pdfplumber.open(str(pdf.path)) as read:
        text = flat("".join(page.extract_text() for page in read.pages))
    assert "附件：1．" in text and "6．2025年活动图片" in text
    shown = [m for m in range(1, 8) if f"{m}月12日，委员赴企业开展视察调研" in text]
    assert shown == [1, 2, 3, 5, 6, 7]
    per_page: dict[int, int] = {}
    for ln in found:
        if "委员赴企业开展视察调研" in ln.text:
            per_page[ln.page] = per_page.get(ln.page, 0) + 1
    assert sum(per_page.values()) == 6 and max(per_page.values()) == 2  # two photos a page

    document = docx.Document(str(word.path))
    assert len(document.inline_shapes) == 6 + 2  # the photos and the two charts
    captions = [p.text for p in document.paragraphs if p.text.endswith("委员赴企业开展视察调研")]
    assert captions == [f"{m}月12日，委员赴企业开展视察调研" for m in (1, 2, 3, 5, 6, 7)]
