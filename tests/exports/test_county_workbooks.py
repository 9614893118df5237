"""A studio that sends only its Excel ledgers: the masked workbook is read by the ledger import into a
temporary database and counted by the same core code, so its figures equal those of its database."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from studio_desk.cli import main
from studio_desk.core.county import County, PackageError
from studio_desk.core.county_figures import key_figure_map
from studio_desk.core.county_read import database_identity
from studio_desk.core.figures import annual_figures
from studio_desk.core.store import Store
from studio_desk.exports.county_ledgers import add_package
from studio_desk.exports.county_package import write_county_package
from studio_desk.exports.workbook import write_workbook


@pytest.fixture
def county(tmp_path: Path):
    c = County.open(tmp_path / "县政协汇总.sqlite")
    yield c
    c.close()


@pytest.fixture(scope="module")
def workbooks(county_studios, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The first studio's masked workbooks of 2024 and 2025, as its 报送县政协 writes them."""
    folder = tmp_path_factory.mktemp("workbooks")
    out = {}
    with Store.open(county_studios[0].database, replica_id="studio-0") as store:
        for year in (2024, 2025):
            out[year] = write_workbook(store, year, folder / f"{year}年度履职台账.xlsx", mask_pii=True)
    return out


def _dated(workbook: Path, target: Path, stamp: str) -> Path:
    """A copy of ``workbook`` whose document properties say it was written at ``stamp``."""
    import re

    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            dst.writestr(info, data)
    return target


def _own(studio, year: int):  # type: ignore[no-untyped-def]
    with Store.open(studio.database, replica_id="reader") as store:
        return key_figure_map(annual_figures(store, year)), database_identity(store)


def _kept(county: County, year: int, name: str):  # type: ignore[no-untyped-def]
    (studio,) = [s for s in county.figures(year).studios if s.name == name]
    return key_figure_map(studio.figures)


def test_a_workbook_counts_as_its_database_does(county: County, county_studios, workbooks) -> None:
    studio = county_studios[0]
    for year in (2024, 2025):
        result = add_package(county, workbooks[year])
        assert result.studio.name == studio.name and result.records > 0
    own, identity = _own(studio, 2025)
    kept = _kept(county, 2025, studio.name)
    assert set(kept) == set(own)
    for key, figure in own.items():  # this year's and last year's, every key figure
        assert (kept[key].current, kept[key].previous) == (figure.current, figure.previous), key
    (entry,) = county.studios()
    assert entry.key == identity and entry.years == (2024, 2025)  # known by its database, not its name


def test_a_newer_workbook_replaces_its_own_year_only(county: County, county_studios, workbooks, tmp_path: Path) -> None:
    studio = county_studios[0]
    add_package(county, workbooks[2024])
    add_package(county, workbooks[2025])
    before_2024 = {k: f.current for k, f in _kept(county, 2024, studio.name).items()}
    # the studio corrects 2025 and sends its workbook again
    changed = tmp_path / "changed.sqlite"
    shutil.copyfile(studio.database, changed)
    with Store.open(changed, replica_id="studio-0") as store:
        from studio_desk.core.models import Activity

        first = store.list_records(Activity, year=2025)[0]
        store.delete(Activity, first.id)
        again = write_workbook(store, 2025, tmp_path / "2025年度履职台账.xlsx", mask_pii=True)
        expected = key_figure_map(annual_figures(store, 2025))
    result = add_package(county, again)
    assert result.replaced and result.message.startswith(f"已更新“{studio.name}” 2025 年的台账：")
    assert result.message.endswith("条记录，其他年份（2024）不变。")
    kept = _kept(county, 2025, studio.name)
    assert kept["activities_total"].current == expected["activities_total"].current
    assert {k: f.current for k, f in _kept(county, 2024, studio.name).items()} == before_2024
    assert [s.years for s in county.studios()] == [(2024, 2025)]
    # a 2025 workbook written before the county's, sent again by mistake, changes nothing
    with pytest.raises(PackageError, match="旧"):
        add_package(county, _dated(workbooks[2025], tmp_path / "旧的.xlsx", "2026-01-05T08:00:00Z"))
    assert _kept(county, 2025, studio.name)["activities_total"].current == expected["activities_total"].current


def test_the_default_package_without_a_database_is_added(county: County, county_studios, tmp_path: Path) -> None:
    studio = county_studios[1]
    with Store.open(studio.database, replica_id="studio-1") as store:
        package = write_county_package(store, 2025, tmp_path / "报送")  # no database copy by default
    with zipfile.ZipFile(package.path) as zf:
        assert not any(n.endswith(".sqlite") for n in zf.namelist())
    added = add_package(county, package.path)
    assert added.studio.name == studio.name and added.studio.years == (2025,)
    own, identity = _own(studio, 2025)
    assert {k: f.current for k, f in _kept(county, 2025, studio.name).items()} == {k: f.current for k, f in own.items()}
    # later the studio sends its database copy: the same studio, replaced as a whole
    replaced = add_package(county, studio.masked)
    assert replaced.replaced and [s.key for s in county.studios()] == [identity]
    assert county.studios()[0].years == (2024, 2025, 2026)


