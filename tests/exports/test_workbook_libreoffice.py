"""LibreOffice opens the exported workbook and prints it as the page setup says: every sheet,
readable (no character below 8 pt on paper), every page naming the studio, each ledger one page
wide (A4 landscape, or A3 landscape for the widest) with its title and header row on every page.

Skipped where LibreOffice is not installed (``apt-get install libreoffice-calc``): it is a large
package the app does not need, used here as a second, independent spreadsheet program.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.workbook import write_workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装")


def test_libreoffice_prints_every_sheet_readably_one_page_wide(demo_store, tmp_path: Path):
    path = write_workbook(demo_store, 2025, tmp_path / "台账.xlsx", mask_pii=True)
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
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "台账.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "841.89 x 595.3" in info  # A4, landscape
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = text.replace(" ", "")
    for title in ("统计汇总", "委员名册", "活动台账", "接待走访台账", "捐赠慰问台账", "提案建议台账", "委员履职统计"):
        assert f"{title}（2025年）" in flat
    assert f"第1页共{pages}页" in flat and f"第{pages}页共{pages}页" in flat
    assert "主要内容及成效" in flat and "记录编号" not in flat  # the id column is not printed
    studio = demo_store.studio().name
    ledgers = {spec.name: (spec.printed[0].header, spec.printed[-1].header) for spec in lc.RECORD_SHEETS}
    seen: dict[str, int] = {}
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == pages
        for number, page in enumerate(doc.pages, start=1):
            sizes = [c["size"] for c in page.chars if c["text"].strip()]
            assert sizes and min(sizes) >= 8, (number, min(sizes))
            text = page.extract_text().replace(" ", "")
            assert studio in text, number
            assert page.width > page.height and (round(page.width), round(page.height)) in ((842, 595), (1191, 842))
            ledger = next((name for name in ledgers if f"{name}（2025年）" in text), None)
            if ledger is None:
                continue
            seen[ledger] = seen.get(ledger, 0) + 1
            # one page wide: every page of a ledger has its title and its header row, first
            # column to last, and the rows' first and last cells (序号 and 备注 of a row stay together)
            first, last = ledgers[ledger]
            header_line = next(line for line in text.splitlines() if line.startswith(first))
            assert header_line.endswith(last) or last in header_line, (number, header_line)
    # the two big ledgers run over several pages, each with its title again
    assert seen["活动台账"] >= 2 and seen["接待走访台账"] >= 2 and set(seen) == set(ledgers)
