"""How long the annual summary takes for a busy year, against the bare libraries, and its size.

    python bench/bench_pdf.py [--records 5000] [--members 60] [--runs 3]

Fills a fresh database (in a temporary folder) with ``--records`` records of one year spread
over activities, receptions, donations and 提案建议 (plus the same again for the year before,
which the summary compares with), then times ``annual_figures`` and ``write_summary`` (PDF and
.docx) and compares each with the bare library doing the same writing in the same run: a bare
reportlab canvas drawing the summary's words line by line in the same embedded TrueType font,
and a bare python-docx document with the same paragraphs. Best of ``--runs`` each, fonts loaded
in both before timing. Not a test: numbers are for reading, not asserting.
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


def bare_pdf(text: str, path: Path, font_file: Path) -> None:
    """The summary's words on A4 pages, 27 characters a line, in one embedded TrueType font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "bare" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("bare", str(font_file)))
    c = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 105
    for paragraph in text.splitlines():
        for start in range(0, max(len(paragraph), 1), 27):
            if y < 80:
                c.showPage()
                y = A4[1] - 105
            c.setFont("bare", 16)
            c.drawString(79, y, paragraph[start:start + 27])
            y -= 29
    c.save()


def bare_docx(text: str, path: Path) -> None:
    import docx

    document = docx.Document()
    for paragraph in text.splitlines():
        document.add_paragraph(paragraph)
    document.save(str(path))


def best(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


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

        from studio_desk.exports.document import plain_text
        from studio_desk.exports.summary import summary_document
        from studio_desk.paths import asset_path

        work = Path(folder)
        result = write_summary(store, year, work / "warm.pdf")  # loads and registers the fonts
        text = plain_text(summary_document(store, year))
        font = asset_path("resources", "fonts", "StudioDeskSong-GB.ttf")
        bare_pdf(text, work / "bare-warm.pdf", font)
        t_fig = best(lambda: annual_figures(store, year), args.runs)
        t_pdf = best(lambda: write_summary(store, year, work / "summary.pdf"), args.runs)
        t_bare_pdf = best(lambda: bare_pdf(text, work / "bare.pdf", font), args.runs)
        t_docx = best(lambda: write_summary(store, year, work / "summary.docx"), args.runs)
        t_bare_docx = best(lambda: bare_docx(text, work / "bare.docx"), args.runs)
        size_docx = (work / "summary.docx").stat().st_size
        print(f"annual_figures (this year and last): {t_fig:.2f} s")
        print(f"summary PDF  {t_pdf:.2f} s  bare reportlab (same words, same font) {t_bare_pdf:.2f} s  "
              f"ratio {t_pdf / t_bare_pdf:.1f}x  (figures {t_fig / t_pdf:.0%} of it)")
        print(f"summary Word {t_docx:.2f} s  bare python-docx (same paragraphs) {t_bare_docx:.2f} s  "
              f"ratio {t_docx / t_bare_docx:.1f}x")
        print(f"PDF: {result.pages} pages, {result.size / 1024:,.0f} KB "
              f"(bare {(work / 'bare.pdf').stat().st_size / 1024:,.0f} KB); Word {size_docx / 1024:,.0f} KB; "
              f"fonts: {result.fonts}")
        store.close()


if __name__ == "__main__":
    main()
