"""The county's outputs: the workbook (统计汇总 by studio and totals, ledgers with a 工作室 column) and
the write-up (PDF and .docx) naming the studios and stating the county's totals."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from studio_desk.cli import main
from studio_desk.core.county import County
from studio_desk.core.county_figures import key_figure_map
from studio_desk.core.masked_marker import MARKER_SHEET
from studio_desk.core.masking import masked_workbook_reason
from studio_desk.exports.summary_prose import yuan
from studio_desk.exports import ledger_columns as lc

YEAR = 2025


@pytest.fixture
def county(tmp_path: Path, county_studios):
    c = County.open(tmp_path / "县政协汇总.sqlite")
    for studio in county_studios:
        c.add_package(studio.masked)
    c.set_county_name("青溪县政协")
    yield c
    c.close()


def test_workbook_has_studios_side_by_side_and_ledgers_with_a_studio_column(county: County, county_studios, tmp_path: Path) -> None:
    from studio_desk.exports.county_workbook import write_county_workbook

    path = write_county_workbook(county, YEAR, tmp_path / "汇总.xlsx", county_name="青溪县政协")
    wb = load_workbook(path)
    assert wb.sheetnames == [lc.SUMMARY_SHEET_NAME] + [s.name for s in lc.RECORD_SHEETS] + [MARKER_SHEET]
    assert masked_workbook_reason(path) is not None  # never imported over a studio's own data
    summary = wb[lc.SUMMARY_SHEET_NAME]
    headers = [c.value for c in summary[2]]
    rows = [[c.value for c in row] for row in summary.iter_rows(min_row=3)]
    figures = county.figures(YEAR)
    totals = key_figure_map(figures.totals)
    col = headers.index("开展活动\n(次)")
    by_name = {r[0]: r for r in rows[:3]}
    assert set(by_name) == {s.name for s in county_studios}
    for s in figures.studios:
        assert by_name[s.name][col] == key_figure_map(s.figures)["activities_total"].current
    assert rows[3][0] == f"{YEAR}年合计" and rows[3][col] == totals["activities_total"].current
    assert rows[4][0] == f"{YEAR - 1}年合计" and rows[4][col] == totals["activities_total"].previous
    money = headers.index("捐赠慰问合计\n(元)")
    assert rows[3][money] * 100 == totals["donation_total"].current
    rate = headers.index("办结率")
    assert summary.cell(6, rate + 1).number_format == "0.0%"
    # printed at full size over pages across, 工作室 and 星级 on each (one page wide it was 2 pt)
    assert not summary.sheet_properties.pageSetUpPr.fitToPage and summary.print_title_cols == "$A:$B"
    assert summary.print_title_rows == "$1:$2"

    activities = wb["活动台账"]
    assert activities.cell(2, 1).value == "工作室"
    studios_in_sheet = {r[0] for r in activities.iter_rows(min_row=3, values_only=True)}
    assert studios_in_sheet == {s.name for s in county_studios}
    assert activities.max_row - 2 == totals["activities_total"].current
    receptions = wb["接待走访台账"]
    header = [c.value for c in receptions[2] if c.value]  # beside the title: the note on folded columns
    spec = next(sp for sp in lc.RECORD_SHEETS if sp.name == "接待走访台账")
    # the readers' columns, nothing for an import and no attachments (the county file holds none)
    assert header == ["工作室", *(c.header for c in spec.printed if c.kind != lc.ATTACHMENTS)]
    names = [r[header.index("对象(姓名/单位)")] for r in receptions.iter_rows(min_row=3, values_only=True)]
    from studio_desk.core.masking import is_organisation

    # citizens' names stay masked (an enterprise visited is named: it is not personal data)
    assert names and all("*" in n for n in names if n and not is_organisation(n))


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_writeup_names_the_studios_and_states_the_totals(county: County, county_studios, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from studio_desk.exports.county_report import write_county_report

    pdf, docx_path = tmp_path / "综述.pdf", tmp_path / "综述.docx"
    result = write_county_report(county, YEAR, pdf=pdf, docx=docx_path, signed_on=date(2026, 1, 15))
    assert result.written == [pdf, docx_path]
    totals = county.figures(YEAR).totals.current
    word = _docx_text(docx_path)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(pdf)).pages))
    for body in (re.sub(r"\s+", "", word), text):
        assert "青溪县政协委员工作室2025年度履职工作综述" in body
        assert f"共有{len(county_studios)}个委员工作室" in body
        assert f"全年共开展活动{totals.activities_total}次" in body
        first_type, n = next(iter(totals.activities_by_type.items()))
        assert f"{first_type}{n}次" in body
        # the studio summary's words, one helper for the county's and each studio's sentence
        assert f"接待走访{totals.receptions_total}次、群众{totals.reception_people}人次" in body
        assert f"帮办实事{totals.practical_help}件" in body
        assert f"提交提案建议{totals.outputs_total}件" in body
        assert f"合计{yuan(totals.donations_all.total_fen)}" in body  # the studio summary's own words
        for studio in county_studios:
            assert f"{studio.name}全年" in body
        assert "星级评定" in body and "2026年1月15日" in body
        # the rating says which number it judges, in the words of the attachment's columns
        assert "接待走访不少于12次" in body and "办结率不低于80%" in body
        assert "接待走访(次)" in body and "接待走访群众(人次)" in body
    # numbers in the prose as the studio summary writes them: 62195元, 1515人次, never 62,195元
    prose = re.sub(r"\s+", "", word.split("附件")[0])
    total = totals.donations_all.total_fen
    assert total >= 1000_00 and total % 1_000_000 and f"合计{total // 100}" in prose
    assert not re.search(r"\d,\d{3}", prose)
    assert "接待走访群众" not in prose  # only as the attachment's column name


def test_writeup_names_the_activities_that_brought_each_studios_economic_results(
    county: County, county_studios, tmp_path: Path
) -> None:
    """As the studio's own summary (（六）助力经济发展) does: each studio's paragraph names its
    activities with 经济成效 and their amounts, largest first; the county's sum is said once."""
    from studio_desk.core.models import Activity
    from studio_desk.core.store import Store
    from studio_desk.exports.county_report import write_county_report

    docx_path = tmp_path / "综述.docx"
    write_county_report(county, YEAR, docx=docx_path, signed_on=date(2026, 1, 15))
    paragraphs = _docx_text(docx_path).split("附件")[0].splitlines()
    county_sum = 0
    for studio in county_studios:
        with Store.open(studio.database, replica_id="reader") as store:
            brought = sorted((a for a in store.list_records(Activity, year=YEAR) if a.economic_fen > 0),
                             key=lambda a: (-a.economic_fen, a.date))
        assert brought, studio.name  # the demo year has them
        county_sum += sum(a.economic_fen for a in brought)
        (told,) = [p for p in paragraphs if p.startswith(f"{studio.name}全年")]
        assert f"促成经济成效{yuan(sum(a.economic_fen for a in brought))}" in told
        for a in brought[:3]:
            named = f"{a.date.month}月的“{a.topic}”"
            assert named in told, (named, told)
            assert f"{named}{yuan(a.economic_fen)}" in told or f"{named}（{yuan(a.economic_fen)}）" in told \
                or (len(brought) == 1 and f"全部来自{named}" in told), told
    assert sum(f"经济成效{yuan(county_sum)}" in p for p in paragraphs) == 1


