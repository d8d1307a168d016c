"""Models of the applications app: fields, constraints and cheap properties only (writes: domain/)."""

from qaward.applications.models.applicant import Applicant, TeamMember
from qaward.applications.models.application import Application, StateChange

__all__ = ["Applicant", "Application", "StateChange", "TeamMember"]
