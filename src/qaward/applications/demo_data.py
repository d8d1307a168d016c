"""Demo applicants and applications (fictional names, valid codes computed at load time).

Each entry names the program, the applicant and how far its application goes: ``draft``
(partly filled), ``submitted`` (complete, submitted on ``submit_on`` through ``unit``) or
``returned`` (submitted, then returned by the recommending unit with a reason and deadline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DemoApplicant:
    program: str  # program slug
    kind: str
    name: str
    region: str
    contact: str  # username (jilin_applicant or a demo contact created here)
    contact_name: str
    state: str  # draft | submitted | returned
    tier: str = "award"
    track: str = ""
    unit: str = ""  # recommending unit name ("" for the direct route)
    route_via: str = "region"
    submit_on: date | None = None  # None: today
    publicity: tuple[date, date] | None = None
    industry: str = "C3670"
    founded: date = date(2006, 5, 18)
    tags: tuple[str, ...] = ()
    size: str = "large"
    keywords: str = "质量管理体系、卓越绩效、精益生产"
    members: tuple[tuple[str, str], ...] = ()  # teams: (name, role)
    employer: str = ""
    parent: str = ""  # a branch: the parent's name (registered in this list first)
    past_award: tuple[str, date, int] | None = None  # (tier, date, cycle number)
    extra: dict = field(default_factory=dict)


UNITS: tuple[tuple[str, str, str, str], ...] = (
    # (program, name, kind, region code): units the recommending routes of these rulebooks need
    ("tacheng", "塔城市市场监督管理局", "region", "654201"),
    ("tacheng", "塔城地区工业和信息化局", "industry_department", ""),
    ("jinzhong", "晋中市榆次区人民政府", "region", "140702"),
    ("jinzhong", "晋中市工业和信息化局", "industry_department", ""),
    ("jian", "吉州区质量强区工作领导小组", "region", "360802"),
    ("jian", "吉安市工业和信息化局", "industry_department", ""),
)

APPLICANTS: tuple[DemoApplicant, ...] = (
    # 吉林省质量奖 第二届 (open): the demo account's draft, and applications with 长春市市场监督管理局.
    DemoApplicant("jilin", "organization", "长春北辰精密机械有限公司", "220104", "jilin_applicant", "孙丽娜", "draft",
                  track="general", unit="长春市市场监督管理局", keywords="精密机械加工、数控机床、质量管理体系"),
    DemoApplicant("jilin", "organization", "长春华轨客车装备股份有限公司", "220106", "demo_hgkc", "王建军", "submitted",
                  track="general", unit="长春市市场监督管理局", publicity=(date(2026, 10, 19), date(2026, 10, 23)),
                  founded=date(1998, 3, 12), keywords="轨道客车、焊接、转向架、卓越绩效"),
    DemoApplicant("jilin", "organization", "吉林省松原玉禾生物科技有限公司", "220702", "demo_yuhe", "刘海燕", "submitted",
                  track="zjtx", route_via="industry_department", unit="吉林省工业和信息化厅", size="medium",
                  publicity=(date(2026, 10, 26), date(2026, 10, 30)), founded=date(2021, 6, 1),
                  tags=("专精特新",), industry="C1495", keywords="玉米深加工、生物发酵、食品安全"),
    DemoApplicant("jilin", "organization", "长春启明汽车电子有限公司", "220102", "demo_qiming", "赵敏", "returned",
                  track="general", unit="长春市市场监督管理局", publicity=(date(2026, 10, 12), date(2026, 10, 16)),
                  industry="C3670", past_award=("nominee", date(2024, 12, 20), 1), keywords="汽车电子、功能安全、IATF 16949"),
    DemoApplicant("jilin", "individual", "陈立华", "220104", "demo_chenlh", "陈立华", "submitted",
                  track="general", unit="长春市市场监督管理局", publicity=(date(2026, 11, 2), date(2026, 11, 6)),
                  employer="长春华轨客车装备股份有限公司", keywords="质量工程师、六西格玛、焊接质量"),
    # 长春市市长质量奖 第二届 (under review): submitted before the call closed on 2026-07-31.
    DemoApplicant("changchun", "organization", "榆树市丰穗粮油食品有限公司", "220182", "demo_fengsui", "张国庆", "submitted",
                  unit="榆树市市场监督管理局", submit_on=date(2026, 7, 20), industry="C1331", size="medium",
                  keywords="粮油加工、食品安全、HACCP"),
    DemoApplicant("changchun", "organization", "长春光远精密光学仪器有限公司", "220104", "demo_guangyuan", "李文博", "submitted",
                  route_via="industry_department", unit="长春市工业和信息化局", submit_on=date(2026, 7, 28),
                  industry="C4040", keywords="光学仪器、精密测量、计量校准"),
    DemoApplicant("changchun", "organization", "长春新城物业服务有限公司", "220106", "demo_xincheng", "周丽", "draft",
                  industry="K7020", size="medium", keywords="物业服务、顾客满意"),
    # 塔城地区政府质量奖 第一届 (closed 2026-10-30): a company and a branch with its parent's opinion.
    DemoApplicant("tacheng", "organization", "塔城边城乳业有限责任公司", "654201", "demo_biancheng", "阿依努尔", "submitted",
                  unit="塔城市市场监督管理局", submit_on=date(2026, 9, 15), publicity=(date(2026, 8, 10), date(2026, 8, 14)),
                  industry="C1441", size="medium", keywords="乳制品、奶源管理、食品安全"),
    DemoApplicant("tacheng", "organization", "新疆准噶尔能源集团有限公司", "654201", "demo_zhunge", "马建新", "draft",
                  unit="塔城地区工业和信息化局", route_via="industry_department", industry="D4411", keywords="电力生产"),
    DemoApplicant("tacheng", "organization", "新疆准噶尔能源集团有限公司塔城供热分公司", "654201", "demo_zhunge", "马建新",
                  "submitted", unit="塔城地区工业和信息化局", route_via="industry_department", submit_on=date(2026, 10, 20),
                  publicity=(date(2026, 9, 14), date(2026, 9, 18)), parent="新疆准噶尔能源集团有限公司",
                  industry="D4430", keywords="集中供热、节能减排、设备管理"),
    # 晋中市质量奖 第二届 (2027, call not yet published): drafts prepared early; a 2024 winner is barred.
    DemoApplicant("jinzhong", "organization", "晋中太行液压机械有限公司", "140702", "demo_taihang", "郭志刚", "draft",
                  industry="C3444", keywords="液压件、铸造、质量管理体系"),
    DemoApplicant("jinzhong", "organization", "山西平遥古城牛肉食品有限公司", "140728", "demo_pingyao", "冀红梅", "draft",
                  industry="C1351", past_award=("award", date(2024, 9, 26), 1), keywords="牛肉制品、传统工艺、食品安全"),
    DemoApplicant("jinzhong", "team", "太行液压焊接质量攻关小组", "140702", "demo_taihang", "郭志刚", "draft",
                  track="qc_group", members=(("郭志刚", "组长"), ("王丽君", "工艺工程师"), ("李国栋", "质检员"))),
    # 吉安市市长质量奖 第二届 (open).
    DemoApplicant("jian", "organization", "吉安井冈电子科技有限公司", "360802", "demo_jinggang", "罗文华", "submitted",
                  unit="吉州区质量强区工作领导小组", publicity=(date(2026, 11, 9), date(2026, 11, 13)),
                  industry="C3982", keywords="电子元器件、SMT、可靠性"),
    DemoApplicant("jian", "individual", "曾庆和", "360802", "demo_zengqh", "曾庆和", "submitted",
                  unit="吉州区质量强区工作领导小组", publicity=(date(2026, 11, 9), date(2026, 11, 13)),
                  employer="吉安井冈电子科技有限公司", keywords="卓越绩效、质量管理、精益生产"),
    DemoApplicant("jian", "organization", "吉安庐陵茶业有限公司", "360802", "demo_luling", "肖雪梅", "draft",
                  industry="C1530", size="small", keywords="茶叶加工、地理标志"),
)  # fmt: skip
