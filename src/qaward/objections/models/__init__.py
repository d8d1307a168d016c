"""Models of the objections app: fields, constraints and cheap properties (writes: domain/)."""

from qaward.objections.models.complaint import Complaint, ComplaintNote
from qaward.objections.models.handling import ExpertAppointment, ObjectionLetter, VerificationRequest
from qaward.objections.models.objection import OPEN_STATES, Objection

__all__ = [
    "OPEN_STATES",
    "Complaint",
    "ComplaintNote",
    "ExpertAppointment",
    "Objection",
    "ObjectionLetter",
    "VerificationRequest",
]
