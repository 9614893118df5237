"""Logging to a file in the data folder; unexpected errors are written there, never shown raw."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

_configured: Path | None = None


def setup_logging() -> Path:
    """Log to ``<data folder>/logs/studio-desk.log`` (rotated). Returns the log file."""
    global _configured
    from studio_desk.paths import logs_dir

    path = logs_dir() / "studio-desk.log"
    if _configured == path:
        return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "_studio_desk", False)]:
        root.removeHandler(old)
    handler._studio_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _configured = path
    return path


def log_unexpected(exc: BaseException, context: str) -> Path:
    """Write the traceback of an unexpected error to the log; return the log file's path."""
    try:
        path = setup_logging()
    except OSError:
        return Path("studio-desk.log")
    logging.getLogger("studio_desk").error("%s", context, exc_info=exc)
    return path
