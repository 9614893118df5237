"""Reading a workbook for import: each sheet's XML is scanned once and bounded before calamine,
in a worker thread of its own, builds the sheet's grid; masked values are found among the cells
read; whatever goes wrong, the clerk gets a sentence naming the file and no thread or open file
is left behind."""

from __future__ import annotations

import os
import re
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.masked_marker import MaskedEvidence, masked_workbook_reason
from studio_desk.core.models import Member
from studio_desk.core.progress import Cancelled
from studio_desk.exports.ledger_import import read_ledgers
from studio_desk.exports.xlsx_read import read_workbook

HEADERS = ["日期", "活动类型", "活动主题", "参加委员", "群众人次"]
RECEPTION = ["日期", "接待方式", "群众姓名", "联系电话", "诉求内容", "接待委员"]


@pytest.fixture
def roster(store):
    store.save(Member(name="刘刚", role="召集人"))
    return store


def _rewritten(source: Path, path: Path, sheet: str, change: Callable[[bytes], bytes]) -> Path:
    """``source`` with the XML of one sheet changed, as other programs (or hostile files) write it."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == f"xl/worksheets/{sheet}.xml":
                changed = change(body)
                assert changed != body
                body = changed
            dst.writestr(name, body)
    return path


def _two_sheets(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(HEADERS)
    ws.append(["2025-05-01", "集中学习", "学习", "刘刚", 5])
    other = wb.create_sheet("备用")
    other.append(HEADERS)
    other.append(["2025-05-02", "集中学习", "备用里的活动", "刘刚", 3])
    wb.save(path)
    return path


def _as_written(text: str) -> bytes:
    """``text`` as openpyxl writes it into sheet XML (Chinese as character references)."""
    return "".join(ch if ch.isascii() else f"&#{ord(ch)};" for ch in text).encode("ascii")


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "workbook-reader"]


def _open_handles(path: Path) -> list[str]:
    """The descriptors of this process open on ``path`` (Windows would lock the file)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        pytest.skip("needs /proc")
    found = []
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) == str(path.resolve()):
                found.append(fd.name)
        except OSError:
            continue
    return found


def test_masked_values_are_found_among_the_cells_read(roster, tmp_path, fingerprint):
    # A masked reception ledger copied by hand into a new workbook, its masked texts written as
    # rich text (a run per character): no XML text holds "张*" whole, the cells read do.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "接待记录"
    ws.append(RECEPTION)
    people = [("张*", "138****1234"), ("李*", "139****5678"), ("王**", "137****0000")]
    for n, (name, phone) in enumerate(people, start=1):
        ws.append([f"2025-05-0{n}", "来访", name, phone, "道路维修", "刘刚"])
    plain = wb.save(tmp_path / "plain.xlsx") or tmp_path / "plain.xlsx"

    def rich(body: bytes) -> bytes:
        for name, phone in people:
            for text in (name, phone):
                runs = b"".join(b"<r><t>" + _as_written(ch) + b"</t></r>" for ch in text)
                body = body.replace(b"<t>" + _as_written(text) + b"</t>", runs)
        return body

    copied = _rewritten(plain, tmp_path / "接待记录.xlsx", "sheet1", rich)
    with zipfile.ZipFile(copied) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")
    assert _as_written("张*") not in sheet and b"<r><t>" + _as_written("张") + b"</t></r>" in sheet
    assert masked_workbook_reason(copied) is None  # the XML alone does not show it

    evidence = MaskedEvidence()
    read_workbook(copied, evidence=evidence)
    assert list(evidence.values) == ["张*", "138****1234", "李*"]
    before = fingerprint(roster)
    with pytest.raises(StudioDeskError, match="接待记录.xlsx.*隐去后的内容，如“张\\*”、“138\\*\\*\\*\\*1234”、“李\\*”"):
        read_ledgers(roster, copied)
    assert fingerprint(roster) == before
    # The same file is read as it is into a database made for masked copies.
    assert read_ledgers(roster, copied, allow_masked=True).sheets == {"接待记录": "接待走访台账"}


def test_one_masked_text_written_many_times_is_not_a_masked_copy(roster, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADERS + ["备注"])
    for day in range(1, 6):
        ws.append([f"2025-05-0{day}", "集中学习", "学习", "刘刚", 5, "李*"])
    wb.save(tmp_path / "备注.xlsx")
    plan = read_ledgers(roster, tmp_path / "备注.xlsx")
    assert plan.problems == [] and len(plan.additions) == 5


