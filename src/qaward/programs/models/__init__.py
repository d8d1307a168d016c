"""Models of the programs app: fields, constraints and cheap properties only (writes: domain/)."""

from qaward.programs.models.calendar import CalendarOverride, CalendarYear
from qaward.programs.models.call_notice import CallNotice
from qaward.programs.models.cycle import Cycle
from qaward.programs.models.jurisdiction import Jurisdiction
from qaward.programs.models.program import AwardProgram
from qaward.programs.models.recommending_unit import RecommendingUnit, RecommendingUnitKind

__all__ = [
    "AwardProgram",
    "CalendarOverride",
    "CalendarYear",
    "CallNotice",
    "Cycle",
    "Jurisdiction",
    "RecommendingUnit",
    "RecommendingUnitKind",
]
