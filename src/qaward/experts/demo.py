"""Demo data of this app, loaded by `manage.py load_demo` after programs and accounts.

`load(report)` must be idempotent (a second run creates nothing) and go through domain
functions, so the demo's changes are audited like real ones. `report(text)` prints one line.

Each demo program gets a pool of experts with GB/T 4754 specialties and real-sounding employers;
Jilin gets a disqualified expert with its credit record, Jinzhong an entrusted agency. When the
Jilin demo cycle has applications under review, conflicts are detected, material-review panels
are created and filled by the solver, and the demo expert account ``jilin_expert`` holds a seat.
"""

from __future__ import annotations

import datetime as dt

from qaward.identifiers import uscc_check_char


def _uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


# (name, employer, uscc body or "", region, title, codes, keywords, may_lead)
POOLS: dict[str, list[tuple]] = {
    "jilin": [
        (
            "陈志远",
            "长春理工大学",
            "12220000412756001",
            "220100",
            "教授",
            "C36、C3670、C34",
            "汽车零部件、精益生产、质量管理",
            True,
        ),
        (
            "张海峰",
            "中国第一汽车集团有限公司",
            "91220101123456789",
            "220100",
            "正高级工程师",
            "C3611、C36",
            "整车制造、卓越绩效、质量改进",
            True,
        ),
        (
            "李红梅",
            "吉林省计量科学研究院",
            "12220000412756002",
            "220100",
            "研究员",
            "M7452、M74",
            "计量、检验检测、实验室管理",
            False,
        ),
        (
            "王立新",
            "吉林大学",
            "12220000412756003",
            "220100",
            "教授",
            "C26、C2614、C27",
            "化工、医药制造、过程控制",
            True,
        ),
        (
            "刘素芬",
            "吉林省标准化研究院",
            "12220000412756004",
            "220100",
            "高级工程师",
            "M75、L72",
            "标准化、卓越绩效评价、服务质量",
            False,
        ),
        (
            "赵振东",
            "长春中车轨道客车股份有限公司",
            "91220101123456790",
            "220100",
            "高级工程师",
            "C3711、C37",
            "轨道交通装备、焊接、可靠性",
            True,
        ),
        (
            "孙雪梅",
            "吉林化纤集团有限责任公司",
            "91220200123456791",
            "220200",
            "高级经济师",
            "C28、C2821",
            "化学纤维、质量成本、供应链",
            False,
        ),
        (
            "周建国",
            "吉林省质量协会",
            "51220000512756005",
            "220100",
            "卓越绩效评价师",
            "M、L72",
            "卓越绩效模式、质量奖评审、顾客满意",
            True,
        ),
        (
            "吴敏",
            "延边大学",
            "12222400412756006",
            "222400",
            "副教授",
            "C14、C1491、A",
            "食品安全、人参产业、农产品加工",
            False,
        ),
        (
            "郑玉兰",
            "长白山皇封参业有限公司",
            "91220600123456792",
            "220600",
            "高级农艺师",
            "C14、C15、A01",
            "人参、食品、有机认证",
            False,
        ),
        (
            "冯立军",
            "通化钢铁股份有限公司",
            "91220500123456793",
            "220500",
            "正高级工程师",
            "C31、C3120",
            "钢铁冶炼、六西格玛、设备管理",
            True,
        ),
        (
            "马丽",
            "吉林银行股份有限公司",
            "91220000123456794",
            "220100",
            "高级经济师",
            "J66、J",
            "金融服务、风险管理、客户体验",
            False,
        ),
    ],
    "changchun": [
        (
            "高志明",
            "长春工业大学",
            "12220100412756101",
            "220100",
            "教授",
            "C34、C35",
            "装备制造、质量工程、可靠性",
            True,
        ),
        (
            "林晓燕",
            "长春市产品质量检验院",
            "12220100412756102",
            "220100",
            "高级工程师",
            "M7452",
            "检验检测、认证认可",
            False,
        ),
        (
            "何建华",
            "一汽解放汽车有限公司",
            "91220101123456801",
            "220100",
            "正高级工程师",
            "C3612、C36",
            "商用车、精益生产",
            True,
        ),
        (
            "罗佳",
            "长春光华学院",
            "52220100412756103",
            "220100",
            "副教授",
            "P、M75",
            "质量管理、统计过程控制",
            False,
        ),
        (
            "谢东升",
            "长春市质量技术监督协会",
            "51220100412756104",
            "220100",
            "卓越绩效评价师",
            "L72、M",
            "卓越绩效、质量奖",
            True,
        ),
        (
            "韩冬梅",
            "吉林亚泰（集团）股份有限公司",
            "91220100123456802",
            "220100",
            "高级工程师",
            "C30、E47",
            "建材、建筑施工质量",
            False,
        ),
    ],
    "tacheng": [
        (
            "买买提·艾力",
            "新疆农业大学",
            "12650000412756201",
            "650100",
            "教授",
            "A、C13",
            "农业、农产品加工",
            True,
        ),
        (
            "王建新",
            "塔城地区质量与计量检测所",
            "12654200412756202",
            "654200",
            "高级工程师",
            "M7452",
            "检验检测、计量",
            False,
        ),
        (
            "古丽娜尔",
            "塔城地区标准化协会",
            "51654200412756203",
            "654200",
            "卓越绩效评价师",
            "L72、M75",
            "标准化、质量管理",
            True,
        ),
        (
            "李振江",
            "新疆天山畜牧生物工程股份有限公司",
            "91654200123456804",
            "654200",
            "高级畜牧师",
            "A03、C13",
            "畜牧、肉制品",
            False,
        ),
        (
            "张国庆",
            "额敏县农业技术推广中心",
            "12654221412756204",
            "654221",
            "农艺师",
            "A01",
            "种植、农业标准化",
            False,
        ),
        ("刘婷", "新疆大学", "12650000412756205", "650100", "副教授", "C14、M", "食品安全、质量管理", True),
    ],
    "jinzhong": [
        (
            "郝建军",
            "太原理工大学",
            "12140000412756301",
            "140100",
            "教授",
            "C31、C33",
            "冶金、金属制品、质量工程",
            True,
        ),
        (
            "任秀英",
            "晋中市检验检测中心",
            "12140700412756302",
            "140700",
            "高级工程师",
            "M7452、C15",
            "检验检测、酒类",
            False,
        ),
        (
            "武文斌",
            "山西省标准化研究院",
            "12140000412756303",
            "140100",
            "研究员",
            "M75、L72",
            "标准化、DB14/T 1462",
            True,
        ),
        ("贾晓燕", "晋中学院", "12140700412756304", "140700", "副教授", "C14、C1431", "食品、醋产业", False),
        (
            "乔振华",
            "山西汾酒集团有限公司",
            "91140000123456805",
            "140000",
            "正高级工程师",
            "C1512、C15",
            "白酒酿造、质量管理",
            True,
        ),
        (
            "阎国庆",
            "山西省质量协会",
            "51140000412756305",
            "140100",
            "卓越绩效评价师",
            "M、L72",
            "卓越绩效、质量奖评审",
            True,
        ),
    ],
    "jian": [
        (
            "彭志刚",
            "井冈山大学",
            "12360800412756401",
            "360800",
            "教授",
            "C39、C38",
            "电子信息、智能制造",
            True,
        ),
        (
            "曾丽华",
            "吉安市检验检测认证中心",
            "12360800412756402",
            "360800",
            "高级工程师",
            "M7452",
            "检验检测、认证",
            False,
        ),
        (
            "肖建平",
            "江西省质量协会",
            "51360000412756403",
            "360100",
            "卓越绩效评价师",
            "L72、M",
            "卓越绩效、质量奖",
            True,
        ),
        (
            "刘海燕",
            "吉安市标准化研究所",
            "12360800412756404",
            "360800",
            "高级工程师",
            "M75",
            "标准化、服务标准",
            False,
        ),
        (
            "胡志强",
            "江西红板科技股份有限公司",
            "91360800123456806",
            "360800",
            "高级工程师",
            "C3982、C39",
            "印制电路板、六西格玛",
            True,
        ),
        ("邓小红", "南昌大学", "12360000412756405", "360100", "教授", "C14、A", "食品、富硒农业", False),
    ],
}


