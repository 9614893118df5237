"""The county collection: adding studios' packages, replacing one, refusing bad ones, the totals."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from studio_desk.core.county import County, PackageError
from studio_desk.core.county_figures import Criterion, figures_from_json, figures_to_json, key_figure_map
from studio_desk.core.errors import DatabaseError
from studio_desk.core.figures import Rate, annual_figures
from studio_desk.core.models import Activity
from studio_desk.core.schema import CURRENT_VERSION
from studio_desk.core.store import Store
from studio_desk.core.masking import write_masked_copy

YEARS = (2024, 2025, 2026)


@pytest.fixture
def county(tmp_path: Path):
    c = County.open(tmp_path / "县政协汇总.sqlite")
    yield c
    c.close()


def _add_all(county: County, studios) -> None:  # type: ignore[no-untyped-def]
    for studio in studios:
        county.add_package(studio.masked)


def _own_figures(studio, year: int):  # type: ignore[no-untyped-def]
    with Store.open(studio.database, replica_id="reader") as store:
        return annual_figures(store, year)


def _add(a: int | Rate, b: int | Rate) -> int | Rate:
    if isinstance(a, Rate) and isinstance(b, Rate):
        return Rate(a.numerator + b.numerator, a.denominator + b.denominator)
    assert isinstance(a, int) and isinstance(b, int)
    return a + b


def test_totals_are_the_sum_of_each_studios_own_figures(county: County, county_studios) -> None:
    _add_all(county, county_studios)
    assert [s.name for s in county.studios()] == sorted(s.name for s in county_studios)
    for year in YEARS:
        totals = key_figure_map(county.figures(year).totals)
        # Last year's totals are those of the studios that sent last year's records.
        sent = {s.name for s in county.studios() if year - 1 in s.years}
        expected: dict[str, tuple[int | Rate, int | Rate]] = {}
        for studio in county_studios:
            for key, kf in key_figure_map(_own_figures(studio, year)).items():
                cur, prev = expected.get(key, (Rate(0, 0), Rate(0, 0)) if kf.kind == "rate" else (0, 0))
                expected[key] = (_add(cur, kf.current), _add(prev, kf.previous) if studio.name in sent else prev)
        assert set(totals) == set(expected)
        for key, (current, previous) in expected.items():
            assert totals[key].current == current, (year, key)
            assert totals[key].previous == previous, (year, key)
        assert totals["activities_total"].current > 0


def test_each_studio_keeps_its_own_figures(county: County, county_studios) -> None:
    _add_all(county, county_studios)
    figures = county.figures(2025)
    by_name = {s.name: s for s in figures.studios}
    for studio in county_studios:
        own = key_figure_map(_own_figures(studio, 2025))
        kept = key_figure_map(by_name[studio.name].figures)
        assert {k: (f.current, f.previous) for k, f in own.items()} == {
            k: (f.current, f.previous) for k, f in kept.items()
        }


def test_a_newer_package_replaces_only_that_studio(county: County, county_studios, tmp_path: Path) -> None:
    _add_all(county, county_studios)
    before = {s.name: key_figure_map(s.figures) for s in county.figures(2025).studios}
    first = county_studios[0]
    database = tmp_path / "studio.sqlite"
    shutil.copyfile(first.database, database)
    with Store.open(database, replica_id="studio-0") as store:
        store.save(Activity(date=date(2025, 6, 1), type="集中学习", topic="新增的一次集中学习"))
        newer = tmp_path / "newer-2025年度数据库副本.sqlite"
        write_masked_copy(store, newer)
    result = county.add_package(newer)
    assert result.replaced and result.studio.name == first.name
    assert len(county.studios()) == 3
    after = {s.name: key_figure_map(s.figures) for s in county.figures(2025).studios}
    assert after[first.name]["activities_total"].current == before[first.name]["activities_total"].current + 1
    for other in county_studios[1:]:
        assert {k: f.current for k, f in after[other.name].items()} == {
            k: f.current for k, f in before[other.name].items()
        }
    records = {e.name: len(r) for e, r in county.ledger_records(2025, Activity)}
    assert records[first.name] == after[first.name]["activities_total"].current
    # the older package coming again afterwards is refused and changes nothing
    with pytest.raises(PackageError, match="旧"):
        county.add_package(first.masked)
    assert key_figure_map(county.figures(2025).studios[0].figures)["activities_total"].current in {
        after[n]["activities_total"].current for n in after
    }
    assert {s.name: key_figure_map(s.figures)["activities_total"].current for s in county.figures(2025).studios} == {
        n: f["activities_total"].current for n, f in after.items()
    }


def test_two_studios_of_the_same_name_stay_apart(county: County, county_studios, tmp_path: Path) -> None:
    a, b = county_studios[0], county_studios[1]
    renamed = tmp_path / "b.sqlite"
    shutil.copyfile(b.database, renamed)
    with Store.open(renamed, replica_id="studio-1") as store:
        studio = store.studio()
        studio.name = a.name
        store.save_studio(studio)
        copy = tmp_path / "b-masked.sqlite"
        write_masked_copy(store, copy)
    county.add_package(a.masked)
    result = county.add_package(copy)
    assert not result.replaced and any("同名" in w for w in result.warnings)
    assert [s.name for s in county.studios()] == [a.name, a.name]


def test_an_unmasked_copy_is_refused_and_nothing_changes(county: County, county_studios, tmp_path: Path) -> None:
    county.add_package(county_studios[0].masked)
    plain = tmp_path / "plain.sqlite"
    with Store.open(county_studios[1].database, replica_id="x") as store:
        store.backup_to(plain)
    with pytest.raises(PackageError, match="脱敏"):
        county.add_package(plain)
    assert [s.name for s in county.studios()] == [county_studios[0].name]


def test_a_copy_from_a_newer_schema_is_refused(county: County, county_studios, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(county_studios[1].masked, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    original = newer.read_bytes()
    with pytest.raises(PackageError, match="更新版本") as info:
        county.add_package(newer)
    assert "newer.sqlite" in str(info.value) and "studio.sqlite" not in str(info.value)
    assert county.studios() == []
    assert newer.read_bytes() == original


def test_a_package_for_a_year_it_has_no_records_of_is_refused(county: County, county_studios, tmp_path: Path) -> None:
    wrong = tmp_path / "2019年度数据库副本（已脱敏）.sqlite"
    shutil.copyfile(county_studios[0].masked, wrong)
    with pytest.raises(PackageError, match="2019"):
        county.add_package(wrong)
    assert county.studios() == []


def test_a_real_package_zip_is_added(county: County, county_studios, tmp_path: Path) -> None:
    from studio_desk.exports.county_package import write_county_package

    with Store.open(county_studios[2].database, replica_id="studio-2") as store:
        result = write_county_package(store, 2025, tmp_path, with_db=True)
    added = county.add_package(result.path)
    assert added.studio.name == county_studios[2].name
    assert added.studio.source_name == result.path.name


def test_a_workbook_alone_or_a_broken_file_gets_a_clear_message(county: County, tmp_path: Path) -> None:
    broken = tmp_path / "坏文件.sqlite"
    broken.write_bytes(b"not a database at all" * 10)
    with pytest.raises(PackageError, match="坏文件"):
        county.add_package(broken)
    workbook = tmp_path / "台账.xlsx"
    workbook.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    with pytest.raises(PackageError, match="只有 Excel"):
        county.add_package(workbook)
    assert county.studios() == []


def test_a_studio_database_is_not_a_county_file(county_studios) -> None:
    with pytest.raises(DatabaseError, match="不是县政协汇总文件"):
        County.open(county_studios[0].database)


def test_rating_criteria_are_kept_in_the_county_file(tmp_path: Path, county_studios) -> None:
    path = tmp_path / "c.sqlite"
    with County.open(path) as county:
        county.add_package(county_studios[0].masked)
        county.set_criteria([Criterion("activities_total", 1), Criterion("activities_total", 10**6)])
    with County.open(path) as county:
        figures = county.figures(2025)
        assert [s.stars for s in figures.studios] == [1]


def test_a_package_s_figures_are_the_copy_s_own_figures_in_full(county: County, county_studios, tmp_path: Path) -> None:
    """Adding reads each year's records once and counts those same records: every figure kept
    (topics, highlights, ranking, donations listed, not only the key figures) is what the studio's
    own summary code gives on the copy, year by year, the roster year before the first included."""
    from studio_desk.core.figures import period_figures

    _add_all(county, county_studios)
    for studio in county_studios:
        key = next(s.key for s in county.studios() if s.name == studio.name)
        kept = dict(county.conn.execute("SELECT year, data FROM studio_figures WHERE studio_key = ?", (key,)))
        assert min(kept) < min(YEARS) and set(YEARS) <= set(kept)
        read = tmp_path / f"{studio.name}.sqlite"
        shutil.copyfile(studio.masked, read)
        with Store.open(read, replica_id="reader") as store:
            for year, text in kept.items():
                own = period_figures(store, year, year)
                assert figures_from_json(text) == own, (studio.name, year)
        assert any(figures_from_json(text).ranking for text in kept.values())


def test_figures_survive_their_json(county_studios) -> None:
    figures = _own_figures(county_studios[0], 2025).current
    assert figures_from_json(figures_to_json(figures)) == figures


def test_a_package_folder_is_added(county: County, county_studios, tmp_path: Path) -> None:
    from studio_desk.exports.county_package import write_county_package

    with Store.open(county_studios[1].database, replica_id="studio-1") as store:
        result = write_county_package(store, 2025, tmp_path, with_db=True, as_zip=False)
    added = county.add_package(result.path)
    assert added.studio.name == county_studios[1].name and added.records > 0


def test_figures_kept_by_an_older_program_are_computed_again_from_the_kept_records(county: County, county_studios) -> None:
    from studio_desk.core.errors import StudioDeskError

    _add_all(county, county_studios)
    before = {y: {s.name: key_figure_map(s.figures) for s in county.figures(y).studios} for y in YEARS}
    with county.transaction() as conn:  # as a program that counted differently would have left it
        conn.execute("UPDATE studios SET figures_format = 'older'")
        conn.execute("UPDATE studio_figures SET data = '{}'")
    with pytest.raises(StudioDeskError, match="重新统计"):
        county.figures(2025)
    assert county.refresh_figures() == 3
    assert county.stale_studios() == []
    for year in YEARS:
        after = {s.name: key_figure_map(s.figures) for s in county.figures(year).studios}
        for name, figures in before[year].items():
            assert {k: (f.current, f.previous) for k, f in after[name].items()} == {
                k: (f.current, f.previous) for k, f in figures.items()
            }, (year, name)


def test_a_name_with_quotation_marks_is_never_quoted_again(county: County, county_studios, tmp_path: Path) -> None:
    named = tmp_path / "named.sqlite"
    shutil.copyfile(county_studios[0].database, named)
    with Store.open(named, replica_id="studio-0") as store:
        studio = store.studio()
        studio.name = "青溪县政协“同心”委员工作室"
        store.save_studio(studio)
        copy = tmp_path / "青溪县政协“同心”委员工作室-2025年度数据库副本（已脱敏）.sqlite"
        write_masked_copy(store, copy)
    message = county.add_package(copy).message
    assert message.startswith("已添加「青溪县政协“同心”委员工作室」：")
    assert "““" not in message and "””" not in message
    wrong_year = copy.with_name("2019年度" + copy.name)
    shutil.copyfile(copy, wrong_year)
    for path in (wrong_year, wrong_year.with_name("不存在的" + copy.name)):
        with pytest.raises(PackageError) as info:
            county.add_package(path)
        assert "「" in str(info.value) and "““" not in str(info.value)
    plain = county.add_package(county_studios[1].masked).message
    assert plain.startswith(f"已添加“{county_studios[1].name}”：")


def test_no_output_is_written_over_the_county_file_or_its_side_files(county_studios, tmp_path: Path) -> None:
    from studio_desk.core.files import OutputError, atomic_output
    from studio_desk.core.instance_lock import DatabaseLock
    from studio_desk.exports.summary import write_summary
    from studio_desk.exports.workbook import write_workbook

    path = tmp_path / "县政协汇总.sqlite"
    with County.open(path) as county, DatabaseLock(path):
        county.add_package(county_studios[0].masked)
        with county.transaction() as conn:  # a journal beside it while a change is written
            conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('county_name', '青溪县政协')")
            journal = Path(str(path) + "-journal")
            assert journal.exists()
            with pytest.raises(OutputError, match="事务日志"):
                with atomic_output(journal) as part:
                    part.write_bytes(b"x")
        lock = Path(str(path) + ".lock")
        original = path.read_bytes()
        with Store.open(county_studios[0].database, replica_id="studio-0") as store:
            for write in (lambda p: write_workbook(store, 2025, p), lambda p: write_summary(store, 2025, p)):
                with pytest.raises(OutputError, match="县政协汇总文件"):
                    write(path)
            with pytest.raises(OutputError, match="锁文件"):
                write_workbook(store, 2025, lock)
        # not even a database copy written back, which may replace an older copy of a database
        with pytest.raises(OutputError, match="县政协汇总文件"):
            with atomic_output(path, allow_database=True) as part:
                part.write_bytes(b"x")
        assert path.read_bytes() == original
        assert [s.name for s in county.studios()] == [county_studios[0].name]
    assert not list(tmp_path.glob(".*.part"))


def test_last_years_words_name_the_studios_that_did_not_send_it() -> None:
    """One source of the words the county window, the workbook and the write-up say."""
    from studio_desk.core.county_figures import county_figures, last_year_words, studio_names
    from studio_desk.core.figures import YearFigures

    studios = [(f"k{i}", f"第{i}工作室", YearFigures(2025), YearFigures(2024)) for i in range(15)]
    assert last_year_words(county_figures(2025, studios, [])) == ""  # nothing said: all sent (or unknown)
    assert last_year_words(county_figures(2025, studios, [], [])) == "2024年：各工作室都没有报送，没有上年合计可比"
    one = county_figures(2025, studios, [], [f"k{i}" for i in range(1, 15)])
    assert one.not_sent_last_year == ["第0工作室"]
    assert last_year_words(one) == "尚未报送2024年的工作室：第0工作室，2024年的数字不含该工作室"
    many = county_figures(2025, studios, [], ["k14"])
    assert last_year_words(many, 12).startswith("尚未报送2024年的工作室：第0工作室、第1工作室")
    assert "第11工作室等14个工作室，2024年的数字不含这些工作室" in last_year_words(many, 12)
    assert studio_names(["甲", "乙"]) == "甲、乙共2个工作室" and studio_names(["甲"]) == "甲"
