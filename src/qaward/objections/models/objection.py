"""An objection (异议) to one published entry of a publicity window.

The objector's identity is personal data kept confidential (吉林 第三十七条(七)): the ID number,
phone, address and a unit's name are encrypted at rest, ``__str__`` shows only the receipt
number, and pages go through ``objections.domain.queries.objector_display``. Never hard-deleted:
refusals and outcomes are states (10-year retention).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.objections.enums import Channel, ObjectionState, ObjectorKind, Outcome
from qaward.privacy.fields import EncryptedTextField

OPEN_STATES = (ObjectionState.RECEIVED, ObjectionState.ADMITTED, ObjectionState.ROUTED_OUT)


class Objection(models.Model):
    number = models.CharField(_("receipt number"), max_length=32, unique=True, null=True, blank=True)
    # SHA-256 of the secret the objector got with the receipt number; the secret itself is not kept.
    token_hash = models.CharField(max_length=64, editable=False)
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        related_name="objections",
        verbose_name=_("award program"),
    )
    window = models.ForeignKey(
        "publicity.PublicityWindow", on_delete=models.PROTECT, related_name="objections",
        verbose_name=_("publicity window"),
    )  # fmt: skip
    entry = models.ForeignKey(
        "publicity.PublicityEntry", on_delete=models.PROTECT, related_name="objections",
        verbose_name=_("published entry"),
    )  # fmt: skip
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="objections",
        verbose_name=_("application objected to"),
    )  # fmt: skip
    channel = models.CharField(_("how it arrived"), max_length=8, choices=Channel.choices)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    received_on = models.DateField(_("date of receipt"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("entered by"),
    )  # fmt: skip

    objector_kind = models.CharField(_("objector"), max_length=12, choices=ObjectorKind.choices)
    objector_person = models.ForeignKey(
        "privacy.PersonIdentity", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("objecting person"),
    )  # fmt: skip
    objector_name = EncryptedTextField(
        _("objector's name"), blank=True
    )  # a unit's name, or a person without ID number
    objector_phone = EncryptedTextField(_("objector's phone"), blank=True)
    objector_address = EncryptedTextField(_("objector's address"), blank=True)
    disclosure_consent = models.BooleanField(_("objector consents to disclosure"), default=False)
    disclosure_consent_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    disclosure_consent_note = models.CharField(_("how consent was given"), max_length=300, blank=True)

    grounds = models.TextField(_("grounds of the objection"))

    state = models.CharField(
        _("state"), max_length=16, choices=ObjectionState.choices, default=ObjectionState.RECEIVED
    )
    admissibility_due = models.DateField(_("admissibility decision due"), null=True, blank=True)
    admissibility_decided_at = models.DateTimeField(_("admissibility decided at"), null=True, blank=True)
    admissibility_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    admissibility_reason = models.TextField(_("reason"), blank=True)
    refusal_rule = models.CharField(_("rule"), max_length=100, blank=True)
    refusal_citation = models.CharField(_("article"), max_length=200, blank=True)

    routed_to = models.CharField(_("referred to"), max_length=200, blank=True)
    routed_at = models.DateTimeField(_("referred at"), null=True, blank=True)
    routed_result = models.TextField(_("result reported by the competent authority"), blank=True)
    routed_result_at = models.DateTimeField(_("result recorded at"), null=True, blank=True)

    outcome = models.CharField(_("outcome"), max_length=24, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("findings"), blank=True)
    false_materials = models.BooleanField(_("false materials found"), default=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Besides the program's office staff, people the office put on the case (e.g. a supervisor):
    # they too see the objector's identity.
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="objections_handled",
        verbose_name=_("also handling"),
    )

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["program", "state"], name="objections_program_state")]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ObjectionState.values), name="objections_state_valid"
            ),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="objections_channel_valid"),
            models.CheckConstraint(
                condition=Q(objector_kind__in=ObjectorKind.values), name="objections_objector_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(state=ObjectionState.DECIDED, outcome__in=Outcome.values)
                | (~Q(state=ObjectionState.DECIDED) & Q(outcome="")),
                name="objections_outcome_iff_decided",
            ),
        ]

    def __str__(self) -> str:
        # Only the number: __str__ ends up in the audit log, which many roles read.
        return f"{_('Objection')} {self.number or self.pk}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES
