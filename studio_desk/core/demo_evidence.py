"""Demo evidence: a few drawn photos on the latest activities and a six-month 委员接待日 rota, so
that every printable document and the summary's 图片资料 show something. Nothing is downloaded:
the pictures are drawn with Pillow (a banner, a table, people) from a seeded random source."""

from __future__ import annotations

import io
import random
from datetime import date

from studio_desk.core import attachments, rota
from studio_desk.core.models import Activity, ReceptionDay
from studio_desk.core.store import Store

_PALETTE = [(176, 32, 36), (32, 84, 150), (44, 120, 80), (196, 128, 30), (90, 60, 140)]
_SCENE_WORDS = {
    "委员接待日": "委员接待日",
    "视察调研": "视察调研",
    "协商议事": "协商议事",
    "公益活动": "爱心公益",
    "集中学习": "集中学习",
    "宣传宣讲": "政策宣讲",
}


def _font(size: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    from studio_desk.paths import asset_path

    try:
        return ImageFont.truetype(str(asset_path("resources", "fonts", "DroidSansFallbackFull.ttf")), size)
    except OSError:
        return ImageFont.load_default()


def draw_photo(rng: random.Random, banner: str, size: tuple[int, int] = (1200, 800)) -> bytes:
    """A simple picture of a meeting: a red banner with text, a table, rows of people."""
    from PIL import Image, ImageDraw

    w, h = size
    im = Image.new("RGB", size, (228 + rng.randint(-10, 10), 222, 210))
    d = ImageDraw.Draw(im)
    d.rectangle((0, int(h * 0.62), w, h), fill=(150 + rng.randint(-20, 20), 120, 90))  # floor
    d.rectangle((int(w * 0.08), int(h * 0.06), int(w * 0.92), int(h * 0.2)), fill=(190, 26, 30))
    text = f"{banner}活动现场"
    font = _font(int(h * 0.08))
    box = d.textbbox((0, 0), text, font=font)
    d.text(((w - (box[2] - box[0])) / 2, h * 0.13 - (box[3] - box[1]) / 2 - box[1]), text, fill=(255, 230, 120), font=font)
    for row in range(2):
        y = int(h * (0.42 + 0.2 * row))
        for i in range(6 + row * 2):
            x = int(w * (0.1 + (0.8 / (6 + row * 2)) * (i + 0.5)))
            color = rng.choice(_PALETTE)
            d.ellipse((x - 22, y - 70, x + 22, y - 26), fill=(236, 200, 170))  # head
            d.rounded_rectangle((x - 34, y - 24, x + 34, y + 70), radius=18, fill=color)
    d.rectangle((int(w * 0.15), int(h * 0.7), int(w * 0.85), int(h * 0.8)), fill=(120, 70, 40))  # table
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def add_evidence(store: Store, today: date, seed: int = 16) -> int:
    """Attach drawn photos to the year's latest activities and plan the coming reception days."""
    rng = random.Random(seed)
    recent = [a for a in store.list(Activity, year=today.year) if a.type in _SCENE_WORDS][:6]
    n = 0
    for i, activity in enumerate(recent):
        banner = _SCENE_WORDS[activity.type]
        prepared = attachments.prepare_bytes(f"现场照片{i + 1}.png", draw_photo(rng, banner))
        caption = f"{activity.date.month}月{activity.date.day}日，{activity.topic[:24]}"
        added = attachments.add_prepared(store, activity, prepared, caption)
        attachments.set_in_summary(store, added, True)
        n += 1
    studio = store.studio()
    where = studio.address or "工作室"
    # This year's reception days so far are the days the 委员接待日 activities took place.
    past = store.list(Activity, year=today.year, filters={"type": rota.RECEPTION_DAY_TYPE})
    for activity in sorted(past, key=lambda a: a.date or today):
        if activity.date and activity.date < today and rota.day_on(store, activity.date) is None:
            store.save(
                ReceptionDay(date=activity.date, member_ids=activity.member_ids[:2], location=where,
                             hours="9:00—11:30", activity_id=activity.id)
            )
    rota.plan(
        store,
        today,
        6,
        day=15,
        per_day=2,
        location=where,
        hours="9:00—11:30",
    )
    return n
