"""Never keep a database open on a removable drive.

SQLite on a USB stick loses data when the stick is pulled in the middle of a write, and FAT
sticks handle its journal badly. When the app or the command line is pointed at a file on a
stick, it works on a local *working copy* in the data folder instead and writes it back (with
the snapshot routine: temporary name, flush, rename, check) when it closes. If writing back
fails, the working copy is kept and merged with the stick's file the next time.
"""

from __future__ import annotations

import hashlib
import json
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


def _full_path(path: Path) -> Path:
    """``path`` with its existing part resolved and the rest kept: the same name whether or
    not the stick is plugged in right now."""
    probe = Path(os.path.abspath(path))
    missing: list[str] = []
    while not probe.exists() and probe.parent != probe:
        missing.insert(0, probe.name)
        probe = probe.parent
    return _existing(probe).joinpath(*missing)


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


def working_copy_path(origin: Path) -> Path:
    from studio_desk.paths import data_dir

    key = hashlib.sha1(str(_full_path(origin)).encode("utf-8")).hexdigest()[:10]
    folder = data_dir() / "working"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{origin.stem}-{key}.sqlite"


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def _marker(local: Path) -> Path:
    """Beside a working copy while it is open or not yet written back: where it came from and
    its hash when it was last equal to the stick's file. After a crash it says whether the
    working copy holds work the stick does not have."""
    return local.with_name(local.name + ".pending")


def _read_marker(local: Path) -> dict[str, str] | None:
    try:
        text = _marker(local).read_text(encoding="utf-8")
    except OSError:
        return None
    try:
        data = json.loads(text)
        return data if isinstance(data, dict) else {}
    except ValueError:
        return {"origin": text.strip()}  # older versions wrote only the origin: unsaved work


def _write_marker(local: Path, origin: Path, synced_hash: str) -> None:
    # Written in place: a torn marker reads as "unsaved work", the safe side.
    with open(_marker(local), "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"origin": str(origin), "synced": synced_hash}))
        fh.flush()
        os.fsync(fh.fileno())


class WorkingCopyStore(Store):
    """A store on a local copy of a file that lives on a stick; written back on close.

    Until it is written back, the working copy is the truth: a crash leaves its marker, and the
    next open merges the stick's file into it and writes it back — never the other way round.
    """

    origin: Path
    _synced_hash: str

    def attach(self, origin: Path, synced_hash: str) -> WorkingCopyStore:
        """Tie the copy to its stick's file; ``synced_hash`` is "" when it must be written back."""
        self.origin, self._synced_hash = origin, synced_hash
        _write_marker(self.path, origin, synced_hash)
        return self

    @property
    def pending_marker(self) -> Path:
        return _marker(self.path)

    def has_changes(self) -> bool:
        return _file_hash(self.path) != self._synced_hash

    def write_back(self, progress: Callable[[int, int, str], None] | None = None) -> bool:
        """Write the working copy back to the stick if it changed. Returns True if it wrote."""
        from studio_desk.core.snapshot import write_snapshot

        if not self.has_changes():
            return False
        try:
            write_snapshot(self, self.origin, overwrite=True, progress=progress)
        except StudioDeskError as exc:
            raise StudioDeskError(
                f"未能写回U盘上的“{self.origin}”：{exc}\n您的修改没有丢失，保存在本机的工作副本“{self.path}”中；"
                "下次打开U盘上的这个数据库时会自动合并进去。"
            ) from exc
        self._synced_hash = _file_hash(self.path)
        _write_marker(self.path, self.origin, self._synced_hash)
        return True

    def close(self) -> None:
        try:
            self.write_back()
        finally:
            super().close()
        self.pending_marker.unlink(missing_ok=True)  # written back: nothing pending

    def close_without_write_back(self) -> None:
        """Close and leave the working copy marked as pending (it is written back next time)."""
        Store.close(self)


def _unsaved_work(local: Path) -> bool:
    """A working copy left by a crash or a failed write-back, holding work the stick lacks."""
    marker = _read_marker(local)
    if marker is None or not local.exists():
        return False
    synced = marker.get("synced", "")
    return not synced or _file_hash(local) != synced


def open_working_copy(
    origin: Path,
    *,
    create: bool = True,
    password: str | None = None,
    notify: Callable[[str], None] | None = None,
) -> WorkingCopyStore:
    """Copy ``origin`` (on a stick) to the data folder and open the copy."""
    from studio_desk.core.snapshot import read_copy

    origin = Path(origin)
    local = working_copy_path(origin)
    fresh = local.with_name(local.name + ".incoming")
    fresh.unlink(missing_ok=True)
    unsaved = _unsaved_work(local)
    if origin.exists() and origin.stat().st_size > 0:
        read_copy(origin, fresh, password=password)
    elif unsaved:
        raise StudioDeskError(
            f"找不到U盘上的“{origin}”（U盘是否已插好？）。上次在本机工作副本“{local}”中的修改还没有写回U盘，"
            "它们没有丢失：插好U盘后再打开即可自动写回。"
        )
    elif not create:
        raise StudioDeskError(f"找不到数据库文件“{origin}”。")
    if unsaved:
        return _resume(origin, local, fresh, notify)
    if fresh.exists():
        os.replace(fresh, local)
    else:
        for leftover in (local, Path(str(local) + "-journal")):
            leftover.unlink(missing_ok=True)  # a new database: start it empty, here
    store = cast(WorkingCopyStore, WorkingCopyStore.open(local, create=True))
    return store.attach(origin, _file_hash(local) if origin.exists() else "")


def _resume(origin: Path, local: Path, fresh: Path, notify: Callable[[str], None] | None) -> WorkingCopyStore:
    """The working copy holds work the stick lacks: merge the stick's file into it (its own
    later changes, if any, come along) and write it back now."""
    from studio_desk.core.sync import merge_file

    store = cast(WorkingCopyStore, WorkingCopyStore.open(local, create=False))
    try:
        store.attach(origin, "")
        if fresh.exists():
            merge_file(store, fresh)
    except BaseException:
        store.close_without_write_back()
        raise
    finally:
        fresh.unlink(missing_ok=True)
    said = "现已合并并写回U盘" if _try_write_back(store, notify) else "现已合并，关闭时再写回"
    if notify is not None:
        notify(
            f"提示：上次在本机工作副本中对“{origin.name}”的修改还没有写回U盘（程序曾意外退出或U盘被拔出），"
            f"{said}，没有丢失任何数据。"
        )
    return store


def _try_write_back(store: WorkingCopyStore, notify: Callable[[str], None] | None) -> bool:
    try:
        store.write_back()
    except StudioDeskError as exc:
        if notify is not None:
            notify(f"提示：{exc}")
        return False
    return True


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
    return open_working_copy(path, create=create, notify=notify)


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
