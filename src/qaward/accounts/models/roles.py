"""Roles, each held by a user within one award program (a person may hold several).

A role is a fact about a person and a program, never a Django group: permissions are predicates
(``rules``) over these facts and the domain objects, in each app's ``rules.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")
    OFFICE_STAFF = "office_staff", _("Award office staff")
    COMMITTEE = "committee", _("Committee member")
    SUPERVISOR = "supervisor", _("Supervisor")
    RECOMMENDER = "recommender", _("Recommender")
    APPLICANT = "applicant", _("Applicant contact")
    EXPERT = "expert", _("Expert")
    PANEL_LEADER = "panel_leader", _("Panel leader")


# Roles whose holders must use a second factor (等保 level 3: two factors for privileged users).
MFA_ROLES = frozenset(
    {Role.PLATFORM_ADMIN, Role.OFFICE_STAFF, Role.SUPERVISOR, Role.COMMITTEE, Role.EXPERT, Role.PANEL_LEADER}
)


# Roles the award office grants within its own program. Office staff and platform administrators
# are appointed by a platform administrator: an office cannot enlarge itself or the platform.
OFFICE_GRANTABLE_ROLES = frozenset(
    {Role.COMMITTEE, Role.SUPERVISOR, Role.RECOMMENDER, Role.APPLICANT, Role.EXPERT, Role.PANEL_LEADER}
)

# Roles that come by invitation: people the office appoints. Applicants and recommenders register
# themselves (recommenders are then approved); platform administrators hold no program.
INVITABLE_ROLES = frozenset(
    {Role.OFFICE_STAFF, Role.COMMITTEE, Role.SUPERVISOR, Role.EXPERT, Role.PANEL_LEADER}
)

# Roles whose holders use the staff pages (program overview, rulebooks).
STAFF_PAGE_ROLES = frozenset({Role.OFFICE_STAFF, Role.SUPERVISOR, Role.COMMITTEE})


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        help_text=_("Empty only for platform administrators."),
    )
    # The unit a recommender acts for (推荐单位); set exactly when the role is "recommender".
    recommending_unit = models.ForeignKey(
        "programs.RecommendingUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("recommending unit"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    # Revoked, never deleted: who held which role when is part of the record.
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="platform_admin", program__isnull=True)
                | (~Q(role="platform_admin") & Q(program__isnull=False)),
                name="accounts_role_program_scope",
                violation_error_message=_(
                    "Platform administrators have no program; every other role needs one."
                ),
            ),
            models.CheckConstraint(
                condition=Q(role="recommender", recommending_unit__isnull=False)
                | (~Q(role="recommender") & Q(recommending_unit__isnull=True)),
                name="accounts_recommender_unit",
                violation_error_message=_(
                    "A recommender acts for exactly one recommending unit; other roles have none."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "program"],
                condition=Q(revoked_at__isnull=True),
                name="accounts_one_active_role_per_program",
            ),
        ]

    def __str__(self) -> str:
        scope = f" · {self.program}" if self.program_id else ""
        unit = f" · {self.recommending_unit}" if self.recommending_unit_id else ""
        return f"{self.user} · {self.get_role_display()}{scope}{unit}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
