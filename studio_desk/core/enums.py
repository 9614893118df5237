"""Fixed values of SPEC section 2, and the defaults of the editable type lists."""

from __future__ import annotations

GENDERS = ("男", "女")
CPPCC_LEVELS = ("全国", "省", "市", "县")
MEMBER_ROLES = ("召集人", "主任", "副主任", "成员", "社情民意信息联络员")

DEFAULT_ACTIVITY_TYPES = (
    "集中学习",
    "宣传宣讲",
    "专题培训",
    "协商议事",
    "视察调研",
    "委员接待日",
    "联络活动",
    "公益活动",
    "经贸活动",
    "其他",
)
DEFAULT_REQUEST_CATEGORIES = (
    "就业创业",
    "医疗卫生",
    "教育",
    "社会保障",
    "道路交通",
    "环境卫生",
    "住房",
    "农业农村",
    "企业经营",
    "邻里纠纷",
    "其他",
)

RECEPTION_MODES = ("接待日来访", "入户走访", "企业走访", "电话/线上")
HANDLING_METHODS = ("现场答复", "转交部门", "转为提案", "转为社情民意", "帮办实事", "矛盾调解")
RECEPTION_STATUSES = ("待办", "办理中", "已办结", "无法办理")
RECEPTION_OPEN_STATUSES = ("待办", "办理中")

DONATION_CATEGORIES = ("捐赠", "慰问")

PROPOSAL_CATEGORIES = ("提案", "社情民意信息", "会议发言", "意见建议", "微建议", "调研报告")
PROPOSAL_STATUSES = (
    "草拟",
    "已提交",
    "立案",
    "并案",
    "转意见建议",
    "不立案",
    "已采用",
    "未采用",
    "交办",
    "办理中",
    "已答复",
    "办结",
)
# Not submitted yet: not an output, counted nowhere (the figures, the member page, validation).
PROPOSAL_DRAFT = "草拟"
# A 提案 counts as 立案 once it reached 立案 or any later step of the handling pipeline.
PROPOSAL_FILED_STATUSES = ("立案", "交办", "办理中", "已答复", "办结")
# Answered (办复): the handling unit replied.
PROPOSAL_ANSWERED_STATUSES = ("已答复", "办结")
# Still waiting for something (shown in the 跟踪卡 list).
PROPOSAL_OPEN_STATUSES = ("已提交", "立案", "并案", "交办", "办理中")
# Outputs that wait for a reply or a decision (a 会议发言 is done once delivered).
PROPOSAL_CATEGORIES_AWAITING_ANSWER = ("提案", "社情民意信息", "意见建议", "微建议", "调研报告")
RESULT_CLASSES = ("A", "B", "C", "D")
ADOPTION_LEVELS = ("县", "市", "省", "全国")

SATISFACTION = ("满意", "基本满意", "不满意")
SATISFIED = ("满意", "基本满意")

NARRATIVE_SECTIONS = ("基本情况", "工作亮点", "存在问题", "下一步打算")

# Names of the editable type lists and their defaults.
TYPE_LISTS = {
    "activity_type": DEFAULT_ACTIVITY_TYPES,
    "request_category": DEFAULT_REQUEST_CATEGORIES,
}
TYPE_LIST_LABELS = {"activity_type": "活动类型", "request_category": "诉求类别"}
