from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.applications.enums import ApplicantKind, ApplicationState


class Application(models.Model):
    """One application to one cycle (届): one applicant kind, one tier sought, one track.

    ``form_data`` holds the rulebook-driven application form, ``self_evaluation`` the report by
    rubric item, ``facts`` the eligibility facts as the applicant declared them (checked by the
    rulebook engine). The state moves only through ``applications.domain.transitions``; every move
    is kept in ``StateChange`` and in the audit log. Never hard-deleted.
    """

    reference = models.CharField(_("application number"), max_length=32, unique=True)
    cycle = models.ForeignKey(
        "programs.Cycle", on_delete=models.PROTECT, related_name="applications", verbose_name=_("cycle")
    )
    applicant = models.ForeignKey(
        "applications.Applicant",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("applicant"),
    )
    kind = models.CharField(_("applicant kind"), max_length=16, choices=ApplicantKind.choices)
    tier = models.CharField(_("tier sought"), max_length=16, help_text=_("A tier id of the rulebook."))
    track = models.CharField(_("track"), max_length=32, blank=True)
    route = models.CharField(_("recommendation route"), max_length=32, blank=True)
    recommending_unit = models.ForeignKey(
        "programs.RecommendingUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("recommending unit"),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    keywords = models.CharField(
        _("keywords"), max_length=300, blank=True, help_text=_("Fields of expertise, used to match experts.")
    )
    state = models.CharField(
        _("state"), max_length=24, choices=ApplicationState.choices, default=ApplicationState.DRAFT
    )
    form_data = models.JSONField(_("application form"), default=dict, blank=True)
    self_evaluation = models.JSONField(_("self-evaluation"), default=dict, blank=True)
    facts = models.JSONField(_("eligibility facts"), default=dict, blank=True)
    declarations = models.JSONField(_("declarations"), default=dict, blank=True)
    # The eligibility self-check as it stood when the application was (re)submitted: outcome,
    # as_of, rulebook@version and every verdict (see applications.domain.checks).
    self_check = models.JSONField(_("eligibility self-check"), default=dict, blank=True)
    correction_due = models.DateField(_("correction due"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    state_changed_at = models.DateTimeField(_("state changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ApplicationState.values),
                name="applications_application_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ApplicantKind.values), name="applications_application_kind_valid"
            ),
            # One live application per applicant and cycle; a withdrawn one may be followed by another.
            models.UniqueConstraint(
                fields=["cycle", "applicant"],
                condition=~models.Q(state=ApplicationState.WITHDRAWN),
                name="applications_application_one_per_cycle",
                violation_error_message=_("This applicant already has an application in this cycle."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.applicant}"

    @property
    def program(self):
        return self.cycle.program


class StateChange(models.Model):
    """One move of an application's state, with who, why and the rule that decided it."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="state_changes")
    transition = models.CharField(_("transition"), max_length=32)
    source = models.CharField(_("from"), max_length=24, choices=ApplicationState.choices)
    target = models.CharField(_("to"), max_length=24, choices=ApplicationState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    rule_id = models.CharField(_("rule"), max_length=100, blank=True)
    citation = models.CharField(_("article"), max_length=100, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["application", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.application.reference}: {self.source} → {self.target}"
