"""What an old ledger leaves out, read from the row's own words: an activity's type from its
topic, a reception's 方式 from what the citizen asked, its 处理方式 and 办理状态 from what was
done (SPEC section 3, "Incomplete is not invalid")."""

from __future__ import annotations

import re

from studio_desk.core.masking import is_organisation
from studio_desk.core.models import Reception

_TYPE_WORDS = (
    ("委员接待日", ("接待日",)),
    ("集中学习", ("学习", "读书")),
    ("宣传宣讲", ("宣讲", "宣传")),
    ("专题培训", ("培训",)),
    ("协商议事", ("协商", "议事")),
    ("视察调研", ("调研", "视察", "考察")),
    ("经贸活动", ("招商", "签约", "展销", "经贸")),
    ("公益活动", ("公益", "义诊", "慰问", "捐赠", "志愿")),
    ("联络活动", ("联络", "座谈", "走访")),
)


def infer_activity_type(topic: str) -> tuple[str, str]:
    """The type a topic names plainly (``学习全会精神`` → 集中学习) and the word that names it;
    (其他, "") when it names none."""
    found = _earliest(topic, _TYPE_WORDS)
    return found if found is not None else ("其他", "")


# How a record's own words say how the citizen came: the earliest such words in 诉求内容, then
# 备注, decide (办理结果 is left out: "电话回访" there says how the studio answered).
_MODE_WORDS = (
    ("电话/线上", ("来电", "致电", "打电话", "电话反映", "电话咨询", "电话求助", "电话来", "通过电话", "热线", "12345",
                 "网上", "网络留言", "在线", "线上", "微信", "短信", "留言", "信箱", "视频连线", "邮件")),
    ("企业走访", ("走访企业", "企业走访", "到企业", "深入企业", "进企业", "走进企业")),
    ("入户走访", ("上门", "入户", "走访", "到家", "家访", "实地察看")),
    ("接待日来访", ("来访", "接待日", "到工作室", "来工作室", "来到工作室", "到访", "来信来访")),
)


def infer_reception_mode(record: Reception) -> tuple[str, str]:
    """The 方式 a reception's own words name (``上门走访`` → 入户走访, ``来电反映`` → 电话/线上)
    and those words; ("", "") when they name none. A visit to an enterprise is 企业走访."""
    found = _earliest(f"{record.request_content}\n{record.notes}", _MODE_WORDS)
    if found is None:
        return "", ""
    mode, words = found
    if mode == "入户走访" and is_organisation(record.person_name):
        mode = "企业走访"
    return mode, words


# How 办理结果 says what was done with a request (an old ledger's 处理情况 column): the earliest
# such words decide.
_HANDLING_WORDS = (
    ("现场答复", ("现场答复", "当场答复", "当面答复", "现场解答", "当场解答", "现场解决", "当场解决")),
    ("转交部门", ("转交", "转办", "交办", "移交", "转至", "转给", "交由")),
    ("转为提案", ("转为提案", "形成提案", "写成提案", "提交提案")),
    ("转为社情民意", ("社情民意",)),
    ("帮办实事", ("帮办",)),
    ("矛盾调解", ("调解纠纷", "纠纷调解", "调解矛盾", "矛盾调解", "进行调解", "调解成功", "调解处理", "调解员", "调解中")),
)
# The unit a request was passed to: what follows 转交 (and 给/至/到) up to 处理/办理… or a stop.
_TRANSFERRED_TO = re.compile(
    "(?:" + "|".join(dict(_HANDLING_WORDS)["转交部门"]) + ")"
    r"(?:给|至|到)?([^，。；、,;\s]{2,20}?)(?:处理|办理|解决|落实|研究|答复|跟进|$|[，。；、,;\s])"
)


def infer_handling(result: str) -> tuple[str, str, str]:
    """(处理方式, the words it was read from, the unit it was passed to) that 办理结果 names
    (``已转交县住建局办理`` → 转交部门, 转交, 县住建局); ("", "", "") when it names none."""
    found = _earliest(result, _HANDLING_WORDS)
    if found is None:
        return "", "", ""
    handling, words = found
    unit = ""
    if handling == "转交部门" and (match := _TRANSFERRED_TO.search(result)):
        unit = match[1]
    return handling, words, unit


# 办理状态 from what the row says was done: refused, still open, or done (in this order, so that
# 尚未解决 is not read as 解决).
_STATUS_WORDS = (
    ("无法办理", ("无法办理", "无法解决", "不予受理", "不属于受理范围", "无法受理")),
    ("办理中", ("未解决", "未办结", "未落实", "尚未", "暂未", "正在", "协调中", "办理中", "跟进中", "待答复", "待反馈",
              "继续")),
    ("已办结", ("办结", "解决", "已落实", "已修复", "已修好", "已维修", "已答复", "已处理", "已完成", "已化解",
              "现场答复", "当场答复", "当面答复", "回访", "已反馈", "满意", "调解成功")),
)


def infer_reception_status(record: Reception) -> tuple[str, str]:
    """The 办理状态 a reception's own entries give (a 办结日期 → 已办结; 办理结果's words; an
    answer given on the spot → 已办结; any other result → 办理中) and why; ("", "") when it has
    none of them."""
    if record.closed_on is not None:
        return "已办结", "办结日期"
    result = record.result.strip()
    for status, words in _STATUS_WORDS:
        word = next((w for w in words if w in result), None)
        if word is not None:
            return status, word
    if record.handling == "现场答复":
        return "已办结", "现场答复"
    if result:
        return "办理中", result[:12]
    return "", ""


def _earliest(text: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, str] | None:
    """(value, word) of the word of ``table`` that comes first in ``text`` (the longer at a tie)."""
    best: tuple[int, int, str, str] | None = None
    for value, words in table:
        for word in words:
            at = text.find(word)
            if at >= 0 and (best is None or (at, -len(word)) < (best[0], best[1])):
                best = (at, -len(word), value, word)
    return None if best is None else (best[2], best[3])
