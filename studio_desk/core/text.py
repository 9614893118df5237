"""Text helpers: pinyin initials for search, search folding, timestamps."""

from __future__ import annotations

import functools
import time
from datetime import datetime, timedelta


@functools.lru_cache(maxsize=4096)
def pinyin_initials(text: str) -> str:
    """``刘刚`` → ``lg``; characters without pinyin are kept as they are (lower-cased).

    What pypinyin's ``lazy_pinyin`` gives for the whole text, word by word: the text is cut into
    words as it cuts them, and each word's letters are remembered. An import of thousands of
    citizens' names then looks up the same few thousand words instead of converting every
    character again (about 35 µs a name)."""
    parts = [_word_initials(word) for word in _segmenter().seg(text)]
    return "".join(parts).lower().replace(" ", "")


@functools.lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    from pypinyin.core import Pinyin

    return Pinyin()


@functools.lru_cache(maxsize=65536)
def _word_initials(word: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER, errors="default"))


def fold(text: str) -> str:
    """The form both search text and queries take: lower case, no surrounding space."""
    return text.strip().lower()


def like_pattern(query: str) -> str:
    """A LIKE pattern matching ``query`` anywhere; escapes ``%``, ``_`` and ``\\``."""
    escaped = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_second: tuple[int, str] = (-1, "")  # the last second formatted, and its text up to the microseconds


def utc_now() -> str:
    """``2026-12-01T09:03:56.819735Z``. Every saved version takes one: a batch of thousands
    formats the date and time once a second and only the microseconds for each."""
    global _second
    seconds, micro = divmod(time.time_ns() // 1000, 1_000_000)
    known, prefix = _second
    if known != seconds:
        prefix = time.strftime("%Y-%m-%dT%H:%M:%S.", time.gmtime(seconds))
        _second = (seconds, prefix)
    return f"{prefix}{micro:06d}Z"


def stamp_after(stamp: str) -> str:
    """The timestamp one microsecond after ``stamp`` (a ``utc_now`` text)."""
    if len(stamp) == 27 and stamp[19] == "." and stamp[20:26].isdigit() and stamp[20:26] != "999999":
        return f"{stamp[:20]}{int(stamp[20:26]) + 1:06d}Z"
    return (datetime.strptime(stamp, STAMP_FORMAT) + timedelta(microseconds=1)).strftime(STAMP_FORMAT)
