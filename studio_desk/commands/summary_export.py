"""The annual summary half of ``studio-desk export``: ``--pdf``, ``--docx`` and ``--date``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store


def parse_date(text: str | None) -> date:
    """``2025-12-28``, ``2025/12/28``, ``2025.12.28`` or ``2025年12月28日``; today when not given."""
    if not text:
        return date.today()
    parts = re.findall(r"\d+", text)
    try:
        if len(parts) != 3:
            raise ValueError
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise StudioDeskError(f"成文日期“{text}”看不懂：请写成 2025-12-28。") from None


def export_summary(store: Store, year: int, pdf: Path | None, docx: Path | None, signed_on: date) -> None:
    """Print the warnings first (an empty year, missing sections), then write each file."""
    from studio_desk.exports.summary import summary_warnings, write_summary

    for warning in summary_warnings(store, year):
        print(f"提示：{warning}")
    for target, kind in ((pdf, "PDF"), (docx, "Word")):
        if target is None:
            continue
        result = write_summary(store, year, target, signed_on=signed_on, docx=kind == "Word")
        print(f"已导出 {year} 年度工作总结（{kind}）：{target.resolve()}")
        for warning in result.warnings:
            print(f"提示：{warning}")
