from .event import AuditEvent

__all__ = ["AuditEvent"]
