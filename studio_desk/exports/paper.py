"""The clerk's choice of paper for the Excel ledgers (the export dialog, the county window,
``--paper``): its keys and words only, so that a window can offer the choice without loading the
workbook writer (``exports.xlsx_print`` lays the sheets out for it)."""

from __future__ import annotations

PAPER_A4, PAPER_A3 = "a4", "a3"
PAPER_CHOICES = {PAPER_A4: "A4（主要列）", PAPER_A3: "A3（全部列）"}
DEFAULT_PAPER = PAPER_A4

__all__ = ["DEFAULT_PAPER", "PAPER_A3", "PAPER_A4", "PAPER_CHOICES"]
