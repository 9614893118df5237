"""报送县政协: the package holds the year's workbook, PDF and (optionally) a masked database."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from studio_desk.core.errors import DatabaseError, StudioDeskError
from studio_desk.core.models import Reception
from studio_desk.core.store import Store
from studio_desk.core.sync import merge_file
from studio_desk.exports.county_package import write_county_package


def _reception_values(xlsx: Path, column: str) -> list[str]:
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    ws = wb["接待走访台账"]
    rows = list(ws.iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r and column in r)
    col = rows[header_row].index(column)
    return [r[col] for r in rows[header_row + 1 :] if r and r[col]]


def test_zip_package_is_masked_by_default(demo_store: Store, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    result = write_county_package(demo_store, 2026, out, with_db=True)
    assert result.path.suffix == ".zip" and result.masked
    assert [p.name for p in out.iterdir()] == [result.path.name]  # nothing else left behind
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(result.path) as zf:
        zf.extractall(unpacked)
    (folder,) = unpacked.iterdir()
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["2026年度履职台账.xlsx", "2026年度工作总结.pdf", "2026年度数据库副本（已脱敏）.sqlite", "说明.txt"])

    from studio_desk.core.masking import is_organisation

    real_names = {r.person_name for r in demo_store.list_records(Reception, year=2026) if not is_organisation(r.person_name)}
    shown = [v for v in _reception_values(folder / "2026年度履职台账.xlsx", "对象(姓名/单位)") if not is_organisation(v)]
    assert shown and all("*" in v for v in shown) and not set(shown) & real_names  # names masked, enterprises not
    text = subprocess.run(["pdftotext", str(folder / "2026年度工作总结.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "2026" in text and "工作室" in text

    db = folder / "2026年度数据库副本（已脱敏）.sqlite"
    phones = {r.person_phone for r in demo_store.list_records(Reception, include_deleted=True) if len(r.person_phone) >= 11}
    raw = db.read_bytes().decode("utf-8", errors="ignore")
    assert phones and not any(p in raw for p in phones)  # neither in rows, history nor free pages
    with Store.open(db, replica_id="county", create=False) as copy:
        assert copy.count(Reception) == demo_store.count(Reception)
    with pytest.raises(DatabaseError, match="脱敏副本"):
        merge_file(demo_store, db)


def test_folder_package_unmasked_when_unticked(demo_store: Store, tmp_path: Path):
    result = write_county_package(demo_store, 2026, tmp_path, mask_pii=False, as_zip=False)
    assert result.path.is_dir() and not result.masked
    assert "未隐去" in result.message
    shown = _reception_values(result.path / "2026年度履职台账.xlsx", "对象(姓名/单位)")
    real_names = {r.person_name for r in demo_store.list_records(Reception, year=2026)}
    assert set(shown) & real_names
    with pytest.raises(StudioDeskError, match="已存在"):
        write_county_package(demo_store, 2026, tmp_path, mask_pii=False, as_zip=False)
    assert not list(tmp_path.glob(".*part"))


def test_package_cli(demo_path: Path, tmp_path: Path, data_home: Path):
    import os
    import sys

    env = dict(os.environ, STUDIO_DESK_HOME=str(data_home))
    root = Path(__file__).resolve().parents[2]
    target = tmp_path / "报送" / "2026年"  # neither folder exists yet: the package makes them
    r = subprocess.run([sys.executable, "-m", "studio_desk", "--db", str(demo_path), "package", "--year", "2026",
                        str(target), "--zip"], capture_output=True, text=True, env=env, cwd=root, check=False)
    assert r.returncode == 0, r.stderr
    assert f"已新建文件夹“{tmp_path / '报送'}”" in r.stdout and "报送材料已生成" in r.stdout
    assert len(list(target.glob("*.zip"))) == 1


def test_package_into_an_existing_folder_says_nothing_about_folders(demo_store: Store, tmp_path: Path):
    result = write_county_package(demo_store, 2026, tmp_path)
    assert result.created_folder is None and "新建文件夹" not in result.message


def test_failed_package_takes_away_the_folder_it_made(demo_store: Store, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    import studio_desk.exports.summary as summary

    def broken(*args: object, **kwargs: object) -> None:
        raise StudioDeskError("总结写不出")

    monkeypatch.setattr(summary, "write_summary", broken)
    with pytest.raises(StudioDeskError, match="总结写不出"):
        write_county_package(demo_store, 2026, tmp_path / "新" / "报送")
    assert not (tmp_path / "新").exists()


def test_package_folder_that_is_a_file_is_refused(demo_store: Store, tmp_path: Path):
    (tmp_path / "报送").write_text("x")
    with pytest.raises(StudioDeskError, match="是一个文件，不是文件夹"):
        write_county_package(demo_store, 2026, tmp_path / "报送")