def test_an_unmasked_workbook_is_refused_and_nothing_changes(county: County, county_studios, tmp_path: Path) -> None:
    with Store.open(county_studios[2].database, replica_id="studio-2") as store:
        plain = write_workbook(store, 2025, tmp_path / "2025年度履职台账.xlsx", mask_pii=False)
    original = plain.read_bytes()
    with pytest.raises(PackageError, match="没有隐去群众个人信息"):
        add_package(county, plain)
    assert county.studios() == [] and plain.read_bytes() == original


def test_a_workbook_without_its_database_identity_is_known_by_the_studios_name(
    county: County, workbooks, county_studios, tmp_path: Path
) -> None:
    import openpyxl

    from studio_desk.exports.ledger_studio import IDENTITY_LABEL, STUDIO_SHEET_NAME

    older = tmp_path / "2025年度履职台账.xlsx"  # as a program before the identity row wrote it
    wb = openpyxl.load_workbook(workbooks[2025])
    sheet = wb[STUDIO_SHEET_NAME]
    for row in range(sheet.max_row, 0, -1):
        if sheet.cell(row, 1).value == IDENTITY_LABEL:
            sheet.delete_rows(row)
    wb.save(older)
    result = add_package(county, older)
    assert result.studio.key == "名称:" + county_studios[0].name
    assert result.studio.name == county_studios[0].name


def test_cli_adds_a_workbook_and_refuses_a_damaged_one(county_studios, workbooks, tmp_path: Path, capsys) -> None:
    db = tmp_path / "县.sqlite"
    broken = tmp_path / "坏台账.xlsx"
    broken.write_bytes(workbooks[2025].read_bytes()[:5000])
    assert main(["county", "add", str(workbooks[2025]), str(broken), "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert f"已添加“{county_studios[0].name}”" in out and "未添加：“坏台账.xlsx”" in out
    assert "Traceback" not in out
    with County.open(db, create=False) as county:
        assert [s.name for s in county.studios()] == [county_studios[0].name]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM studio_figures WHERE data_as_of != ''").fetchone()[0] == 1
    conn.close()


def test_a_county_file_of_the_first_version_is_brought_up_to_date(tmp_path: Path) -> None:
    from studio_desk.core.county import COUNTY_APPLICATION_ID, _v1_initial

    path = tmp_path / "旧汇总.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    _v1_initial(conn)
    conn.execute(f"PRAGMA application_id = {COUNTY_APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO studios VALUES ('k', '城关镇委员工作室', '', '', '', 'a.zip', '2026-02-01T00:00:00Z', "
        "'2026-02-02T00:00:00Z', 5, '[2025]', 'x', '{}')"
    )
    conn.executemany("INSERT INTO studio_figures VALUES ('k', ?, '{}')", [(2024,), (2025,)])
    conn.close()
    with County.open(path) as county:
        rows = county.conn.execute("SELECT year, data_as_of FROM studio_figures ORDER BY year").fetchall()
        assert rows == [(2024, ""), (2025, "2026-02-01T00:00:00Z")]
        assert county.conn.execute("SELECT copy_as_of FROM studios").fetchone()[0] == "2026-02-01T00:00:00Z"
        assert county.conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_studio_that_sent_only_last_year_is_named_not_counted_as_zeros(
    county: County, county_studios, workbooks, tmp_path: Path
) -> None:
    from studio_desk.exports.county_report import write_county_report

    first, second = county_studios[0], county_studios[1]
    add_package(county, workbooks[2025])  # the first studio sent 2025 only
    add_package(county, second.masked)  # the second its database (2024–2026)
    figures = county.figures(2026)
    assert [s.name for s in figures.studios] == [second.name] and figures.not_reported == [first.name]
    own_first, _ = _own(first, 2025)
    own_second, _ = _own(second, 2026)
    totals = key_figure_map(figures.totals)
    assert totals["activities_total"].current == own_second["activities_total"].current
    # last year's total is the county's 2025 total, the first studio's 2025 included
    assert totals["activities_total"].previous == (
        own_first["activities_total"].current + own_second["activities_total"].previous
    )
    assert [s.name for s in county.figures(2024).studios] == [second.name]  # its 2024 is only "last year"
    assert county.figures(2024).not_reported == []
    docx_path = tmp_path / "综述.docx"
    write_county_report(county, 2026, docx=docx_path)
    import docx

    text = "".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    assert "共有1个委员工作室报送了年度履职台账" in text
    assert f"另有{first.name}尚未报送本年度台账，未计入本年度数字" in text
