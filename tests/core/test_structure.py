"""The code stays readable in small pieces: no function over 80 lines, no module over 600, and no
``# ----`` banners (a module that needs banners to be read has a seam to split along).

Exempt: the modules generated from Qt Designer forms (``ui/generated``, rewritten by ``pyside6-uic``)
and the schema's migration steps (a released step is never edited, so it is never split either)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import studio_desk
from studio_desk.core.schema import MIGRATIONS

PACKAGE = Path(studio_desk.__file__).resolve().parent
ROOT = PACKAGE.parent
MAX_FUNCTION_LINES = 80
MAX_MODULE_LINES = 600
BANNER = re.compile(r"^\s*#\s*[-=]{3,}")
MIGRATION_STEPS = {(PACKAGE / "core" / "schema.py", step.__name__) for _version, step in MIGRATIONS}


def _sources() -> list[Path]:
    folders = (PACKAGE, ROOT / "tests", ROOT / "bench", ROOT / "scripts")
    files = [f for folder in folders if folder.is_dir() for f in folder.rglob("*.py")]
    return sorted(f for f in files if "generated" not in f.relative_to(ROOT).parts)


def long_functions(path: Path, text: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_FUNCTION_LINES and (path, node.name) not in MIGRATION_STEPS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} has {lines} lines")
    return found


def banners(path: Path, text: str) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:40]}"
        for number, line in enumerate(text.splitlines(), 1)
        if BANNER.match(line)
    ]


def long_module(path: Path, text: str) -> list[str]:
    lines = len(text.splitlines())
    return [f"{path.relative_to(ROOT)}: {lines} lines"] if lines > MAX_MODULE_LINES else []


def test_the_scan_reads_the_whole_project():
    files = _sources()
    assert PACKAGE / "ui" / "ledger_page.py" in files and Path(__file__).resolve() in files
    assert ROOT / "bench" / "run_all.py" in files and ROOT / "scripts" / "dev.py" in files
    assert not any("generated" in f.parts for f in files)
    assert (PACKAGE / "core" / "schema.py", "_v1_initial") in MIGRATION_STEPS


def test_no_function_is_over_80_lines():
    found = [hit for path in _sources() for hit in long_functions(path, path.read_text(encoding="utf-8"))]
    assert found == []


def test_no_module_is_over_600_lines():
    found = [hit for path in _sources() for hit in long_module(path, path.read_text(encoding="utf-8"))]
    assert found == []


def test_no_banner_comments():
    found = [hit for path in _sources() for hit in banners(path, path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_checks_would_see_a_long_function_and_a_banner():
    path = ROOT / "studio_desk" / "example.py"
    body = "\n".join(f"        x{i} = {i}" for i in range(79))
    assert long_functions(path, f"class A:\n    def full(self):\n{body}\n") == []  # 80 lines
    assert long_functions(path, f"class A:\n    def long(self):\n{body}\n        pass\n") == [
        "studio_desk/example.py:2: long has 81 lines"
    ]
    assert long_module(path, "x = 1\n" * 600) == []
    assert long_module(path, "x = 1\n" * 601) == ["studio_desk/example.py: 601 lines"]
    schema = PACKAGE / "core" / "schema.py"
    assert long_functions(schema, f"class A:\n    def _v1_initial(conn):\n{body}\n        pass\n") == []
    assert banners(path, "x = 1\n    # ---------------- loading\n# --- saving\n# a - b\n# -- c\n") == [
        "studio_desk/example.py:2: # ---------------- loading",
        "studio_desk/example.py:3: # --- saving",
    ]
