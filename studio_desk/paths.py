"""Where things live: the data folder, the default database, logs, and bundled assets."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from studio_desk import APP_NAME

DB_FILENAME = "studio-desk.sqlite"


def data_dir() -> Path:
    """The user's data folder (created if missing). ``STUDIO_DESK_HOME`` overrides it."""
    override = os.environ.get("STUDIO_DESK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    _make_folder(path)
    return path


def _make_folder(path: Path) -> None:
    from studio_desk.core.errors import StudioDeskError

    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StudioDeskError(
            f"无法创建数据文件夹“{path}”：{_why(exc)}。请检查磁盘和文件夹权限。"
        ) from exc


def _why(exc: OSError) -> str:
    import errno

    return {
        errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.EROFS: "磁盘是只读的",
        errno.ENOSPC: "磁盘空间不足", errno.ENOTDIR: "路径中有一部分不是文件夹", errno.EEXIST: "同名的文件已存在",
    }.get(exc.errno or 0, f"系统错误 {exc.errno}")


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir() -> Path:
    path = data_dir() / "backups"
    _make_folder(path)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    _make_folder(path)
    return path


def asset_path(*parts: str) -> Path:
    """Find a bundled asset (``resources/…``, ``reports/…``; the forms run as generated code).

    Works from the source tree, from an installed wheel (assets under ``studio_desk/_data``)
    and inside a PyInstaller bundle (``sys._MEIPASS``).
    """
    rel = Path(*parts)
    package_dir = Path(__file__).resolve().parent
    candidates = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        candidates.append(Path(meipass) / rel)
    candidates.append(package_dir / "_data" / rel)
    candidates.append(package_dir.parent / rel)
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"找不到程序资源文件：{rel}")
