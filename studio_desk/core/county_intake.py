"""Reading a studio's package for the county: find its database copy and check it.

A package is what a studio's 报送县政协 writes (a zip or a folder holding the year's workbook, the
PDF summary and, if ticked, the masked database copy), or the copy alone, or the workbook alone.
The database copy is used when there is one, else the workbook. The file is always taken into a
local temporary folder first: the studio's own file (perhaps on a stick) is never opened for
writing, and an older copy is migrated there, not in place.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from studio_desk.core.db import hot_journal
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.files import error_message

# A copy bigger than this is no studio's package (ten busy years are about 200 MB).
MAX_COPY_BYTES = 2 * 1024**3
_YEAR = re.compile(r"((?:19|20)\d{2})年度")
_DB_SUFFIXES = (".sqlite", ".db", ".sqlite3")


def quote(text: str) -> str:
    """A studio's or a file's name in a message: ``“城关镇委员工作室”``; a name that holds quotation
    marks itself (``青溪县政协“同心”委员工作室``) in corner brackets, so quotes never nest."""
    if any(mark in text for mark in "“”「」"):
        return f"「{text}」"
    return f"“{text}”"


class PackageError(StudioDeskError):
    """The package cannot be added; the message names the package and says why."""


@dataclass(frozen=True)
class PackageCopy:
    """The database copy of a package, taken into a local temporary file."""

    source: Path  # what the clerk chose
    path: Path  # the local copy
    inner_name: str  # the copy's own file name in the package
    declared_year: int | None  # the year the package says it is for (its name: ``2025年度…``)
    workbook: bool = False  # the package holds Excel ledgers only, no database copy


def declared_year(*names: str) -> int | None:
    for name in names:
        match = _YEAR.search(name)
        if match:
            return int(match.group(1))
    return None


def _is_db(name: str) -> bool:
    return name.lower().endswith(_DB_SUFFIXES)


def _is_workbook(name: str) -> bool:
    return name.lower().endswith((".xlsx", ".xlsm"))


def only_workbook(source: Path) -> PackageError:
    return PackageError(
        f"{quote(source.name)}里只有 Excel 台账，没有数据库副本，无法汇总。请工作室在“报送县政协”时"
        "勾选“附数据库副本”后重新报送。"
    )


def _choose(source: Path, names: list[str]) -> tuple[str, bool]:
    """The package's database copy, else its one workbook: ``(name, is_workbook)``."""
    found = [n for n in names if _is_db(n)]
    if len(found) > 1:
        listed = "、".join(Path(n).name for n in found[:5])
        raise PackageError(f"{quote(source.name)}里有不止一个数据库文件（{listed}），无法确定是哪一个。请分开添加。")
    if found:
        return found[0], False
    workbooks = [n for n in names if _is_workbook(n) and not Path(n).name.startswith(("~$", "."))]
    if len(workbooks) > 1:
        listed = "、".join(Path(n).name for n in workbooks[:5])
        raise PackageError(
            f"{quote(source.name)}里没有数据库副本，Excel 台账又不止一个（{listed}），无法确定是哪一个。请分开添加。"
        )
    if workbooks:
        return workbooks[0], True
    raise PackageError(f"{quote(source.name)}里没有工作室的数据库副本或 Excel 台账，不是报送材料包。")


def _target(workdir: Path, workbook: bool) -> Path:
    return workdir / ("ledgers.xlsx" if workbook else "studio.sqlite")


def _from_zip(source: Path, workdir: Path) -> PackageCopy:
    try:
        with zipfile.ZipFile(source) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            chosen, workbook = _choose(source, [i.filename for i in infos])
            target = _target(workdir, workbook)
            info = zf.getinfo(chosen)
            what = "Excel 台账" if workbook else "数据库副本"
            if info.file_size > MAX_COPY_BYTES:
                raise PackageError(f"{quote(source.name)}里的{what}过大（{info.file_size:,} 字节），不是工作室的报送材料。")
            with zf.open(info) as src, open(target, "wb") as dst:
                copied = 0
                # The size a zip states can lie: count what actually comes out.
                while block := src.read(1024 * 1024):
                    copied += len(block)
                    if copied > MAX_COPY_BYTES:
                        raise PackageError(f"{quote(source.name)}里的{what}过大，不是工作室的报送材料。")
                    dst.write(block)
    except zipfile.BadZipFile as exc:
        raise PackageError(f"{quote(source.name)}不是完好的 zip 压缩包（可能没有复制完整）。") from exc
    except OSError as exc:
        raise PackageError(error_message(exc, source)) from exc
    inner = Path(chosen).name
    return PackageCopy(source, target, inner, declared_year(inner, source.name), workbook)


def _from_folder(source: Path, workdir: Path, shown: Path | None = None) -> PackageCopy:
    files = [p for p in source.iterdir() if p.is_file()]
    if not any(_is_db(p.name) or _is_workbook(p.name) for p in files):
        # A folder holding the package's own folder (as an unpacked zip is).
        inner = [p for p in source.iterdir() if p.is_dir()]
        if len(inner) == 1:
            return _from_folder(inner[0], workdir, shown or source)
    chosen, workbook = _choose(shown or source, [p.name for p in files])
    path = source / chosen
    target = _target(workdir, workbook)
    _copy_file(path, target)
    return PackageCopy(shown or source, target, path.name, declared_year(path.name, source.name), workbook)


def _copy_file(path: Path, target: Path) -> None:
    if _is_db(path.name) and hot_journal(path) is not None:
        raise PackageError(
            f"{quote(path.name)}旁有未完成的事务日志，说明它还在被使用或上次没有正常关闭。"
            "请用工作室“报送县政协”生成的副本。"
        )
    if path.stat().st_size > MAX_COPY_BYTES:
        raise PackageError(f"{quote(path.name)}过大（{path.stat().st_size:,} 字节），不是工作室的报送材料。")
    try:
        shutil.copyfile(path, target)
    except OSError as exc:
        raise PackageError(error_message(exc, path)) from exc


def take_copy(source: Path | str, workdir: Path) -> PackageCopy:
    """Find the package's database copy (else its workbook) and copy it into ``workdir``."""
    source = Path(source)
    if not source.exists():
        raise PackageError(f"找不到{quote(str(source))}。")
    if source.is_dir():
        return _from_folder(source, workdir)
    if zipfile.is_zipfile(source) and not _is_workbook(source.name):
        return _from_zip(source, workdir)
    workbook = _is_workbook(source.name)
    target = _target(workdir, workbook)
    _copy_file(source, target)
    return PackageCopy(source, target, source.name, declared_year(source.name), workbook)


__all__ = ["PackageCopy", "PackageError", "declared_year", "only_workbook", "quote", "take_copy"]
