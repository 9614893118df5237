"""One way to do each thing: nothing outside the store's own modules touches its private parts,
and no module writes a file but through the one atomic writer."""

from __future__ import annotations

import re
from pathlib import Path

import studio_desk
from studio_desk.core.store import Store

PACKAGE = Path(studio_desk.__file__).resolve().parent
ROOT = PACKAGE.parent


def _private_store_names() -> set[str]:
    names = set()
    for klass in Store.__mro__:
        if klass.__module__.startswith("studio_desk."):
            names |= {n for n in vars(klass) if n.startswith("_") and not n.startswith("__")}
    store = Store.__new__(Store)
    Store.__init__(store, None, Path("x"), "r")  # type: ignore[arg-type]
    names |= {n for n in vars(store) if n.startswith("_")}
    return names


def _sources() -> list[Path]:
    files = [*PACKAGE.rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    return [
        f for f in files
        if not (f.parent.name == "core" and f.name.startswith("store"))
        and "generated" not in f.parts
    ]


def test_no_module_outside_the_store_uses_its_private_names():
    names = _private_store_names()
    assert {"_write", "_archive", "_lock", "_type_cache", "_last_stamp", "_undo"} <= names
    pattern = re.compile(r"\b(\w+)\.(" + "|".join(sorted(map(re.escape, names))) + r")\b")
    found = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for receiver, name in pattern.findall(line):
                if receiver in ("self", "cls", "super"):
                    continue
                found.append(f"{path.relative_to(ROOT)}:{number}: {receiver}.{name}")
    assert found == []


def test_the_scan_would_see_a_reach_into_the_store(tmp_path: Path):
    names = _private_store_names()
    pattern = re.compile(r"\b(\w+)\.(" + "|".join(sorted(map(re.escape, names))) + r")\b")
    assert pattern.findall("    copy._write(mask_record(record))") == [("copy", "_write")]
    assert pattern.findall("    store._type_cache.clear()") == [("store", "_type_cache")]


def test_outputs_are_renamed_into_place_only_by_the_atomic_writer():
    """``os.replace`` puts a file under its final name: only ``core.files`` may do that (and the
    working copy, which moves a local copy it made itself)."""
    allowed = {PACKAGE / "core" / "files.py", PACKAGE / "core" / "removable.py"}
    found = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if path not in allowed and re.search(r"\bos\.replace\(|\.rename\(", path.read_text(encoding="utf-8"))
    ]
    assert found == []
