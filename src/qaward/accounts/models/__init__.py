from .invitation import Invitation, InvitationStatus
from .registration import RecommenderRegistration, RegistrationStatus
from .roles import (
    INVITABLE_ROLES,
    MFA_ROLES,
    OFFICE_GRANTABLE_ROLES,
    STAFF_PAGE_ROLES,
    Role,
    RoleAssignment,
)
from .security import CredentialState
from .user import User

__all__ = [
    "CredentialState",
    "INVITABLE_ROLES",
    "Invitation",
    "InvitationStatus",
    "MFA_ROLES",
    "OFFICE_GRANTABLE_ROLES",
    "RecommenderRegistration",
    "RegistrationStatus",
    "Role",
    "RoleAssignment",
    "STAFF_PAGE_ROLES",
    "User",
]
