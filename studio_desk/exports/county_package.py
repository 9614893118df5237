"""报送县政协: one zip (or folder) with the year's workbook, the PDF summary and, if chosen, a
copy of the database — citizens' personal data masked unless the clerk unticks it.

Everything is built in a local temporary folder first and only then written to the target
(zip: temporary name, flush, rename; folder: a hidden folder renamed into place), so a full or
pulled stick never leaves a half-made package under the final name.
"""

from __future__ import annotations

import errno
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.masking import write_masked_copy
from studio_desk.core.progress import ProgressFn, report
from studio_desk.core.store import Store

_MKDIR_WHY = {
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENOENT: "所在的磁盘或位置不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.ENAMETOOLONG: "名称太长",
}
_BAD_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class PackageResult:
    path: Path
    files: list[str]
    masked: bool
    warnings: list[str] = field(default_factory=list)
    created_folder: Path | None = None  # the folder named did not exist and was made for the package

    @property
    def message(self) -> str:
        what = "、".join(self.files)
        mask = "群众个人信息已隐去" if self.masked else "注意：未隐去群众个人信息"
        made = f"已新建文件夹“{self.created_folder}”。" if self.created_folder is not None else ""
        return f"{made}报送材料已生成：{self.path}（{what}；{mask}）。"


def package_name(store: Store, year: int) -> str:
    name = _BAD_CHARS.sub("", store.studio().name).strip() or "委员工作室"
    return f"{name}-{year}年度报送材料"


def _readme(store: Store, year: int, files: list[str], masked: bool) -> str:
    studio = store.studio()
    lines = [
        f"{studio.name} {year}年度报送材料",
        f"生成时间：{datetime.now():%Y-%m-%d %H:%M}",
        "",
        "内容：",
        *[f"  {name}" for name in files],
        "",
        "群众的姓名、电话、身份证号和住址已隐去。" if masked else "本材料包含群众的个人信息，请妥善保管。",
    ]
    return "\r\n".join(lines) + "\r\n"


def write_county_package(
    store: Store,
    year: int,
    folder: Path | str,
    *,
    mask_pii: bool = True,
    with_db: bool = False,
    as_zip: bool = True,
    progress: ProgressFn | None = None,
) -> PackageResult:
    """Write the package for ``year`` into ``folder`` (made if it is not there); returns what was written."""
    folder = Path(folder)
    name = package_name(store, year)
    final = folder / (name + ".zip" if as_zip else name)
    if final.exists():
        raise StudioDeskError(f"“{final}”已存在。为免覆盖，请先移走它或换一个文件夹。")
    created = _make_folder(folder)
    try:
        result = _write_package(store, year, name, final, mask_pii, with_db, as_zip, progress)
    except BaseException:
        if created is not None:
            _remove_if_empty(created)
        raise
    result.created_folder = created
    return result


def _make_folder(folder: Path) -> Path | None:
    """The folder the package goes into, made (with any missing parents) when it is not there;
    returns the topmost folder made, or None when it existed."""
    from studio_desk.core.files import OutputError

    if folder.is_dir():
        return None
    if folder.exists():
        raise StudioDeskError(f"“{folder}”是一个文件，不是文件夹。请选择一个文件夹。")
    top = folder
    while not top.parent.exists() and top.parent != top:
        top = top.parent
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        why = _MKDIR_WHY.get(exc.errno or 0, "系统错误")
        raise OutputError(
            f"无法新建文件夹“{folder}”（{why}）：请确认U盘或磁盘已插好、可以写入，或选择一个已有的文件夹。"
        ) from exc
    return top


def _remove_if_empty(top: Path) -> None:
    """Undo :func:`_make_folder` after a failed package: only folders left empty go."""
    for folder in sorted((p for p in top.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()
        except OSError:
            return
    try:
        top.rmdir()
    except OSError:
        pass


def _write_package(
    store: Store,
    year: int,
    name: str,
    final: Path,
    mask_pii: bool,
    with_db: bool,
    as_zip: bool,
    progress: ProgressFn | None,
) -> PackageResult:
    from studio_desk.core.files import atomic_output
    from studio_desk.exports.summary import write_summary
    from studio_desk.exports.workbook import write_workbook

    work = Path(tempfile.mkdtemp(prefix="studio-desk-package-"))
    try:
        content = work / name
        content.mkdir()
        files: list[str] = []
        total = 3 if with_db else 2

        def sub(step: int):
            def inner(done: int, all_: int, text: str) -> None:
                report(progress, step, total, text)

            return inner

        report(progress, 0, total, "正在生成 Excel 台账……")
        xlsx = f"{year}年度履职台账.xlsx"
        write_workbook(store, year, content / xlsx, mask_pii=mask_pii, progress=sub(0))
        files.append(xlsx)
        report(progress, 1, total, "正在生成 PDF 年度工作总结……")
        pdf = f"{year}年度工作总结.pdf"
        summary = write_summary(store, year, content / pdf, progress=sub(1))
        files.append(pdf)
        warnings = list(getattr(summary, "warnings", []) or [])
        if with_db:
            report(progress, 2, total, "正在生成数据库副本……")
            db = f"{year}年度数据库副本{'（已脱敏）' if mask_pii else ''}.sqlite"
            if mask_pii:
                write_masked_copy(store, content / db)
            else:
                store.backup_to(content / db)
            files.append(db)
        (content / "说明.txt").write_text(_readme(store, year, files, mask_pii), encoding="utf-8-sig")
        report(progress, total, total, "正在写入……")
        if as_zip:
            with atomic_output(final, overwrite=False) as part:
                with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
                    for path in sorted(content.iterdir()):
                        zf.write(path, f"{name}/{path.name}")
        else:
            with atomic_output(final, overwrite=False, folder=True) as part:
                shutil.copytree(content, part)
        from studio_desk.core.reporting import record_report

        record_report(store, year, [content / f for f in files], what="报送材料", masked=mask_pii)
        return PackageResult(final, files, mask_pii, warnings)
    finally:
        shutil.rmtree(work, ignore_errors=True)
