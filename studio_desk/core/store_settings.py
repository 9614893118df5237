"""The studio's own settings kept in the file: 工作室信息, type lists, yearly texts, 积分 weights.

A mixin of :class:`~studio_desk.core.store.Store`; every value is an ordinary versioned record
with a stable id, so two copies that both set it merge like any other record.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypeVar

from studio_desk.core import codec
from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import (
    RECORD_TYPES,
    Narrative,
    Record,
    Setting,
    Studio,
    TypeEntry,
    fields_of,
    list_values_of,
    stable_id,
)
from studio_desk.core.points import DEFAULT_POINT_WEIGHTS, POINT_WEIGHT_LABELS

R = TypeVar("R", bound=Record)


class StudioSettings:
    if TYPE_CHECKING:  # provided by Store

        def find(self, cls: type[R], record_id: str) -> R | None: ...

        def get(self, cls: type[R], record_id: str, *, include_deleted: bool = True) -> R: ...

        def save(self, record: R, *, check: bool = True, reason: str = "") -> R: ...

        def delete(self, cls: type[R], record_id: str) -> R: ...

        def type_values(self, list_name: str) -> list[str]: ...

        def list_records(self, cls: type[R], **query: Any) -> list[R]: ...

    def studio(self) -> Studio:
        return self.get(Studio, Studio.SINGLETON_ID)

    def save_studio(self, studio: Studio) -> Studio:
        if studio.id != Studio.SINGLETON_ID:
            studio = codec.copy_record(studio, id=Studio.SINGLETON_ID)
        return self.save(studio)

    def add_type(self, list_name: str, value: str) -> TypeEntry:
        """Add a value to a type list (or bring back a deleted one)."""
        value = value.strip()
        entry_id = stable_id("type", list_name, value)
        existing = self.find(TypeEntry, entry_id)
        if existing is not None and not existing.deleted:
            return existing
        position = len(self.type_values(list_name))
        entry = TypeEntry(id=entry_id, list_name=list_name, value=value, position=position)
        if existing is not None:
            entry = codec.copy_record(existing, deleted=False, position=position)
        return self.save(entry)

    def add_new_list_values(self, record: Record, before: Record | None = None) -> list[str]:
        """Add to their lists the type-list values ``record`` names that ``before`` (the version
        it replaces) did not and the list lacks: a 界别 typed into a form joins the list as an
        import's does. A value kept from ``before`` and since removed from its list stays out.
        Returns what was added; call it in the transaction that saves ``record``."""
        known = list_values_of(before) if before is not None else {}
        added = []
        for list_name, values in list_values_of(record).items():
            for value in values:
                if value not in known.get(list_name, []) and value not in self.type_values(list_name):
                    self.add_type(list_name, value)
                    added.append(value)
        return added

    def add_values_in_use(self, list_name: str) -> None:
        """Every value the stored records name for ``list_name`` joins it (after an upgrade that
        made a free text a list: no stored value becomes invalid)."""
        for cls in RECORD_TYPES:
            if not any(f.type_list == list_name for f in fields_of(cls)):
                continue
            for record in self.list_records(cls, include_deleted=True):
                for value in list_values_of(record).get(list_name, []):
                    if value not in self.type_values(list_name):
                        self.add_type(list_name, value)

    def remove_type(self, list_name: str, value: str) -> None:
        self.delete(TypeEntry, stable_id("type", list_name, value))

    def narrative(self, year: int, section: str) -> str:
        found = self.find(Narrative, stable_id("narrative", year, section))
        return found.text if found and not found.deleted else ""

    def set_narrative(self, year: int, section: str, text: str) -> Narrative:
        return self.save(
            Narrative(
                id=stable_id("narrative", year, section), year_no=year, section=section, text=text
            )
        )

    def setting(self, key: str, default: Any = None) -> Any:
        found = self.find(Setting, stable_id("setting", key))
        if found is None or found.deleted or not found.value_json:
            return default
        return json.loads(found.value_json)

    def set_setting(self, key: str, value: Any) -> Setting:
        return self.save(
            Setting(
                id=stable_id("setting", key),
                key=key,
                value_json=json.dumps(value, ensure_ascii=False, sort_keys=True),
            )
        )

    def point_weights(self) -> dict[str, int]:
        weights = dict(DEFAULT_POINT_WEIGHTS)
        stored = self.setting("point_weights", {}) or {}
        for key, value in stored.items():
            if key in weights and isinstance(value, int) and not isinstance(value, bool):
                weights[key] = value
        return weights

    def set_point_weights(self, weights: dict[str, int]) -> None:
        problems = []
        for key, value in weights.items():
            if key not in DEFAULT_POINT_WEIGHTS:
                problems.append(f"未知的积分项“{key}”")
            elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
                problems.append(f"“{POINT_WEIGHT_LABELS[key]}”的分值应为 0 到 1000 的整数")
        if problems:
            raise StudioDeskError("；".join(problems) + "。")
        self.set_setting("point_weights", {**self.point_weights(), **weights})
