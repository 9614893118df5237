"""Large realistic data for the benchmarks: N records of every ledger over several years.

    python bench/generate.py OUT.sqlite --records 100000 [--years 10] [--seed 7]

or from Python (the GUI, reliability and merge benchmarks use this)::

    from bench.generate import generate_large
    counts = generate_large(store_or_path, 20_000, years=10, seed=7)

Records are built from the demo data's vocabulary (the seeds' kind of work) with varied wording,
and written in one transaction through ``Store.write_version`` (the raw write merges use), so that
100,000 records take seconds, not the minutes one validated ``save`` each would. Every record is
still valid: the generator only makes values the core's validation accepts (a test checks a sample).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio_desk.core import demo, enums  # noqa: E402
from studio_desk.core.models import (  # noqa: E402
    Activity,
    Author,
    Donation,
    DonationItem,
    FollowUp,
    Member,
    Proposal,
    Reception,
    Record,
)
from studio_desk.core.store import Store  # noqa: E402

# Share of each ledger in N records (the roster is extra: about 3 members a year).
SHARES = ((Activity, 0.40), (Reception, 0.35), (Donation, 0.10), (Proposal, 0.15))

_OPENINGS = ["围绕", "聚焦", "针对", "结合", "紧扣"]
_THEMES = [
    "优化营商环境", "乡村振兴", "民营经济高质量发展", "基层社会治理", "生态环境保护", "文旅融合发展",
    "就业创业服务", "养老服务体系建设", "义务教育均衡发展", "县域商贸物流", "农产品品牌建设",
    "城市更新和老旧小区改造", "安全生产", "数字经济", "医疗卫生服务下沉",
]
_RESULTS = [
    "委员们深入一线察实情、听民声，形成意见建议{n}条，相关部门已研究采纳。",
    "活动中委员们交流发言，提出了务实管用的对策建议，得到县委、县政府的肯定。",
    "现场解答群众咨询{n}个，收集意见建议{n}条，已整理报送县政协。",
    "通过协商议事，推动问题在基层一线得到解决，群众满意度明显提升。",
]


def _stamp(day: date, rng: random.Random) -> str:
    moment = datetime(day.year, day.month, day.day, rng.randint(8, 18), rng.randint(0, 59), tzinfo=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(10**6):06d}Z"


def seeded_id(rng: random.Random) -> str:
    """A record or version id in the store's one spelling, the same for the same seed."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _finish(record: Record, day: date, rng: random.Random, replica: str) -> Record:
    stamp = _stamp(day, rng)
    return replace(
        record, id=seeded_id(rng), created_at=stamp, updated_at=stamp, replica_id=replica, version_id=seeded_id(rng)
    )


def _members(rng: random.Random, first_year: int, last_year: int) -> list[Member]:
    out = []
    names: set[str] = set()
    per_year = 3
    for year in range(first_year, last_year + 1):
        for _ in range(per_year if year > first_year else 10):
            while True:
                name = rng.choice(demo.SURNAMES) + "".join(rng.sample(demo.GIVEN, rng.choice([1, 2])))
                if name not in names:
                    names.add(name)
                    break
            # the first members are there from the start, so that every day has someone
            joined = date(year, 1, 1) if year == first_year else date(year, rng.randint(1, 12), rng.randint(1, 28))
            left = None
            if year < last_year - 2 and rng.random() < 0.3:
                left = date(rng.randint(year + 1, last_year - 1), rng.randint(1, 12), rng.randint(1, 28))
            base = demo.MEMBERS[rng.randrange(len(demo.MEMBERS))]
            out.append(
                Member(
                    name=name,
                    gender=rng.choice(enums.GENDERS),
                    party=base[2],
                    sector=base[3],
                    level=rng.choice(enums.CPPCC_LEVELS),
                    role="召集人" if not out else rng.choice(("成员", "成员", "成员", "副主任", "社情民意信息联络员")),
                    employer=base[6].replace(base[0], name),
                    phone=f"139{rng.randrange(10**8):08d}",
                    joined_on=joined,
                    left_on=left,
                )
            )
    return out


