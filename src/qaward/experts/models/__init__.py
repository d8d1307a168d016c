from qaward.experts.models.agency import Agency, AgencyStaff
from qaward.experts.models.conflicts import Conflict, ConflictPolicy, Declaration
from qaward.experts.models.credit import DisciplineEvaluation, Sanction
from qaward.experts.models.panels import Panel, PanelApplication, PanelMember, SolverRun
from qaward.experts.models.pool import (
    AvailabilityWindow,
    DeclaredRelationship,
    Expert,
    FormerEmployment,
    PoolMembership,
)

__all__ = [
    "Agency",
    "AgencyStaff",
    "AvailabilityWindow",
    "Conflict",
    "ConflictPolicy",
    "Declaration",
    "DeclaredRelationship",
    "DisciplineEvaluation",
    "Expert",
    "FormerEmployment",
    "Panel",
    "PanelApplication",
    "PanelMember",
    "PoolMembership",
    "Sanction",
    "SolverRun",
]
