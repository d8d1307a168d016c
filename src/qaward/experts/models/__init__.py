from qaward.experts.models.agency import Agency, AgencyStaff
from qaward.experts.models.credit import DisciplineEvaluation, Sanction
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
    "DeclaredRelationship",
    "DisciplineEvaluation",
    "Expert",
    "FormerEmployment",
    "PoolMembership",
    "Sanction",
]
