"""The county workbook's 统计汇总: a last year no studio sent is said in words in its totals row,
as the county window says it, never a row of zeros."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from studio_desk.core.county import County
from studio_desk.core.county_figures import key_figure_map
from studio_desk.core.store import Store
from studio_desk.exports.county_ledgers import add_package
from studio_desk.exports.county_workbook import write_county_workbook
from studio_desk.exports.workbook import write_workbook


def _totals(path: Path) -> dict[str, list[object]]:
    wb = load_workbook(path, read_only=True)
    rows = {str(r[0]): list(r) for r in wb["统计汇总"].iter_rows(min_row=3, values_only=True) if r and r[0]}
    headers = [c.value for c in next(wb["统计汇总"].iter_rows(min_row=2, max_row=2))]
    wb.close()
    return {"headers": headers, **{k: v for k, v in rows.items() if k.endswith("年合计")}}


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
        assert last[1] == "2024年：各工作室都没有报送，没有上年合计可比"
        assert all(v is None for v in last[2:])  # no row of zeros
        assert rows["2025年合计"][3] > 0

        add_package(county, workbooks[2024])
        path = write_county_workbook(county, 2025, tmp_path / "汇总表.xlsx", county_name="青溪县政协")
        rows = _totals(path)
        expected = key_figure_map(county.figures(2025).totals)["activities_total"]
        col = rows["headers"].index("开展活动\n(次)")
        assert expected.previous > 0 and rows["2024年合计"][col] == expected.previous
    finally:
        county.close()
