"""LibreOffice opens the exported workbook and prints it as the page setup says: every sheet,
readable (no character below 8 pt on paper), every page naming the studio, each ledger one page
wide with its title and header row on every page. By default every page is A4 landscape and the
wide ledgers print their print layout (the columns marked ``on_a4``; the folded ones not at all);
the workbook exported for A3 prints those ledgers on A3 with every column. The county's workbook
prints its 统计汇总 over several pages across, each page whole. The three workbooks are converted
by one LibreOffice run (a conversion is slow).

Skipped where LibreOffice is not installed (``apt-get install libreoffice-calc``): it is a large
package the app does not need, used here as a second, independent spreadsheet program.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from studio_desk.core.county import County
from studio_desk.core.county_figures import last_year_not_sent
from studio_desk.core.store import Store
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.county_ledgers import add_package
from studio_desk.exports.county_workbook import write_county_workbook
from studio_desk.exports.workbook import write_workbook
from studio_desk.exports.xlsx_cells import HEADER_FILL

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装")


WIDE = ("活动台账", "接待走访台账", "提案建议台账")


COUNTY = "青溪县政协"


def _county_workbook(studio: Path, tmp_path: Path) -> Path:
    """The county's workbook of 2025 from one studio's 2025 ledgers only: nobody sent 2024."""
    with Store.open(studio, replica_id="studio-0") as store:
        ledgers = write_workbook(store, 2025, tmp_path / "2025年度履职台账.xlsx", mask_pii=True)
    with County.open(tmp_path / "县政协汇总.sqlite") as county:
        add_package(county, ledgers)
        return write_county_workbook(county, 2025, tmp_path / "汇总.xlsx", county_name=COUNTY)


@pytest.fixture
def printed(demo_store, county_studios, tmp_path: Path) -> Path:
    """The workbook for A4 (``台账.pdf``) and for A3 (``台账A3.pdf``), and the county's workbook
    (``汇总.pdf``), printed by LibreOffice."""
    path = write_workbook(demo_store, 2025, tmp_path / "台账.xlsx", mask_pii=True)
    wide = write_workbook(demo_store, 2025, tmp_path / "台账A3.xlsx", mask_pii=True, paper="a3")
    county = _county_workbook(county_studios[0].database, tmp_path)
    result = subprocess.run(
        [
            str(SOFFICE),
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
            str(wide),
            str(county),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0 and (tmp_path / "台账A3.pdf").exists() and (tmp_path / "汇总.pdf").exists(), \
        result.stderr
    return tmp_path / "台账.pdf"


HEADER_COLOUR = tuple(int(HEADER_FILL.fgColor.rgb[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4))


def _header_row(page) -> Counter:  # type: ignore[no-untyped-def]
    """The characters of the printed header row of a ledger's page: those on its fill colour (the
    header's bold is no sign where the Chinese font has no bold face, as WenQuanYi Zen Hei)."""
    fills = [r for r in page.rects if r["fill"] and len(r["non_stroking_color"] or ()) == 3
             and all(abs(a - b) < 0.01 for a, b in zip(r["non_stroking_color"], HEADER_COLOUR))]
    return Counter(c["text"] for c in page.chars if c["text"].strip() and any(
        r["x0"] <= (c["x0"] + c["x1"]) / 2 <= r["x1"] and r["top"] <= (c["top"] + c["bottom"]) / 2 <= r["bottom"]
        for r in fills))


