"""Reading the XML parts of an Office file (a zip) without parsing them: in pieces, bounded.

The workbook import and the masked-copy check both look for a few things in sheet XML that can
be tens of MB; they read it in pieces that never cut a tag in two and search the bytes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from xml.sax.saxutils import unescape

CHUNK = 4 << 20
MAX_TAG = 64 << 20  # no spreadsheet writes a tag this long
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});")


def xml_chunks(zf: zipfile.ZipFile, member: str, size: int = CHUNK, limit: int | None = None) -> Iterator[bytes]:
    """``member`` in pieces of about ``size`` that end just before a tag, so that every tag and
    (unless longer than a piece) every text between two tags is whole in one piece, and a start
    tag is in the piece of its first child; at most ``limit`` bytes are unpacked."""
    read = 0
    with zf.open(member) as fh:
        tail = b""
        while limit is None or read < limit:
            chunk = fh.read(size)
            if not chunk:
                break
            read += len(chunk)
            data = tail + chunk
            last = data.rfind(b"<")
            cut = _with_parent(data, last) if last > 0 else min(last, 0)
            if last < 0:
                cut = len(data)  # text only: a text longer than a piece is cut
            elif cut == 0:
                closed = data.find(b">", last)
                if closed < 0 and len(data) > MAX_TAG:
                    raise ValueError(f"{member}: a tag longer than {MAX_TAG} bytes")
                if closed < 0 or closed == len(data) - 1 or len(data) < 4 * size:
                    tail = data  # a tag not closed yet, or not followed by anything yet: read on
                    continue
                cut = len(data)  # a tag (and its child) and a text longer than four pieces: the text is cut
            yield data[:cut]
            tail = data[cut:]
        if tail:
            yield tail


def _with_parent(data: bytes, cut: int) -> int:
    """Where to cut before the tag at ``cut``: before the start tag just in front of it instead,
    if there is one, so that a start tag stays with its first child (a cell with its formula)."""
    end = cut
    while end > 0 and data[end - 1] in b" \t\r\n":
        end -= 1
    if end < 2 or data[end - 1] != 0x3E or data[end - 2] == 0x2F:  # not after ">", or after "/>"
        return cut
    start = data.rfind(b"<", 0, end - 1)
    if start < 0 or data[start + 1] in b"/?!":
        return cut
    return start


def xml_text(raw: bytes | str) -> str:
    """The text an XML attribute or element stands for (entities and character references replaced)."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if "&" not in text:
        return text

    def char(match: re.Match[str]) -> str:
        code = match[1]
        number = int(code[1:], 16) if code[0] == "x" else int(code)
        return chr(number) if number <= 0x10FFFF else match[0]

    return unescape(_CHAR_REF.sub(char, text), {"&quot;": '"', "&apos;": "'"})


def xml_forms(text: str) -> tuple[bytes, bytes]:
    """How ``text`` can stand in XML: as UTF-8, or as decimal character references (``&#24050;``,
    as this app's own writer puts Chinese into sheet XML)."""
    return text.encode("utf-8"), "".join(f"&#{ord(ch)};" for ch in text).encode("ascii")
