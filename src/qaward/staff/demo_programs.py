"""Demo jurisdictions, award programs and cycles: the five regulations the rulebooks encode.

Cycle numbers and dates are illustrative (set around late 2026 so that most cycle statuses appear);
award names and GB/T 2260 division codes are real; each office is the one its regulation names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qaward.programs.enums import CycleStatus


@dataclass(frozen=True)
class DemoCycle:
    number: int
    year: int
    call_opens: date
    call_closes: date
    status: str


@dataclass(frozen=True)
class DemoProgram:
    """A demo award program; its jurisdiction comes from the rulebook it runs."""

    name: str
    slug: str
    rulebook_id: str
    office_name: str
    cycles: tuple[DemoCycle, ...]


DEMO_PROGRAMS: tuple[DemoProgram, ...] = (
    DemoProgram(
        name="吉林省质量奖",
        slug="jilin",
        rulebook_id="jilin-2023",
        office_name="吉林省质量奖评审委员会办公室",
        cycles=(
            DemoCycle(1, 2024, date(2024, 4, 1), date(2024, 6, 28), CycleStatus.AWARDED),
            DemoCycle(2, 2026, date(2026, 10, 15), date(2026, 12, 31), CycleStatus.OPEN),
        ),
    ),
    DemoProgram(
        name="长春市市长质量奖",
        slug="changchun",
        rulebook_id="changchun-2018",
        office_name="长春市质量强市战略联席会议办公室",
        cycles=(
            DemoCycle(1, 2024, date(2024, 5, 6), date(2024, 7, 5), CycleStatus.AWARDED),
            DemoCycle(2, 2026, date(2026, 6, 1), date(2026, 7, 31), CycleStatus.REVIEWING),
        ),
    ),
    DemoProgram(
        name="塔城地区政府质量奖",
        slug="tacheng",
        rulebook_id="tacheng-2023",
        office_name="塔城地区质量强区工作领导小组办公室",
        cycles=(DemoCycle(1, 2026, date(2026, 8, 3), date(2026, 10, 30), CycleStatus.CLOSED),),
    ),
    DemoProgram(
        name="晋中市质量奖",
        slug="jinzhong",
        rulebook_id="jinzhong-2023",
        office_name="晋中市标准化和质量强市领导小组办公室",
        cycles=(
            DemoCycle(1, 2024, date(2024, 5, 6), date(2024, 7, 5), CycleStatus.AWARDED),
            DemoCycle(2, 2027, date(2027, 3, 1), date(2027, 4, 30), CycleStatus.DRAFT),
        ),
    ),
    DemoProgram(
        name="吉安市市长质量奖",
        slug="jian",
        rulebook_id="jian-2023",
        office_name="吉安市质量强市领导小组办公室",
        cycles=(
            DemoCycle(1, 2024, date(2024, 3, 1), date(2024, 4, 30), CycleStatus.AWARDED),
            DemoCycle(2, 2026, date(2026, 11, 2), date(2026, 12, 15), CycleStatus.OPEN),
        ),
    ),
)
