"""Models of the applications app: fields, constraints and cheap properties only (writes: domain/)."""

from qaward.applications.models.applicant import Applicant, TeamMember
from qaward.applications.models.application import Application, StateChange
from qaward.applications.models.ban import ApplicantBan
from qaward.applications.models.intake import ApplicationMaterial, AwardRecord, InternalPublicity

__all__ = [
    "ApplicantBan",
    "Applicant",
    "Application",
    "ApplicationMaterial",
    "AwardRecord",
    "InternalPublicity",
    "StateChange",
    "TeamMember",
]
