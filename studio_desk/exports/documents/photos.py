"""图片资料: the photos the clerk chose for a year's summary, as document blocks (downscaled again
for print, so a summary with a page of photos stays a few hundred KB)."""

from __future__ import annotations

from studio_desk.core.attachments import photos_for_summary, print_copy
from studio_desk.core.store import Store
from studio_desk.exports import document as d

PHOTO_WIDTH_MM = 120.0


def photo_blocks(store: Store, year: int, heading: str = "图片资料") -> list[d.Block]:
    """A heading and one picture with its caption per chosen photo; nothing when none is chosen."""
    chosen = photos_for_summary(store, year)
    if not chosen:
        return []
    blocks: list[d.Block] = [d.Heading(heading)]
    for attachment, data in chosen:
        blocks.append(d.Image(print_copy(data), width_mm=PHOTO_WIDTH_MM, caption=attachment.caption))
    return blocks
