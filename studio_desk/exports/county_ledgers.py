"""Adding studios' packages to the county, the Excel ledgers of a studio that sends no database copy
included: the workbook is read by the ledger import (only read) into the empty temporary database
the county hands over, and the county computes its figures there by the same core code as for a
database copy. Every caller adds packages through :func:`add_package`.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from studio_desk.core.county import AddResult, County
from studio_desk.core.county_intake import PackageError, quote
from studio_desk.core.county_read import WorkbookFacts
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.progress import ProgressFn
from studio_desk.core.store import Store

MAX_PROBLEMS_SHOWN = 5
_MODIFIED = re.compile(r"<dcterms:modified[^>]*>([^<]{10,40})</dcterms:modified>")


def _saved_at(path: Path, fallback: Path) -> str:
    """When the workbook was written (its document properties), as the records' times are written;
    the package file's own time when the workbook does not say."""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("docProps/core.xml") as fh:
            found = _MODIFIED.search(fh.read(64 * 1024).decode("utf-8", errors="replace"))
        if found:
            stamp = datetime.fromisoformat(found.group(1).strip().replace("Z", "+00:00"))
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=timezone.utc)
            return stamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        pass
    stamp = datetime.fromtimestamp(fallback.stat().st_mtime, timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def workbook_reader(source: Path):  # type: ignore[no-untyped-def]
    """The reader of ``source``'s workbook for :meth:`County.add_package` (messages name ``source``)."""

    def read(path: Path, store: Store, progress: ProgressFn | None) -> WorkbookFacts:
        from studio_desk.exports.ledger_import import apply_plan, read_ledgers

        try:
            plan = read_ledgers(store, path, add_unknown_members=True, allow_masked=True)
        except StudioDeskError as exc:
            text = str(exc).replace(str(path), source.name).replace(path.name, source.name)
            raise PackageError(f"{quote(source.name)}无法汇总：{text}") from exc
        if plan.problems:
            shown = "；".join(p.text() for p in plan.problems[:MAX_PROBLEMS_SHOWN])
            more = f"等 {len(plan.problems)} 处" if len(plan.problems) > MAX_PROBLEMS_SHOWN else ""
            raise PackageError(f"{quote(source.name)}中的台账有问题，无法汇总：{shown}{more}。未作改动。")
        apply_plan(store, plan, backup_dir=path.parent)
        return WorkbookFacts(plan.database_identity or None, _saved_at(path, source))

    return read


def add_package(county: County, source: Path | str, progress: ProgressFn | None = None) -> AddResult:
    """Add a studio's package (zip, folder, database copy or workbook) to ``county``: all or nothing."""
    source = Path(source)
    return county.add_package(source, progress, read_workbook=workbook_reader(source))


__all__ = ["add_package", "workbook_reader"]