def _program(slug):
    from qaward.programs.models import AwardProgram

    return AwardProgram.objects.filter(slug=slug).first()


def _load_pool(program, rows, report) -> int:
    from qaward.experts.domain import pool
    from qaward.experts.domain.queries import pool_of

    existing = set(pool_of(program).values_list("name", flat=True))
    made = 0
    for name, employer, body, region, title, codes, keywords, may_lead in rows:
        if name in existing:
            continue
        pool.create_expert(
            program=program, actor=None, name=name, employer_name=employer,
            employer_uscc=_uscc(body) if body else "", region_code=region, title=title,
            industry_codes=codes, keywords=keywords, may_lead=may_lead, max_load=5,
        )  # fmt: skip
        made += 1
    if made:
        report(f"专家库：{program.name} 新增 {made} 名专家")
    return made


def _jilin_extras(program, report) -> None:
    from django.contrib.auth import get_user_model

    from qaward.experts.domain import credit, pool
    from qaward.experts.enums import EvaluationRating, SanctionKind
    from qaward.experts.models import Expert

    experts = {e.name: e for e in Expert.objects.filter(memberships__program=program)}
    chen = experts.get("陈志远")
    user = get_user_model().objects.filter(username="jilin_expert").first()
    if chen and user and chen.user_id is None and not Expert.objects.filter(user=user).exists():
        pool.link_account(expert=chen, user=user, program=program, actor=None)
        report("专家库：陈志远 关联演示账号 jilin_expert")
    wang = experts.get("王立新")
    if wang and not wang.former_employments.exists():
        pool.add_former_employment(
            expert=wang, employer_name="吉林化纤集团有限责任公司", employer_uscc=_uscc("91220200123456791"),
            started=dt.date(2015, 7, 1), ended=dt.date(2024, 6, 30), program=program, actor=None,
        )  # fmt: skip
    wu = experts.get("吴敏")
    if wu and not wu.relationships.exists():
        pool.declare_relationship(
            expert=wu, kind="coaching", counterparty_name="长白山皇封参业有限公司", program=program, actor=None,
            note="2025年为其提供质量奖申报辅导",
        )  # fmt: skip
    if "钱卫东" not in experts:
        qian = pool.create_expert(
            program=program, actor=None, name="钱卫东", employer_name="吉林某质量咨询有限公司", region_code="220100",
            title="高级工程师", industry_codes="C36", keywords="汽车、质量咨询", max_load=5,
        )  # fmt: skip
        credit.record_evaluation(
            expert=qian, program=program, evaluator="吉林某汽车零部件有限公司", rating=EvaluationRating.POOR,
            comment="现场评审期间向申报组织推销咨询服务", actor=None,
        )  # fmt: skip
        credit.impose_sanction(
            expert=qian, program=program, kind=SanctionKind.DISQUALIFICATION,
            reason="现场评审期间向申报组织推销咨询服务，经监督分委会核实", actor=None,
        )  # fmt: skip
        report("专家库：钱卫东 取消评审资格（第四十条(一)）")


