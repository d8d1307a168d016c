"""The rulebook engine: plain functions over a :class:`Rulebook` and plain data, returning verdicts."""

from .awards import Allocation, Candidate, PrizeDecision, allocate, may_open_cycle, pipeline_for, prize_for
from .eligibility import EligibilityReport, check_eligibility
from .history import BanDecision, CycleRef, HistoryEvent, MayApply, ban_until, may_apply
from .verdict import RuleRefusal, Verdict

__all__ = [
    "Allocation",
    "BanDecision",
    "Candidate",
    "CycleRef",
    "EligibilityReport",
    "HistoryEvent",
    "MayApply",
    "PrizeDecision",
    "RuleRefusal",
    "Verdict",
    "allocate",
    "ban_until",
    "check_eligibility",
    "may_apply",
    "may_open_cycle",
    "pipeline_for",
    "prize_for",
]
