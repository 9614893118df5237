"""Text helpers: pinyin initials for search, search folding, timestamps."""

from __future__ import annotations

import functools
from datetime import datetime, timezone


@functools.lru_cache(maxsize=4096)
def pinyin_initials(text: str) -> str:
    """``刘刚`` → ``lg``; characters without pinyin are kept as they are (lower-cased)."""
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(parts).lower().replace(" ", "")


def fold(text: str) -> str:
    """The form both search text and queries take: lower case, no surrounding space."""
    return text.strip().lower()


def like_pattern(query: str) -> str:
    """A LIKE pattern matching ``query`` anywhere; escapes ``%``, ``_`` and ``\\``."""
    escaped = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
