"""The clerk's manual (使用说明): one text, shown in the window and saved as a PDF.

``manual.md`` beside this module is the only source. It uses a small part of Markdown, enough
for a manual and nothing a clerk editing it could get wrong:

- ``# 标题`` the title (once), ``## 一、…`` a chapter, ``### （一）…`` a section; a chapter may
  end with ``{#name}``, the name the window uses to open it (F1 on a page opens its chapter);
- ``- …`` a bullet, ``1. …`` a numbered step;
- any other line is text; a blank line ends a paragraph.

:func:`manual_html` gives the window's page (QTextBrowser's HTML subset) and
:func:`manual_document` the same blocks for :mod:`studio_desk.exports.document`, so the PDF and
the window never disagree. No Qt here: the PDF is written the same way with or without a window.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from studio_desk.exports import document as d

if TYPE_CHECKING:
    from studio_desk.exports.doc_pdf import PdfResult

MANUAL_FILE = Path(__file__).with_name("manual.md")
MAX_MANUAL_BYTES = 1_000_000  # the manual is a few pages; anything larger is not the manual

_ANCHOR = re.compile(r"\s*\{#([A-Za-z][\w-]*)\}\s*$")
_STEP = re.compile(r"^(\d{1,2})[.．]\s*(.*)$")


@dataclass(frozen=True)
class Part:
    """One block of the manual: ``kind`` is title, chapter, section, text, bullet or step."""

    kind: str
    text: str
    anchor: str = ""
    number: int = 0  # a step's number


def read_manual(path: Path = MANUAL_FILE) -> str:
    with open(path, "rb") as fh:
        raw = fh.read(MAX_MANUAL_BYTES + 1)
    if len(raw) > MAX_MANUAL_BYTES:
        raise ValueError(f"{path.name} is larger than a manual can be")
    return raw.decode("utf-8")


def parse(text: str) -> list[Part]:
    parts: list[Part] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            parts.append(Part("text", "".join(paragraph)))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        step = _STEP.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            level, body = len(heading.group(1)), heading.group(2)
            anchor = _ANCHOR.search(body)
            title = _ANCHOR.sub("", body).strip()
            kind = ("title", "chapter", "section")[level - 1]
            parts.append(Part(kind, title, anchor.group(1) if anchor else ""))
        elif line.startswith("- "):
            flush()
            parts.append(Part("bullet", line[2:].strip()))
        elif step:
            flush()
            parts.append(Part("step", step.group(2).strip(), number=int(step.group(1))))
        else:
            # A Chinese paragraph broken over lines joins without spaces.
            paragraph.append(line)
    flush()
    return parts


def chapters(parts: list[Part]) -> list[tuple[str, str]]:
    """(anchor, title) of every chapter, in order (chapters without a name get one)."""
    return [(_anchor_of(p, i), p.text) for i, p in enumerate(parts) if p.kind == "chapter"]


def _anchor_of(part: Part, index: int) -> str:
    return part.anchor or f"part{index}"


def manual_title(parts: list[Part]) -> str:
    return next((p.text for p in parts if p.kind == "title"), "使用说明")


def manual_document(parts: list[Part] | None = None) -> d.Document:
    """The manual as a plain A4 document (the same blocks the window shows)."""
    parts = parse(read_manual()) if parts is None else parts
    blocks: list[d.Block] = []
    for part in parts:
        if part.kind == "title":
            blocks.append(d.Title(part.text))
        elif part.kind == "chapter":
            if blocks and not isinstance(blocks[-1], d.Title):
                blocks.append(d.Spacer(0.5))
            blocks.append(d.Heading(part.text, 1))
        elif part.kind == "section":
            blocks.append(d.Heading(part.text, 2))
        elif part.kind == "bullet":
            blocks.append(d.Paragraph("· " + part.text, indent=-1.0, left_indent=3.0))
        elif part.kind == "step":
            blocks.append(d.Paragraph(f"{part.number}．{part.text}", indent=-1.5, left_indent=3.5))
        else:
            blocks.append(d.Paragraph(part.text))
    title = manual_title(parts)
    return d.Document(blocks, setup=d.A4_FORM, title=title, author="委员工作室履职台账", subject="使用说明")


def write_manual_pdf(path: Path | str) -> PdfResult:
    """Save the manual as a PDF at ``path`` (through the one atomic writer: never over a database)."""
    return d.render_pdf(manual_document(), Path(path))


def manual_html(parts: list[Part] | None = None) -> str:
    """The manual as HTML for QTextBrowser: chapters carry their anchors, lists are lists."""
    parts = parse(read_manual()) if parts is None else parts
    out: list[str] = []
    open_list = ""
    for index, part in enumerate(parts):
        wanted = {"bullet": "ul", "step": "ol"}.get(part.kind, "")
        if open_list and open_list != wanted:
            out.append(f"</{open_list}>")
            open_list = ""
        if wanted and not open_list:
            start = f' start="{part.number}"' if wanted == "ol" else ""
            out.append(f"<{wanted}{start}>")
            open_list = wanted
        text = html.escape(part.text)
        if part.kind == "title":
            out.append(f"<h1>{text}</h1>")
        elif part.kind == "chapter":
            out.append(f'<h2><a name="{_anchor_of(part, index)}"></a>{text}</h2>')
        elif part.kind == "section":
            out.append(f"<h3>{text}</h3>")
        elif wanted:
            out.append(f"<li>{text}</li>")
        else:
            out.append(f"<p>{text}</p>")
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out)
