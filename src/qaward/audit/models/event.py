"""One entry of the append-only, hash-chained audit log.

Written only by ``qaward.audit.domain.record`` (same transaction as the change it records);
database triggers refuse UPDATE and DELETE (migration 0002). Every field in
``qaward.audit.chain.HASHED_FIELDS`` is part of the event's hash, so none of them may be
auto-filled or rewritten by the database: ``occurred_at`` is set by the helper, the IP is text.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("time (UTC)"))
    # PROTECT: users are deactivated, not deleted; SET_NULL would be an UPDATE the trigger refuses.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # covered by the (actor, id) index
        verbose_name=_("actor"),
    )
    # Snapshot at the time: the account's username, "公众" for a visitor, "系统" for a task.
    actor_label = models.CharField(_("actor"), max_length=150)
    role = models.CharField(_("role"), max_length=32, blank=True)
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=255, blank=True)
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # covered by the (program, id) index
        verbose_name=_("award program"),
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    rule_id = models.CharField(_("rule"), max_length=100, blank=True)
    citation = models.CharField(_("citation"), max_length=255, blank=True)
    rulebook_version = models.CharField(_("rulebook version"), max_length=100, blank=True)
    message = models.TextField(_("message"), blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    ip = models.CharField(_("IP address"), max_length=45, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # No add/change/delete permissions: nobody may be granted them, in the admin or elsewhere.
        default_permissions = ("view",)
        constraints = [
            # Two events claiming the same predecessor would be a fork in the chain: refused by
            # the database even if the append lock were ever bypassed. (Constraints rather than
            # unique=True: no extra LIKE indexes on PostgreSQL for values never searched by prefix.)
            models.UniqueConstraint(fields=["prev_hash"], name="audit_one_successor_per_event"),
            models.UniqueConstraint(fields=["hash"], name="audit_hash_unique"),
        ]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["program", "id"], name="audit_program_idx"),
            models.Index(fields=["actor", "id"], name="audit_actor_idx"),
            models.Index(fields=["occurred_at"], name="audit_occurred_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.action} · {self.actor_label}"
