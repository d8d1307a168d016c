"""Chinese names for rulebook paths, so a comparison reads 「奖项 › 质量奖 › 名额 › 合计」 rather than
``tiers.award.quota.combined``. Data labels in the domain language, like the rulebooks themselves."""

from __future__ import annotations

import re

from .schema import STAGE_LABELS
from .schema_base import KIND_LABELS, TIER_LABELS

SECTIONS = {
    "title": "办法名称",
    "award_name": "奖项名称",
    "issuer": "发文机关",
    "doc_no": "文号",
    "effective": "施行日期",
    "effective_note": "施行说明",
    "status": "状态",
    "jurisdiction": "行政区域",
    "office": "评委办",
    "committee_body": "评委会",
    "cycle": "评选周期",
    "fees_charged": "收费",
    "entrustment_allowed": "委托第三方",
    "applicant_kinds": "申报类别",
    "tiers": "奖项与名额",
    "vacancies_allowed": "奖项空缺",
    "rewinners": "再次获奖",
    "eligibility": "申报条件",
    "intake": "申报与受理",
    "publicity": "公示",
    "pipelines": "评审流程",
    "rubrics": "评价标准",
    "composite": "综合评价",
    "committee": "审定",
    "approval": "批准",
    "prizes": "奖励",
    "validity": "有效期",
    "reapplication": "再次申报",
    "bans": "不予受理",
    "revocation": "撤销",
    "objections": "异议",
    "supervision": "监督管理",
    "retention": "材料保存",
    "transitional": "过渡规定",
}

FIELDS = {
    "years": "年",
    "cycles": "评选周期数",
    "in_principle": "“原则上”",
    "alternates_with": "交替评选",
    "anchor_year": "起始年份",
    "value": "",
    "label": "名称",
    "rank": "等次",
    "admits": "接受类别",
    "quota": "名额",
    "combined": "合计",
    "per_kind": "按类别",
    "outside_quota": "不占名额",
    "prize_money": "授予奖金",
    "items": "奖励内容",
    "amount_yuan": "奖金（元）",
    "min_members": "最少人数",
    "max_members": "最多人数",
    "tracks": "申报序列",
    "rubric": "评价标准",
    "branches": "分支机构",
    "allowed": "允许",
    "parent_recommendation_required": "须上级推荐",
    "fact": "事实",
    "equals": "等于",
    "at_least": "不少于",
    "at_most": "不超过",
    "none_within_years": "近N年内无",
    "judgement": "需判定",
    "any_of": "满足其一",
    "all_of": "全部满足",
    "applies_if": "适用于",
    "encouraged_only": "仅鼓励",
    "routes": "推荐渠道",
    "via": "方式",
    "min_workdays": "最少工作日",
    "exact": "固定期限",
    "counting": "计数方式",
    "channel": "渠道",
    "run_by": "组织者",
    "subject": "公示内容",
    "stages": "环节",
    "stage": "环节",
    "max_days": "最长天数",
    "public_broadcast": "向社会公开",
    "separate_panel": "单独组建专家组",
    "gate": "通过方可进入下一环节",
    "weights": "权重",
    "quorum": "到会比例",
    "threshold": "通过比例",
    "decision": "方式",
    "body": "机构",
    "authority": "批准机关",
    "bar": "期限",
    "period": "期限",
    "counted_from": "起算",
    "blocks_tiers": "限制奖项",
    "blocks": "限制",
    "scope": "范围",
    "after_tier": "获奖等次",
    "ground": "情形",
    "grounds": "撤销情形",
    "window": "期限",
    "workdays": "工作日",
    "on_miss": "逾期后果",
    "departments": "征求意见部门",
    "checks": "审查内容",
    "kinds": "类别",
    "tiers": "奖项",
}

_INDEX = re.compile(r"^(.*)\[(.+)\]$")


def _part(token: str) -> str:
    for table in (TIER_LABELS, KIND_LABELS, STAGE_LABELS):
        if token in table:
            return table[token]
    if "/" in token or "+" in token:
        return "/".join("+".join(_part(t) for t in piece.split("+")) for piece in token.split("/"))
    return FIELDS.get(token, token)


def describe_path(path: str) -> str:
    """``tiers.award.quota.combined`` → ``奖项与名额 › 质量奖 › 名额 › 合计``."""
    words: list[str] = []
    for position, token in enumerate(path.split(".")):
        match = _INDEX.match(token)
        name, key = (match.group(1), match.group(2)) if match else (token, None)
        words.append(SECTIONS.get(name, _part(name)) if position == 0 else _part(name))
        if key is not None:
            words.append(_part(key))
    return " › ".join(w for w in words if w)
