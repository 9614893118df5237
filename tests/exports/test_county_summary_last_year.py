"""The county workbook's 统计汇总: a last year no studio sent is said in words under its totals,
as the county window says it, never a row of zeros; this year's studios that did not send last year
are named there and in the write-up, in the county window's words."""

from __future__ import annotations

from pathlib import Path

import docx
from openpyxl import load_workbook

from studio_desk.core.county import County
from studio_desk.core.county_figures import key_figure_map, last_year_words
from studio_desk.core.figures import annual_figures
from studio_desk.core.store import Store
from studio_desk.exports.county_ledgers import add_package
from studio_desk.exports.county_report import write_county_report
from studio_desk.exports.county_workbook import write_county_workbook
from studio_desk.exports.workbook import write_workbook


def _totals(path: Path) -> dict[str, list[object]]:
    """The header row, the totals rows by their label, and the words under the table (``notes``)."""
    wb = load_workbook(path)
    ws = wb["统计汇总"]
    rows = {str(r[0]): list(r) for r in ws.iter_rows(min_row=3, values_only=True) if r and r[0]}
    headers = [c.value for c in ws[2]]
    totals = {k: v for k, v in rows.items() if k.endswith("年合计")}
    last = max(i for i, r in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1) if str(r[0]).endswith("年合计"))
    notes = [str(r[0]) for r in ws.iter_rows(min_row=last + 1, values_only=True) if r and r[0]]
    # each note within 工作室 and 星级 (repeated on every page), wrapped, as high as its lines
    for number in range(last + 1, last + 1 + len(notes)):
        assert f"A{number}:B{number}" in {str(m) for m in ws.merged_cells.ranges}
        assert ws.cell(number, 1).alignment.wrap_text and ws.row_dimensions[number].height >= 14
    assert ws.print_area == f"'统计汇总'!$A$1:${ws.cell(2, len(headers)).column_letter}${last + len(notes)}"
    wb.close()
    return {"headers": headers, "notes": notes, **totals}


def test_a_last_year_nobody_sent_is_said_in_the_workbook(county_studios, tmp_path: Path) -> None:
    with Store.open(county_studios[0].database, replica_id="studio-0") as store:
        workbooks = {year: write_workbook(store, year, tmp_path / f"{year}年度履职台账.xlsx", mask_pii=True)
                     for year in (2024, 2025)}
    county = County.open(tmp_path / "县政协汇总.sqlite")
    try:
        add_package(county, workbooks[2025])  # one studio, its 2025 only
        path = write_county_workbook(county, 2025, tmp_path / "汇总表.xlsx", county_name="青溪县政协")
        rows = _totals(path)
        last = rows["2024年合计"]
        assert all(v is None for v in last[1:])  # no row of zeros
        assert rows["notes"] == ["2024年：各工作室都没有报送，没有上年合计可比"]
        assert rows["2025年合计"][3] > 0

        add_package(county, workbooks[2024])
        path = write_county_workbook(county, 2025, tmp_path / "汇总表.xlsx", county_name="青溪县政协")
        rows = _totals(path)
        expected = key_figure_map(county.figures(2025).totals)["activities_total"]
        col = rows["headers"].index("开展活动\n(次)")
        assert expected.previous > 0 and rows["2024年合计"][col] == expected.previous
        assert rows["notes"] == []
    finally:
        county.close()


def test_studios_that_did_not_send_last_year_are_named_under_the_totals(county_studios, tmp_path: Path) -> None:
    first, second = county_studios[0], county_studios[1]
    with Store.open(first.database, replica_id="studio-0") as store:
        workbook = write_workbook(store, 2025, tmp_path / "2025年度履职台账.xlsx", mask_pii=True)
    county = County.open(tmp_path / "县政协汇总.sqlite")
    try:
        add_package(county, workbook)  # the first studio sent 2025 only
        county.add_package(second.masked)  # the second its database, 2024 with it
        figures = county.figures(2025)
        assert figures.not_sent_last_year == [first.name]
        words = last_year_words(figures)
        assert words == f"尚未报送2024年的工作室：{first.name}，2024年的数字不含该工作室"
        rows = _totals(write_county_workbook(county, 2025, tmp_path / "汇总表.xlsx", county_name="青溪县政协"))
        assert rows["notes"] == [words]
        write_county_report(county, 2025, docx=tmp_path / "综述.docx")  # the write-up says it too
        said = [p.text for p in docx.Document(str(tmp_path / "综述.docx")).paragraphs]
        assert f"{words}。" in said and said.index(f"{words}。") < said.index("二、工作室履职亮点")
        col = rows["headers"].index("开展活动\n(次)")
        assert rows["2024年合计"][col] == key_figure_map(figures.totals)["activities_total"].previous > 0
        # What the words say is left out is: last year's totals are the second studio's alone (the
        # first's own last year, kept beside its 2025, has only its roster).
        with Store.open(second.database, replica_id="reader") as store:
            own = key_figure_map(annual_figures(store, 2025))
        totals = key_figure_map(figures.totals)
        for key in ("members_total", "activities_total", "participation_rate"):
            assert totals[key].previous == own[key].previous, key
    finally:
        county.close()


def test_a_long_list_of_names_is_cut_into_rows_a_row_can_hold() -> None:
    from studio_desk.exports.county_workbook import NOTE_LINES, _note_rows

    text = "尚未报送2024年的工作室：" + "、".join(f"第{i}街道委员工作室" for i in range(1, 123))
    rows = _note_rows(text, 28.8)
    assert len(rows) > 1 and "".join(t for t, _ in rows) == text
    assert all(1 <= lines <= NOTE_LINES for _, lines in rows)
    assert all(t.endswith("、") for t, _ in rows[:-1])  # cut between two names
