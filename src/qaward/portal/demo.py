"""Demo call notices (申报通知) for the programs' current cycles, shown on the public portal.

Idempotent: a cycle that already has a call notice gets none. Draft cycles are left as drafts
(publishing their notice would open them for applications).
"""

from __future__ import annotations

from datetime import timedelta

from qaward.programs.enums import CycleStatus
from qaward.programs.models import AwardProgram, CallNotice

AGENCY = {
    "jilin": "吉质奖办",
    "changchun": "长质奖办",
    "tacheng": "塔质奖办",
    "jinzhong": "晋质奖办",
    "jian": "吉安质奖办",
}

MATERIALS = [
    "申报表（加盖公章）",
    "自我评价报告（按评价准则逐条编写）",
    "营业执照等主体资格证明复印件",
    "质量、安全、环保、信用等方面的证明材料",
    "推荐单位审核意见",
]


def _body(program, cycle) -> str:
    return (
        f"各有关单位：\n"
        f"根据《{program.name}管理办法》有关规定，现组织开展{program.name}{cycle.label}评选申报工作。"
        f"申报时间为{cycle.call_opens:%Y年%m月%d日}至{cycle.call_closes:%Y年%m月%d日}。\n"
        "请符合条件的组织和个人对照申报条件认真开展自我评价，按要求填写申报材料，"
        "经推荐单位审核并公示无异议后报送评委办。评选不收取任何费用。"
    )


def load(report) -> None:
    from qaward.programs.domain.calls import publish_call_notice

    for program in AwardProgram.objects.filter(active=True).order_by("pk"):
        cycle = (
            program.cycles.exclude(status__in=[CycleStatus.DRAFT, CycleStatus.ARCHIVED])
            .order_by("-number")
            .first()
        )
        if cycle is None or CallNotice.objects.filter(cycle=cycle).exists():
            continue
        published_on = cycle.call_opens - timedelta(days=10)
        notice = publish_call_notice(
            cycle=cycle,
            title=f"关于开展{program.name}{cycle.label}评选申报工作的通知",
            doc_no=f"{AGENCY.get(program.slug, '质奖办')}〔{published_on.year}〕1号",
            body=_body(program, cycle),
            materials=MATERIALS,
            contact=f"{program.office_name}\n联系人：李老师　电话：0431-88886666",
            published_on=published_on,
            actor=None,
        )
        report(f"call notice {notice}")
