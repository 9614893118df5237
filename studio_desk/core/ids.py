"""Record ids: random UUIDs, always stored in one spelling.

A 记录编号 may come back from a workbook or another program written without dashes, in braces,
in capitals or with a ``urn:uuid:`` prefix; it is the same record and must match it, so every
id is brought to the one spelling (lower case, with dashes) before it is looked up or stored.
"""

from __future__ import annotations

import os
import re
import uuid

_SPACES = re.compile(r"\s+")
ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # the one spelling
_CANONICAL = re.compile(ID_PATTERN)


def random_id() -> str:
    """A new random id (a version 4 UUID) in the one spelling: ``str(uuid.uuid4())``, written out
    directly (an import makes one per record it writes, and ``uuid.UUID`` takes twice as long)."""
    h = os.urandom(16).hex()
    # The version (4) in the 13th digit, the variant (10xx) in the 17th, as uuid4 sets them.
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


_VARIANT = "89ab"


def canonical_id(text: object) -> str | None:
    """``str(uuid)`` for any usual spelling of a UUID, or None when ``text`` is not one."""
    if isinstance(text, uuid.UUID):
        return str(text)
    if not isinstance(text, str):
        return None
    if _CANONICAL.fullmatch(text):
        return text  # already in the one spelling (most ids): no UUID to build
    value = _SPACES.sub("", text)
    if value[:9].lower() == "urn:uuid:":
        value = value[9:]
    if value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    if len(value) not in (32, 36):
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


__all__ = ["ID_PATTERN", "canonical_id", "random_id"]