def _activity(rng: random.Random, day: date, crew: list[str]) -> Activity:
    type_ = rng.choice(list(demo.ACTIVITY_PLAN))
    topic = rng.choice(demo.ACTIVITY_PLAN[type_][1])
    if rng.random() < 0.5:
        topic = f"{rng.choice(_OPENINGS)}“{rng.choice(_THEMES)}”开展{type_}"
    n = rng.randint(1, 9)
    content = (
        f"{day.year}年{day.month}月{day.day}日，工作室组织委员开展“{topic}”活动。"
        + rng.choice(_RESULTS).format(n=n)
    )
    public = rng.randint(10, 200) if type_ in ("宣传宣讲", "委员接待日", "公益活动", "经贸活动", "协商议事") else 0
    highlight = rng.random() < 0.08
    return Activity(
        date=day,
        type=type_,
        topic=topic[:200],
        location=rng.choice(demo.LOCATIONS),
        organizer=rng.choice(("工作室", "县政协委员联络工作委员会", "县个私协会")),
        member_ids=crew,
        public_count=public,
        suggestion_count=n if type_ in ("协商议事", "视察调研", "委员接待日") else 0,
        content=content,
        is_highlight=highlight,
        highlight_note="推动问题在基层一线得到解决。" if highlight else "",
    )


def _reception(rng: random.Random, day: date, crew: list[str], today: date) -> Reception:
    category, mode, content, unit = rng.choice(demo.REQUESTS)
    name, phone, address = demo._citizen(rng)
    handling = "矛盾调解" if category == "邻里纠纷" else rng.choice(enums.HANDLING_METHODS[:5])
    if handling == "转交部门" and not unit:
        unit = "城关镇人民政府"
    old = (today - day).days > 60
    status = ("已办结" if rng.random() < 0.92 else "无法办理") if old else rng.choice(enums.RECEPTION_STATUSES)
    closed = day + timedelta(days=rng.randint(0, 25)) if status in ("已办结", "无法办理") else None
    return Reception(
        date=day,
        mode=mode,
        person_name=name,
        person_phone=phone,
        person_address=address,
        people_count=rng.randint(1, 5),
        household_count=1 if mode == "入户走访" else 0,
        request_category=category,
        request_content=content,
        member_ids=crew[:3],
        handling=handling,
        transferred_to=unit if handling == "转交部门" else "",
        status=status,
        deadline=day + timedelta(days=30),
        closed_on=closed,
        result="已协调相关部门解决，当事人表示认可。" if status == "已办结" else "",
        practical_help=handling == "帮办实事",
        dispute=category == "邻里纠纷",
        feedback_given=status == "已办结",
        satisfaction=rng.choice(("满意", "满意", "满意", "基本满意", "不满意")) if status == "已办结" else "",
        followups=[FollowUp(date=day, note="受理诉求，登记在册。")],
    )


def _donation(rng: random.Random, day: date, crew: list[str]) -> Donation:
    category, recipients, people, items, cash = rng.choice(demo.DONATIONS)
    scale = rng.randint(60, 140) / 100
    return Donation(
        date=day,
        category=category,
        donor=rng.choice(demo.DONORS),
        member_ids=crew[:4],
        recipients=recipients,
        recipient_count=max(1, round(people * scale)),
        cash_fen=round(cash * scale / 10000) * 10000,
        items=[
            DonationItem(name=n, quantity=Decimal(max(1, round(q * scale))), unit=u, value_fen=v * max(1, round(q * scale)))
            for n, q, u, v in items
        ],
        handler=rng.choice(("李秀英", "吴静", "刘刚")),
    )


