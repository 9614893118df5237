"""The records of a studio, as dataclasses whose fields carry their own description.

Every field says its Chinese label, its kind, whether it is required, its allowed values and
whether it holds a citizen's personal data (``pii``), so that validation, the store, masking,
the ledgers and the forms all read one description.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from typing import Any, ClassVar, NewType

from studio_desk.core import enums
from studio_desk.core.ids import random_id

RecordId = NewType("RecordId", str)

# Field kinds
TEXT = "text"  # one line, short
LONGTEXT = "longtext"  # paragraphs
DATE = "date"
INT = "int"
MONEY = "money"  # integer fen
BOOL = "bool"
DECIMAL = "decimal"
CHOICE = "choice"  # one of fixed values (``choices``) or of an editable type list (``type_list``)
# A TEXT field may name a ``type_list`` too: it may hold several of the list's values (、) and is
# offered them; values it names that the list lacks join the list when saved (list_values_of).
MEMBERS = "members"  # list of member ids (child table)
CHILDREN = "children"  # list of child dataclasses (child table)

SHORT_TEXT_LIMIT = 200
# 待补全: the labels of the required fields an imported old ledger left empty, joined by 、
# (SPEC section 3, "Incomplete is not invalid"); empty when the record is complete.
INCOMPLETE_LABEL = "待补全"
INCOMPLETE_SEPARATOR = "、"
LONG_TEXT_LIMIT = 20_000

# Kinds of personal data, used for masking.
PII_NAME = "name"
PII_PHONE = "phone"
PII_ID = "id_number"
PII_ADDRESS = "address"
PII_TEXT = "free_text"  # a citizen-facing free text: numbers and names typed into it are masked


def spec(
    label: str,
    kind: str = TEXT,
    *,
    required: bool = False,
    choices: tuple[str, ...] | None = None,
    type_list: str | None = None,
    pii: str | None = None,
    maxlen: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    default: Any = ...,
    child: type | None = None,
) -> Any:
    meta = {
        "label": label,
        "kind": kind,
        "required": required,
        "choices": choices,
        "type_list": type_list,
        "pii": pii,
        "maxlen": maxlen
        if maxlen is not None
        else (LONG_TEXT_LIMIT if kind == LONGTEXT else SHORT_TEXT_LIMIT),
        "minimum": minimum,
        "maximum": maximum,
        "child": child,
    }
    if kind in (MEMBERS, CHILDREN):
        return field(default_factory=list, metadata=meta)
    if default is ...:  # not given: the kind's empty value
        default = {TEXT: "", LONGTEXT: "", CHOICE: "", BOOL: False, INT: 0, MONEY: 0}.get(kind)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class FieldInfo:
    name: str
    label: str
    kind: str
    required: bool
    choices: tuple[str, ...] | None
    type_list: str | None
    pii: str | None
    maxlen: int
    minimum: int | None
    maximum: int | None
    child: type | None


_FIELDS: dict[type, tuple[FieldInfo, ...]] = {}


def fields_of(cls: type) -> tuple[FieldInfo, ...]:
    """The described fields of a record or child class, in declaration order (cached)."""
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    out = []
    for f in dataclasses.fields(cls):
        if "label" not in f.metadata:
            continue
        m = f.metadata
        out.append(
            FieldInfo(
                f.name,
                m["label"],
                m["kind"],
                m["required"],
                m["choices"],
                m["type_list"],
                m["pii"],
                m["maxlen"],
                m["minimum"],
                m["maximum"],
                m["child"],
            )
        )
    _FIELDS[cls] = tuple(out)
    return _FIELDS[cls]


def field_info(cls: type, name: str) -> FieldInfo:
    for info in fields_of(cls):
        if info.name == name:
            return info
    raise KeyError(name)


_LIST_SEPARATORS = re.compile(r"[、，,；;/]")


def list_values_of(record: Record) -> dict[str, list[str]]:
    """The values of editable type lists a record names, by list (a TEXT field's several parts)."""
    out: dict[str, list[str]] = {}
    for info in fields_of(type(record)):
        value = getattr(record, info.name)
        if not info.type_list or not isinstance(value, str):
            continue
        parts = [value] if info.kind == CHOICE else _LIST_SEPARATORS.split(value)
        for part in (p.strip() for p in parts):
            if part and part not in out.get(info.type_list, []):
                out.setdefault(info.type_list, []).append(part)
    return out


def pii_fields(cls: type) -> dict[str, str]:
    """Field name → kind of personal data, for masking exports."""
    return {f.name: f.pii for f in fields_of(cls) if f.pii}


def new_id() -> RecordId:
    return RecordId(random_id())


_NAMESPACE = uuid.UUID("6f1d2b7e-6a3c-4a9e-9a53-7d1f0c2b5e41")


def stable_id(*parts: object) -> RecordId:
    """A deterministic id, so that two copies create the same singleton record (merge-friendly)."""
    return RecordId(str(uuid.uuid5(_NAMESPACE, ":".join(str(p) for p in parts))))


@dataclass
class Record:
    """Columns every record carries. ``version_id`` names this version for merges."""

    KIND: ClassVar[str] = ""
    TABLE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""  # Chinese name of the record type

    id: RecordId = field(default_factory=new_id, kw_only=True)
    created_at: str = field(default="", kw_only=True)
    updated_at: str = field(default="", kw_only=True)
    replica_id: str = field(default="", kw_only=True)
    version_id: str = field(default="", kw_only=True)
    deleted: bool = field(default=False, kw_only=True)

    def display_name(self) -> str:
        return self.id

    def year(self) -> int | None:
        """The year a record counts in (None: it counts in no particular year)."""
        return None


# Children.


@dataclass
class DonationItem:
    name: str = spec("物资名称", required=True, maxlen=100)
    quantity: Decimal | None = spec("数量", DECIMAL)
    unit: str = spec("单位", maxlen=20)
    value_fen: int = spec("价值(元)", MONEY, minimum=0)


@dataclass
class Author:
    name: str = spec("姓名", required=True, maxlen=50)
    member_id: str | None = spec("委员", default=None)


@dataclass
class FollowUp:
    date: Date | None = spec("日期", DATE, required=True)
    note: str = spec("跟踪记录", LONGTEXT, required=True, maxlen=2000)


# Records.


@dataclass
class Studio(Record):
    KIND: ClassVar[str] = "studio"
    TABLE: ClassVar[str] = "studio"
    TITLE: ClassVar[str] = "工作室"
    SINGLETON_ID: ClassVar[RecordId] = stable_id("studio")

    name: str = spec("工作室名称", required=True, maxlen=100)
    # A studio may serve several 界别 (经济界、工商联).
    sector: str = spec("服务界别", maxlen=100, type_list="sector")
    county: str = spec("所属政协", maxlen=100)
    address: str = spec("地址", maxlen=200)
    founded_on: Date | None = spec("授牌日期", DATE)
    convenor: str = spec("召集人", maxlen=50)
    phone: str = spec("联系电话", maxlen=50)
    intro: str = spec("简介", LONGTEXT, maxlen=5000)

    def display_name(self) -> str:
        return self.name


@dataclass
class Member(Record):
    KIND: ClassVar[str] = "member"
    TABLE: ClassVar[str] = "members"
    TITLE: ClassVar[str] = "委员"

    name: str = spec("姓名", required=True, maxlen=50)
    gender: str = spec("性别", CHOICE, choices=enums.GENDERS)
    party: str = spec("党派", CHOICE, choices=enums.PARTIES)
    sector: str = spec("界别", CHOICE, type_list="sector", maxlen=100)
    level: str = spec("政协层级", CHOICE, choices=enums.CPPCC_LEVELS)
    role: str = spec("工作室职务", CHOICE, required=True, choices=enums.MEMBER_ROLES, default="成员")
    employer: str = spec("工作单位及职务", maxlen=200)
    phone: str = spec("联系电话", maxlen=50)
    joined_on: Date | None = spec("加入日期", DATE)
    left_on: Date | None = spec("退出日期", DATE)
    notes: str = spec("备注", LONGTEXT, maxlen=2000)

    def display_name(self) -> str:
        return self.name


@dataclass
class Activity(Record):
    KIND: ClassVar[str] = "activity"
    TABLE: ClassVar[str] = "activities"
    TITLE: ClassVar[str] = "活动"

    date: Date | None = spec("日期", DATE, required=True)
    end_date: Date | None = spec("结束日期", DATE)
    type: str = spec("活动类型", CHOICE, required=True, type_list="activity_type")
    topic: str = spec("活动主题", required=True)
    location: str = spec("地点")
    organizer: str = spec("组织者")
    member_ids: list[str] = spec("参加委员", MEMBERS)
    public_count: int = spec("群众人次", INT, minimum=0, maximum=1_000_000)
    suggestion_count: int = spec("意见建议(条)", INT, minimum=0, maximum=100_000)
    # what the activity achieved: amounts signed, sold, financed or invested through it, and the
    # people trained, helped or reached (the figures the county write-ups report)
    economic_fen: int = spec("经济成效(元)", MONEY, minimum=0)
    beneficiaries: int = spec("受益群众(人)", INT, minimum=0, maximum=10_000_000)
    content: str = spec("主要内容及成效", LONGTEXT)
    is_highlight: bool = spec("亮点", BOOL)
    highlight_note: str = spec("亮点说明", LONGTEXT, maxlen=2000)
    notes: str = spec("备注", LONGTEXT, maxlen=2000)
    incomplete: str = spec(INCOMPLETE_LABEL, maxlen=500)

    def display_name(self) -> str:
        return self.topic

    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass
class Reception(Record):
    KIND: ClassVar[str] = "reception"
    TABLE: ClassVar[str] = "receptions"
    TITLE: ClassVar[str] = "接待走访"

    date: Date | None = spec("日期", DATE, required=True)
    mode: str = spec("方式", CHOICE, required=True, choices=enums.RECEPTION_MODES)
    person_name: str = spec("对象(姓名/单位)", required=True, pii=PII_NAME, maxlen=100)
    person_phone: str = spec("联系电话", pii=PII_PHONE, maxlen=50)
    person_id_number: str = spec("身份证号", pii=PII_ID, maxlen=30)
    person_address: str = spec("单位或住址", pii=PII_ADDRESS)
    people_count: int = spec("人数", INT, minimum=0, maximum=100_000, default=1)
    household_count: int = spec("户数", INT, minimum=0, maximum=100_000)
    request_category: str = spec("诉求类别", CHOICE, type_list="request_category")
    request_content: str = spec("诉求内容", LONGTEXT, required=True, pii=PII_TEXT)
    member_ids: list[str] = spec("接待委员", MEMBERS)
    handling: str = spec("处理方式", CHOICE, choices=enums.HANDLING_METHODS)
    transferred_to: str = spec("转办单位")
    status: str = spec("办理状态", CHOICE, required=True, choices=enums.RECEPTION_STATUSES, default="待办")
    deadline: Date | None = spec("办理时限", DATE)
    closed_on: Date | None = spec("办结日期", DATE)
    result: str = spec("办理结果", LONGTEXT, pii=PII_TEXT)
    practical_help: bool = spec("帮办实事", BOOL)
    dispute: bool = spec("矛盾纠纷", BOOL)
    feedback_given: bool = spec("已反馈", BOOL)
    satisfaction: str = spec("满意度", CHOICE, choices=enums.SATISFACTION)
    notes: str = spec("备注", LONGTEXT, maxlen=2000, pii=PII_TEXT)
    # The 委员接待日 activity this citizen came to ("": none); its 群众人次 counts them.
    activity_id: str = spec("所属接待日编号", maxlen=40)
    followups: list[FollowUp] = spec("办理跟踪", CHILDREN, child=FollowUp, pii=PII_TEXT)
    incomplete: str = spec(INCOMPLETE_LABEL, maxlen=500)

    def display_name(self) -> str:
        return self.request_content[:30]

    @property
    def is_open(self) -> bool:
        """Still being handled (待办, 办理中)."""
        return self.status in enums.RECEPTION_OPEN_STATUSES

    def is_overdue(self, today: Date) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < today

    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass
class Donation(Record):
    KIND: ClassVar[str] = "donation"
    TABLE: ClassVar[str] = "donations"
    TITLE: ClassVar[str] = "捐赠慰问"

    date: Date | None = spec("日期", DATE, required=True)
    category: str = spec("类别", CHOICE, required=True, choices=enums.DONATION_CATEGORIES)
    donor: str = spec("捐赠方", required=True)
    member_ids: list[str] = spec("关联委员", MEMBERS)
    recipients: str = spec("受助对象", required=True, pii=PII_TEXT)
    recipient_count: int = spec("受助人数", INT, minimum=0, maximum=1_000_000)
    cash_fen: int = spec("现金(元)", MONEY, minimum=0)
    items: list[DonationItem] = spec("物资明细", CHILDREN, child=DonationItem)
    handler: str = spec("经手人", maxlen=50)
    notes: str = spec("备注", LONGTEXT, maxlen=2000, pii=PII_TEXT)
    incomplete: str = spec(INCOMPLETE_LABEL, maxlen=500)

    @property
    def in_kind_fen(self) -> int:
        return sum(item.value_fen for item in self.items)

    @property
    def total_fen(self) -> int:
        return self.cash_fen + self.in_kind_fen

    def display_name(self) -> str:
        return f"{self.donor}→{self.recipients}"

    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass
class Proposal(Record):
    KIND: ClassVar[str] = "proposal"
    TABLE: ClassVar[str] = "proposals"
    TITLE: ClassVar[str] = "提案建议"

    category: str = spec("类别", CHOICE, required=True, choices=enums.PROPOSAL_CATEGORIES)
    title: str = spec("标题", required=True)
    authors: list[Author] = spec("提出人", CHILDREN, child=Author)
    submitted_on: Date | None = spec("提交日期", DATE)
    session: str = spec("届次", maxlen=50)
    number: str = spec("编号", maxlen=50)
    source: str = spec("来源")
    status: str = spec("状态", CHOICE, required=True, choices=enums.PROPOSAL_STATUSES, default="草拟")
    handler_unit: str = spec("承办单位")
    result_class: str = spec("办理结果", CHOICE, choices=enums.RESULT_CLASSES)
    adoption_level: str = spec("采用层级", CHOICE, choices=enums.ADOPTION_LEVELS)
    instruction: str = spec("领导批示", LONGTEXT, maxlen=2000)
    answered_on: Date | None = spec("答复日期", DATE)
    deadline: Date | None = spec("办理时限", DATE)
    satisfaction: str = spec("满意度", CHOICE, choices=enums.SATISFACTION)
    content: str = spec("内容摘要", LONGTEXT)
    notes: str = spec("备注", LONGTEXT, maxlen=2000)
    followups: list[FollowUp] = spec("跟踪卡", CHILDREN, child=FollowUp)
    incomplete: str = spec(INCOMPLETE_LABEL, maxlen=500)

    def display_name(self) -> str:
        return self.title

    @property
    def is_output(self) -> bool:
        """Submitted (not 草拟): an output of the studio that the figures count."""
        return self.status != enums.PROPOSAL_DRAFT

    def year(self) -> int | None:
        if self.submitted_on:
            return self.submitted_on.year
        return int(self.created_at[:4]) if self.created_at else None


@dataclass
class TypeEntry(Record):
    """One value of an editable type list (活动类型, 诉求类别)."""

    KIND: ClassVar[str] = "type_entry"
    TABLE: ClassVar[str] = "type_entries"
    TITLE: ClassVar[str] = "类型"

    list_name: str = spec("类型表", required=True, maxlen=50)
    value: str = spec("名称", required=True, maxlen=100)
    position: int = spec("顺序", INT, minimum=0, maximum=100_000)

    def display_name(self) -> str:
        return self.value


@dataclass
class Narrative(Record):
    """The clerk's own text for one section of one year's summary."""

    KIND: ClassVar[str] = "narrative"
    TABLE: ClassVar[str] = "narratives"
    TITLE: ClassVar[str] = "总结文字"

    year_no: int = spec("年度", INT, required=True, minimum=1949, maximum=2100)
    section: str = spec("栏目", CHOICE, required=True, choices=enums.NARRATIVE_SECTIONS)
    text: str = spec("内容", LONGTEXT)

    def year(self) -> int | None:
        return self.year_no


@dataclass
class Setting(Record):
    """A named setting stored in the file (e.g. the 履职积分 weights), value as JSON."""

    KIND: ClassVar[str] = "setting"
    TABLE: ClassVar[str] = "settings"
    TITLE: ClassVar[str] = "设置"

    key: str = spec("名称", required=True, maxlen=100)
    value_json: str = spec("值", LONGTEXT, maxlen=20000)


@dataclass
class Attachment(Record):
    """A photo or scan kept with a record. The file's bytes are stored once per content
    (``attachment_blobs``, by SHA-256); this record says whose it is, its caption and order."""

    KIND: ClassVar[str] = "attachment"
    TABLE: ClassVar[str] = "attachments"
    TITLE: ClassVar[str] = "附件"

    owner_kind: str = spec("所属记录类型", required=True, maxlen=30)
    owner_id: str = spec("所属记录", required=True, maxlen=60)
    caption: str = spec("说明", maxlen=200)
    position: int = spec("顺序", INT, minimum=0, maximum=100_000)
    file_name: str = spec("文件名", required=True, maxlen=200)
    media_type: str = spec("文件类型", CHOICE, required=True, choices=("image/jpeg", "application/pdf"))
    blob_sha256: str = spec("内容校验码", required=True, maxlen=64)
    size: int = spec("大小(字节)", INT, minimum=0, maximum=1_000_000_000)
    width: int = spec("宽(像素)", INT, minimum=0, maximum=100_000)
    height: int = spec("高(像素)", INT, minimum=0, maximum=100_000)
    # Deleted together with its record (and so restored with it), not removed on its own.
    with_owner: bool = spec("随记录删除", BOOL)
    in_summary: bool = spec("用于年度总结", BOOL)

    def display_name(self) -> str:
        return self.caption or self.file_name


@dataclass
class ReceptionDay(Record):
    """One planned 委员接待日 of the rota: the day, the members on duty, where and when."""

    KIND: ClassVar[str] = "reception_day"
    TABLE: ClassVar[str] = "reception_days"
    TITLE: ClassVar[str] = "委员接待日安排"

    date: Date | None = spec("日期", DATE, required=True)
    member_ids: list[str] = spec("值班委员", MEMBERS)
    location: str = spec("地点")
    hours: str = spec("时间", maxlen=50)
    # The 委员接待日 activity that records the day once it has taken place.
    activity_id: str = spec("接待日活动", maxlen=60)
    notes: str = spec("备注", LONGTEXT, maxlen=2000)

    def display_name(self) -> str:
        return f"委员接待日 {self.date.isoformat() if self.date else ''}"

    def year(self) -> int | None:
        return self.date.year if self.date else None


RECORD_TYPES: tuple[type[Record], ...] = (
    Studio,
    Member,
    Activity,
    Reception,
    Donation,
    Proposal,
    TypeEntry,
    Narrative,
    Setting,
    Attachment,
    ReceptionDay,
)
BY_KIND: dict[str, type[Record]] = {cls.KIND: cls for cls in RECORD_TYPES}
BY_TABLE: dict[str, type[Record]] = {cls.TABLE: cls for cls in RECORD_TYPES}
# The four ledgers of the studio's work, plus the roster.
LEDGER_TYPES: tuple[type[Record], ...] = (Member, Activity, Reception, Donation, Proposal)
