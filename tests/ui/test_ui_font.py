"""The UI font: Microsoft YaHei UI where Windows has it, a CJK sans font elsewhere."""

from __future__ import annotations


def test_the_ui_font_is_microsoft_yahei_ui_where_present(qtbot):
    from studio_desk.ui.look import ui_font

    assert ui_font(["Arial", "Microsoft YaHei", "Microsoft YaHei UI"]).family() == "Microsoft YaHei UI"
    assert ui_font(["Arial", "Microsoft YaHei"]).family() == "Microsoft YaHei"
    assert ui_font(["Arial", "Noto Sans CJK SC"]).family() == "Noto Sans CJK SC"
    assert ui_font(["Arial"]) is None  # the platform's own font stays