def test_the_marker_written_as_character_references_is_found(roster, tmp_path):
    # This app's own writer puts Chinese into sheet XML as &#...; references.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "活动台账"
    ws.append(HEADERS)
    ws.append(["2025-05-01", "集中学习", "学习", "刘刚", 5])
    ws.oddHeader.right.text = "PAGEHEAD"
    wb.save(tmp_path / "plain.xlsx")
    marker = "".join(f"&#{ord(ch)};" for ch in "已隐去群众个人信息").encode()
    path = _rewritten(tmp_path / "plain.xlsx", tmp_path / "页眉.xlsx", "sheet1", lambda b: b.replace(b"PAGEHEAD", marker))
    with pytest.raises(StudioDeskError, match="页眉.xlsx.*工作表的页眉标明了“已隐去群众个人信息”"):
        read_ledgers(roster, path)
    assert "页眉标明" in (masked_workbook_reason(path) or "")


def test_a_cell_out_of_step_with_its_row_is_bounded_before_calamine_reads_the_sheet(roster, tmp_path, monkeypatch):
    # The row says 3, the cell (in lower case, which calamine reads) says row 1,048,576.
    source = _two_sheets(tmp_path / "source.xlsx")
    path = _rewritten(source, tmp_path / "错位.xlsx", "sheet1", lambda b: b.replace(b'r="E2"', b'r="e1048576"'))
    import python_calamine

    read: list[str] = []
    real = python_calamine.CalamineWorkbook

    class Recording:
        @staticmethod
        def from_path(name: str):  # type: ignore[no-untyped-def]
            wb = real.from_path(name)

            class Book:
                sheets_metadata = wb.sheets_metadata
                close = wb.close

                @staticmethod
                def get_sheet_by_name(sheet: str):  # type: ignore[no-untyped-def]
                    read.append(sheet)
                    return wb.get_sheet_by_name(sheet)

            return Book()

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Recording)
    with pytest.raises(StudioDeskError, match="错位.xlsx.*“活动台账”数据范围太大（一直到 E1048576 单元格"):
        read_ledgers(roster, path)
    assert "活动台账" not in read and not _readers()


def test_an_error_in_the_reader_thread_reaches_the_clerk_as_a_sentence(roster, tmp_path, fingerprint):
    # A reference calamine cannot read ($B$2): the XML scan lets it through, calamine stops.
    source = _two_sheets(tmp_path / "source.xlsx")
    path = _rewritten(source, tmp_path / "坏引用.xlsx", "sheet2", lambda b: b.replace(b'r="B2"', b'r="$B$2"'))
    before = fingerprint(roster)
    with pytest.raises(StudioDeskError, match="读取“坏引用.xlsx”失败（CalamineError），文件可能已损坏。原文件未被改动。"):
        read_ledgers(roster, path)
    assert fingerprint(roster) == before
    assert not _readers() and not _open_handles(path)


def test_no_thread_or_open_file_is_left_after_a_refused_or_cancelled_read(roster, tmp_path):
    # The first sheet is handed to the reader; the second is out of bounds.
    source = _two_sheets(tmp_path / "source.xlsx")
    far = _rewritten(source, tmp_path / "远处.xlsx", "sheet2", lambda b: b.replace(b'r="E2"', b'r="XFD2"'))
    with pytest.raises(StudioDeskError, match="远处.xlsx.*“备用”数据范围太大"):
        read_ledgers(roster, far)
    assert not _readers() and not _open_handles(far)

    seen: list[str] = []

    def cancel_on_reading(done: int, total: int, text: str) -> None:
        seen.append(text)
        if "备用" in text:  # the first sheet is with the reader by now
            raise Cancelled()

    with pytest.raises(Cancelled):
        read_ledgers(roster, source, progress=cancel_on_reading)
    assert any("活动台账" in text for text in seen)
    assert not _readers() and not _open_handles(source)
    # Read again in full, the file is as it was.
    assert [r.record.topic for r in read_ledgers(roster, source).additions] == ["学习", "备用里的活动"]


