from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.documents.enums import FileState, ScanStatus
from qaward.documents.slots import SLOTS, slot_choices

TRADE_SECRET_FILE = _("trade-secret file")


class StoredFile(models.Model):
    """One uploaded file in the private storage.

    Created only by ``documents.domain.uploads.store_upload``; never hard-deleted (10-year
    retention): withdrawal is a state. The original name is data only; the bytes live under
    ``storage_name``, which contains nothing the user typed.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slot = models.CharField(_("document slot"), max_length=32, choices=slot_choices)
    original_name = models.CharField(_("original file name"), max_length=200)
    content_type = models.CharField(
        _("content type"), max_length=100, help_text=_("Recognised from the file's content.")
    )
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    storage_name = models.CharField(_("storage name"), max_length=255, unique=True, editable=False)
    trade_secret = models.BooleanField(
        _("trade secret"),
        default=False,
        help_text=_("Marked by the applicant as a trade secret (商业秘密)."),
    )
    program = models.ForeignKey(
        "programs.AwardProgram",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stored_files",
        verbose_name=_("award program"),
    )
    # The object the file belongs to (an application, a recommendation …), set by later apps.
    owner_content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    owner_object_id = models.CharField(max_length=64, blank=True, default="")
    owner = GenericForeignKey("owner_content_type", "owner_object_id")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    scan_status = models.CharField(
        _("virus scan"), max_length=16, choices=ScanStatus.choices, default=ScanStatus.NOT_SCANNED
    )
    scan_detail = models.CharField(_("scan detail"), max_length=255, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=FileState.choices, default=FileState.ACTIVE)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")
        ordering = ["-uploaded_at"]
        indexes = [
            models.Index(fields=["owner_content_type", "owner_object_id"], name="documents_file_owner_idx"),
            models.Index(fields=["program", "slot"], name="documents_file_prog_slot_idx"),
            models.Index(fields=["sha256"], name="documents_file_sha256_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(size__gt=0), name="documents_file_size_positive"),
            models.CheckConstraint(
                condition=Q(state__in=FileState.values), name="documents_file_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(scan_status__in=ScanStatus.values), name="documents_file_scan_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(state=FileState.WITHDRAWN, withdrawn_at__isnull=False)
                | (~Q(state=FileState.WITHDRAWN) & Q(withdrawn_at__isnull=True)),
                name="documents_file_withdrawn_has_time",
            ),
            models.CheckConstraint(
                condition=Q(owner_content_type__isnull=True, owner_object_id="")
                | (Q(owner_content_type__isnull=False) & ~Q(owner_object_id="")),
                name="documents_file_owner_complete",
            ),
        ]

    def __str__(self) -> str:
        # Shown in admin titles and audit labels: a trade-secret file's name may itself tell the
        # secret, so it is left out there.
        if self.trade_secret:
            return f"{TRADE_SECRET_FILE} {self.pk.hex[:8]} ({self.slot_label})"
        return f"{self.original_name} ({self.slot_label})"

    @property
    def slot_label(self) -> str:
        slot = SLOTS.get(self.slot)
        return str(slot.label) if slot else self.slot

    @property
    def is_withdrawn(self) -> bool:
        return self.state == FileState.WITHDRAWN
