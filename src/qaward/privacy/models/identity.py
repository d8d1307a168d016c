"""A natural person's identity: individual applicants, team members, objectors.

The ID number and the phone are encrypted at rest; the ID number is found again through its
blind index. Rows are kept (10-year retention), never deleted by the application.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.identifiers import mask_phone, mask_resident_id, resident_id_birth_date, resident_id_sex
from qaward.privacy.fields import BlindIndexField, EncryptedTextField
from qaward.privacy.validators import validate_resident_id

RESIDENT_ID_PURPOSE = "resident_id"


class PersonIdentity(models.Model):
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="identities",
        help_text=_("The account of this person, if they have one."),
    )
    name = models.CharField(_("name"), max_length=100)
    id_number = EncryptedTextField(_("citizen identity number"), validators=[validate_resident_id])
    id_number_index = BlindIndexField(source="id_number", purpose=RESIDENT_ID_PURPOSE)
    phone = EncryptedTextField(_("phone"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("person's identity")
        verbose_name_plural = _("persons' identities")

    def __str__(self) -> str:
        # Never the full number: __str__ ends up in logs, admin pages and audit objects.
        return f"{self.name}（{self.masked_id_number}）"

    @property
    def masked_id_number(self) -> str:
        return mask_resident_id(self.id_number or "")

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone or "")

    @property
    def birth_date(self):
        return resident_id_birth_date(self.id_number)

    @property
    def sex(self):
        return resident_id_sex(self.id_number)
