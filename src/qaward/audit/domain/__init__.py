"""Writes of the audit app: ``record`` (called by every domain function of every app) and the
security-event helper. Reads are in ``qaward.audit.domain.queries``."""

from qaward.audit.domain.recording import AuditOutsideTransaction, record
from qaward.audit.domain.refusals import RuleRefused, refuse
from qaward.audit.domain.security import record_security_event
from qaward.audit.domain.trail import log_trail_export

__all__ = [
    "AuditOutsideTransaction",
    "RuleRefused",
    "log_trail_export",
    "record",
    "record_security_event",
    "refuse",
]
