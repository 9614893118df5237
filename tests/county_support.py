"""Three studios for the county tests: demo databases from different seeds, each with its own
name, and their masked copies (what a studio's package carries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studio_desk.core.demo import generate
from studio_desk.core.store import Store
from studio_desk.core.masking import write_masked_copy

COUNTY_TODAY = date(2026, 11, 21)
STUDIOS = (("城关镇委员工作室", 11), ("经济界委员工作室", 12), ("教育界委员工作室", 13))


@dataclass(frozen=True)
class StudioFiles:
    name: str
    database: Path  # the studio's own database
    masked: Path  # the masked copy its package carries


def build_studios(folder: Path) -> list[StudioFiles]:
    out = []
    for index, (name, seed) in enumerate(STUDIOS):
        database = folder / f"studio{index}.sqlite"
        with Store.open(database, replica_id=f"studio-{index}") as store:
            generate(store, today=COUNTY_TODAY, seed=seed)
            studio = store.studio()
            studio.name = name
            studio.county = "青溪县政协"
            store.save_studio(studio)
            masked = folder / f"{name}-2026年度数据库副本（已脱敏）.sqlite"
            write_masked_copy(store, masked)
        out.append(StudioFiles(name, database, masked))
    return out
