"""The county's rating criteria (星级评定标准): which key figures earn a star, from what threshold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio_desk.core.county import County
from studio_desk.core.county_figures import Criterion
from studio_desk.core.figures import AnnualFigures
from studio_desk.ui.wheel_guard import guard_wheel

# The figures a county rates studios by (a star each when reached).
CANDIDATES = (
    "activities_total",
    "member_participations",
    "public_participants",
    "receptions_total",
    "reception_people",
    "practical_help",
    "disputes_resolved",
    "outputs_total",
    "proposals_filed",
    "adopted_total",
    "instructions",
    "close_rate",
    "satisfaction_rate",
    "donation_events",
    "donation_total",
)


class RatingDialog(QDialog):
    def __init__(self, county: County, totals: AnnualFigures, parent: QWidget | None = None):
        super().__init__(parent)
        self.county = county
        self.setWindowTitle("星级评定标准")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("勾选用于评定的指标并设定门槛：工作室每达到一项得一星。比率按百分数，金额按元。"))
        grid = QGridLayout()
        current = {c.key: c.threshold for c in county.criteria()}
        figures = {kf.key: kf for _, items in totals.key_figures() for kf in items}
        self.rows: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        for row, key in enumerate(k for k in CANDIDATES if k in figures):
            figure = figures[key]
            check = QCheckBox(figure.label)
            check.setObjectName(f"use_{key}")
            check.setChecked(key in current)
            spin = QSpinBox()
            spin.setObjectName(f"threshold_{key}")
            spin.setRange(0, 100 if figure.kind == "rate" else 100_000_000)
            spin.setValue(current.get(key, 0))
            spin.setSuffix(" %" if figure.kind == "rate" else f" {figure.unit}")
            grid.addWidget(check, row, 0)
            grid.addWidget(QLabel("≥"), row, 1)
            grid.addWidget(spin, row, 2)
            self.rows[key] = (check, spin)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("buttons")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        guard_wheel(self)

    def accept(self) -> None:
        chosen = [Criterion(key, spin.value()) for key, (check, spin) in self.rows.items() if check.isChecked()]
        self.county.set_criteria(chosen)
        super().accept()


__all__ = ["RatingDialog"]