def test_cli_add_list_report(tmp_path: Path, county_studios, capsys) -> None:
    db = tmp_path / "县.sqlite"
    packages = [str(s.masked) for s in county_studios]
    assert main(["county", "add", *packages, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.count("已添加") == 3
    assert main(["county", "refresh", "--db", str(db)]) == 0
    assert "无需重新统计" in capsys.readouterr().out
    assert main(["county", "list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    assert all(s.name in listed for s in county_studios)
    xlsx, docx_path = tmp_path / "汇总.xlsx", tmp_path / "综述.docx"
    code = main(["county", "report", "--year", str(YEAR), "--xlsx", str(xlsx), "--docx", str(docx_path),
                 "--name", "青溪县政协", "--db", str(db)])
    assert code == 0 and xlsx.exists() and docx_path.exists()
    assert "青溪县政协委员工作室" in _docx_text(docx_path)
    # a refused package: non-zero, the reason in Chinese, the others kept
    assert main(["county", "add", str(county_studios[0].database), "--db", str(db)]) == 1
    assert "脱敏" in capsys.readouterr().out
    # the output never goes over the county file
    assert main(["county", "report", "--year", str(YEAR), "--xlsx", str(db), "--db", str(db)]) == 1
    assert "汇总文件本身" in capsys.readouterr().err
    with County.open(db, create=False) as county:
        assert len(county.studios()) == 3
    assert main(["county", "rating", "活动=5", "接待走访（次）=10", "接待人次=300", "办结率=90%", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    for line in ("开展活动(次) ≥ 5", "接待走访(次) ≥ 10", "接待走访群众(人次) ≥ 300", "办结率 ≥ 90%"):
        assert line in shown
    assert not re.search(r"[a-z_]{4,}", shown)  # no English keys shown
    with County.open(db, create=False) as county:
        keys = [(c.key, c.threshold) for c in county.criteria()]
    assert keys == [("activities_total", 5), ("receptions_total", 10), ("reception_people", 300), ("close_rate", 90)]
    assert main(["county", "rating", "没有这项=5", "--db", str(db)]) == 1
    assert "可用的指标" in capsys.readouterr().err
    assert main(["county", "rating", "群众=5", "--db", str(db)]) == 1  # 群众参与 / 接待走访群众 / 受益群众 …
    assert "可以指几项" in capsys.readouterr().err
    assert main(["county", "rating", "办结率=180", "--db", str(db)]) == 1
    with County.open(db, create=False) as county:
        assert [(c.key, c.threshold) for c in county.criteria()] == keys  # a refused setting changes nothing
