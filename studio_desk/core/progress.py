"""How long operations report progress and learn they were cancelled.

A long core operation takes ``progress: ProgressFn | None`` and calls
``progress(done, total, text)`` now and then; the caller's function raises :class:`Cancelled`
to stop it. Operations must leave everything as it was when cancelled (one transaction,
temporary files removed).
"""

from __future__ import annotations

from collections.abc import Callable

from studio_desk.core.errors import StudioDeskError

ProgressFn = Callable[[int, int, str], None]


class Cancelled(StudioDeskError):
    def __init__(self, message: str = "操作已取消，数据保持原样。"):
        super().__init__(message)


def report(progress: ProgressFn | None, done: int, total: int, text: str = "") -> None:
    if progress is not None:
        progress(done, total, text)