def test_sheets_come_back_in_the_workbooks_order_with_their_formulas(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "一"
    wb.active.append(["a", "=1+1"])
    for title in ("二", "三"):
        ws = wb.create_sheet(title)
        ws.append([title])
        ws["C3"] = "=A1"
    wb.save(tmp_path / "顺序.xlsx")
    sheets = read_workbook(tmp_path / "顺序.xlsx")
    assert [s.name for s in sheets] == ["一", "二", "三"]
    assert [s.formulas for s in sheets] == [{(0, 1)}, {(2, 2)}, {(2, 2)}]
    assert sheets[2].rows[0][0] == "三" and not _readers()


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda b: b, id="as written"),
        pytest.param(lambda b: re.sub(rb'<c r="([A-Z]+\d+)"( t="\w+")', rb'<c\2 r="\1"', b), id="type before reference"),
        pytest.param(lambda b: re.sub(rb'r="([A-Z]+\d+)"', rb"r='\1'", b), id="single quotes"),
        pytest.param(lambda b: re.sub(rb'<c r="([A-Z]+\d+)"', rb'<c\tr="\1"', b), id="tab"),
    ],
)
def test_a_sheet_written_in_other_ways_reads_the_same(tmp_path, rewrite):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "主题", "人数"])
    ws.append(["2025-05-01", "学习", "=2+3"])
    ws["BA7"] = "最右边"  # beyond the columns the quick check trusts
    ws["C7"] = "=[1]Sheet1!A1"
    wb.save(tmp_path / "plain.xlsx")
    path = tmp_path / "改写.xlsx"
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                written = rewrite(body)
                assert (written == body) == (rewrite(b"<c r=\"A1\" t=\"n\">") == b"<c r=\"A1\" t=\"n\">")
                body = written
            dst.writestr(name, body)
    [sheet] = read_workbook(path)
    assert sheet.formulas == {(1, 2), (6, 2)} and sheet.external_cells == {(6, 2)} and sheet.external_links
    assert sheet.rows[1][:2] == ["2025-05-01", "学习"] and sheet.rows[6][52] == "最右边"
    assert len(sheet.rows) == 7 and len(sheet.rows[0]) == 53


@pytest.mark.parametrize("piece", [16, 64, 333])
def test_formulas_and_extent_do_not_depend_on_where_the_xml_is_cut(tmp_path, monkeypatch, piece):
    from studio_desk.exports import xlsx_scan

    wb = openpyxl.Workbook()
    ws = wb.active
    written = set()
    for n in range(1, 120):
        row, column = n * 7 % 300 + 1, n * 11 % 70 + 1  # within AZ and beyond it
        if n % 3:
            ws.cell(row, column).value = f"=1+{n}"
            written.add((row - 1, column - 1))
        else:
            ws.cell(row, column).value = "文字" * (n % 5)
    ws["C400"] = "=[1]Sheet1!A1"
    written.add((399, 2))
    wb.save(tmp_path / "切分.xlsx")
    monkeypatch.setattr(xlsx_scan, "_PIECE", piece)
    scans: dict[str, xlsx_scan.SheetScan] = {}
    xlsx_scan.scan_xlsx(tmp_path / "切分.xlsx", lambda n: None, scans.__setitem__)
    scan = scans["Sheet"]
    assert scan.formulas == written and scan.external_cells == {(399, 2)}
    [sheet] = read_workbook(tmp_path / "切分.xlsx")
    assert scan.rows >= len(sheet.rows) > 250 and scan.columns >= len(sheet.rows[0]) > 60  # what calamine built


def test_the_xml_is_cut_only_before_a_tag_that_is_not_a_first_child(tmp_path):
    from studio_desk.core.xml_parts import xml_chunks

    body = b'<sheetData><row r="1"><c r="A1"><f>SUM(B1:B9)</f><v>3</v></c><c r="B1" t="inlineStr"><is><t>' + "长文字".encode() * 9 + b"</t></is></c></row></sheetData>"
    with zipfile.ZipFile(tmp_path / "x.zip", "w") as zf:
        zf.writestr("sheet.xml", body)
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        for size in (1, 5, 17, 64):
            pieces = list(xml_chunks(zf, "sheet.xml", size))
            assert b"".join(pieces) == body
            for piece in pieces:
                last = piece.rfind(b"<")
                assert last < 0 or piece.find(b">", last) > 0  # never ends inside a tag
                assert not piece.endswith(b'<c r="A1">') and not piece.startswith(b"<f>")


@pytest.mark.parametrize("name", ["台账.xls", "台账.XLS", "台账.et", "台账"])
def test_a_workbook_named_otherwise_than_it_is_is_read_as_what_it_is(roster, tmp_path, name):
    """An .xlsx renamed .xls (or saved without its extension) is an .xlsx: read as one, not
    refused as a damaged .xls."""
    right = _two_sheets(tmp_path / "台账.xlsx")
    renamed = tmp_path / "renamed" / name
    renamed.parent.mkdir()
    renamed.write_bytes(right.read_bytes())
    expected = [(s.name, s.rows) for s in read_workbook(right)]
    assert [(s.name, s.rows) for s in read_workbook(renamed)] == expected
    plan = read_ledgers(roster, renamed)
    assert plan.problems == [] and [r.record.topic for r in plan.additions] == ["学习", "备用里的活动"]
    assert _open_handles(renamed) == [] and _readers() == []
