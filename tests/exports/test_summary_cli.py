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
    assert "全年共开展各类活动7次" in body_text(pdf_text(target))
    assert [p.name for p in target.parent.iterdir()] == ["总结.pdf"]  # no temporary file left
