"""Demo recommending units (推荐单位), following each regulation's recommending routes.

Jilin 第十四条: the city (prefecture) market supervision bureaus, the provincial industry
departments, and direct application to the provincial award office. Changchun 第七条: the county
(city) market supervision bureaus, the city's departments and the trade associations. Division
codes are real GB/T 2260 codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from qaward.programs.models import RecommendingUnitKind as Kind


@dataclass(frozen=True)
class DemoUnit:
    program_slug: str
    name: str
    kind: str
    region_code: str = ""


DEMO_UNITS: tuple[DemoUnit, ...] = (
    DemoUnit("jilin", "长春市市场监督管理局", Kind.REGION, "220100"),
    DemoUnit("jilin", "吉林市市场监督管理局", Kind.REGION, "220200"),
    DemoUnit("jilin", "延边朝鲜族自治州市场监督管理局", Kind.REGION, "222400"),
    DemoUnit("jilin", "吉林省工业和信息化厅", Kind.INDUSTRY_DEPARTMENT),
    DemoUnit("jilin", "吉林省质量奖评审委员会办公室（驻吉中直组织直接申报）", Kind.DIRECT_OFFICE),
    DemoUnit("changchun", "榆树市市场监督管理局", Kind.REGION, "220182"),
    DemoUnit("changchun", "农安县市场监督管理局", Kind.REGION, "220122"),
    DemoUnit("changchun", "长春市工业和信息化局", Kind.INDUSTRY_DEPARTMENT),
    DemoUnit("changchun", "长春市质量协会", Kind.INDUSTRY_ASSOCIATION),
)
