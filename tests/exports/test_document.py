"""The one document model: PDF pages after GB/T 9704 (read back with pdfplumber) and the .docx."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import docx
import pytest

from studio_desk.exports import document as d
from studio_desk.exports.pdf_lines import CANNOT_END, CANNOT_START, break_lines
from tests.exports.pdfread import is_folio, lines, page_count

MARKS = "，。、；：（）“”《》！？"
WORDS = ["委员工作室", "协商议事", "2025年", "28000元", "95.2%", "群众", "接待日", "帮办实事", "调研", "ABC"]


def _prose(seed: int, n: int) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        w = rng.choice(WORDS)
        r = rng.random()
        if r < 0.15:
            w = f"“{w}”"
        elif r < 0.25:
            w = f"《{w}》"
        elif r < 0.35:
            w = f"（{w}）"
        out.append(w + (rng.choice("，、；。") if rng.random() < 0.4 else ""))
    return "".join(out) + "。"


def _measure(s: str) -> float:
    return sum(0.5 if c.isascii() else 1.0 for c in s)


def test_line_breaking_keeps_every_character_and_the_rules():
    for seed in range(300):
        text = _prose(seed, 40)
        width = 8 + seed % 21
        out = break_lines(text, width, _measure, first_indent=2)
        assert "".join(out) == text
        for i, line in enumerate(out):
            assert _measure(line) + (2 if i == 0 else 0) <= width + 0.01, (seed, line)
            if i:
                assert line[0] not in CANNOT_START, (seed, out[i - 1], line)
            if i < len(out) - 1:
                assert line[-1] not in CANNOT_END, (seed, line, out[i + 1])
        # numbers are never cut
        for a, b in zip(out, out[1:]):
            assert not (a[-1].isdigit() and b[0].isdigit()), (seed, a, b)


def _long_document(signed: date = date(2025, 12, 28)) -> d.Document:
    blocks: list[d.Block] = [
        d.Title("江口县政协经济界别委员工作室2025年度工作总结"),
        d.Paragraph(_prose(1, 60)),
    ]
    for n in range(1, 8):
        blocks += [d.Heading(f"{'一二三四五六七'[n - 1]}、第{n}部分", 1), d.Paragraph(_prose(n * 10, 120)),
                   d.Heading("（一）分项", 2), d.Paragraph(_prose(n * 10 + 1, 90))]
    blocks += [d.Spacer(), d.AnnexList(("2025年主要数据统计表", "活动统计表")), d.Spacer(),
               d.Signature("江口县政协经济界别委员工作室", signed)]
    return d.Document(blocks, title="测试")


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("doc") / "长文.pdf"
    d.render_pdf(_long_document(), path)
    return path


def test_text_block_alternates_page_by_page_and_nothing_leaves_it(long_pdf: Path):
    all_lines = lines(long_pdf)
    pages = page_count(long_pdf)
    assert pages >= 8
    for page in range(1, pages + 1):
        body = [ln for ln in all_lines if ln.page == page and not is_folio(ln)]
        left = 28 if page % 2 else 26
        assert abs(min(ln.x0 for ln in body) - left) <= 1, page
        for ln in body:
            assert ln.x0 >= left - 0.5 and ln.x1 <= left + 156 + 0.5, (page, ln.text)
            assert ln.top >= 37 - 1 and ln.bottom <= 37 + 225 + 0.5, (page, ln.text)
        folio = [ln for ln in all_lines if ln.page == page and is_folio(ln)]
        assert [f.text for f in folio] == [f"—{page}—"]
        if page % 2:  # right on odd pages, left on even ones, one character in
            assert abs(folio[0].x1 - (left + 156 - 14 * 25.4 / 72)) < 1.5
        else:
            assert abs(folio[0].x0 - (left + 14 * 25.4 / 72)) < 1.5


def test_lines_keep_the_rules_and_are_justified_to_the_block(long_pdf: Path):
    body = [ln for ln in lines(long_pdf) if not is_folio(ln) and ln.size < 20]
    full = 0
    for ln, nxt in zip(body, body[1:] + [None]):
        assert ln.text[-1] not in CANNOT_END, ln.text
        assert ln.text[0] not in CANNOT_START, ln.text
        left = 28 if ln.page % 2 else 26
        if abs(ln.x1 - (left + 156)) < 0.6:
            full += 1
        elif nxt is not None and nxt.page == ln.page:
            # a line short of the right edge ends its paragraph: the next one starts indented
            assert nxt.x0 > left + 1, (ln.text, nxt.text)
    assert full > 100


def test_first_page_is_on_the_22_line_grid(long_pdf: Path):
    pitch = 225 / 22
    first = [ln for ln in lines(long_pdf) if ln.page == 1 and not is_folio(ln)]
    for ln in first:
        offset = (ln.bottom - 37) / pitch
        assert abs(offset - round(offset)) < 0.25, (ln.text, offset)
    assert len(first) <= 22


def test_title_breaks_between_words_and_signature_sits_per_the_standard(long_pdf: Path):
    all_lines = lines(long_pdf)
    title = [ln for ln in all_lines if ln.page == 1 and ln.size > 20]
    assert "".join(t.text for t in title) == "江口县政协经济界别委员工作室2025年度工作总结"
    assert len(title) == 2 and not title[0].text.endswith("2") and title[0].text.endswith("工作室")
    last = all_lines[-1].page
    end = [ln for ln in all_lines if ln.page == last and not is_folio(ln)]
    name = next(ln for ln in end if ln.text == "江口县政协经济界别委员工作室")
    when = next(ln for ln in end if ln.text == "2025年12月28日")
    left = 28 if last % 2 else 26
    em = 16 * 25.4 / 72
    assert abs(name.x1 - (left + 156 - 2 * em)) < 1  # two characters from the right
    assert abs(when.x0 - (name.x0 + 2 * em)) < 1  # the date starts two characters further right
    assert when.top > name.top
    annex = next(ln for ln in end if ln.text.startswith("附件："))
    assert abs(annex.x0 - (left + 2 * em)) < 1


def test_form_setup_repeats_the_header_row_and_counts_pages(tmp_path: Path):
    rows = [["序号", "姓名", "单位", "签名"]] + [[str(i), f"委员{i}", "某单位", ""] for i in range(1, 6)]
    doc = d.Document([d.Title("签到表"), d.Table.of(rows, widths_mm=(15, 40, 70, 45), blank_rows=40)],
                     setup=d.A4_FORM)
    path = tmp_path / "签到表.pdf"
    result = d.render_pdf(doc, path)
    assert result.pages >= 2
    found = lines(path)
    for page in range(1, result.pages + 1):
        texts = [ln.text for ln in found if ln.page == page]
        assert "序号姓名单位签名" in texts
        assert f"第{page}页共{result.pages}页" in texts
        assert all(ln.x0 >= 20 - 0.5 and ln.x1 <= 190 + 0.5 for ln in found if ln.page == page)


def test_docx_has_the_page_setup_styles_and_the_same_words(tmp_path: Path):
    doc = _long_document()
    doc.blocks.insert(2, d.Table.of([["项目", "2025年"], ["开展活动", "39"]], widths_mm=(100, 56)))
    path = d.render_docx(doc, tmp_path / "长文.docx")
    word = docx.Document(str(path))
    section = word.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert round(section.right_margin.mm) == 26
    assert word.settings.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}mirrorMargins") is not None
    assert word.settings.odd_and_even_pages_header_footer
    texts = [p.text for p in word.paragraphs]
    # broken where the PDF breaks it (else Word and LibreOffice break it at the margin: “…工作/总结”)
    assert texts[0] == "江口县政协经济界别委员工作室\n2025年度工作总结"
    assert word.paragraphs[0].style.name == "公文标题"
    heads = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in heads][:2] == ["一、第1部分", "二、第2部分"]
    assert all(p.style.name == "Heading 2" for p in word.paragraphs if p.text == "（一）分项")
    assert texts[-2:] == ["江口县政协经济界别委员工作室", "2025年12月28日"]
    assert "PAGE" in section.footer._element.xml and "PAGE" in section.even_page_footer._element.xml
    table = word.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["开展活动", "39"]
    assert "tblHeader" in table.rows[0]._tr.xml
    expected = d.plain_text(doc)
    for p in texts:
        if p:
            assert p.replace("\n", "") in expected