def _proposal(rng: random.Random, day: date, authors: list[tuple[str, str]], today: date) -> Proposal:
    category, title = rng.choice(demo.OUTPUTS)
    if rng.random() < 0.6:
        title = f"关于{rng.choice(_THEMES)}的{rng.choice(('建议', '意见建议', '思考'))}"
    status = rng.choice(("已提交", "立案", "交办", "办理中", "已答复", "办结", "已采用", "不立案"))
    answered = day + timedelta(days=rng.randint(20, 90)) if status in ("已答复", "办结") else None
    return Proposal(
        category=category,
        title=title,
        authors=[Author(name=n, member_id=i) for i, n in authors] or [Author(name="县外专家", member_id=None)],
        submitted_on=day,
        session=f"第十一届{rng.randint(1, 5)}次会议",
        number=f"{day.year}{rng.randint(1, 300):03d}",
        source=rng.choice(("委员调研", "接待群众", "走访企业", "界别协商")),
        status=status,
        handler_unit=rng.choice(demo.HANDLER_UNITS) if status not in ("已提交", "不立案") else "",
        result_class=rng.choice(enums.RESULT_CLASSES) if answered else "",
        adoption_level=rng.choice(enums.ADOPTION_LEVELS) if status == "已采用" else "",
        instruction="县委主要领导作出批示，要求相关部门研究办理。" if rng.random() < 0.05 else "",
        answered_on=answered,
        satisfaction=rng.choice(enums.SATISFACTION) if answered else "",
        content=f"{title}。" + rng.choice(_RESULTS).format(n=rng.randint(1, 9)),
        followups=[FollowUp(date=day, note="已提交县政协提案委。")]
        + ([FollowUp(date=answered, note="承办单位已书面答复。")] if answered else []),
    )


def generate_large(
    store_or_path: Store | Path | str,
    n_records: int,
    *,
    years: int = 10,
    seed: int = 7,
    last_year: int | None = None,
) -> dict[str, int]:
    """Add ``n_records`` ledger records (plus a roster) spread over ``years`` years ending ``last_year``."""
    own = not isinstance(store_or_path, Store)
    store = Store.open(Path(store_or_path)) if own else store_or_path  # type: ignore[arg-type]
    try:
        rng = random.Random(seed)
        last_year = last_year or date.today().year
        first_year = last_year - years + 1
        today = date(last_year, 12, 31)
        replica = store.replica_id
        members = [_finish(m, m.joined_on or date(first_year, 1, 1), rng, replica) for m in _members(rng, first_year, last_year)]
        span = (date(last_year, 12, 31) - date(first_year, 1, 1)).days
        counts = {Member.TITLE: len(members)}
        plan = []
        for cls, share in SHARES:
            n = round(n_records * share) if cls is not Proposal else n_records - sum(
                round(n_records * s) for c, s in SHARES if c is not Proposal
            )
            counts[cls.TITLE] = n
            plan.append((cls, n))
        # One transaction; records are made and written one by one, so memory stays flat.
        with store.transaction():
            for member in members:
                store.write_version(member)
            for cls, n in plan:
                for _ in range(n):
                    day = date(first_year, 1, 1) + timedelta(days=rng.randrange(span + 1))
                    present = [m for m in members if m.joined_on <= day and (m.left_on is None or m.left_on >= day)]
                    crew_members = rng.sample(present, min(len(present), rng.randint(1, 8)))
                    crew = [m.id for m in crew_members]
                    if cls is Activity:
                        record: Record = _activity(rng, day, crew)
                    elif cls is Reception:
                        record = _reception(rng, day, crew, today)
                    elif cls is Donation:
                        record = _donation(rng, day, crew)
                    else:
                        record = _proposal(rng, day, [(m.id, m.name) for m in crew_members[:3]], today)
                    store.write_version(_finish(record, day, rng, replica))
        return counts
    finally:
        if own:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成大量逼真的测试数据（用于性能测试）")
    parser.add_argument("out", type=Path, help="数据库文件（不存在则新建）")
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate_large(args.out, args.records, years=args.years, seed=args.seed)
    elapsed = time.perf_counter() - started
    print("，".join(f"{k} {v:,} 条" for k, v in counts.items()) + f"；用时 {elapsed:.1f} 秒 → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
