from .roles import MFA_ROLES, Role, RoleAssignment
from .user import User

__all__ = ["MFA_ROLES", "Role", "RoleAssignment", "User"]
