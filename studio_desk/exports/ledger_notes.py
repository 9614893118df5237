"""What the import preview says about values it took on the file's word or worked out itself:
formula cells (their saved results are taken, or why they cannot be) and 方式 read from a
reception's own words."""

from __future__ import annotations

from collections import Counter
from typing import Any

from studio_desk.exports.ledger_values import is_blank


def formula_refusal(file_name: str, external: bool, value: Any) -> str:
    """Why a formula cell's value cannot be taken ("" when its saved result can)."""
    if external:
        return (
            "是引用其他文件的公式（外部链接），它的值取自另一个文件，可能已经过时："
            "请核对后复制该列，“选择性粘贴→数值”，再导入。"
        )
    if is_blank(value):
        return (
            f"是公式，但文件“{file_name}”中没有保存它的计算结果（文件可能是由其他程序生成的），"
            "无法知道它的值：请在 Excel/WPS 中打开这个文件、保存一次，或复制后“选择性粘贴→数值”，再导入。"
        )
    return ""


def formula_notes(sheet: str, formula_rows: dict[str, list[int]]) -> list[str]:
    """One line per column whose cells were formulas with saved results (header → rows)."""
    return [
        f"“{sheet}”第 {row_ranges(rows)} 行的“{header}”是公式（共 {len(rows):,} 格）：按文件中保存的计算结果导入，请核对。"
        for header, rows in formula_rows.items()
    ]


# Where each value worked out from a row's words was read from, and what became of a row it
# could not be worked out for.
_INFERRED_FROM = {"活动类型": ("活动主题", "推断不出的记为“其他”"),
                  "方式": ("诉求内容和备注", "推断不出的标为“待补全”"),
                  "处理方式": ("办理结果", "推断不出的留空"),
                  "办理状态": ("办结日期和办理结果", "推断不出的按“待办”导入")}


def inferred_notes(sheet: str, mapped: set[str], inferred: list[tuple[int, str, str, str]]) -> list[str]:
    """The values worked out from the records' words ((row, column, value, words) each): per
    column, counted by value with the first row and words of each, so the clerk can check them."""
    notes = []
    for column in dict.fromkeys(column for _, column, _, _ in inferred):
        found = [(row, value, words) for row, col, value, words in inferred if col == column]
        counts = Counter(value for _, value, _ in found)
        first: dict[str, tuple[int, str]] = {}
        for row, value, words in found:
            first.setdefault(value, (row, words))
        parts = [f"{value} {counts[value]:,} 条（如第 {first[value][0]} 行" + (f"写有“{first[value][1]}”）" if first[value][1] else "）")
                 for value in counts]
        source, left = _INFERRED_FROM[column]
        why = f"没有“{column}”列" if column not in mapped else f"有些行的“{column}”没有填"
        notes.append(
            f"“{sheet}”{why}：已按{source}中的说法推断 {len(found):,} 条的{column}——" + "，".join(parts) + f"。请核对；{left}。"
        )
    return notes


def row_ranges(rows: list[int], shown: int = 6) -> str:
    """``3、5–9、12`` (the first few runs, then ``等``)."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    text = "、".join(str(a) if a == b else f"{a}–{b}" for a, b in runs[:shown])
    return text + ("等" if len(runs) > shown else "")


def incomplete_notes(sheet: str, marked: int) -> list[str]:
    """The rows that come in 待补全."""
    if not marked:
        return []
    return [
        f"“{sheet}”中有 {marked:,} 条记录缺少必填内容，照常导入并标为“待补全”"
        "（可在台账中筛选“待补全”，打开记录补填后保存）。"
    ]


def repeat_notes(sheet: str, repeats: int) -> list[str]:
    return [f"“{sheet}”中有 {repeats:,} 行与已有记录相同（可能以前导入过），将略过。"] if repeats else []
