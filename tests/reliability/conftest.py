"""Fixtures for fault tests: tiny and read-only filesystems (tmpfs, needs root; skipped otherwise)."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def mount_tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    mounted: list[Path] = []

    def make(size_kb: int) -> Path:
        point = tmp_path / f"盘 {uuid.uuid4().hex[:6]}"
        point.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point)],
            capture_output=True,
        )
        if result.returncode != 0:
            pytest.skip("cannot mount a test filesystem here (needs root)")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def remount_readonly(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
