"""The county write-up tells 捐赠 and 慰问 money apart, as the studio's own summary does: for one
studio, its donation sentence names the same amounts as the studio summary's."""

from __future__ import annotations

import re
from pathlib import Path

from studio_desk.core.county import County
from studio_desk.core.figures import annual_figures
from studio_desk.core.store import Store
from studio_desk.exports import document as d
from studio_desk.exports.county_writeup import county_writeup
from studio_desk.exports.summary import summary_document
from studio_desk.exports.summary_prose import yuan

YEAR = 2025


def _paragraph(doc: d.Document, words: str) -> str:
    """The one paragraph that says ``words`` (the studio's may open with its 公益活动)."""
    (found,) = [b.text for b in doc.blocks if isinstance(b, d.Paragraph) and words in b.text]
    return found


def _amount(text: str, words: str) -> str:
    found = re.findall(words + r"(约?[0-9.]+万?元)", text)
    assert len(found) == 1, (words, text)
    return found[0]


def test_the_county_writeup_keeps_donation_and_relief_money_apart_as_the_studio_summary(
    county_studios, tmp_path: Path
) -> None:
    studio = county_studios[0]
    with Store.open(studio.database, replica_id="reader") as store:
        own = annual_figures(store, YEAR).current
        summary = _paragraph(summary_document(store, YEAR), "全年开展捐赠慰问活动")
    give, relief = own.donation("捐赠"), own.donation("慰问")
    assert give.cash_fen and relief.cash_fen  # the year has both: a 捐赠 with cash, a 慰问 with 慰问金
    county = County.open(tmp_path / "县政协汇总.sqlite")
    try:
        county.add_package(studio.masked)
        writeup = county_writeup(county.figures(YEAR), "青溪县政协")
    finally:
        county.close()
    sentence = _paragraph(writeup, "开展捐赠慰问活动")
    for words, fen in (("捐赠现金", give.cash_fen), ("送去慰问金", relief.cash_fen),
                       ("捐赠物资价值", give.in_kind_fen), ("慰问物资价值", relief.in_kind_fen)):
        assert _amount(sentence, words) == _amount(summary, words) == yuan(fen), words
    assert f"合计{yuan(own.donations_all.total_fen)}" in sentence