def _jinzhong_agency(program, report) -> None:
    from qaward.experts.domain import agency
    from qaward.experts.models import Agency

    if not Agency.objects.filter(program=program).exists():
        agency.entrust_agency(
            program=program, name="山西晋质质量技术服务有限公司", uscc=_uscc("91140700MA0K12345"),
            scope="组建评审组、组织材料评审和现场评审（第十三条(四)、第十四条）", entrusted_from=dt.date(2027, 3, 1),
            entrusted_until=dt.date(2027, 12, 31), actor=None,
        )  # fmt: skip
        report("专家库：晋中市质量奖 委托第三方机构")


def _jilin_panels(program, report) -> None:
    """Once the Jilin demo cycle has applications under review: conflicts, panels, solver."""
    from qaward.experts.domain import assignment, conflicts, panels
    from qaward.experts.enums import MemberStatus, PanelStage
    from qaward.experts.models import Expert, Panel, PanelMember

    cycle = program.cycles.order_by("-number").first()
    if cycle is None or not conflicts.reviewable_applications(cycle).exists():
        return
    if Panel.objects.filter(cycle=cycle).exists():
        return
    found = conflicts.detect_conflicts(cycle=cycle, actor=None)
    made = panels.create_panels_per_application(
        cycle=cycle, stage=PanelStage.MATERIAL_REVIEW, actor=None, size=3,
        starts=dt.date(2027, 3, 15), ends=dt.date(2027, 3, 26),
    )  # fmt: skip
    assignment.run_solver(panels=made, actor=None)
    chen = Expert.objects.filter(user__username="jilin_expert").first()
    if (
        chen
        and not PanelMember.objects.filter(expert=chen, panel__in=made, status=MemberStatus.INVITED).exists()
    ):
        for panel in made:
            if panels.why_not_seat(panel, chen):
                continue
            spare = panel.members.filter(status=MemberStatus.INVITED, is_leader=False, locked=False).first()
            if spare:
                panels.remove_member(member=spare, actor=None, reason="演示：调整评审组成员")
                panels.add_member(panel=panel, expert=chen, actor=None)
                break
    report(f"评审组：{cycle} 发现回避 {len(found)} 项，组建资料评审组 {len(made)} 个并由求解器分配专家")


def load(report) -> None:
    for slug, rows in POOLS.items():
        program = _program(slug)
        if program is None:
            continue
        _load_pool(program, rows, report)
        if slug == "jilin":
            _jilin_extras(program, report)
            _jilin_panels(program, report)
        if slug == "jinzhong":
            _jinzhong_agency(program, report)
