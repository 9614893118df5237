"""The printable paperwork, each produced by ``studio-desk print …`` on the demo database and read
back (PDF with pdfplumber, .docx with python-docx): names, rows and totals as the records say."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from studio_desk import cli
from studio_desk.core import rota
from studio_desk.core.dossier import member_dossiers
from studio_desk.core.figures import period_figures
from studio_desk.core.models import Activity, Donation, DonationItem, Member
from studio_desk.core.money import format_fen
from studio_desk.core.store import Store
from studio_desk.exports.documents import signin
from tests.exports.pdfread import lines, page_count

TODAY = "2026-11-21"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["print", *argv, "--today", TODAY])
    out = capsys.readouterr()
    return code, out.out, out.err


def bare(text: str) -> str:
    """Without curly quotes (set in a fallback font, they read back as a line of their own)."""
    return text.replace("“", "").replace("”", "")


def text_of(path: Path) -> str:
    return "\n".join(line.text for line in lines(path))


def table_rows(path: Path) -> list[list[str]]:
    """The rows of the ruled tables on every page, each cell's wrapped lines joined."""
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                out += [[bare((cell or "").replace("\n", "")) for cell in row] for row in table]
    return out


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_print_help_lists_the_documents(capsys):
    with pytest.raises(SystemExit):
        cli.main(["print", "--help"])
    out = capsys.readouterr().out
    for word in ("签到表", "公示", "排班表", "签收单", "履职档案", "扫码找委员", "signin", "poster"):
        assert word in out


def test_signin_sheet_lists_members_and_blank_rows_over_pages(demo_path, tmp_path, capsys):
    with Store.open(demo_path) as store:
        act = max((a for a in store.list_records(Activity, year=2026) if len(a.member_ids) >= 3), key=lambda a: a.date)
        names = store.member_names(act.member_ids)
        studio = store.studio().name
    pdf, word = tmp_path / "签到表.pdf", tmp_path / "签到表.docx"
    code, out, err = run(capsys, "signin", "--db", str(demo_path), "--activity", act.id, "--rows", "30",
                         "--pdf", str(pdf), "--docx", str(word))
    assert code == 0, err
    assert "已生成" in out
    text = text_of(pdf)
    assert bare(studio) in text and bare(act.topic) in text and "签名" in text and "联系电话" in text
    for name in names:
        assert name in text
    assert page_count(pdf) == 2  # members + 30 blank rows do not fit on one page
    page2 = [ln.text for ln in lines(pdf) if ln.page == 2]
    assert any("签名" in t for t in page2)  # the header row repeats
    last = len(names) + 30
    assert str(last) in page2 and str(last + 1) not in text.split()
    wtext = docx_text(word)
    assert act.topic in wtext and all(n in wtext for n in names)
    assert docx_column_widths(word) == [round(w) for w in signin.WIDTHS]


def docx_column_widths(path: Path, index: int = 0) -> list[int]:
    """A table's column widths in mm as Word and LibreOffice read them: a fixed layout, the grid,
    and every cell of every row as wide as its columns (a merged cell: their sum)."""
    from docx.oxml.ns import qn

    table = docx.Document(str(path)).tables[index]
    tbl = table._tbl
    assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [round(col.w.mm) for col in tbl.tblGrid.gridCol_lst]
    for tr in tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            assert round(tc.width.mm) == sum(grid[col:col + tc.grid_span]), (col, tc.grid_span)
            col += tc.grid_span
    return grid


def test_signin_refuses_unclear_activity_and_a_database_as_output(demo_path, tmp_path, capsys):
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--activity", "学习", "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1 and "请写得更具体" in err
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--activity", "没有这个主题", "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1 and "没有找到" in err
    with Store.open(demo_path) as store:
        act = store.list_records(Activity)[0]
    before = demo_path.read_bytes()
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--activity", act.id, "--pdf", str(demo_path))
    assert code == 1 and "数据库" in err and "Traceback" not in err
    assert demo_path.read_bytes() == before


