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
_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});")


def xml_chunks(zf: zipfile.ZipFile, member: str, size: int = CHUNK, limit: int | None = None) -> Iterator[bytes]:
    """``member`` in pieces of about ``size`` that end just before a tag, so that every tag and
    (unless longer than a piece) every text between two tags is whole in one piece; at most
    ``limit`` bytes are unpacked."""
    read = 0
    with zf.open(member) as fh:
        tail = b""
        while limit is None or read < limit:
            chunk = fh.read(size)
            if not chunk:
                break
            read += len(chunk)
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut == 0 and data.find(b">") < 0:
                tail = data  # one tag, not closed yet
                continue
            if cut <= 0:
                cut = len(data)  # a text longer than a piece: cut (rare; the memory matters more)
            yield data[:cut]
            tail = data[cut:]
        if tail:
            yield tail


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
