"""The annual summary PDF, read back: figures in their sentences, fonts, pages, page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import Cancelled
from studio_desk.exports.summary import write_summary

try:
    from .test_summary_data import YEAR, body_text, fill, flat, pdf_text
except ImportError:  # rootdir-style import (tests/exports has no __init__.py)
    from test_summary_data import YEAR, body_text, fill, flat, pdf_text

SIGNED = date(2026, 1, 15)


@pytest.fixture
def year_pdf(store, tmp_path: Path):
    fill(store)
    path = tmp_path / "总结 2025.pdf"
    result = write_summary(store, YEAR, path, signed_on=SIGNED)
    return path, result


# Counted by hand from test_summary_data.fill (2024 and 2026 records must not show up).
EXPECTED_SENTENCES = [
    "全年共开展各类活动9次，较上年增加7次，委员参加活动15人次，带动群众参与1856人次。现将全年工作总结如下。",
    "工作室于2021年5月18日授牌成立，服务经济界界别群众。2025年工作室共有委员3名，"
    "其中召集人1名、副主任1名、成员1名；按政协层级分，市政协委员1名、县政协委员2名。",
    "全年有3名委员参加工作室活动，委员参与率100%。",
    # the rates over the years: 2024 is the first year with records; only 委员参与率 rose
    # (成果转化率 and 办结率 fell from 100% to 60%: the 附件 table shows them)
    "表现突出。与上年相比，委员参与率由33.3%提高到100%。",
    "全年开展集中学习3次、宣传宣讲2次，围绕",
    "等主题，引导委员学思用贯通",
    "围绕“农村道路调研”等党委政府中心工作和群众关心的问题，开展视察调研1次，收集意见建议5条。",
    "全年提交提案2件、社情民意信息3条，共5件，较上年增加4件。其中提案立案1件，已办复1件，办复率100%；"
    "被采用2件（县级1件、市级1件）；获领导批示1件；立案、采用或获批示的成果3件，成果转化率60%。",
    "张三委员共提交政协提案2件、社情民意信息3条，主要涉及农村道路养护、停车难、信息一、信息二、信息三等方面。",
    "全年开展委员接待日活动1次，接待走访5次、群众8人次，入户走访1户。",
    "群众反映的诉求主要集中在就业创业2件、住房1件、邻里纠纷1件方面。",
    # 化解矛盾纠纷: the dispute 已办结 counts, the one 无法办理 does not
    "全年帮办实事2件，化解矛盾纠纷1件；诉求已办结3件，办结率60%，另有1件正在办理；群众认可率66.7%。",
    "全年开展捐赠慰问活动2次，其中捐赠1次、慰问1次；捐赠现金28000元、捐赠物资价值5000.50元；"
    "送去慰问金2000元、慰问物资价值1000元，合计36000.50元，惠及群众42人。",
    "1月，张三向留守儿童30名捐赠现金28000元和书包，价值5000.50元。"
    "9月，工作室慰问环卫工人12名，送去慰问金2000元，发放米面油，价值1000元。",
    "开展经贸活动1次；各类活动促成签约、成交、融资等经济成效1500万元，来自12月的“助农直播带货”（1300万元）"
    "和10月的“特色农产品展销会”（200万元）；培训、帮助群众80人。",
    "开展直播带货1次。",  # the clerk's own type is named too
    "9月，开展宣传宣讲“宣讲进企业”，带动群众1000人次参与。企业职工踊跃提问，现场解答政策问题12个。",
    "10月，开展经贸活动“特色农产品展销会”，带动群众500人次参与，促成经济成效200万元。帮助5家委员企业拓宽销路。",
]


def test_every_figure_in_its_sentence(year_pdf) -> None:
    path, result = year_pdf
    body = body_text(pdf_text(path))
    for sentence in EXPECTED_SENTENCES:
        assert flat(sentence) in body, sentence
    assert body.startswith(flat("测试县政协“民生”委员工作室2025年度工作总结"))
    assert flat("测试县政协“民生”委员工作室2026年1月15日") in body  # signature and full date
    assert "等委员履职积极、表现突出" in body and "被列为" not in body and "1,8" not in body
    assert result.warnings == []


def test_other_years_and_drafts_not_counted(year_pdf) -> None:
    body = body_text(pdf_text(year_pdf[0]))
    assert "集中学习4次" not in body and "1905" not in body  # 2024's 集中学习 and public
    assert "协商议事1次" not in body  # a 2026 activity
    assert "起草" not in body and "共6件" not in body  # the draft 提案
    assert "钱七" not in body and "赵六" not in body  # not on the roster in 2025


def test_zero_figures_leave_their_sentence_out(year_pdf) -> None:
    body = body_text(pdf_text(year_pdf[0]))
    assert not re.search(r"(?<![\d,.])0(次|件|人|条|名|户|元|篇)", body)
    assert "专题培训" not in body and "联络活动" not in body and "会议发言" not in body
    assert ".00" not in body
    # sections whose clerk text is empty have no heading; the numbering closes up
    assert "存在问题" not in body and "下一步打算" not in body
    assert flat("三、工作亮点") in body
    # the ranking is an attachment, not a highlight
    highlights = body.split("三、工作亮点", 1)[1].split("附件：", 1)[0]
    assert "积分" not in highlights and "排名" not in highlights


def test_pages_a4_numbered_and_alternating(year_pdf) -> None:
    path, result = year_pdf
    reader = PdfReader(str(path))
    assert result.pages == len(reader.pages) >= 5  # the text, then 4 附件 pages at least
    for number, page in enumerate(reader.pages, start=1):
        assert abs(float(page.mediabox.width) - 595.28) < 0.5
        assert abs(float(page.mediabox.height) - 841.89) < 0.5
        bottom: list[tuple[str, float]] = []  # (text, x) below the text block (37 + 225 mm down)

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            # a line may come in pieces: its characters can sit in two subsets of one font
            if text.strip() and cm[5] + tm[5] < 90:
                bottom.append((text, cm[4] + tm[4]))

        page.extract_text(visitor_text=visit)
        assert "".join(t for t, _ in bottom).strip() == f"— {number} —", bottom
        # right on odd pages, left on even ones (A4 is 595 pt wide)
        assert (bottom[0][1] > 400) if number % 2 else (bottom[0][1] < 150)


def test_fonts_embedded_as_subsets(year_pdf) -> None:
    path, _ = year_pdf
    reader = PdfReader(str(path))
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font["/BaseFont"]
            descriptor = descriptor.get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not an embedded TrueType font"
            assert re.match(r"^/[A-Z]{6}\+", font["/BaseFont"]), "not a subset"
            seen.add(font["/BaseFont"])
    assert seen
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines()[2:]:
            assert line.split()[-5] == "yes", line  # the emb column


def test_attachments_have_tables_with_last_year(year_pdf) -> None:
    pages = pdf_text(year_pdf[0])
    annex = flat("".join(pages)).split("附件1", 1)[1]
    assert "2025年主要数据统计表（与2024年对比）" in annex
    assert "活动分类型分月统计表" in annex and "委员履职积分排名表" in annex
    assert "各月开展活动次数" in annex and "提案建议分类数量" in annex
    # 群众参与: 1856 this year beside 2024's 49, written as the text writes numbers
    assert "群众参与人次185649" in annex and "," not in annex
    assert "主要比率变化表" in annex and "2024年33.3%100%—100%" in annex


def test_file_is_small(year_pdf) -> None:
    path, result = year_pdf
    assert result.size == path.stat().st_size < 400_000


def test_empty_year_says_so_and_ranks_nobody(store, tmp_path: Path) -> None:
    fill(store)
    path = tmp_path / "empty.pdf"
    result = write_summary(store, 2023, path, signed_on=SIGNED)  # a roster, and no records at all
    body = body_text(pdf_text(path))
    assert "2023年工作室共有委员4名" in body  # 钱七 joined in 2026
    assert "2023年度尚无活动、接待走访、提案建议和捐赠慰问记录" in body
    assert not re.search(r"(?<![\d,.])0(次|件|人|条|名|户|元|篇)", body)
    assert "主要工作" not in body and "工作亮点" not in body and "表现突出" not in body
    annex = flat("".join(pdf_text(path))).split("附件1", 1)[1]
    assert "排名" not in annex and "积分" not in annex
    assert result.pages <= 3
    assert any("没有任何" in n for n in result.notices)


def test_rare_characters_fall_back_or_are_reported(store, tmp_path: Path) -> None:
    ids = fill(store)
    member = store.get(__import__("studio_desk.core.models", fromlist=["Member"]).Member, ids["a"])
    member.name = "张堃𠀀😀"  # 堃: not in GB 2312; 𠀀 and the emoji: in no bundled font
    store.save(member)
    other = store.get(__import__("studio_desk.core.models", fromlist=["Member"]).Member, ids["b"])
    other.name = "李㐀"  # Ext-A: only the sans fallback has it
    store.save(other)
    path = tmp_path / "rare.pdf"
    result = write_summary(store, YEAR, path, signed_on=SIGNED)
    text = flat("".join(pdf_text(path)))
    assert "张堃〓〓" in text  # 堃 drawn from the fallback font; the others marked, not blank
    # 堃 in the body stays a serif of the body's own design (the Song extension), unremarked;
    # 㐀 comes from the sans fallback and is named
    with pdfplumber.open(str(path)) as pdf:
        faces = {c["text"]: c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert faces["堃"] == "StudioDeskSongExt" and faces["张"] == "StudioDeskSongGB"
    assert faces["㐀"] == "DroidSansFallback"
    joined = "\n".join(result.warnings)
    assert "堃" not in joined and "㐀" in joined and "备用字体" in joined
    assert "U+20000" in joined and "U+1F600" in joined


def test_headings_draw_their_digits_in_one_sans_face(year_pdf) -> None:
    """黑体 lines (一、 headings, 附件N, captions, table heads): 汉字 from the 黑体, digits and Latin
    from the one sans Latin face — never the body's serif digits."""
    path, _ = year_pdf
    hei_lines = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for line in page.extract_text_lines(return_chars=True):
                faces = {c["fontname"].split("+")[-1] for c in line["chars"] if c["text"].strip()}
                han = {c["fontname"].split("+")[-1] for c in line["chars"] if not c["text"].isascii()}
                # a line in the 黑体 only: a heading, 附件N, a chart's caption
                if han != {"DroidSansFallback"} or not re.match(r"附件\d|图\d|[一二三四五六七八九十]+、", line["text"]):
                    continue
                hei_lines += 1
                digits = {c["fontname"].split("+")[-1] for c in line["chars"] if c["text"].isascii()
                          and c["text"].strip()}
                assert digits <= {"StudioDeskSansLatin"}, (line["text"], digits)
                assert not any(f.startswith("StudioDeskSong") for f in faces), line["text"]
    assert hei_lines >= 8
    text = flat("".join(pdf_text(path)))
    assert "附件3" in text and "图2" in text


