"""Demo evidence: a few drawn photos on the latest activities and a six-month 委员接待日 rota, so
that every printable document and the summary's 图片资料 show something. Nothing is downloaded:
the pictures are drawn with Pillow (a banner, a table, people) from a seeded random source."""

from __future__ import annotations

import io
import random
from datetime import date

from studio_desk.core import attachments, codec, rota
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


RULE = rota.Rule(day=15, skip_weekend=True)
HOURS = "9:00—11:30"


def held_days(store: Store, today: date, where: str) -> None:
    """This year's reception days so far, on the rule's day of each month that had one: the
    month's first 委员接待日 activity is moved to that day (the same month, so every monthly and
    yearly figure stays as it was) and the planned day is written up by it."""
    held = store.list_records(Activity, year=today.year, filters={"type": rota.RECEPTION_DAY_TYPE})
    months: dict[int, Activity] = {}
    for activity in sorted(held, key=lambda a: (a.date or today, a.id)):
        if activity.date:
            months.setdefault(activity.date.month, activity)
    for month, activity in sorted(months.items()):
        on = RULE.date_in(today.year, month)
        if on >= today or rota.day_on(store, on) is not None:
            continue
        moved = store.save(codec.copy_record(activity, date=on), check=False)
        store.save(ReceptionDay(date=on, member_ids=moved.member_ids[:2], location=moved.location or where, hours=HOURS,
                                activity_id=moved.id))


def add_evidence(store: Store, today: date, seed: int = 16) -> int:
    """Plan the year's reception days by the rule (those held so far written up by the year's
    委员接待日 activities), then attach drawn photos to activities of this year and last."""
    where = store.studio().address or "工作室"
    held_days(store, today, where)
    rota.plan(store, today, 6, day=RULE.day, per_day=2, location=where, hours=HOURS,
              skip_weekend=RULE.skip_weekend)
    rng = random.Random(seed)
    n = 0
    # This year's and last year's summaries both show their 图片资料 (a clerk looks at either).
    for year, count in ((today.year - 1, 4), (today.year, 6)):
        recent = [a for a in store.list_records(Activity, year=year) if a.type in _SCENE_WORDS][:count]
        for activity in recent:
            banner = _SCENE_WORDS[activity.type]
            prepared = attachments.prepare_bytes(f"现场照片{n + 1}.png", draw_photo(rng, banner))
            caption = f"{activity.date.month}月{activity.date.day}日，{activity.topic[:24]}"
            added = attachments.add_prepared(store, activity, prepared, caption)
            attachments.set_in_summary(store, added, True)
            n += 1
    return n
