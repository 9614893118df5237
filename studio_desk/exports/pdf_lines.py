"""Chinese line breaking for the PDF: 禁则 kept, lines justified inside the text block.

``break_lines`` cuts a paragraph into lines no wider than the block: no line starts with a closing
mark (，。、；：）”》！？…) and none ends with an opening one (（“《【); a number or a word of Latin
letters is never cut. Where the cut would break a rule, the last character of the line moves to
the next one (the line is then spread a little wider by :func:`char_space`), so that nothing
hangs outside the block, unlike the hanging punctuation of ReportLab's CJK wrap.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CANNOT_START = "，。、；：？！）〕］】》〉」』”’…—·％%,.;:?!)]}"
CANNOT_END = "（〔［【《〈「『“‘([{"
# A number with its decimal point, percent sign and thousands separators stays on one line,
# and so does a word of Latin letters.
_UNIT = re.compile(r"[0-9]+(?:[.,:/][0-9]+)*%?|[A-Za-z][A-Za-z0-9'\-]*|.", re.S)


def units(text: str) -> list[str]:
    return _UNIT.findall(text)


def break_lines(text: str, width: float, measure: Callable[[str], float], first_indent: float = 0.0,
                indent: float = 0.0) -> list[str]:
    """The lines of ``text`` (first line narrower by ``first_indent``, all by ``indent``)."""
    queue = [u for u in units(text) if u != "\n"]
    lines: list[str] = []
    current: list[str] = []
    used = first_indent + indent
    i = 0
    while i < len(queue):
        piece = queue[i]
        w = measure(piece)
        if current and used + w > width + 0.01:
            # break before ``piece``; give back characters while the break breaks a rule
            back = 0
            while len(current) - back > 1 and (
                queue[i - back][:1] in CANNOT_START or current[-1 - back][-1:] in CANNOT_END
            ):
                back += 1
            if back:
                del current[-back:]
                i -= back
            lines.append("".join(current))
            current, used = [], indent
            continue
        if not current and used + w > width + 0.01 and len(piece) > 1:
            # a run longer than a whole line: cut it between characters
            queue[i : i + 1] = list(piece)
            continue
        current.append(piece)
        used += w
        i += 1
    if current:
        lines.append("".join(current))
    return lines


def char_space(line: str, natural: float, width: float) -> float:
    """Extra space between characters that makes ``line`` exactly ``width`` wide."""
    gaps = len(line) - 1
    if gaps <= 0 or natural >= width:
        return 0.0
    return (width - natural) / gaps