def test_records_are_picked_by_date_or_short_number_and_several_are_listed(demo_path, tmp_path, capsys, monkeypatch):
    with Store.open(demo_path) as store:
        act = max((a for a in store.list_records(Activity, year=2026) if len(a.member_ids) >= 2), key=lambda a: a.date)
        twin = store.save(Activity(date=act.date, type="集中学习", topic="同日的另一场学习", member_ids=act.member_ids[:1]))
        lone_day = next(date(2026, 2, n) for n in range(1, 28) if not store.list_records(Donation, date_range=(date(2026, 2, n),) * 2))
        gift = store.save(Donation(date=lone_day, category="捐赠", donor="按日期找到的爱心企业", recipients="留守儿童",
                                   items=[DonationItem("书包", Decimal(20), "个", 200000)]))
    short = act.id[:8]
    pdf = tmp_path / "按编号.pdf"
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--activity", short, "--pdf", str(pdf))
    assert code == 0, err
    assert bare(act.topic) in text_of(pdf)
    # Two activities that day: both listed with their date and short number, nothing written.
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--date", act.date.isoformat(),
                       "--pdf", str(tmp_path / "两条.pdf"))
    assert code == 1 and "有 2 条" in err and "Traceback" not in err
    assert f"{short}  {act.date.isoformat()}" in err and f"{twin.id[:8]}  {act.date.isoformat()}" in err
    assert not (tmp_path / "两条.pdf").exists()
    # The date and a word of the topic together pick one.
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--date", act.date.isoformat(), "--activity",
                       "另一场", "--pdf", str(tmp_path / "另一场.pdf"))
    assert code == 0, err
    assert "同日的另一场学习" in text_of(tmp_path / "另一场.pdf")
    code, _, err = run(capsys, "signin", "--db", str(demo_path), "--date", "2026-13-40")
    assert code == 1 and "看不懂" in err
    code, _, err = run(capsys, "signin", "--db", str(demo_path))
    assert code == 1 and "前 8 位" in err and short in err  # nothing named: the recent ones are listed
    receipt = tmp_path / "按日期.pdf"
    code, _, err = run(capsys, "receipt", "--db", str(demo_path), "--date", gift.date.isoformat(), "--pdf", str(receipt))
    assert code == 0, err
    assert gift.donor in text_of(receipt)


def test_docx_is_written_beside_the_pdf_in_the_current_folder(demo_path, tmp_path, capsys, monkeypatch):
    with Store.open(demo_path) as store:
        act = store.list_records(Activity, year=2026)[0]
    monkeypatch.chdir(tmp_path)
    word = tmp_path / "改.docx"
    code, out, err = run(capsys, "signin", "--db", str(demo_path), "--activity", act.id, "--docx", str(word))
    assert code == 0, err
    (pdf,) = tmp_path.glob("*.pdf")
    assert pdf.name.startswith(f"签到表-{act.date}") and str(pdf) in out and str(word) in out
    assert bare(act.topic) in text_of(pdf) and act.topic in docx_text(word)


