"""A recommender's self-registration, waiting for the award office to approve it.

Recommenders (推荐单位 users) vouch for applicants, so their accounts stay inactive until office
staff of the program confirm that the person really acts for the unit. The request is kept after
the decision (approved or rejected, with who decided, when and why): it is part of the record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class RecommenderRegistration(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="recommender_registration",
        verbose_name=_("user"),
    )
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="recommender_registrations",
        verbose_name=_("award program"),
    )
    recommending_unit = models.ForeignKey(
        "programs.RecommendingUnit",
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("recommending unit"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("recommender registration")
        verbose_name_plural = _("recommender registrations")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="accounts_registration_status_valid",
            ),
            # A decision always names who took it and when; a rejection also says why.
            models.CheckConstraint(
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False, decided_by__isnull=False)),
                name="accounts_registration_decision_recorded",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="accounts_registration_rejection_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.recommending_unit} · {self.get_status_display()}"
