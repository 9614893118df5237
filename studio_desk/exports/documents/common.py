"""What every printed document shares: the studio's name, the plain A4 form setup, writing the
PDF and the .docx from the one document, and refusing to write over a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store
from studio_desk.exports import document as d

WEEKDAYS = "一二三四五六日"
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass
class Written:
    """The files one document was written to, and what to tell the clerk."""

    paths: list[Path] = field(default_factory=list)
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def studio_name(store: Store) -> str:
    return store.studio().name.strip() or "委员工作室"


def day_text(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def weekday(day: date) -> str:
    return f"星期{WEEKDAYS[day.weekday()]}"


def heading_line(store: Store) -> d.Paragraph:
    """The studio's name above a document's title (the house style puts it on every document)."""
    return d.Paragraph(studio_name(store), indent=0, align="centre", role="hei", size=14)


def form_document(store: Store, title: str, blocks: list[d.Block], subject: str = "") -> d.Document:
    return d.Document(blocks, setup=d.A4_FORM, title=title, author=studio_name(store), subject=subject or title)


def check_target(path: Path) -> None:
    """A document never replaces a database, its journal or a backup (a mistyped name)."""
    path = Path(path)
    if not path.parent.exists():
        raise StudioDeskError(f"文件夹“{path.parent}”不存在。")
    if path.suffix.lower() in (".sqlite", ".db", ".sqlite3") or path.name.endswith("-journal"):
        raise StudioDeskError(f"“{path.name}”像是数据库文件的名字，为免覆盖数据，请换一个文件名。")
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError:
            head = b""
        if head == _SQLITE_MAGIC:
            raise StudioDeskError(f"“{path.name}”是一个数据库文件，不能用文档覆盖它。")


def write(doc: d.Document, pdf: Path | None, docx: Path | None = None) -> Written:
    out = Written()
    for target in (pdf, docx):
        if target is not None:
            check_target(target)
    if pdf is not None:
        result = d.render_pdf(doc, pdf)
        out.paths.append(Path(pdf))
        out.pages = result.pages
        out.warnings += list(result.warnings)
    if docx is not None:
        out.paths.append(Path(d.render_docx(doc, docx)))
    return out