def test_notice_and_rota(demo_path, tmp_path, capsys):
    with Store.open(demo_path) as store:
        coming = rota.upcoming(store, date(2026, 11, 21), 4)
        duty = [store.member_names(day.member_ids) for day in coming]
        # A past day counts its 委员接待日 activity's 群众人次; once receptions are recorded that day,
        # it counts their people (as 接待日登记 counts a day).
        year_days = rota.days(store, date(2026, 1, 1), date(2026, 12, 31))
        past = [day for day in year_days if day.date < date(2026, 11, 21)]
        assert past and all(day.activity_id for day in past)  # the demo's days so far: its 委员接待日
        from studio_desk.core.models import Reception

        before = [store.get(Activity, day.activity_id).public_count for day in past]
        assert all(before) and [rota.visits(store, day) for day in past] == before
        store.save(Reception(date=past[-1].date, mode="接待日来访", person_name="张三", request_content="路灯", people_count=3))
        assert rota.visits(store, past[-1]) == 3
    pdf, word = tmp_path / "公示.pdf", tmp_path / "公示.docx"
    code, _, err = run(capsys, "notice", "--db", str(demo_path), "--count", "4", "--pdf", str(pdf), "--docx", str(word))
    assert code == 0, err
    text = text_of(pdf)
    assert "委员接待日公示" in text
    rows = table_rows(pdf)
    assert rows[0] == ["日期", "星期", "接待委员"]  # the days share a time and place: said under the table
    assert len(rows) == 1 + len(coming)
    for row, day, names in zip(rows[1:], coming, duty):
        assert row[0] == f"{day.date.year}年{day.date.month}月{day.date.day}日"
        assert all(name in row[2] for name in names)
    assert f"接待时间：{coming[0].hours}" in text and f"接待地点：{coming[0].location}" in text
    assert "2026年11月21日" in text  # signed and dated
    assert "2026年12月15日" in docx_text(word)

    sheet = tmp_path / "排班.pdf"
    code, _, err = run(capsys, "rota", "--db", str(demo_path), "--year", "2026", "--pdf", str(sheet))
    assert code == 0, err
    rows = table_rows(sheet)
    # One time for every day: said above the table; the places differ: a column.
    assert rows[0] == ["序号", "日期", "星期", "地点", "值班委员", "来访（人次）"]
    rows = rows[1:]
    assert [r[3] for r in rows[:-1]] == [day.location for day in year_days]
    visits = before[:-1] + [3]
    assert [r[1] for r in rows[:-1]] == [day.date.isoformat() for day in year_days]
    assert [int(r[-1]) for r in rows[: len(past)]] == visits
    assert rows[len(past)][1] == "2026-12-15" and rows[len(past)][-1] == "—"  # still to come
    assert rows[-1][0] == "合计" and f"共 {len(year_days)} 次接待日" in rows[-1] and rows[-1][-1] == str(sum(visits))
    text = text_of(sheet)
    assert "接待日：每月15日（逢周末顺延至下周一）" in text and "时间：9:00—11:30" in text
    # The days follow the rule the notice promises.
    assert all(day.date.day in (15, 16, 17) and day.date.weekday() < 5 for day in year_days)
    assert "于每月15日（逢周末顺延至下周一）开展委员接待日活动" in text_of(pdf).replace("\n", "")


def test_receipt_items_and_totals_with_and_without_value(demo_path, tmp_path, capsys):
    with Store.open(demo_path) as store:
        gift = store.save(
            Donation(date=date(2026, 9, 10), category="慰问", donor="青溪县宏达建材公司", recipients="环卫工人",
                     recipient_count=40, cash_fen=500000, handler="刘娟",
                     items=[DonationItem("大米", Decimal(40), "袋", 400000), DonationItem("食用油", Decimal(40), "桶", 320000)])
        )
    pdf, word = tmp_path / "签收单.pdf", tmp_path / "签收单.docx"
    code, _, err = run(capsys, "receipt", "--db", str(demo_path), "--donation", gift.id, "--pdf", str(pdf), "--docx", str(word))
    assert code == 0, err
    text = text_of(pdf)
    assert "慰问物资签收单" in text and "青溪县宏达建材公司" in text and "环卫工人（40人）" in text
    rows = [[c for c in row if c] for row in table_rows(pdf)]
    assert rows[1:] == [["1", "大米", "40", "袋", "4,000.00"], ["2", "食用油", "40", "桶", "3,200.00"],
                        ["3", "现金", "元", "5,000.00"], ["合计", "12,200.00"]]
    assert format_fen(gift.total_fen) == "12,200.00"
    assert "接收方（签字/盖章）" in text and "经手人（签字）：刘娟" in text
    assert "12,200.00" in docx_text(word)
    bare = tmp_path / "无价值.pdf"
    code, _, err = run(capsys, "receipt", "--db", str(demo_path), "--donation", gift.id, "--no-value", "--pdf", str(bare))
    assert code == 0, err
    plain = text_of(bare)
    assert "大米" in plain and "4,000.00" not in plain and "合计" not in plain


