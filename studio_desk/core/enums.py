"""Fixed values of SPEC section 2, and the defaults of the editable type lists."""

from __future__ import annotations

GENDERS = ("男", "女")
CPPCC_LEVELS = ("全国", "省", "市", "县")
MEMBER_ROLES = ("召集人", "主任", "副主任", "成员", "社情民意信息联络员")

# 党派: a fixed choice, not an editable list. The parties are set by the country's party system and
# do not differ between studios; a clerk picks one and never needs to invent one, and a typo could
# not split the 党派 breakdown of the figures. The short forms are what clerks write in a 名册; the
# long names and the usual 政治面貌 wordings are read as the same value (``PARTY_VARIANTS``).
PARTIES = (
    "中共",
    "民革",
    "民盟",
    "民建",
    "民进",
    "农工党",
    "致公党",
    "九三学社",
    "台盟",
    "无党派人士",
    "群众",
)
PARTY_VARIANTS = {
    "中国共产党": "中共",
    "中共党员": "中共",
    "中国共产党党员": "中共",
    "中共预备党员": "中共",
    "党员": "中共",
    "中国国民党革命委员会": "民革",
    "民革党员": "民革",
    "中国民主同盟": "民盟",
    "民盟盟员": "民盟",
    "中国民主建国会": "民建",
    "民建会员": "民建",
    "中国民主促进会": "民进",
    "民进会员": "民进",
    "中国农工民主党": "农工党",
    "农工民主党": "农工党",
    "农工党党员": "农工党",
    "中国致公党": "致公党",
    "致公党党员": "致公党",
    "九三": "九三学社",
    "九三学社社员": "九三学社",
    "台湾民主自治同盟": "台盟",
    "台盟盟员": "台盟",
    "无党派": "无党派人士",
    "无党派民主人士": "无党派人士",
}

# 界别: the CPPCC's sectors as the national committee names them since 2023 (the 共青团 and 青联
# sectors merged, 环境资源界 added). The people's organisations are named as a county committee
# names its local branches (妇联, not 中华全国妇女联合会); the 特邀香港人士 and 特邀澳门人士 sectors
# of the national committee have no county counterpart. The list is editable: a county that
# divides its committee otherwise adds its own 界别.
DEFAULT_SECTORS = (
    "中国共产党",
    "中国国民党革命委员会",
    "中国民主同盟",
    "中国民主建国会",
    "中国民主促进会",
    "中国农工民主党",
    "中国致公党",
    "九三学社",
    "台湾民主自治同盟",
    "无党派人士",
    "共青团和青联",
    "工会",
    "妇联",
    "工商联",
    "科协",
    "台联",
    "侨联",
    "文化艺术界",
    "科学技术界",
    "社会科学界",
    "经济界",
    "农业界",
    "教育界",
    "体育界",
    "新闻出版界",
    "医药卫生界",
    "对外友好界",
    "社会福利和社会保障界",
    "少数民族界",
    "宗教界",
    "环境资源界",
    "特别邀请人士",
)
# How ledgers and clerks also write a default 界别; read as that 界别 unless the studio's own list
# holds the words as they are.
SECTOR_VARIANTS = {
    "中共": "中国共产党",
    "中共界": "中国共产党",
    "民革": "中国国民党革命委员会",
    "民革界": "中国国民党革命委员会",
    "民盟": "中国民主同盟",
    "民盟界": "中国民主同盟",
    "民建": "中国民主建国会",
    "民建界": "中国民主建国会",
    "民进": "中国民主促进会",
    "民进界": "中国民主促进会",
    "农工党": "中国农工民主党",
    "农工党界": "中国农工民主党",
    "致公党": "中国致公党",
    "致公党界": "中国致公党",
    "九三学社界": "九三学社",
    "台盟": "台湾民主自治同盟",
    "台盟界": "台湾民主自治同盟",
    "无党派": "无党派人士",
    "无党派界": "无党派人士",
    "无党派民主人士": "无党派人士",
    "共青团": "共青团和青联",
    "青联": "共青团和青联",
    "共青团界": "共青团和青联",
    "青联界": "共青团和青联",
    "中国共产主义青年团": "共青团和青联",
    "中华全国青年联合会": "共青团和青联",
    "中国共产主义青年团和中华全国青年联合会": "共青团和青联",
    "工会界": "工会",
    "总工会": "工会",
    "中华全国总工会": "工会",
    "妇联界": "妇联",
    "妇女联合会": "妇联",
    "中华全国妇女联合会": "妇联",
    "工商联界": "工商联",
    "工商业联合会": "工商联",
    "中华全国工商业联合会": "工商联",
    "科协界": "科协",
    "科学技术协会": "科协",
    "中国科学技术协会": "科协",
    "台联界": "台联",
    "台湾同胞联谊会": "台联",
    "中华全国台湾同胞联谊会": "台联",
    "侨联界": "侨联",
    "归国华侨联合会": "侨联",
    "中华全国归国华侨联合会": "侨联",
    "文艺界": "文化艺术界",
    "科技界": "科学技术界",
    "社科界": "社会科学界",
    "医卫界": "医药卫生界",
    "医疗卫生界": "医药卫生界",
    "卫生界": "医药卫生界",
    "新闻界": "新闻出版界",
    "社会福利界": "社会福利和社会保障界",
    "社会保障界": "社会福利和社会保障界",
    "民族界": "少数民族界",
    "环资界": "环境资源界",
    "特邀": "特别邀请人士",
    "特邀界": "特别邀请人士",
    "特邀人士": "特别邀请人士",
}

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
    "sector": DEFAULT_SECTORS,
}
TYPE_LIST_LABELS = {"activity_type": "活动类型", "request_category": "诉求类别", "sector": "界别"}
