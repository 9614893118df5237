"""What an old ledger leaves out, read from the row's own words: an activity's type from its
topic, a reception's 方式 from what the citizen asked (SPEC section 3, "Incomplete is not
invalid")."""

from __future__ import annotations

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


def infer_activity_type(topic: str) -> str:
    """The type a topic names plainly (``学习全会精神`` → 集中学习), else 其他."""
    for value, words in _TYPE_WORDS:
        if any(word in topic for word in words):
            return value
    return "其他"


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
    text = f"{record.request_content}\n{record.notes}"
    best: tuple[int, int, str, str] | None = None
    for mode, words in _MODE_WORDS:
        for word in words:
            at = text.find(word)
            if at >= 0 and (best is None or (at, -len(word)) < (best[0], best[1])):
                best = (at, -len(word), mode, word)
    if best is None:
        return "", ""
    mode = best[2]
    if mode == "入户走访" and is_organisation(record.person_name):
        mode = "企业走访"
    return mode, best[3]
