"""Never keep a database open on a removable drive.

SQLite on a USB stick loses data when the stick is pulled in the middle of a write, and FAT
sticks handle its journal badly. When the app or the command line is pointed at a file on a
stick, it works on a local *working copy* in the data folder instead and writes it back (with
the snapshot routine: temporary name, flush, rename, check) when it closes. If writing back
fails, the working copy is kept and merged with the stick's file the next time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.store import Store

# Extra folders to treat as removable (os.pathsep-separated), for unusual setups and tests.
ROOTS_ENV = "STUDIO_DESK_REMOVABLE_ROOTS"
_LINUX_MEDIA = ("/media/", "/run/media/")
_REMOVABLE_FS = {"vfat", "exfat", "msdos", "fuseblk", "ntfs", "ntfs3", "udf", "iso9660"}


def _existing(path: Path) -> Path:
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    try:
        return path.resolve()
    except OSError:
        return path


def _under(path: Path, root: str) -> bool:
    try:
        path.relative_to(Path(root).resolve() if Path(root).exists() else Path(root))
        return True
    except ValueError:
        return False


def removable_reason(path: Path | str) -> str | None:
    """Why ``path`` is not a safe place to keep a database open, or None when it is local."""
    given = Path(os.path.abspath(path))
    resolved = _existing(given)
    for root in filter(None, os.environ.get(ROOTS_ENV, "").split(os.pathsep)):
        if _under(resolved, root) or _under(given, root):
            return "可移动磁盘（U盘）"
    if sys.platform == "win32":
        return _windows_reason(resolved)
    if sys.platform.startswith("linux"):
        if (str(given) + "/").startswith(_LINUX_MEDIA):
            return "可移动磁盘（U盘）"
        return _linux_reason(resolved)
    if sys.platform == "darwin" and str(resolved).startswith("/Volumes/"):
        return "外接磁盘"
    return None


def is_removable(path: Path | str) -> bool:
    return removable_reason(path) is not None


def _windows_reason(path: Path) -> str | None:
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if drive.startswith("\\\\"):
        return "网络共享文件夹"
    try:
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return {2: "可移动磁盘（U盘）", 4: "网络驱动器", 5: "光盘"}.get(kind)


def _linux_reason(path: Path) -> str | None:
    text = str(path) + "/"
    if text.startswith(_LINUX_MEDIA):
        return "可移动磁盘（U盘）"
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            mounts = [line.split()[:3] for line in fh if len(line.split()) >= 3]
    except OSError:
        return None
    best: list[str] | None = None
    for device, mount_point, fstype in mounts:
        mount_point = mount_point.replace("\\040", " ")
        if (text.startswith(mount_point.rstrip("/") + "/")) and (
            best is None or len(mount_point) > len(best[1])
        ):
            best = [device, mount_point, fstype]
    if best is None:
        return None
    device, mount_point, fstype = best
    if fstype in ("nfs", "nfs4", "cifs", "smb3", "sshfs", "fuse.sshfs"):
        return "网络共享文件夹"
    if device.startswith("/dev/"):
        name = Path(device).resolve().name
        sys_block = Path("/sys/class/block") / name
        try:
            real = sys_block.resolve()
            for candidate in (real / "removable", real.parent / "removable"):
                if candidate.exists() and candidate.read_text().strip() == "1":
                    return "可移动磁盘（U盘）"
            if "/usb" in str(real):
                return "USB 外接磁盘"
        except OSError:
            pass
    if mount_point.startswith("/mnt/") and fstype in _REMOVABLE_FS:
        return "可移动磁盘（U盘）"
    return None


# ---------------------------------------------------------------- working copies


def working_copy_path(origin: Path) -> Path:
    from studio_desk.paths import data_dir

    where = str(_existing(origin.parent) / origin.name)
    key = hashlib.sha1(where.encode("utf-8")).hexdigest()[:10]
    folder = data_dir() / "working"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{origin.stem}-{key}.sqlite"


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


class WorkingCopyStore(Store):
    """A store on a local copy of a file that lives on a stick; written back on close."""

    origin: Path
    _opened_hash: str

    @property
    def pending_marker(self) -> Path:
        return self.path.with_name(self.path.name + ".pending")

    def has_changes(self) -> bool:
        return _file_hash(self.path) != self._opened_hash

    def write_back(self, progress: Callable[[int, int, str], None] | None = None) -> bool:
        """Write the working copy back to the stick if it changed. Returns True if it wrote."""
        from studio_desk.core.snapshot import write_snapshot

        if not self.has_changes():
            return False
        try:
            write_snapshot(self, self.origin, overwrite=True, progress=progress)
        except StudioDeskError as exc:
            self.pending_marker.write_text(str(self.origin), encoding="utf-8")
            raise StudioDeskError(
                f"未能写回U盘上的“{self.origin}”：{exc}\n您的修改没有丢失，保存在本机的工作副本“{self.path}”中；"
                "下次打开U盘上的这个数据库时会自动合并进去。"
            ) from exc
        self._opened_hash = _file_hash(self.path)
        if self.pending_marker.exists():
            self.pending_marker.unlink()
        return True

    def close(self) -> None:
        try:
            self.write_back()
        finally:
            super().close()


def open_working_copy(origin: Path, *, create: bool = True, password: str | None = None) -> WorkingCopyStore:
    """Copy ``origin`` (on a stick) to the data folder and open the copy."""
    from studio_desk.core.snapshot import read_copy

    origin = Path(origin)
    local = working_copy_path(origin)
    pending = local.with_name(local.name + ".pending")
    fresh = local.with_name(local.name + ".incoming")
    if origin.exists() and origin.stat().st_size > 0:
        read_copy(origin, fresh, password=password)
    elif not create:
        raise StudioDeskError(f"找不到数据库文件“{origin}”。")
    if pending.exists() and local.exists():
        # Changes that could not be written back last time: merge the stick's file into them.
        store = cast(WorkingCopyStore, WorkingCopyStore.open(local, create=False))
        if fresh.exists():
            from studio_desk.core.sync import merge_file

            try:
                merge_file(store, fresh)
            finally:
                fresh.unlink()
        store.origin, store._opened_hash = origin, ""  # always write back
        return store
    if fresh.exists():
        os.replace(fresh, local)
    elif local.exists():
        local.unlink()  # a new database: start it empty, here
    store = cast(WorkingCopyStore, WorkingCopyStore.open(local, create=True))
    store.origin = origin
    store._opened_hash = _file_hash(local) if origin.exists() else ""
    return store


def open_database(
    path: Path | str,
    *,
    create: bool = True,
    notify: Callable[[str], None] | None = None,
) -> Store:
    """Open a database for work: directly when local, through a working copy on a stick."""
    path = Path(path)
    reason = removable_reason(path)
    if reason is None:
        return Store.open(path, create=create)
    if notify is not None:
        notify(
            f"提示：数据库“{path}”在{reason}上。为防止拔出时损坏数据，本次在本机的工作副本上操作，"
            "关闭时再安全地写回。"
        )
    return open_working_copy(path, create=create)


def discard_working_copy(origin: Path) -> None:
    """Forget a working copy (e.g. after the clerk chose to keep the stick's version)."""
    local = working_copy_path(origin)
    for suffix in ("", ".pending", ".incoming"):
        leftover = local.with_name(local.name + suffix)
        if leftover.exists():
            leftover.unlink()


def removable_roots() -> list[Path]:
    """Removable drives plugged in now (for suggesting where to copy to)."""
    roots: list[Path] = [Path(p) for p in os.environ.get(ROOTS_ENV, "").split(os.pathsep) if p]
    if sys.platform == "win32":
        import ctypes
        import string

        try:
            mask = ctypes.windll.kernel32.GetLogicalDrives()  # type: ignore[attr-defined]
            for i, letter in enumerate(string.ascii_uppercase):
                if mask & (1 << i) and ctypes.windll.kernel32.GetDriveTypeW(f"{letter}:\\") == 2:  # type: ignore[attr-defined]
                    roots.append(Path(f"{letter}:\\"))
        except (AttributeError, OSError):
            pass
    elif sys.platform.startswith("linux"):
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) >= 2:
                        mount_point = parts[1].replace("\\040", " ")
                        if (mount_point + "/").startswith(_LINUX_MEDIA):
                            roots.append(Path(mount_point))
        except OSError:
            pass
    elif sys.platform == "darwin":
        volumes = Path("/Volumes")
        if volumes.is_dir():
            roots += [p for p in volumes.iterdir() if p.is_dir() and not p.is_symlink()]
    return [r for r in dict.fromkeys(roots) if r.is_dir()]
