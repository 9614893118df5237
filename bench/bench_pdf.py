"""How long the annual summary takes for a busy year, and how big the PDF is.

    python bench/bench_pdf.py [--records 5000] [--members 60] [--runs 3]

Fills a fresh database (in a temporary folder) with ``--records`` records of one year spread
over activities, receptions, donations and 提案建议 (plus the same again for the year before,
which the summary compares with), then times ``annual_figures`` and ``write_summary`` and
prints the file size. Not a test: numbers are for reading, not asserting.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from studio_desk.core import enums  # noqa: E402
from studio_desk.core.figures import annual_figures  # noqa: E402
from studio_desk.core.models import (  # noqa: E402
    Activity,
    Author,
    Donation,
    DonationItem,
    Member,
    Proposal,
    Reception,
)
from studio_desk.core.store import Store  # noqa: E402


def fill(store: Store, year: int, records: int, members: list[Member], rng: random.Random) -> None:
    start = date(year, 1, 1)

    def day() -> date:
        return start + timedelta(days=rng.randrange(365))

    ids = [m.id for m in members]
    batch: list = []
    quarter = records // 4
    for i in range(quarter):
        batch.append(Activity(date=day(), type=rng.choice(enums.DEFAULT_ACTIVITY_TYPES), topic=f"活动{i}",
                              member_ids=rng.sample(ids, 4), public_count=rng.randrange(80),
                              suggestion_count=rng.randrange(5), is_highlight=(i % 97 == 0),
                              highlight_note="群众反响良好。"))
        batch.append(Reception(date=day(), mode=rng.choice(enums.RECEPTION_MODES), person_name=f"群众{i}",
                               request_content="反映道路问题", people_count=rng.randrange(1, 4),
                               status=rng.choice(enums.RECEPTION_STATUSES), member_ids=rng.sample(ids, 2),
                               practical_help=rng.random() < 0.2, dispute=rng.random() < 0.05,
                               satisfaction=rng.choice(enums.SATISFACTION + ("",))))
        batch.append(Donation(date=day(), category=rng.choice(enums.DONATION_CATEGORIES), donor="爱心企业",
                              recipients="困难群众", recipient_count=rng.randrange(1, 30),
                              cash_fen=rng.randrange(0, 500_000), member_ids=rng.sample(ids, 1),
                              items=[DonationItem(name="米面油", unit="份", value_fen=rng.randrange(10_000, 90_000))]))
        author = rng.choice(members)
        batch.append(Proposal(category=rng.choice(enums.PROPOSAL_CATEGORIES), title=f"建议{i}",
                              status=rng.choice(enums.PROPOSAL_STATUSES[1:]), submitted_on=day(),
                              authors=[Author(name=author.name, member_id=author.id)],
                              result_class=rng.choice(enums.RESULT_CLASSES + ("",)),
                              adoption_level=rng.choice(("",) * 4 + enums.ADOPTION_LEVELS)))
    store.save_many(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=5000, help="records in the year (default 5000)")
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["STUDIO_DESK_HOME"] = str(Path(folder) / "home")
        from studio_desk.exports.summary import write_summary

        rng = random.Random(7)
        store = Store.open(Path(folder) / "bench.sqlite", replica_id="bench")
        year = 2026
        members = [Member(name=f"委员{i:02d}", role="成员", sector="经济界", level="县") for i in range(args.members)]
        store.save_many(members)
        t0 = time.perf_counter()
        fill(store, year, args.records, members, rng)
        fill(store, year - 1, args.records, members, rng)
        print(f"filled {2 * args.records:,} records in {time.perf_counter() - t0:.1f} s")

        figures_times, summary_times = [], []
        result = None
        for run in range(args.runs):
            t0 = time.perf_counter()
            annual_figures(store, year)
            figures_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            result = write_summary(store, year, Path(folder) / f"summary-{run}.pdf")
            summary_times.append(time.perf_counter() - t0)
        assert result is not None
        best_fig, best_sum = min(figures_times), min(summary_times)
        print(f"annual_figures (this year and last): best {best_fig:.2f} s of {args.runs}")
        print(f"write_summary (figures + text + layout + fonts): best {best_sum:.2f} s, "
              f"first run {summary_times[0]:.2f} s (includes loading the fonts)")
        print(f"  of which figures: {best_fig / best_sum:.0%}")
        print(f"PDF: {result.pages} pages, {result.size / 1024:,.0f} KB; fonts: {result.fonts}")
        store.close()


if __name__ == "__main__":
    main()
