"""The print layout of the wide ledgers: on A4 (the default) only the columns marked ``on_a4`` print,
the others stay in place with their data, folded into collapsed column groups; on A3 (``--paper a3``,
as a county may ask) every column prints. The studio's workbook and the county's share it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from studio_desk.cli import main
from studio_desk.exports import ledger_columns as lc
from studio_desk.exports.workbook import write_workbook
from studio_desk.exports.xlsx_print import A3, A4, FOLDED_NOTE, room

YEAR = 2025
# Too wide for A4 at a readable size with all their columns (捐赠慰问 fits, just, without the county's
# 工作室 column; it folds two columns all the same, to print roomier).
WIDE = {spec.name: spec for spec in (lc.ACTIVITY_SHEET, lc.RECEPTION_SHEET, lc.PROPOSAL_SHEET)}
FOLDING = set(WIDE) | {lc.DONATION_SHEET.name}


def _folded(ws) -> list[str]:  # type: ignore[no-untyped-def]
    """The headers of the columns folded into a collapsed outline group."""
    out = []
    for cell in ws[2]:
        dim = ws.column_dimensions[cell.column_letter]
        if dim.outlineLevel:
            assert dim.hidden, cell.value
            out.append(cell.value)
    return out


def _printed_widths(ws, headers: list[str]) -> list[float]:  # type: ignore[no-untyped-def]
    """The widths of the columns that print: in the print area and not hidden."""
    count = headers.index(lc.ID_HEADER)
    dims = [ws.column_dimensions[get_column_letter(i)] for i in range(1, count + 1)]
    return [d.width for d in dims if not d.hidden]


def test_wide_ledgers_print_their_a4_layout_and_keep_every_column(demo_store, tmp_path: Path):
    wb = openpyxl.load_workbook(write_workbook(demo_store, YEAR, tmp_path / "a4.xlsx"))
    for spec in lc.RECORD_SHEETS:
        ws = wb[spec.name]
        headers = [c.value for c in ws[2]]
        assert headers == [c.header for c in spec.columns]  # every column in its place
        assert str(ws.page_setup.paperSize) == A4, spec.name
        off = [c.header for c in spec.printed if not c.on_a4]
        assert _folded(ws) == off, spec.name
        widths = _printed_widths(ws, headers)
        assert sum(widths) <= room(A4) + 0.5, (spec.name, sum(widths))
        note = [c.value for c in ws[1][1:] if c.value]
        if spec.name not in FOLDING:
            assert not off and note == [] and ws.sheet_format.outlineLevelCol in (None, 0)
            continue
        assert len(off) >= (5 if spec.name in WIDE else 2) and ws.sheet_format.outlineLevelCol == 1
        # each run of folded columns has its "+" on the column after it
        for index, col in enumerate(spec.columns[: len(spec.printed)], start=1):
            after = ws.column_dimensions[get_column_letter(index + 1)]
            if not col.on_a4 and spec.columns[index].on_a4:
                assert after.collapsed, (spec.name, col.header)
        # the note beside the title, outside the print area: the clerk sees it, the page does not
        assert note == [FOLDED_NOTE]
        assert ws.cell(1, len(spec.printed) + 1).value == FOLDED_NOTE
        assert ws.print_area.endswith(f"${get_column_letter(len(spec.printed))}${ws.max_row}")
        # the folded columns keep their data (the same cells as on A3: see the test below)
        assert any(ws.cell(3, headers.index(h) + 1).value not in (None, "") for h in off), spec.name


def test_a3_from_the_command_line_prints_every_column(demo_path: Path, tmp_path: Path, capsys):
    a3, a4 = tmp_path / "a3.xlsx", tmp_path / "a4.xlsx"
    for target, paper in ((a3, ["--paper", "a3"]), (a4, [])):
        args = ["export", "--db", str(demo_path), "--year", str(YEAR), "--xlsx", str(target)]
        assert main(args + paper) == 0
    assert "已导出" in capsys.readouterr().out
    wb = openpyxl.load_workbook(a3)
    for spec in lc.RECORD_SHEETS:
        ws = wb[spec.name]
        headers = [c.value for c in ws[2]]
        assert _folded(ws) == [] and [c.value for c in ws[1][1:] if c.value] == []
        widths = _printed_widths(ws, headers)
        assert len(widths) == len(spec.printed), spec.name  # every printed column shows
        paper = str(ws.page_setup.paperSize)
        assert sum(widths) <= room(paper) + 0.5, (spec.name, sum(widths))
        # too wide for A4 at a readable size: on A3; the others stay on A4
        assert paper == (A3 if spec.name in WIDE else A4), spec.name
    # the paper changes how the sheets print, never what they hold (but for the note beside the title)
    for name in [s.name for s in lc.RECORD_SHEETS]:
        values = [CalamineWorkbook.from_path(str(p)).get_sheet_by_name(name).to_python() for p in (a3, a4)]
        assert values[0][1:] == values[1][1:] and values[0][0][0] == values[1][0][0], name


def test_an_unknown_paper_is_refused_in_chinese(demo_path: Path, tmp_path: Path, capsys):
    target = tmp_path / "a5.xlsx"
    with pytest.raises(SystemExit) as raised:
        main(["export", "--db", str(demo_path), "--year", str(YEAR), "--xlsx", str(target), "--paper", "a5"])
    assert raised.value.code == 2 and not target.exists()
    err = capsys.readouterr().err
    assert "--paper" in err and "无效的选项" in err and "'a4', 'a3'" in err


def test_county_ledgers_print_like_the_studios(tmp_path: Path, county_studios, capsys):
    db = tmp_path / "县.sqlite"
    assert main(["county", "add", *[str(s.masked) for s in county_studios], "--db", str(db)]) == 0
    a4, a3 = tmp_path / "汇总.xlsx", tmp_path / "汇总A3.xlsx"
    for target, paper in ((a4, []), (a3, ["--paper", "a3"])):
        args = ["county", "report", "--year", str(YEAR), "--xlsx", str(target), "--name", "青溪县政协", "--db", str(db)]
        assert main(args + paper) == 0
    capsys.readouterr()
    folded, wide = openpyxl.load_workbook(a4), openpyxl.load_workbook(a3)
    for spec in lc.RECORD_SHEETS:
        off = [c.header for c in spec.printed if not c.on_a4]
        ws = folded[spec.name]
        headers = [c.value for c in ws[2] if c.value]  # the note beside the title may make one more column
        assert headers[0] == "工作室" and _folded(ws) == off, spec.name
        assert str(ws.page_setup.paperSize) == A4, spec.name
        shown = [ws.column_dimensions[get_column_letter(i)] for i in range(1, len(headers) + 1)]
        assert sum(d.width for d in shown if not d.hidden) <= room(A4) + 0.5, spec.name
        assert (FOLDED_NOTE in [c.value for c in ws[1]]) == bool(off) == (spec.name in FOLDING)
        ws = wide[spec.name]
        assert _folded(ws) == [] and [c.value for c in ws[2]] == headers
        assert str(ws.page_setup.paperSize) == (A3 if spec.name in FOLDING else A4), spec.name
