"""A demo database with three years of the kind of work the county write-ups describe.

The data is generated from a fixed seed, so the same day always gives the same database;
it ends the day before today, and the current year is partly done (open items included).
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from studio_desk.core.errors import StudioDeskError
from studio_desk.core.models import (
    LEDGER_TYPES,
    Activity,
    Author,
    Donation,
    DonationItem,
    FollowUp,
    Member,
    Proposal,
    Reception,
    Studio,
)
from studio_desk.core.store import Store

DEMO_FILENAME = "demo.sqlite"

STUDIO = Studio(
    id=Studio.SINGLETON_ID,
    name="青溪县政协“同心”委员工作室",
    sector="经济界、个私协会",
    county="政协青溪县委员会",
    address="青溪县城关镇迎宾路18号个私协会三楼",
    founded_on=date(2021, 5, 18),
    convenor="刘刚",
    phone="0839-6621088",
    intro="工作室由经济界、个私协会系统的政协委员组成，以“学习交流的载体、联系群众的纽带、反映社情民意的窗口”为定位，"
    "围绕“企有所呼、我有所应”开展履职活动。",
)

MEMBERS = [
    ("刘刚", "男", "民建", "经济界", "县", "召集人", "青溪县刘记豆腐食品有限公司董事长", date(2021, 5, 18)),
    ("王建国", "男", "中共", "经济界", "市", "主任", "青溪县建国建材有限责任公司总经理", date(2021, 5, 18)),
    ("李秀英", "女", "中共", "妇联", "县", "副主任", "青溪县秀英家政服务中心负责人", date(2021, 5, 18)),
    ("张伟", "男", "九三学社", "科学技术界", "县", "成员", "青溪县农业科技示范园技术员", date(2021, 5, 18)),
    ("陈丽华", "女", "民进", "教育界", "县", "成员", "青溪县城关小学副校长", date(2021, 5, 18)),
    ("赵明", "男", "农工党", "医药卫生界", "县", "成员", "青溪县人民医院主治医师", date(2022, 3, 1)),
    ("孙海燕", "女", "民建", "经济界", "省", "成员", "四川海燕农业开发有限公司总经理", date(2021, 5, 18)),
    ("周勇", "男", "无党派人士", "无党派人士", "县", "成员", "青溪县周勇律师事务所主任", date(2023, 2, 10)),
    ("吴静", "女", "群众", "社会福利和社会保障界", "县", "社情民意信息联络员", "青溪县城关镇社区卫生服务站站长", date(2021, 5, 18)),
    ("郑强", "男", "中共", "经济界", "县", "成员", "青溪县强盛物流有限公司经理", date(2021, 5, 18)),
]

ACTIVITY_PLAN = {
    # type: (per year, topics)
    "集中学习": (10, [
        "学习贯彻全国两会精神",
        "学习《中国共产党政治协商工作条例》",
        "学习习近平总书记关于加强和改进人民政协工作的重要思想",
        "学习县委全会精神",
        "“政协讲堂”：民营经济促进法解读",
        "学习省政协全会精神",
        "读书交流会：《之江新语》",
        "学习党的二十届三中全会精神",
    ]),
    "宣传宣讲": (5, [
        "优化营商环境政策进企业宣讲",
        "民法典进社区宣讲",
        "惠企政策“面对面”宣讲",
        "防范电信网络诈骗进市场宣讲",
        "安全生产月宣传",
    ]),
    "专题培训": (3, [
        "委员履职能力提升培训",
        "社情民意信息撰写专题培训",
        "个体工商户数字化经营培训",
    ]),
    "协商议事": (4, [
        "老县城停车难问题微协商",
        "农贸市场环境整治微协商",
        "豆腐产业品牌建设协商议事会",
        "背街小巷路灯维修微协商",
    ]),
    "视察调研": (4, [
        "重点工业项目建设情况视察",
        "文旅产业发展情况调研",
        "乡村振兴特色产业调研",
        "中小微企业融资难情况调研",
    ]),
    "委员接待日": (6, ["委员接待日（城关镇）", "委员接待日（下寺镇）", "委员接待日（个私协会）"]),
    "联络活动": (2, ["与市政协委员工作室交流学习", "走访联系界别群众"]),
    "公益活动": (3, ["“情暖环卫”公益活动", "关爱留守儿童公益活动", "义诊进乡村"]),
    "经贸活动": (2, ["特色农产品展销会", "招商引资项目签约仪式"]),
}
# What each activity was about and what came of it: the 主要内容及成效 and, for highlights, the note.
TOPIC_DETAILS = {
    "学习贯彻全国两会精神": ("召集人领学全国两会精神，委员结合各自行业谈体会、谈打算。", ""),
    "学习《中国共产党政治协商工作条例》": ("逐章学习条例，围绕如何提高协商质量开展交流研讨。", ""),
    "学习习近平总书记关于加强和改进人民政协工作的重要思想": ("开展专题学习，委员交流履职心得。", ""),
    "学习县委全会精神": ("传达学习县委全会精神，研究工作室贯彻落实措施。", ""),
    "“政协讲堂”：民营经济促进法解读": ("邀请县司法局业务骨干解读民营经济促进法，委员企业代表现场提问。", ""),
    "学习省政协全会精神": ("传达学习省政协全会精神，委员分组讨论。", ""),
    "读书交流会：《之江新语》": ("委员分享读书体会，引导委员多读书、读好书、善读书。", ""),
    "学习党的二十届三中全会精神": ("集中学习全会精神，围绕深化改革与民营经济发展开展研讨。", ""),
    "优化营商环境政策进企业宣讲": ("委员深入工业园区企业宣讲惠企政策，现场解答企业疑问。",
                          "现场解答企业政策疑问23个，帮助4家企业申报技改补贴。"),
    "民法典进社区宣讲": ("委员律师以案说法，宣讲婚姻家庭、相邻关系等群众关心的条款。", ""),
    "惠企政策“面对面”宣讲": ("面向个体工商户宣讲减税降费和创业担保贷款政策。", ""),
    "防范电信网络诈骗进市场宣讲": ("在农贸市场发放宣传资料，讲解常见诈骗手法。", ""),
    "安全生产月宣传": ("走访委员企业开展安全生产宣传，排查安全隐患。", ""),
    "委员履职能力提升培训": ("邀请县政协提案委负责同志讲授提案撰写和履职要求。", ""),
    "社情民意信息撰写专题培训": ("讲解社情民意信息选题与写作，点评委员来稿。",
                          "培训后委员报送社情民意信息质量明显提高，当年有信息被市政协采用。"),
    "个体工商户数字化经营培训": ("邀请电商讲师培训网店运营和直播带货。", "帮助个体工商户开通网店，拓宽销售渠道。"),
    "老县城停车难问题微协商": ("邀请交警、住建、城管部门与群众代表面对面协商老县城停车问题。",
                        "推动新增临时停车位120个，早晚高峰拥堵明显缓解。"),
    "农贸市场环境整治微协商": ("委员、市场管理方和商户代表协商市场环境整治办法。",
                        "推动市场增设垃圾收集点8处，群众反映的脏乱问题得到解决。"),
    "豆腐产业品牌建设协商议事会": ("围绕青溪豆腐品牌建设，委员企业与县农业农村局协商议事。",
                          "形成品牌建设建议5条，其中3条被县农业农村局采纳。"),
    "背街小巷路灯维修微协商": ("委员召集社区、住建部门和居民代表协商路灯维修。",
                        "推动维修、新装路灯46盏，居民夜间出行更加安全。"),
    "重点工业项目建设情况视察": ("委员实地视察工业园区重点项目建设进度，听取项目业主意见。", ""),
    "文旅产业发展情况调研": ("赴剑门关景区和乡村旅游点调研，形成调研报告。", ""),
    "乡村振兴特色产业调研": ("走访合作社和种养大户，了解特色产业发展难题。", ""),
    "中小微企业融资难情况调研": ("走访金融机构和中小微企业，梳理融资难点。", ""),
    "委员接待日（城关镇）": ("委员在城关镇便民服务中心接待来访群众，现场登记诉求。", ""),
    "委员接待日（下寺镇）": ("委员在下寺镇接待来访群众，解答政策咨询。", ""),
    "委员接待日（个私协会）": ("委员接待个体工商户和小微企业主，收集经营困难。", ""),
    "与市政协委员工作室交流学习": ("赴市政协委员工作室学习经验，交流工作做法。", ""),
    "走访联系界别群众": ("委员分组走访界别群众，了解所思所盼。", ""),
    "“情暖环卫”公益活动": ("为环卫工人送去防暑降温物品，开展免费体检。", "为环卫工人免费体检，送去防暑物资。"),
    "关爱留守儿童公益活动": ("委员为留守儿童辅导功课、赠送学习用品。", "组织委员与留守儿童结对，长期开展学业帮扶。"),
    "义诊进乡村": ("组织医疗界委员到村开展义诊，为群众量血压、测血糖。", "为村民免费义诊，发放常用药品。"),
    "特色农产品展销会": ("组织委员企业和合作社参展，推介青溪豆腐、剑门土鸡等特色产品。",
                     "帮助委员企业和合作社拓宽销路，现场成交活跃。"),
    "招商引资项目签约仪式": ("委员企业与外地客商现场签订合作协议。", "促成委员企业与外地客商现场签约，助力县域经济发展。"),
}
# The outcomes an activity of each type records: public (人次), 经济成效 (万元), 受益群众 (人).
OUTCOMES = {
    "宣传宣讲": ((40, 300), (0, 0), (0, 0)),
    "专题培训": ((0, 0), (0, 0), (30, 120)),
    "协商议事": ((15, 80), (0, 0), (0, 0)),
    "委员接待日": ((10, 40), (0, 0), (0, 0)),
    "公益活动": ((20, 120), (0, 0), (20, 200)),
    "经贸活动": ((300, 1500), (50, 1300), (0, 0)),
    "联络活动": ((0, 0), (0, 60), (0, 0)),
}

# The clerk's sections of each demo year, oldest first (two years ago, last year, this year): each
# year names its own shortcomings and plans, as a studio's summaries do from one year to the next.
NARRATIVES = (
    {
        "存在问题": "一是学习的系统性不够，集中学习多、研讨交流少，学用结合还不够紧密。\n"
                  "二是联系群众的渠道还不够宽，“委员接待日”群众知晓度不高，收集社情民意的主动性有待加强。\n"
                  "三是工作室制度执行还不够严格，活动记录、资料归档不够规范。",
        "下一步打算": "下一步，工作室将重点抓好三个方面的工作。\n"
                   "一是健全学习制度，推行“领学+研讨”，每季度开展一次专题研讨，推动学用结合。\n"
                   "二是在社区、农贸市场张贴“委员接待日”公示和扫码找委员海报，让群众找得到委员、说得上话。\n"
                   "三是规范工作室台账，每次活动做到有计划、有记录、有图片、有总结。",
    },
    {
        "存在问题": "一是委员履职不够平衡，个别委员参加活动次数偏少，作用发挥不够充分。\n"
                  "二是建言成果转化还需加强，部分提案和社情民意信息选题不够精准，跟踪问效不够及时。\n"
                  "三是服务委员企业以展销、签约活动为主，帮助企业解决融资、用工等难题的办法还不多。",
        "下一步打算": "下一步，我们将围绕履职提质增效，着力做好以下工作。\n"
                   "一是完善委员履职积分管理，对参加活动偏少的委员及时提醒，推动委员履职常态化。\n"
                   "二是围绕营商环境、特色产业和群众急难愁盼问题选准题目，加强与承办单位沟通，跟踪办理落实。\n"
                   "三是深化“企有所呼、我有所应”工作机制，邀请金融、人社部门开展专场对接，"
                   "帮助委员企业解决融资难、用工难问题。",
    },
    {
        "存在问题": "一是工作室活动经费和场地保障不足，开展大型活动受到一定限制。\n"
                  "二是涉及多个部门的群众诉求办理周期较长，个别诉求还在办理中。\n"
                  "三是总结宣传不够，工作室的好做法、好经验提炼推广不够。",
        "下一步打算": "下一步，工作室将在县政协的指导下，继续做好以下工作。\n"
                   "一是积极争取县政协和有关部门支持，改善工作室活动场地和条件。\n"
                   "二是对涉及多个部门的群众诉求逐件建立跟踪卡，限期反馈办理结果，让群众事事有回音。\n"
                   "三是及时总结委员履职的典型事例，通过县政协网站和微信公众号宣传推广，扩大工作室影响。",
    },
)

# Who organised an activity of each type (drawn with the one random number the organizer always
# took, so that the rest of the demo stays as it was), and what the content says the members did.
ORGANIZERS = {
    "集中学习": ["工作室", "工作室", "县政协委员联络工作委员会"],
    "宣传宣讲": ["工作室", "县工商联", "县司法局、工作室"],
    "专题培训": ["县政协委员联络工作委员会", "工作室", "县政协提案委员会"],
    "协商议事": ["工作室", "县政协经济委员会", "城关镇人民政府、工作室"],
    "视察调研": ["县政协经济委员会", "工作室", "县政协委员联络工作委员会"],
    "委员接待日": ["工作室"],
    "联络活动": ["县政协委员联络工作委员会", "工作室"],
    "公益活动": ["工作室", "县个私协会", "县妇联、工作室"],
    "经贸活动": ["县个私协会", "县商务局、工作室", "工作室"],
}
DOING = {"集中学习": "集中学习", "宣传宣讲": "开展宣讲", "专题培训": "参加培训", "协商议事": "召开协商议事会",
         "视察调研": "开展视察调研", "委员接待日": "接待来访群众", "联络活动": "开展联络活动",
         "公益活动": "开展公益活动", "经贸活动": "组织经贸活动"}
LOCATIONS = ["工作室会议室", "个私协会三楼会议室", "城关镇便民服务中心", "下寺镇文化广场",
             "青溪县工业园区", "剑门关景区游客中心", "城关社区党群服务中心"]

REQUESTS = [
    ("企业经营", "企业走访", "反映小微企业贷款审批周期长，希望协调简化手续", "县金融工作局"),
    ("企业经营", "企业走访", "反映工业园区道路破损，影响货车通行", "县经济和信息化局"),
    ("道路交通", "接待日来访", "反映老县城停车位不足，早晚高峰拥堵", "县公安局交警大队"),
    ("环境卫生", "接待日来访", "反映农贸市场周边垃圾清运不及时", "县综合行政执法局"),
    ("社会保障", "入户走访", "咨询城乡居民养老保险补缴政策", "县人力资源和社会保障局"),
    ("医疗卫生", "入户走访", "独居老人行动不便，希望提供上门健康服务", "城关镇卫生院"),
    ("教育", "接待日来访", "反映学校周边上下学时段交通秩序混乱", "县教育局"),
    ("就业创业", "电话/线上", "返乡青年咨询创业担保贷款办理流程", "县就业服务中心"),
    ("农业农村", "入户走访", "反映村道路灯损坏，夜间出行不便", "城关镇人民政府"),
    ("邻里纠纷", "入户走访", "邻里之间因排水沟占地产生纠纷", ""),
    ("住房", "接待日来访", "咨询老旧小区改造加装电梯政策", "县住房和城乡建设局"),
    ("企业经营", "电话/线上", "个体工商户反映拖欠货款，希望帮助协调", ""),
    ("农业农村", "企业走访", "合作社反映农产品销路不畅", "县农业农村局"),
    ("其他", "电话/线上", "咨询政协委员工作室接待时间", ""),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林"
GIVEN = "建国秀兰志强玉梅德明桂英海燕春花永福丽娟文华红霞晓东国庆淑珍"
VILLAGES = ["城关镇东街社区", "城关镇南门村", "下寺镇青树村", "普安镇五里村", "白龙镇双河村", "开封镇文林村"]

DONATIONS = [
    ("慰问", "环卫工人", 30, [("大米", 30, "袋", 12000), ("食用油", 30, "桶", 9000)], 0),
    ("捐赠", "留守儿童", 45, [("书包", 45, "个", 6000), ("文具套装", 45, "套", 2500)], 500000),
    ("慰问", "困难老党员", 12, [("棉被", 12, "床", 26000)], 240000),
    ("捐赠", "城关小学困难学生", 20, [], 1000000),
    ("慰问", "独居老人", 18, [("牛奶", 18, "箱", 6000), ("鸡蛋", 18, "盒", 3500)], 180000),
    ("捐赠", "下寺镇敬老院老人", 35, [("米面粮油", 1, "批", 860000)], 0),
    ("慰问", "一线防汛人员", 60, [("矿泉水", 100, "箱", 2400), ("方便面", 60, "箱", 4500)], 0),
    ("捐赠", "受灾群众", 80, [("棉衣", 80, "件", 12000)], 2000000),
]
DONORS = ["刘刚委员", "青溪县建国建材有限责任公司", "孙海燕委员", "爱心人士（匿名）", "工作室全体委员",
          "青溪县强盛物流有限公司", "李秀英委员"]

OUTPUTS = [
    ("提案", "关于破解老县城停车难问题的建议"),
    ("提案", "关于做强做优青溪豆腐特色产业的建议"),
    ("提案", "关于进一步优化营商环境的建议"),
    ("提案", "关于加快重点工业项目投资建设的建议"),
    ("提案", "关于推动文旅融合发展的建议"),
    ("提案", "关于加强农村留守儿童关爱服务的建议"),
    ("提案", "关于完善县城公共停车设施规划的建议"),
    ("提案", "关于支持返乡青年创业的建议"),
    ("提案", "关于加强农产品冷链物流建设的建议"),
    ("提案", "关于推进老旧小区加装电梯的建议"),
    ("提案", "关于提升乡镇卫生院服务能力的建议"),
    ("提案", "关于打造剑门关旅游特色街区的建议"),
    ("提案", "关于化解中小企业融资难的建议"),
    ("提案", "关于加强城乡生活垃圾分类处理的建议"),
    ("社情民意信息", "关于小微企业贷款难问题的反映"),
    ("社情民意信息", "关于农贸市场环境卫生问题的反映"),
    ("社情民意信息", "关于乡村道路安全隐患的反映"),
    ("社情民意信息", "关于独居老人健康服务的建议"),
    ("社情民意信息", "关于学校周边交通秩序的反映"),
    ("社情民意信息", "关于个体工商户经营成本上升的反映"),
    ("社情民意信息", "关于农村饮水安全的反映"),
    ("社情民意信息", "关于电动自行车充电安全的反映"),
    ("社情民意信息", "关于农村养老服务短板的反映"),
    ("会议发言", "在县政协全会上的大会发言：激发民营经济活力"),
    ("会议发言", "在专题协商会上的发言：推动县域商贸物流发展"),
    ("会议发言", "在县政协常委会上的发言：促进农文旅融合"),
    ("会议发言", "在界别协商会上的发言：优化政务服务"),
    ("会议发言", "在县政协全会上的大会发言：做强县域特色产业"),
    ("微建议", "关于学校周边增设护学岗的微建议"),
    ("微建议", "关于背街小巷增设路灯的微建议"),
    ("微建议", "关于农贸市场增设公共厕所的微建议"),
    ("微建议", "关于公交站点增设候车亭的微建议"),
    ("意见建议", "对县“十五五”规划编制的意见建议"),
    ("意见建议", "对县政府工作报告的意见建议"),
    ("意见建议", "对县城总体规划修编的意见建议"),
    ("调研报告", "青溪县中小微企业融资情况调研报告"),
    ("调研报告", "青溪县特色农业产业发展调研报告"),
    ("调研报告", "青溪县民营企业用工情况调研报告"),
    ("调研报告", "青溪县农村电商发展情况调研报告"),
    ("提案", "关于加强县域医疗共同体建设的建议"),
]
# The department a topic goes to (the first keyword found in the title).
UNIT_BY_KEYWORD = [
    ("停车", "县住房和城乡建设局"), ("电梯", "县住房和城乡建设局"), ("垃圾", "县综合行政执法局"),
    ("豆腐", "县农业农村局"), ("农产品", "县农业农村局"), ("农业", "县农业农村局"), ("饮水", "县水利局"),
    ("营商环境", "县发展和改革局"), ("工业项目", "县经济和信息化局"), ("融资", "县金融工作局"),
    ("文旅", "县文化广播电视和旅游局"), ("旅游", "县文化广播电视和旅游局"), ("留守儿童", "县民政局"),
    ("养老", "县民政局"), ("创业", "县人力资源和社会保障局"), ("卫生院", "县卫生健康局"), ("医疗", "县卫生健康局"),
    ("学校", "县教育局"), ("交通", "县公安局交警大队"),
]
HANDLER_UNITS = ["县住房和城乡建设局", "县经济和信息化局", "县农业农村局", "县文化广播电视和旅游局",
                 "县发展和改革局", "县教育局", "县民政局"]


def default_demo_path() -> Path:
    from studio_desk.paths import data_dir

    return data_dir() / DEMO_FILENAME


def _days(year: int, last: date) -> list[date]:
    start = date(year, 1, 1)
    end = min(date(year, 12, 31), last)
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _citizen(rng: random.Random) -> tuple[str, str, str]:
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice([1, 2])))
    phone = f"1{rng.choice(['38', '39', '58', '59', '80', '86'])}{rng.randrange(10**8):08d}"
    address = f"{rng.choice(VILLAGES)}{rng.randint(1, 12)}组{rng.randint(1, 60)}号"
    return name, phone, address


def generate(store: Store, today: date | None = None, seed: int = 2021) -> dict[str, int]:
    """Fill an empty store with three years of demo records (ending yesterday)."""
    rng = random.Random(seed)
    today = today or date.today()
    last = today - timedelta(days=1)
    store.save_studio(STUDIO)
    members = [
        store.save(
            Member(
                name=n, gender=g, party=p, sector=s, level=lv, role=r, employer=e, joined_on=j,
                phone=f"139{rng.randrange(10**8):08d}",
            )
        )
        for n, g, p, s, lv, r, e, j in MEMBERS
    ]
    ids = [m.id for m in members]

    def crew(k: int, when: date) -> list[str]:
        present = [m.id for m in members if m.joined_on is None or m.joined_on <= when]
        return rng.sample(present, min(k, len(present)))

    records: list = []
    pool = list(OUTPUTS)  # each output title is used once over the three years
    rng.shuffle(pool)
    for year in (today.year - 2, today.year - 1, today.year):
        days = _days(year, last)
        if not days:
            continue
        share = len(days) / 365
        records += list(_activities(rng, year, days, share, crew))
        records += list(_receptions(rng, days, share, crew, today))
        records += list(_donations(rng, days, share, crew))
        records += list(_outputs(rng, year, days, share, ids, members, today, pool))
    store.save_many(records)
    for year, sections in zip((today.year - 2, today.year - 1, today.year), NARRATIVES):
        for section, text in sections.items():
            store.set_narrative(year, section, text)
    from studio_desk.core.demo_evidence import add_evidence

    add_evidence(store, today)  # photos on a few activities and the coming reception days
    return {cls.TITLE: store.count(cls) for cls in LEDGER_TYPES}


def _outcome(rng: random.Random, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return rng.randint(low, high) if high else 0


def _activities(rng, year, days, share, crew) -> Iterator[Activity]:
    for type_, (per_year, topics) in ACTIVITY_PLAN.items():
        n = max(1, round(per_year * share * rng.uniform(0.8, 1.25)))
        public_range, economy_range, helped_range = OUTCOMES.get(type_, ((0, 0), (0, 0), (0, 0)))
        for i in range(n):
            when = rng.choice(days)
            topic = topics[i % len(topics)]
            content, note = TOPIC_DETAILS.get(topic, ("委员结合各自行业实际交流发言。", ""))
            public = _outcome(rng, public_range)
            economy = _outcome(rng, economy_range) * 10_000 * 100 if rng.random() < 0.8 else 0
            helped = _outcome(rng, helped_range)
            highlight = bool(note) and rng.random() < 0.6
            where = rng.choice(LOCATIONS)
            crew_ids = crew(rng.randint(3, 9), when)
            organizers = ORGANIZERS.get(type_, ["工作室"])
            organizer = organizers[int(rng.random() * len(organizers))]
            doing = DOING.get(type_, "开展活动")
            yield Activity(
                date=when,
                end_date=when + timedelta(days=1) if type_ == "视察调研" and rng.random() < 0.3 else None,
                type=type_,
                topic=topic,
                location=where,
                organizer=organizer,
                member_ids=crew_ids,
                public_count=public,
                suggestion_count=rng.randint(2, 9) if type_ in ("协商议事", "视察调研", "委员接待日") else 0,
                economic_fen=economy,
                beneficiaries=helped,
                content=f"{when.month}月{when.day}日，{organizer}组织{len(crew_ids)}名委员在{where}{doing}。{content}",
                is_highlight=highlight,
                highlight_note=note if highlight else "",
            )


def _receptions(rng, days, share, crew, today) -> Iterator[Reception]:
    n = max(1, round(40 * share))
    disputes = [r for r in REQUESTS if r[0] == "邻里纠纷"]
    for index in range(n):
        when = rng.choice(days)
        # a few neighbours' disputes every year, as any studio mediates some
        category, mode, content, unit = disputes[0] if index % 9 == 4 else rng.choice(REQUESTS)
        name, phone, address = _citizen(rng)
        age = (today - when).days
        dispute = category == "邻里纠纷"
        if dispute:
            handling = "矛盾调解"
        elif unit and rng.random() < 0.6:
            handling = "转交部门"
        elif rng.random() < 0.5:
            handling = "帮办实事"
        else:
            handling = rng.choice(["现场答复", "转为社情民意", "转为提案"])
        deadline = when + timedelta(days=30)
        if age > 45 or (handling == "现场答复"):
            status = "已办结" if rng.random() < 0.93 else "无法办理"
        elif age > 10:
            status = rng.choice(["办理中", "已办结"])
        else:
            status = rng.choice(["待办", "办理中"])
        closed = None
        if status in ("已办结", "无法办理"):
            closed = min(when + timedelta(days=rng.randint(0, 28)), today - timedelta(days=1))
        followups = [FollowUp(date=when, note="受理诉求，登记在册。")]
        if handling == "转交部门":
            followups.append(FollowUp(date=min(when + timedelta(days=2), today), note=f"已转交{unit}办理。"))
        if closed:
            followups.append(FollowUp(date=closed, note="办理完毕，已电话回访当事人。"))
        yield Reception(
            date=when,
            mode=mode,
            person_name=name if mode != "企业走访" else f"青溪县{name[0]}氏商贸有限公司",
            person_phone=phone,
            person_address=address,
            people_count=rng.choice([1, 1, 1, 2, 3]) if mode != "接待日来访" else rng.randint(1, 6),
            household_count=1 if mode == "入户走访" else 0,
            request_category=category,
            request_content=content,
            member_ids=crew(rng.randint(1, 3), when),
            handling=handling,
            transferred_to=unit if handling == "转交部门" else "",
            status=status,
            deadline=deadline,
            closed_on=closed,
            result="已协调相关部门解决，当事人表示认可。" if status == "已办结" else "",
            practical_help=handling == "帮办实事",
            dispute=dispute,
            feedback_given=status == "已办结",
            satisfaction=(rng.choice(["满意"] * 8 + ["基本满意"] * 2 + ["不满意"]) if status == "已办结" else ""),
            followups=followups,
        )


def _donations(rng, days, share, crew) -> Iterator[Donation]:
    n = max(1, round(len(DONATIONS) * share))
    for category, recipients, people, items, cash in rng.sample(DONATIONS, n):
        when = rng.choice(days)
        scale = rng.randint(70, 130) / 100
        people = max(1, round(people * scale))
        cash = round(cash * scale / 10000) * 10000  # whole hundreds of yuan
        items = [(i, max(1, round(q * scale)), u, unit_fen) for i, q, u, unit_fen in items]
        yield Donation(
            date=when,
            category=category,
            donor=rng.choice(DONORS),
            member_ids=crew(rng.randint(1, 4), when),
            recipients=recipients,
            recipient_count=people,
            cash_fen=cash,
            items=[
                DonationItem(name=i, quantity=Decimal(q), unit=u, value_fen=q * unit_fen)
                for i, q, u, unit_fen in items
            ],
            handler="李秀英",
        )


def _outputs(rng, year, days, share, ids, members, today, pool) -> Iterator[Proposal]:
    n = min(len(pool), max(2, round(12 * share)))
    by_id = {m.id: m for m in members}
    chosen, pool[:] = pool[:n], pool[n:]
    refused = False  # one 提案 a year at most is not filed, as in a real studio
    for index, (category, title) in enumerate(chosen):
        draw = rng
        when = rng.choice(days)
        age = (today - when).days
        authors_ids = rng.sample(ids, rng.choice([1, 1, 2, 3]))
        authors = [Author(name=by_id[i].name, member_id=i) for i in authors_ids]
        status, result, level, answered, instruction = "已提交", "", "", None, ""
        handler = ""
        if category == "提案":
            handler = next((u for k, u in UNIT_BY_KEYWORD if k in title), "县人民政府办公室")
            if age > 120:
                status = rng.choice(["办结", "办结", "已答复", "不立案"])
            elif age > 30:
                status = rng.choice(["立案", "交办", "办理中"])
            else:
                handler = ""  # not yet assigned: 已提交
            if status == "不立案" and refused:
                # a second one is handled instead; its own random source leaves the rest as it was
                status, draw = "办结", random.Random(f"{year}-{index}")
            if status == "不立案":
                handler, refused = "", True
            if status in ("办结", "已答复"):
                answered = when + timedelta(days=draw.randint(40, 100))
                result = draw.choice("AABBC")
        elif category == "社情民意信息":
            if age > 30:
                status = rng.choice(["已采用", "已采用", "未采用"])
                if status == "已采用":
                    level = rng.choice(["县", "县", "市", "省"])
                    if rng.random() < 0.3:
                        instruction = "县委主要领导作出批示，要求相关部门研究落实。"
        elif category == "会议发言":
            status = "已提交"
        elif age > 60:  # 意见建议, 微建议, 调研报告: decided on by now
            status = rng.choice(["已采用", "未采用"])
            if status == "已采用":
                level = "县"
        if index == 0 and age < 20:
            status = "草拟"
        followups = [FollowUp(date=when, note="已提交县政协提案委。")] if status != "草拟" else []
        if answered:
            followups.append(FollowUp(date=answered, note=f"{handler}书面答复，委员表示满意。"))
        yield Proposal(
            category=category,
            title=title,
            authors=authors,
            submitted_on=when if status != "草拟" else None,
            session="十一届" + ("三" if year <= 2024 else "四" if year == 2025 else "五") + "次会议"
            if category in ("提案", "会议发言") else "",
            number=f"{year}{index + 1:03d}" if category == "提案" and status not in ("草拟", "已提交", "不立案") else "",
            source=rng.choice(["委员调研", "接待日群众诉求", "界别协商", "走访企业"]),
            status=status,
            handler_unit=handler,
            result_class=result,
            adoption_level=level,
            instruction=instruction,
            answered_on=answered,
            deadline=when + timedelta(days=90) if category == "提案" else None,
            satisfaction="满意" if answered else "",
            content=f"{title}。建议由相关部门牵头，明确责任分工，加强政策支持，限期推动解决。",
            followups=followups,
        )


DEMO_MARK = "demo"


def is_demo_database(path: Path) -> bool:
    """Whether ``path`` is a demo database (marked so when made, or the default demo file)."""
    from studio_desk.core.db import connect

    path = Path(path)
    if path.resolve() == default_demo_path().resolve():
        return True
    try:
        conn = connect(path, readonly=True)
    except StudioDeskError:
        return False
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (DEMO_MARK,)).fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return row is not None


def create_demo_database(target: Path, *, overwrite: bool = False, today: date | None = None) -> dict[str, int]:
    """Write a new demo database at ``target`` (built under a temporary name, then renamed).

    ``overwrite`` replaces only a demo database, and only while no window or command has it open.
    """
    from studio_desk.core.files import atomic_output, is_studio_desk_database
    from studio_desk.core.instance_lock import DatabaseLock

    target = Path(target)
    if target.exists() and not overwrite:
        raise StudioDeskError(f"文件“{target}”已存在。为免覆盖数据，请换一个文件名，或加 --force 覆盖。")
    if target.exists() and is_studio_desk_database(target) and not is_demo_database(target):
        raise StudioDeskError(
            f"“{target}”是一个正式的台账数据库，不是演示数据库，--force 不会覆盖它。请换一个文件名。"
        )
    with DatabaseLock(target, holder="command"):
        with atomic_output(target, allow_database=True) as tmp:
            with Store.open(tmp) as store:
                store.set_file_mark(DEMO_MARK, "1")
                summary = generate(store, today=today)
    return summary
