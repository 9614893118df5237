"""The summary as GB/T 9704 lays it out (read back with pdfplumber), and its Word version."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pytest

from studio_desk.exports.pdf_lines import CANNOT_END, CANNOT_START
from studio_desk.exports.summary import write_summary
from tests.exports.pdfread import is_folio, lines, page_count

try:
    from .test_summary import EXPECTED_SENTENCES
    from .test_summary_data import YEAR, fill, flat
except ImportError:
    from test_summary import EXPECTED_SENTENCES
    from test_summary_data import YEAR, fill, flat

SIGNED = date(2026, 1, 15)
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from studio_desk.core.store import Store

    folder = tmp_path_factory.mktemp("summary")
    with Store.open(folder / "db.sqlite", replica_id="layout") as store:
        fill(store)
        store.set_narrative(YEAR, "存在问题", "一是委员履职不平衡，个别委员参加活动较少；二是活动经费保障不足。")
        store.set_narrative(YEAR, "下一步打算", "下一步，我们将（继续）围绕“中心工作”，推动工作室建设走深走实。")
        pdf = write_summary(store, YEAR, folder / "总结.pdf", signed_on=SIGNED).path
        word = write_summary(store, YEAR, folder / "总结.docx", signed_on=SIGNED).path
    return pdf, word


def test_every_page_keeps_its_text_block(written) -> None:
    pdf, _ = written
    found = lines(pdf)
    for page in range(1, page_count(pdf) + 1):
        left = 28 if page % 2 else 26
        body = [ln for ln in found if ln.page == page and not is_folio(ln)]
        assert body, page
        assert abs(min(ln.x0 for ln in body) - left) <= 1, page  # odd 28 mm, even 26 mm
        for ln in body:  # no glyph outside the 156 × 225 mm block
            assert left - 0.5 <= ln.x0 and ln.x1 <= left + 156 + 0.5, (page, ln.text)
            assert 37 - 1 <= ln.top and ln.bottom <= 37 + 225 + 0.5, (page, ln.text)


def test_no_line_breaks_a_rule_and_body_lines_are_justified(written) -> None:
    pdf, _ = written
    body = [ln for ln in lines(pdf) if not is_folio(ln) and abs(ln.size - 16) < 0.1]
    justified = 0
    for ln in body:
        assert ln.text[0] not in CANNOT_START, ln.text
        assert ln.text[-1] not in CANNOT_END, ln.text
        left = 28 if ln.page % 2 else 26
        justified += abs(ln.x1 - (left + 156)) < 0.6
    assert justified > 20


def test_title_heading_and_date_in_their_places(written) -> None:
    pdf, _ = written
    found = lines(pdf)
    title = [ln for ln in found if ln.page == 1 and ln.size > 20]
    assert [t.text for t in title] == ["测试县政协“民生”委员工作室", "2025年度工作总结"]
    one_font = [ln for ln in found if ln.text.startswith(("一、", "二、", "三、"))]
    assert one_font and all(len(ln.fonts) == 1 for ln in one_font)  # digits too
    when = next(ln for ln in found if ln.text == "2026年1月15日")
    name = next(ln for ln in found if ln.text == "测试县政协“民生”委员工作室" and ln.page == when.page)
    em = 16 * 25.4 / 72
    left = 28 if when.page % 2 else 26
    assert abs(name.x1 - (left + 156 - 2 * em)) < 1  # the name two characters from the right
    assert abs(when.x0 - (name.x0 + 2 * em)) < 1 and name.top < when.top  # the date two further in


def test_every_activity_type_is_named(written) -> None:
    pdf, _ = written
    text = flat("".join(ln.text for ln in lines(pdf)))
    body = text.split("附件1", 1)[0]
    for kind in ("集中学习", "宣传宣讲", "视察调研", "委员接待日", "经贸活动", "直播带货"):
        assert kind in body, kind


def test_word_version_states_the_same_figures(written) -> None:
    _, word = written
    document = docx.Document(str(word))
    body = flat("".join(p.text for p in document.paragraphs))
    for sentence in EXPECTED_SENTENCES:
        assert flat(sentence) in body, sentence
    styles = {p.text[:6]: p.style.name for p in document.paragraphs if p.text}
    assert styles["一、基本情况"] == "Heading 1"
    assert styles["（一）加强学"] == "Heading 2"
    assert document.paragraphs[0].style.name == "公文标题"
    assert len(document.tables) >= 4  # the 附件 tables
    section = document.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.page_width.mm) == 210
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert section._sectPr.find(f"{w}docGrid").get(f"{w}type") == "lines"  # no character grid
    # each 附件 starts a page by its own first paragraph (a page-break paragraph of its own makes
    # an empty page after a full one); tables keep their column widths in the grid LibreOffice uses
    annex = [p for p in document.paragraphs if re.fullmatch(r"附件\d", p.text)]
    assert len(annex) >= 4 and all(p.paragraph_format.page_break_before for p in annex)
    assert '<w:br w:type="page"/>' not in document.element.xml
    month = next(t for t in document.tables if t.rows[0].cells[1].text == "1月")
    grid = [int(c.get(f"{w}w")) for c in month._tbl.tblGrid.findall(f"{w}gridCol")]
    assert abs(grid[0] - 28 * 72 / 25.4 * 20) < 2 and abs(grid[1] - 9.5 * 72 / 25.4 * 20) < 2
    normal = document.styles["Normal"].element.pPr
    assert normal.find(f"{w}autoSpaceDE").get(f"{w}val") == "0"  # Word: no space beside digits
    assert "下一步，我们将（继续）围绕“中心工作”，推动工作室建设走深走实。" in [p.text for p in document.paragraphs]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装")
def test_libreoffice_opens_the_word_version(written, tmp_path: Path) -> None:
    _, word = written
    done = subprocess.run(
        [str(SOFFICE), "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
        capture_output=True, text=True, timeout=240,
    )
    pdf = tmp_path / "总结.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    text = flat("".join(ln.text for ln in lines(pdf)))
    assert page_count(pdf) >= 5
    assert flat("全年共开展各类活动9次") in text and "2026年1月15日" in text
    # the title breaks where the PDF breaks it, not at the margin (“…工作/总结”)
    found = lines(pdf)
    assert [ln.text for ln in found[:2]] == ["测试县政协“民生”委员工作室", "2025年度工作总结"]
    # no digit gets a grid cell of its own (a character grid gave “40 次”, gaps of up to a whole
    # character); what is left is LibreOffice's own space between Latin and CJK (it does not
    # read the autoSpaceDE switch that Word and WPS obey) plus justification: under 0.4 of one
    with pdfplumber.open(str(pdf)) as doc:
        chars = sorted((c for c in doc.pages[0].chars if c["text"].strip()), key=lambda c: (round(c["bottom"]), c["x0"]))
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])
            if a["text"].isdigit() and "\u4e00" <= b["text"] <= "\u9fff" and abs(a["bottom"] - b["bottom"]) < 1]
    assert gaps and max(gaps) < 0.4 * 16, gaps
    with pdfplumber.open(str(pdf)) as doc:  # no empty page (only a page number on it)
        for page in doc.pages:
            text = "".join(c["text"] for c in page.chars if c["text"].strip())
            assert len(text) > 8, (page.page_number, text)
