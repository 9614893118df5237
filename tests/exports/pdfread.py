"""Reading a PDF back for layout checks: the text lines of each page with their positions (mm)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

PT_MM = 25.4 / 72


@dataclass
class Line:
    page: int
    text: str
    x0: float  # mm from the left edge
    x1: float
    top: float  # mm from the top edge
    bottom: float
    size: float  # pt
    fonts: frozenset[str]


def lines(path: Path | str) -> list[Line]:
    """Every line of text on every page (characters grouped by their baseline)."""
    out: list[Line] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows: dict[int, list[dict]] = {}
            for ch in page.chars:
                if not ch["text"].strip():
                    continue
                rows.setdefault(round(ch["bottom"] * 2), []).append(ch)
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                out.append(Line(
                    number, "".join(c["text"] for c in chars), chars[0]["x0"] * PT_MM, chars[-1]["x1"] * PT_MM,
                    min(c["top"] for c in chars) * PT_MM, max(c["bottom"] for c in chars) * PT_MM,
                    max(c["size"] for c in chars), frozenset(c["fontname"] for c in chars),
                ))
    return out


def page_count(path: Path | str) -> int:
    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages)


def is_folio(line: Line) -> bool:
    return re.fullmatch(r"—\d+—|第\d+页(共\d+页)?", line.text) is not None
