"""The 履职积分 weights: points per kind of work, editable in the app (stored as a setting)."""

from __future__ import annotations

DEFAULT_POINT_WEIGHTS: dict[str, int] = {
    "activity": 2,  # each activity attended
    "reception": 3,  # each reception or visit on duty
    "proposal_first": 5,  # 提案, first signer
    "proposal_other": 2,  # 提案, other signers
    "social_info": 3,  # 社情民意信息
    "speech": 3,  # 会议发言
    "other_output": 2,  # 意见建议, 微建议, 调研报告
    "adopted": 3,  # bonus when an output is 立案 or 采用
    "instruction": 5,  # bonus for a 领导批示
    "donation": 2,  # each donation or relief visit
}
POINT_WEIGHT_LABELS: dict[str, str] = {
    "activity": "参加活动（每次）",
    "reception": "接待走访（每次）",
    "proposal_first": "提案（第一提出人）",
    "proposal_other": "提案（联名）",
    "social_info": "社情民意信息（每篇）",
    "speech": "会议发言（每次）",
    "other_output": "其他建议（每件）",
    "adopted": "立案或被采用（加分）",
    "instruction": "获领导批示（加分）",
    "donation": "捐赠慰问（每次）",
}
