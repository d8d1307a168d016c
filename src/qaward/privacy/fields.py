"""Model fields for personal data: ``EncryptedTextField`` and ``BlindIndexField``."""

from __future__ import annotations

from django.core.exceptions import FieldError
from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.privacy import crypto


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token (``QAWARD_FIELD_KEYS``), decrypted when loaded.

    The empty string is stored as is (emptiness is no secret, and blank fields stay cheap).
    Values cannot be filtered on (each encryption differs); only ``isnull`` is allowed. Look a
    value up through a ``BlindIndexField`` instead.
    """

    description = _("Text encrypted at rest")

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)

    def get_lookup(self, lookup_name):
        if lookup_name == "isnull":
            return super().get_lookup(lookup_name)
        # Without this, filter(field=value) would compare a fresh ciphertext and silently match
        # nothing.
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted and cannot be filtered with "
            f"'{lookup_name}'; filter on its BlindIndexField instead."
        )

    def get_transform(self, lookup_name):
        return None


class BlindIndexField(models.CharField):
    """HMAC digest (``crypto.blind_index``) of another field, recomputed on every save.

    ``source`` names the field holding the plaintext; ``purpose`` separates indexes of
    different kinds of value. Written only through ``Model.save()`` (``QuerySet.update()`` does
    not call ``pre_save``); ``rotate_field_keys --reindex`` recomputes all after a change of
    ``QAWARD_INDEX_KEY``.
    """

    def __init__(self, *args, source: str, purpose: str, **kwargs):
        self.source = source
        self.purpose = purpose
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        kwargs["purpose"] = self.purpose
        for key, default in (("max_length", 64), ("db_index", True), ("editable", False), ("blank", True)):
            if kwargs.get(key, not default) == default:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def index_of(self, value: str | None) -> str:
        """The digest stored for ``value`` (empty for an empty value)."""
        return crypto.blind_index(value, self.purpose) if value else ""

    def pre_save(self, model_instance, add):
        digest = self.index_of(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, digest)
        return digest