def test_dossier_for_one_member_and_for_all(demo_path, tmp_path, capsys):
    with Store.open(demo_path) as store:
        ranking = period_figures(store, 2026, 2026).ranking
        top = min(ranking, key=lambda p: p.rank)
        (mine,) = member_dossiers(store, 2026, 2026, [top.member_id])
        roster = len(store.list_records(Member, date_range=(date(2026, 1, 1), date(2026, 12, 31))))
        member = store.get(Member, top.member_id)
    pdf, word = tmp_path / "档案.pdf", tmp_path / "档案.docx"
    code, _, err = run(capsys, "dossier", "--db", str(demo_path), "--member", top.name, "--year", "2026",
                       "--pdf", str(pdf), "--docx", str(word))
    assert code == 0, err
    text = text_of(pdf)
    assert f"委员履职档案（2026年度）" in text and top.name in text
    assert f"参加工作室活动{top.activities}次" in text and f"履职积分{top.points}分" in text
    assert f"排第{top.rank}名" in text and "县政协评定意见" in text
    assert member.party and member.party in text and member.sector in text  # the demo gives both
    # Every record the figures count is listed: activities, receptions, outputs, donations.
    assert (len(mine.activities), len(mine.receptions), len(mine.donations)) == (top.activities, top.receptions, top.donations)
    assert len(mine.outputs) == top.proposals + top.social_info + top.speeches + top.other_outputs
    for a in mine.activities:
        assert a.topic[:10] in text.replace("\n", "")
    for o in mine.outputs:
        if o.marks:
            assert "、".join(o.marks) in text
    assert top.name in docx_text(word)
    everyone = tmp_path / "全体.pdf"
    code, _, err = run(capsys, "dossier", "--db", str(demo_path), "--year", "2025-2026", "--pdf", str(everyone))
    assert code == 0, err
    titles = [ln for ln in lines(everyone) if ln.text == "委员履职档案（2025—2026年）"]
    assert len(titles) == len(member_dossiers(Store.open(demo_path), 2025, 2026))
    assert len(titles) >= roster


def test_poster_qr_holds_the_phone_or_the_link(demo_path, tmp_path, capsys):
    import segno

    pdf = tmp_path / "海报.pdf"
    code, _, err = run(capsys, "poster", "--db", str(demo_path), "--pdf", str(pdf))
    assert code == 0, err
    text = text_of(pdf)
    with Store.open(demo_path) as store:
        studio = store.studio()
    assert "扫码找委员" in text and bare(studio.name) in text and studio.phone in text
    assert "委员接待日：每月15日（逢周末顺延至下周一）9:00—11:30" in text  # the ideographic space reads as none
    assert "近期接待日：12月15日、1月15日、2月15日" in text
    phone = "".join(ch for ch in studio.phone if ch.isdigit())
    assert _qr_matrix(pdf) == _matrix(segno.make(f"tel:{phone}", error="m", micro=False))
    linked = tmp_path / "海报2.pdf"
    code, _, err = run(capsys, "poster", "--db", str(demo_path), "--link", "https://example.org/委员", "--pdf", str(linked))
    assert code == 0, err
    assert _qr_matrix(linked) == _matrix(segno.make("https://example.org/委员", error="m", micro=False))
    code, _, err = run(capsys, "poster", "--db", str(demo_path), "--docx", str(tmp_path / "x.docx"))
    assert code == 1 and "只生成 PDF" in err


def _matrix(code) -> list[list[bool]]:
    return [[bool(v) for v in row] for row in code.matrix]


def _qr_matrix(pdf: Path) -> list[list[bool]]:
    """Read the QR picture back out of the PDF and sample its modules (16 px each, 4 modules of
    quiet zone, as the poster draws it)."""
    from PIL import Image

    (image,) = [img for page in PdfReader(str(pdf)).pages for img in page.images]
    im = Image.open(io.BytesIO(image.data)).convert("L")
    assert im.width == im.height and im.width % 16 == 0
    n = im.width // 16 - 8
    return [[im.getpixel((int((4 + c + 0.5) * 16), int((4 + r + 0.5) * 16))) < 128 for c in range(n)]
            for r in range(n)]
