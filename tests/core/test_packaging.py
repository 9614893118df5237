"""An installed copy (``pip install .``, not editable) finds its resources and templates, and
does not carry the Designer sources of the forms (their generated code is what runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_installed_package_finds_its_assets(tmp_path: Path):
    code = (
        "import studio_desk, studio_desk.paths as p\n"
        "print(studio_desk.__file__)\n"
        "for name in ('resources', 'reports'):\n"
        "    print(p.asset_path(name))\n"
    )
    # -I: ignore PYTHONPATH and the current folder, so only an installed copy can be imported.
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path)
    if "No module named 'studio_desk'" in result.stderr:
        pytest.skip("studio-desk is not installed in this environment (run via scripts/dev.py test)")
    assert result.returncode == 0, result.stderr
    package_file, *assets = result.stdout.splitlines()
    assert "site-packages" in package_file
    for asset in assets:
        assert "_data" in asset and Path(asset).is_dir(), asset
        assert any(Path(asset).iterdir())
    assert not (Path(package_file).parent / "_data" / "forms").exists()
