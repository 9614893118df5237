"""The ledger sheets and their columns (SPEC section 4), shared by the export and the import.

Each column names the record field it shows, how its value is shown (``kind``), a width that fits
Chinese text, and the header variants a clerk's own ledgers use for it (import only).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from studio_desk.core.masked_marker import MASKED_MARKER
from studio_desk.core.models import Activity, Donation, Member, Proposal, Reception, Record

# Column kinds
SEQ = "seq"  # 序号: written, ignored on import
TEXT = "text"
LONG = "long"  # wrapped text
DATE = "date"
INT = "int"
MONEY = "money"
BOOL = "bool"
CHOICE = "choice"
MEMBERS = "members"  # member names
AUTHORS = "authors"  # 提出人 (members or not)
ITEMS = "items"  # 物资明细
FOLLOWUP = "followup"  # 最新跟踪
COUNT_OF = "count_of"  # derived count (委员人数): written, ignored on import
SUM_MONEY = "sum_money"  # derived money (物资价值, 合计): written, checked on import
RECORD_ID = "record_id"
# Round-trip kinds: written so that an import gets every field back exactly (SPEC section 4).
VERSION = "version"  # hidden beside 记录编号: the version the row was exported from
MEMBER_IDS = "member_ids"  # hidden beside member names: their ids (namesakes, names with spaces)
CHILD_DATA = "child_data"  # hidden: a child list (items, authors, follow-ups) as exact JSON
FOLLOWUP_LOG = "followup_log"  # every follow-up step, one per line
# The record's attachments, one per line (文件名：说明): the files stay in the database, so the
# import reads the column only to say what it does not carry (exports/ledger_attachments.py).
ATTACHMENTS = "attachments"


# Compared and hashed as themselves (each column is one constant of its sheet's spec): a row's
# cells are keyed by their column, and identity hashing costs nothing per cell.
@dataclass(frozen=True, eq=False)
class Column:
    header: str
    field: str | None
    kind: str
    width: float
    aliases: tuple[str, ...] = ()
    # Written for the import, not for readers: left out of the printed column set.
    round_trip: bool = False
    hidden: bool = False
    # The print layout of a wide ledger: False leaves the column off the A4 page (it stays in its
    # place, folded into a collapsed group the clerk opens with one click); A3 prints it.
    on_a4: bool = True


def _hidden(header: str, field: str | None, kind: str) -> Column:
    return Column(header, field, kind, 12, round_trip=True, hidden=True)


@dataclass(frozen=True)
class SheetSpec:
    name: str  # sheet name and ledger title
    cls: type[Record]
    columns: tuple[Column, ...]
    # Sheet-name fragments that hint at this ledger in a clerk's own workbook.
    hints: tuple[str, ...] = ()

    def column(self, header: str) -> Column:
        for col in self.columns:
            if col.header == header:
                return col
        raise KeyError(header)

    def column_for_field(self, field: str) -> Column | None:
        for col in self.columns:
            if col.field == field:
                return col
        return None

    @property
    def printed(self) -> tuple[Column, ...]:
        """The columns for readers (and the printed page): all before 记录编号."""
        return tuple(c for c in self.columns if not c.round_trip and c.kind != RECORD_ID)


ID_HEADER = "记录编号"
_ID = Column(ID_HEADER, "id", RECORD_ID, 38, ("编号(系统)", "记录ID", "UUID"))
_SEQ = Column("序号", None, SEQ, 6, ("编号序", "No", "NO", "顺序号"))
VERSION_HEADER = "版本"
_VERSION = _hidden(VERSION_HEADER, None, VERSION)
_MEMBER_IDS = _hidden("委员编号", "member_ids", MEMBER_IDS)
_INCOMPLETE = Column("待补全", "incomplete", TEXT, 20, ("缺少内容",), round_trip=True)
_ATTACHMENTS = Column("附件", None, ATTACHMENTS, 30, ("附件(文件名:说明)", "佐证材料"), round_trip=True)

MEMBER_SHEET = SheetSpec(
    "委员名册",
    Member,
    (
        _SEQ,
        Column("姓名", "name", TEXT, 10, ("委员姓名", "委员")),
        Column("性别", "gender", CHOICE, 6),
        Column("党派", "party", CHOICE, 10, ("政治面貌", "所属党派", "党派团体")),
        Column("界别", "sector", CHOICE, 20, ("所属界别", "政协界别")),
        Column("政协层级", "level", CHOICE, 10, ("层级", "委员层级", "政协委员层级")),
        Column("工作室职务", "role", CHOICE, 14, ("职务", "工作室任职")),
        Column("工作单位及职务", "employer", TEXT, 32, ("工作单位", "单位及职务", "单位职务")),
        Column("联系电话", "phone", TEXT, 15, ("电话", "手机", "联系方式")),
        Column("加入日期", "joined_on", DATE, 12, ("加入时间", "入室时间", "加入工作室日期")),
        Column("退出日期", "left_on", DATE, 12, ("退出时间",)),
        Column("备注", "notes", LONG, 24),
        _ID,
        _VERSION,
        _ATTACHMENTS,
    ),
    ("名册", "委员名单", "成员"),
)

ACTIVITY_SHEET = SheetSpec(
    "活动台账",
    Activity,
    (
        _SEQ,
        Column("日期", "date", DATE, 12, ("时间", "活动日期", "活动时间", "开始日期")),
        Column("结束日期", "end_date", DATE, 12, ("结束时间",), on_a4=False),
        Column("活动类型", "type", CHOICE, 12, ("类型", "活动类别", "类别")),
        Column("活动主题", "topic", TEXT, 30, ("活动名称", "主题", "活动题目", "名称")),
        Column("地点", "location", TEXT, 20, ("活动地点", "地址")),
        Column("组织者", "organizer", TEXT, 16, ("组织单位", "主办单位", "组织"), on_a4=False),
        Column("参加委员", "member_ids", MEMBERS, 24, ("参与委员", "出席委员", "参加人员", "参与人员", "参加委员姓名", "委员")),
        Column("委员人数", None, COUNT_OF, 9, ("参加委员人数", "委员人次")),
        Column("群众人次", "public_count", INT, 9, ("群众参与人次", "参与群众", "群众人数", "群众", "参加群众人数", "参加群众")),
        Column("意见建议(条)", "suggestion_count", INT, 11, ("意见建议", "收集意见建议", "建议条数"), on_a4=False),
        Column("经济成效(元)", "economic_fen", MONEY, 13, ("经济成效", "签约金额", "成交金额", "经济效益", "经济效益(元)"), on_a4=False),
        Column("受益群众(人)", "beneficiaries", INT, 10, ("受益群众", "受益人数", "惠及群众", "培训人数"), on_a4=False),
        Column("主要内容及成效", "content", LONG, 50, ("内容", "主要内容", "活动内容", "成效", "活动情况", "主要做法",
                                                       "活动形式及主要做法", "取得的主要成效", "取得的主要成效和群众反响")),
        Column("亮点", "is_highlight", BOOL, 6, ("是否亮点", "工作亮点"), on_a4=False),
        Column("备注", "notes", LONG, 20),
        _ID,
        _VERSION,
        _MEMBER_IDS,
        Column("亮点说明", "highlight_note", LONG, 30, ("亮点情况",), round_trip=True),
        _INCOMPLETE,
        _ATTACHMENTS,
    ),
    ("活动",),
)

RECEPTION_SHEET = SheetSpec(
    "接待走访台账",
    Reception,
    (
        _SEQ,
        Column("日期", "date", DATE, 12, ("时间", "接待日期", "走访日期", "来访日期", "接待时间")),
        Column("方式", "mode", CHOICE, 11, ("接待方式", "走访方式", "类型")),
        Column(
            "对象(姓名/单位)",
            "person_name",
            TEXT,
            16,
            ("对象", "姓名/单位", "来访人", "来访群众", "走访对象", "群众姓名", "姓名", "来访人姓名"),
        ),
        Column("联系电话", "person_phone", TEXT, 15, ("电话", "联系方式", "手机"), on_a4=False),
        Column("单位或住址", "person_address", TEXT, 24, ("住址", "地址", "单位", "家庭住址", "单位/住址"), on_a4=False),
        Column("人数", "people_count", INT, 6, ("来访人数", "群众人数"), on_a4=False),
        Column("户数", "household_count", INT, 6, ("走访户数",), on_a4=False),
        Column("诉求类别", "request_category", CHOICE, 11, ("问题类别", "诉求类型", "类别")),
        Column("诉求内容", "request_content", LONG, 40, ("诉求", "反映问题", "问题内容", "主要诉求", "反映内容")),
        Column("接待委员", "member_ids", MEMBERS, 18, ("接待人", "值班委员", "走访委员", "参加委员", "接待人员", "接待委员姓名")),
        Column("处理方式", "handling", CHOICE, 12, ("办理方式",)),
        Column("转办单位", "transferred_to", TEXT, 16, ("转交单位", "交办单位", "承办单位", "转交部门", "转办部门"), on_a4=False),
        Column("办理状态", "status", CHOICE, 10, ("状态", "是否办结")),
        Column("办理时限", "deadline", DATE, 12, ("时限", "办理期限"), on_a4=False),
        Column("办结日期", "closed_on", DATE, 12, ("办结时间",), on_a4=False),
        Column("办理结果", "result", LONG, 30, ("处理结果", "结果", "办理情况", "处理情况")),
        Column("帮办实事", "practical_help", BOOL, 9, ("是否帮办实事",), on_a4=False),
        Column("矛盾纠纷", "dispute", BOOL, 9, ("化解矛盾纠纷", "是否矛盾纠纷"), on_a4=False),
        Column("已反馈", "feedback_given", BOOL, 8, ("是否反馈", "反馈"), on_a4=False),
        Column("满意度", "satisfaction", CHOICE, 9, ("群众满意度", "满意情况"), on_a4=False),
        Column("备注", "notes", LONG, 20, on_a4=False),
        _ID,
        _VERSION,
        _MEMBER_IDS,
        Column("身份证号", "person_id_number", TEXT, 20, ("身份证号码", "证件号码"), round_trip=True),
        Column("办理跟踪", "followups", FOLLOWUP_LOG, 40, ("跟踪记录", "跟踪情况"), round_trip=True),
        _hidden("办理跟踪数据", "followups", CHILD_DATA),
        _INCOMPLETE,
        _hidden("所属接待日编号", "activity_id", TEXT),  # the 委员接待日 it was received at
        _ATTACHMENTS,
    ),
    ("接待", "走访", "来访"),
)

DONATION_SHEET = SheetSpec(
    "捐赠慰问台账",
    Donation,
    (
        _SEQ,
        Column("日期", "date", DATE, 12, ("时间", "捐赠日期", "慰问日期", "活动日期")),
        Column("类别", "category", CHOICE, 8, ("类型", "捐赠类别")),
        Column("捐赠方", "donor", TEXT, 22, ("捐赠人", "捐赠单位", "捐赠者", "爱心人士")),
        Column("关联委员", "member_ids", MEMBERS, 18, ("参加委员", "参与委员", "委员")),
        Column("受助对象", "recipients", TEXT, 22, ("慰问对象", "受捐对象", "受助群体")),
        Column("受助人数", "recipient_count", INT, 9, ("人数", "受助人次", "惠及人数")),
        Column("现金(元)", "cash_fen", MONEY, 13, ("现金", "捐款", "捐款金额", "现金金额", "捐款(元)", "金额(元)", "金额")),
        Column("物资明细", "items", ITEMS, 34, ("物资", "捐赠物资", "物品", "物资名称")),
        Column("物资价值(元)", None, SUM_MONEY, 13, ("物资价值", "物资折价", "物资金额")),
        Column("合计(元)", None, SUM_MONEY, 13, ("合计", "总计", "合计金额")),
        Column("经手人", "handler", TEXT, 10, ("经办人", "联系人"), on_a4=False),
        Column("备注", "notes", LONG, 20, on_a4=False),
        _ID,
        _VERSION,
        _MEMBER_IDS,
        _hidden("物资明细数据", "items", CHILD_DATA),
        _INCOMPLETE,
        _ATTACHMENTS,
    ),
    ("捐赠", "慰问", "捐助", "爱心"),
)

PROPOSAL_SHEET = SheetSpec(
    "提案建议台账",
    Proposal,
    (
        _SEQ,
        Column("类别", "category", CHOICE, 12, ("类型", "种类")),
        Column("标题", "title", TEXT, 36, ("题目", "案由", "名称", "提案标题", "建议标题")),
        Column("提出人", "authors", AUTHORS, 18, ("提案人", "作者", "撰写人", "领衔人", "提交人")),
        Column("提交日期", "submitted_on", DATE, 12, ("日期", "时间", "提交时间", "报送日期")),
        Column("届次", "session", TEXT, 14, ("会议届次",), on_a4=False),
        Column("编号", "number", TEXT, 10, ("提案编号", "案号", "序列号"), on_a4=False),
        Column("来源", "source", TEXT, 16, ("线索来源",), on_a4=False),
        Column("状态", "status", CHOICE, 10, ("办理状态", "进展")),
        Column("承办单位", "handler_unit", TEXT, 18, ("办理单位", "主办单位")),
        Column("办理结果", "result_class", CHOICE, 9, ("办理结果类别", "结果类别")),
        Column("采用层级", "adoption_level", CHOICE, 9, ("采用情况", "采用级别")),
        Column("领导批示", "instruction", LONG, 24, ("批示", "批示情况")),
        Column("答复日期", "answered_on", DATE, 12, ("答复时间",), on_a4=False),
        Column("满意度", "satisfaction", CHOICE, 9, ("满意情况",), on_a4=False),
        Column("最新跟踪", "followups", FOLLOWUP, 30, ("跟踪情况", "跟踪记录", "办理情况"), on_a4=False),
        Column("备注", "notes", LONG, 20, on_a4=False),
        _ID,
        _VERSION,
        _hidden("提出人数据", "authors", CHILD_DATA),
        Column("办理时限", "deadline", DATE, 12, ("时限", "办理期限"), round_trip=True),
        Column("内容摘要", "content", LONG, 40, ("内容", "主要内容", "提案内容"), round_trip=True),
        Column("跟踪卡", "followups", FOLLOWUP_LOG, 40, ("全部跟踪",), round_trip=True),
        _hidden("跟踪卡数据", "followups", CHILD_DATA),
        _INCOMPLETE,
        _ATTACHMENTS,
    ),
    ("提案", "建议", "社情民意"),
)

RECORD_SHEETS: tuple[SheetSpec, ...] = (
    MEMBER_SHEET,
    ACTIVITY_SHEET,
    RECEPTION_SHEET,
    DONATION_SHEET,
    PROPOSAL_SHEET,
)
SUMMARY_SHEET_NAME = "统计汇总"
RANKING_SHEET_NAME = "委员履职统计"
RANKING_HEADERS = (
    "姓名",
    "参加活动",
    "接待走访",
    "提案",
    "社情民意",
    "会议发言",
    "其他建议",
    "捐赠慰问",
    "履职积分",
    "排名",
)
SHEET_ORDER = (SUMMARY_SHEET_NAME,) + tuple(s.name for s in RECORD_SHEETS) + (RANKING_SHEET_NAME,)

# Words in a sheet's title row that mark a copy whose citizens' data was masked.
MASKED_MARK = MASKED_MARKER

_SPACES = re.compile(r"\s+")
_PARENS = str.maketrans({"（": "(", "）": ")", "：": ":", "／": "/"})


def normalise_header(text: object) -> str:
    """The form headers are compared in: no spaces or line breaks, half-width brackets."""
    if text is None:
        return ""
    return _SPACES.sub("", str(text)).translate(_PARENS).strip()


@functools.lru_cache(maxsize=None)
def header_names(column: Column) -> tuple[str, ...]:
    return tuple(normalise_header(h) for h in (column.header,) + column.aliases)