def test_windows_fonts_preferred_when_present(store, tmp_path: Path) -> None:
    fill(store)
    fonts = tmp_path / "Fonts"
    fonts.mkdir()
    bundled = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    shutil.copyfile(bundled / "StudioDeskKai-GB.ttf", fonts / "SIMKAI.TTF")  # any case, as on Windows
    (fonts / "simhei.ttf").write_bytes(b"not a font")  # a damaged file is passed over
    result = write_summary(store, YEAR, tmp_path / "w.pdf", signed_on=SIGNED, font_dirs=[fonts])
    assert result.fonts["楷体"] == "SIMKAI.TTF"
    assert result.fonts["黑体"] == "DroidSansFallbackFull.ttf"
    assert result.fonts["仿宋"] == "StudioDeskSong-GB.ttf"


def test_written_through_a_temporary_file(store, tmp_path: Path) -> None:
    fill(store)
    path = tmp_path / "out.pdf"
    path.write_bytes(b"old")
    stages: list[str] = []

    def cancel_while_laying_out(done: int, total: int, text: str) -> None:
        stages.append(text)
        if text.startswith("正在排版"):
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_summary(store, YEAR, path, progress=cancel_while_laying_out)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite") == ["out.pdf", "数据 文件夹"]
    write_summary(store, YEAR, path, progress=lambda *a: None)
    assert path.read_bytes().startswith(b"%PDF")


