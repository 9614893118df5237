"""What an import will do, for the preview: each row's record and action, the problems and notes,
and what the write did (``ImportResult``). Made by ``read_ledgers`` and written by ``apply_plan``
(``exports/ledger_import``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from studio_desk.core.enums import TYPE_LIST_LABELS
from studio_desk.core.models import Member, Record, Studio
from studio_desk.exports.ledger_rows import Problem

ADD, CHANGE, SAME, CONFLICT = "add", "change", "unchanged", "conflict"
ACTION_LABELS = {ADD: "新增", CHANGE: "修改", SAME: "无变化", CONFLICT: "冲突"}


@dataclass(slots=True)
class PlannedRecord:
    sheet: str
    row: int
    action: str  # ADD, CHANGE, SAME or CONFLICT
    record: Record  # the record as the row has it
    changed: list[str] = field(default_factory=list)  # labels of changed fields
    current: Record | None = None  # CONFLICT: the record as changed here since the export
    workbook_wins: bool = False  # CONFLICT: the file's change is the newer one

    @property
    def ledger(self) -> str:
        return type(self.record).TITLE

    def summary(self) -> str:
        return self.record.display_name()

    def conflict_text(self) -> str:
        """What happens to a conflict, for the preview."""
        kept = "表中的内容（较新）" if self.workbook_wins else "程序中的内容（较新）"
        other = "程序中原来的内容" if self.workbook_wins else "表中的内容"
        return f"导出后两边都改过（{'、'.join(self.changed)}）：采用{kept}，{other}保存在历史中，导入后可在冲突列表中互换。"


@dataclass
class ImportPlan:
    path: Path
    records: list[PlannedRecord] = field(default_factory=list)
    new_members: list[Member] = field(default_factory=list)  # unknown names added to the roster
    new_types: dict[str, list[str]] = field(default_factory=dict)  # list name → values
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sheets: dict[str, str] = field(default_factory=dict)  # sheet in the file → ledger it was read as
    masked: bool = False
    restore_deleted: bool = False  # rows of deleted records bring them back (the clerk's choice)
    file_time: str = ""  # when the file was last saved (UTC): the time of its changes
    # The studio's name as a title row gives it, offered when the studio has no name yet;
    # ``use_studio_name`` says whether the import sets it (the dialog asks, the CLI says so).
    studio_name: str = ""
    use_studio_name: bool = True
    studio: Studio | None = None  # the studio's details, from our own workbook's hidden sheet
    hidden_sheets: list[str] = field(default_factory=list)  # hidden sheets with content (named in the preview)
    database_identity: str = ""  # the database the workbook was exported from, as its studio sheet says
    allow_masked: bool = False  # masked values are taken as they are (into a database made for them)
    # ``store.changes_made()`` when the rows were checked: still the same at the write, the
    # database is as the check saw it and the rows are not validated a second time.
    checked_at: int | None = None
    unknown_members: dict[str, int] = field(default_factory=dict)  # name not in the roster → cells naming it

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.records or self.new_members)

    def problems_line(self, add_members: str) -> str:
        """How many problems, on how many rows, and the one step that clears the most common
        (``add_members``: how the clerk asks for unknown names to be added to the roster)."""
        rows = len({(p.sheet, p.row) for p in self.problems})
        line = f"发现 {len(self.problems):,} 处问题（{rows:,} 行）"
        if self.unknown_members:
            names = "、".join(list(self.unknown_members)[:5]) + ("等" if len(self.unknown_members) > 5 else "")
            cells = sum(self.unknown_members.values())
            line += (f"，其中 {cells:,} 处是名册中没有的 {len(self.unknown_members)} 位委员（{names}）："
                     f"可先在名册中添加，或{add_members}")
        return line

    @property
    def additions(self) -> list[PlannedRecord]:
        return [r for r in self.records if r.action == ADD]

    @property
    def changes(self) -> list[PlannedRecord]:
        return [r for r in self.records if r.action == CHANGE]

    @property
    def unchanged(self) -> list[PlannedRecord]:
        return [r for r in self.records if r.action == SAME]

    @property
    def conflicts(self) -> list[PlannedRecord]:
        return [r for r in self.records if r.action == CONFLICT]

    def summary(self) -> str:
        parts = [f"新增 {len(self.additions):,} 条", f"修改 {len(self.changes):,} 条"]
        if self.conflicts:
            parts.append(f"冲突 {len(self.conflicts):,} 条")
        if self.unchanged:
            parts.append(f"无变化 {len(self.unchanged):,} 条")
        if self.new_members:
            parts.append(f"名册新增委员 {len(self.new_members)} 人")
        for list_name, values in self.new_types.items():
            parts.append(f"新增{TYPE_LIST_LABELS.get(list_name, list_name)}：" + "、".join(values))
        return "，".join(parts)


@dataclass(frozen=True)
class ImportResult:
    added: int
    changed: int
    unchanged: int
    members_added: int
    backup: Path | None
    conflicts: int = 0
    years: tuple[int, ...] = ()  # the years of the ledger records written, oldest first

    def text(self) -> str:
        text = f"导入完成：新增 {self.added:,} 条，修改 {self.changed:,} 条"
        if self.conflicts:
            text += f"，冲突 {self.conflicts:,} 条（较新的内容已采用，另一版本保存在历史中，可在冲突列表中互换）"
        if self.unchanged:
            text += f"，{self.unchanged:,} 条与现有记录相同未改动"
        if self.members_added:
            text += f"，名册新增委员 {self.members_added} 人"
        text += "。"
        if self.years:
            text += f"写入的记录在{'、'.join(f'{y}年' for y in self.years)}的台账中（台账页左上角可改选年份）。"
        return text


__all__ = ["ACTION_LABELS", "ADD", "CHANGE", "CONFLICT", "SAME", "ImportPlan", "ImportResult", "PlannedRecord"]
