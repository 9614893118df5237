"""The compiled form modules must match their .ui files (regenerate: python -m studio_desk.ui.generated)."""

from __future__ import annotations

import os

import pytest

from studio_desk.ui.generated.__main__ import FORMS, compile_form, target_for, uic_path

# CI sets this: there the check must run, never be skipped for want of the compiler.
REQUIRED = os.environ.get("STUDIO_DESK_REQUIRE_UIC") == "1"


def _body(text: str) -> list[str]:
    # The uic version line differs between PySide6 releases; everything else must match.
    return [line for line in text.splitlines() if "Qt User Interface Compiler" not in line]


@pytest.mark.parametrize("ui_file", sorted(FORMS.glob("*.ui")), ids=lambda p: p.name)
def test_generated_module_is_current(ui_file):
    if uic_path() is None:
        if REQUIRED:
            pytest.fail("pyside6-uic not found beside the Python running the tests")
        pytest.skip("pyside6-uic not installed")
    target = target_for(ui_file)
    assert target.exists(), f"{target.name} missing: run python -m studio_desk.ui.generated"
    assert _body(target.read_text(encoding="utf-8")) == _body(compile_form(ui_file)), (
        f"{target.name} is stale: run python -m studio_desk.ui.generated"
    )


def test_every_generated_module_has_a_form():
    modules = {p.stem for p in target_for(FORMS / "x.ui").parent.glob("ui_*.py")}
    forms = {f"ui_{p.stem}" for p in FORMS.glob("*.ui")}
    assert modules == forms