def test_libreoffice_prints_every_sheet_readably_one_page_wide(printed: Path, demo_store):
    pdf = printed
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace(" ", "")
    for title in ("统计汇总", "委员名册", "活动台账", "接待走访台账", "捐赠慰问台账", "提案建议台账", "委员履职统计"):
        assert f"{title}（2025年）" in flat
    assert f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat
    assert "主要内容及成效" in flat and "记录编号" not in flat  # the id column is not printed
    studio = demo_store.studio().name
    # each ledger's printed columns: on A4 the wide ones' print layout
    shown = {spec.name: [c.header for c in spec.printed if c.on_a4] for spec in lc.RECORD_SHEETS}
    ledgers = {name: (headers[0], headers[-1]) for name, headers in shown.items()}
    seen: dict[str, int] = {}
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == pages
        for number, page in enumerate(doc.pages, start=1):
            sizes = [c["size"] for c in page.chars if c["text"].strip()]
            assert sizes and min(sizes) >= 8, (number, min(sizes))
            text = page.extract_text().replace(" ", "")
            assert studio in text, number
            assert (round(page.width), round(page.height)) == (842, 595), number  # A4 landscape, every page
            ledger = next((name for name in ledgers if f"{name}（2025年）" in text), None)
            if ledger is None:
                continue
            seen[ledger] = seen.get(ledger, 0) + 1
            # one page wide: every page of a ledger has its title and its header row, first
            # column to last, and the rows' first and last cells (序号 and 备注 of a row stay together)
            first, last = ledgers[ledger]
            header_line = next(line for line in text.splitlines() if line.startswith(first))
            assert header_line.endswith(last) or last in header_line, (number, header_line)
            # the header row holds the chosen columns' headers and nothing else: no folded column
            assert _header_row(page) == Counter("".join(shown[ledger])), (number, ledger)
    # the two big ledgers run over several pages, each with its title again
    assert seen["活动台账"] >= 2 and seen["接待走访台账"] >= 2 and set(seen) == set(ledgers)


def test_libreoffice_prints_the_wide_ledgers_on_a3_with_every_column(printed: Path):
    seen: set[str] = set()
    with pdfplumber.open(printed.with_name("台账A3.pdf")) as doc:
        for number, page in enumerate(doc.pages, start=1):
            sizes = [c["size"] for c in page.chars if c["text"].strip()]
            assert sizes and min(sizes) >= 8, (number, min(sizes))
            text = page.extract_text().replace(" ", "")
            ledger = next((name for name in WIDE if f"{name}（2025年）" in text), None)
            if ledger is None:
                continue
            seen.add(ledger)
            assert (round(page.width), round(page.height)) == (1191, 842), (number, ledger)  # A3 landscape
            spec = next(s for s in lc.RECORD_SHEETS if s.name == ledger)
            assert _header_row(page) == Counter("".join(c.header for c in spec.printed)), (number, ledger)
    assert seen == set(WIDE)


def _column_edges(page) -> list[float]:  # type: ignore[no-untyped-def]
    """The x of the table's vertical lines, left to right (one x for lines a point apart)."""
    edges: list[float] = []
    for x in sorted(e["x0"] for e in page.edges if e["orientation"] == "v"):
        if not edges or x - edges[-1] > 1:
            edges.append(x)
    return edges


def test_libreoffice_prints_the_county_summary_whole_on_every_page_across(printed: Path):
    """Every page of the county's 统计汇总 (many pages across, 工作室 and 星级 repeated) has the
    whole title and the whole words for a last year nobody sent, within 工作室 and 星级: neither a
    title merged over all the columns and cut between pages, nor a sentence running out of 星级
    into the figures and cut at its edge on the pages after the first."""
    title = f"{COUNTY}委员工作室统计汇总（2025年）"
    said = last_year_not_sent(2024)
    with pdfplumber.open(printed.with_name("汇总.pdf")) as doc:
        pages = [page for page in doc.pages if "统计汇总" in (page.extract_text() or "")]
        assert len(pages) >= 3  # forty figures at full size: several pages across
        for number, page in enumerate(pages, start=1):
            chars = [c for c in page.chars if c["text"].strip()]
            assert min(c["size"] for c in chars) >= 8, number
            assert "".join(c["text"] for c in chars if c["size"] > 13) == title, number
            stars_right = _column_edges(page)[2]  # 工作室 | 星级 | the figures
            assert not [c["text"] for c in chars if c["x0"] < stars_right - 1 < c["x1"] - 2], number  # none cut
            within = "".join(c["text"] for c in chars if c["x1"] <= stars_right + 1)
            assert said in within, (number, within)