def test_unwritable_target_is_a_clear_message(store, tmp_path: Path) -> None:
    fill(store)
    with pytest.raises(StudioDeskError, match="无法写入"):
        write_summary(store, YEAR, tmp_path / "no such folder" / "x.pdf")


def test_demo_database_both_years(demo_store, tmp_path: Path) -> None:
    for year in (2025, 2026):
        path = tmp_path / f"{year}.pdf"
        result = write_summary(demo_store, year, path)
        assert result.warnings == []
        body = body_text(pdf_text(path))
        assert f"{year}年度工作总结" in body
        assert "余次" not in body and "余人" not in body


def test_clerk_text_is_printed_verbatim(store, tmp_path: Path) -> None:
    fill(store)
    store.set_narrative(YEAR, "存在问题", "一是<b>经费</b>不足 & 场地偏小。\n\n二是=SUM(A1)之类的文字原样保留。")
    long_plan = "加强学习。" * 2000  # 10,000 characters: flows over pages, nothing lost
    store.set_narrative(YEAR, "下一步打算", long_plan)
    path = tmp_path / "verbatim.pdf"
    result = write_summary(store, YEAR, path, signed_on=SIGNED)
    body = body_text(pdf_text(path))
    assert flat("四、存在问题一是<b>经费</b>不足&场地偏小。二是=SUM(A1)之类的文字原样保留。五、下一步打算") in body
    assert body.count("加强学习。") == 2000
    assert result.pages > 15 and result.warnings == []
