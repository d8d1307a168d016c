"""Self-evaluation items by rubric id (the ``rubric`` of a rulebook track).

The organisation rubrics of four rulebooks cite GB/T 19580 (Jilin's 组织类 specification is based
on it); its seven categories and their items and points are those of GB/Z 19579-2012 附录A.
The Shanxi organisation spec (DB14/T 1463/1464) names the dimensions 质量提升、创新发展、品牌影响、
组织效益; Jilin's 专精特新 and individual specifications and the individual rubrics of Ji'an and
Shanxi are not public: their items here are office-defined data that follow the eligibility
articles (each item's ``basis``), to be replaced by the office's own list when it has one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RubricItem:
    id: str
    label: str
    points: int | None = None
    guidance: str = ""  # sub-items or what to describe
    basis: str = ""  # where the item comes from


@dataclass(frozen=True)
class Rubric:
    id: str
    title: str
    items: tuple[RubricItem, ...]
    office_defined: bool = False

    @property
    def total_points(self) -> int | None:
        points = [item.points for item in self.items]
        return None if None in points else sum(points)  # type: ignore[arg-type]


GBT_19580 = (
    RubricItem("4.1", "领导", 110, "4.1.2 高层领导的作用（50）；4.1.3 组织治理（30）；4.1.4 社会责任（30）"),
    RubricItem("4.2", "战略", 90, "4.2.2 战略制定（40）；4.2.3 战略部署（50）"),
    RubricItem("4.3", "顾客与市场", 90, "4.3.2 顾客和市场的了解（40）；4.3.3 顾客关系与顾客满意（50）"),
    RubricItem(
        "4.4",
        "资源",
        130,
        "4.4.2 人力资源（60）；4.4.3 财务资源（15）；4.4.4 信息和知识资源（20）；4.4.5 技术资源（15）；"
        "4.4.6 基础设施（10）；4.4.7 相关方关系（10）",
    ),
    RubricItem("4.5", "过程管理", 100, "4.5.2 过程的识别与设计（50）；4.5.3 过程的实施与改进（50）"),
    RubricItem("4.6", "测量、分析与改进", 80, "4.6.2 测量、分析和评价（40）；4.6.3 改进与创新（40）"),
    RubricItem(
        "4.7",
        "结果",
        400,
        "4.7.2 产品和服务结果（80）；4.7.3 顾客与市场结果（80）；4.7.4 财务结果（80）；4.7.5 资源结果（60）；"
        "4.7.6 过程有效性结果（50）；4.7.7 领导方面的结果（50）",
    ),
)

RUBRICS: dict[str, Rubric] = {
    r.id: r
    for r in (
        Rubric("jilin-organization", "吉林省质量奖组织类评价规范（基于 GB/T 19580）", GBT_19580),
        Rubric("changchun-organization", "GB/T 19580《卓越绩效评价准则》", GBT_19580),
        Rubric("tacheng-organization", "GB/T 19580《卓越绩效评价准则》", GBT_19580),
        Rubric("jian-organization", "GB/T 19580《卓越绩效评价准则》", GBT_19580),
        Rubric(
            "shanxi-organization",
            "山西省质量奖组织类评价规范",
            (
                RubricItem("quality", "质量提升", None, "质量战略、质量管理体系、产品和服务质量水平及其提升"),
                RubricItem("innovation", "创新发展", None, "技术创新、管理创新、自主知识产权、成果转化"),
                RubricItem("brand", "品牌影响", None, "品牌建设、社会美誉度、质量诚信"),
                RubricItem("performance", "组织效益", None, "经营业绩、社会贡献、节能减排和环境保护成效"),
            ),
            office_defined=True,
        ),
        Rubric(
            "jilin-zjtx",
            "吉林省质量奖“专精特新”企业评价规范",
            (
                RubricItem("specialised", "专业化", None, "主营业务聚焦、细分市场地位", "吉林 第六条"),
                RubricItem("refined", "精细化", None, "精细化管理、质量管理体系和过程控制", "吉林 第六条"),
                RubricItem("distinctive", "特色化", None, "特色产品和服务、品牌影响力", "吉林 第六条"),
                RubricItem("novel", "新颖化", None, "研发投入、创新成果和知识产权", "吉林 第六条"),
                RubricItem(
                    "results",
                    "质量和经营结果",
                    None,
                    "近3年主要经济、技术、质量指标及其水平",
                    "吉林 第十五条(五)",
                ),
            ),
            office_defined=True,
        ),
        Rubric(
            "jilin-individual",
            "吉林省质量奖个人类评价规范",
            (
                RubricItem(
                    "experience",
                    "质量工作经历",
                    None,
                    "从事质量相关工作的年限、岗位与在吉林省的工作经历",
                    "第十六条(二)",
                ),
                RubricItem(
                    "methods",
                    "方法与经验",
                    None,
                    "在质量管理实践或研究中形成的方法和经验，或体现“工匠精神”的工作成果",
                    "第十六条(三)",
                ),
                RubricItem(
                    "contribution",
                    "突出贡献",
                    None,
                    "对组织、行业或全省质量发展的贡献及其效益",
                    "第十六条(三)",
                ),
                RubricItem(
                    "conduct",
                    "职业道德与社会评价",
                    None,
                    "恪守职业道德和社会规范的情况、获得的荣誉和社会评价",
                    "第十六条(四)",
                ),
            ),
            office_defined=True,
        ),
        Rubric(
            "jian-individual",
            "吉安市市长质量奖个人类评价（参照 GB/T 19580）",
            (
                RubricItem(
                    "experience",
                    "质量工作经历",
                    None,
                    "从事质量管理理论研究、实践或基层质量工作的年限和岗位",
                    "第十一条(二)",
                ),
                RubricItem(
                    "excellence",
                    "推广先进管理模式",
                    None,
                    "实施和推广卓越绩效管理等先进管理模式的做法与贡献",
                    "第十一条(三)",
                ),
                RubricItem(
                    "benefits", "所属组织的效益", None, "所属组织由此取得的经济效益和社会效益", "第十一条(三)"
                ),
                RubricItem(
                    "recognition", "社会认同", None, "质量工作业绩的社会认同和获得的荣誉", "第十一条(四)"
                ),
            ),
            office_defined=True,
        ),
        Rubric(
            "shanxi-individual",
            "山西省质量奖个人类评价规范",
            (
                RubricItem(
                    "awareness", "质量意识与创新能力", None, "质量意识、责任感和创新能力", "第十一条(三)"
                ),
                RubricItem(
                    "practice",
                    "实践经验与研究成果",
                    None,
                    "质量管理实践经验、理论研究或科研攻关成果",
                    "第十一条(四)",
                ),
                RubricItem("benefits", "效益", None, "取得的经济效益、质量效益和社会效益", "第十一条(四)"),
                RubricItem(
                    "reputation", "社会影响与认同", None, "在质量工作领域的知名度和同行认同", "第十一条(五)"
                ),
            ),
            office_defined=True,
        ),
    )
}


def rubric(rubric_id: str) -> Rubric:
    """The rubric with this id; a rulebook naming an unknown rubric is a data error (KeyError)."""
    return RUBRICS[rubric_id]
