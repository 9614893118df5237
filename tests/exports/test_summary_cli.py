"""``studio-desk export --year Y --pdf FILE`` writes the summary and says what it had to replace."""

from __future__ import annotations

from pathlib import Path

from studio_desk.cli import main
from studio_desk.core.models import Member
from studio_desk.core.store import Store

try:
    from .test_summary_data import YEAR, body_text, fill, pdf_text
except ImportError:
    from test_summary_data import YEAR, body_text, fill, pdf_text


def test_export_pdf_from_the_command_line(db_path: Path, tmp_path: Path, capsys) -> None:
    with Store.open(db_path, replica_id="cli") as store:
        ids = fill(store)
        member = store.get(Member, ids["b"])
        member.name = "李四😀"
        store.save(member)
    target = tmp_path / "县政协" / "总结.pdf"
    target.parent.mkdir()
    assert main(["export", "--db", str(db_path), "--year", str(YEAR), "--pdf", str(target)]) == 0
    out = capsys.readouterr().out
    assert "已导出 2025 年度工作总结" in out
    assert "提示：" in out and "U+1F600" in out
    assert "全年共开展各类活动9次" in body_text(pdf_text(target))
    assert [p.name for p in target.parent.iterdir()] == ["总结.pdf"]  # no temporary file left
    # the missing sections are named before the export
    assert out.index("提示：尚未填写2025年度的“存在问题”") < out.index("已导出")


def test_export_docx_with_a_date(db_path: Path, tmp_path: Path, capsys) -> None:
    import docx

    with Store.open(db_path, replica_id="cli") as store:
        fill(store)
    target = tmp_path / "总结.docx"
    assert main(["export", "--db", str(db_path), "--year", str(YEAR), "--docx", str(target),
                 "--date", "2025年12月28日"]) == 0
    assert "已导出 2025 年度工作总结（Word）" in capsys.readouterr().out
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "2025年12月28日" in texts
    assert main(["export", "--db", str(db_path), "--year", str(YEAR), "--docx", str(target), "--date", "某天"]) != 0
    assert "成文日期“某天”看不懂" in capsys.readouterr().err
