"""Reads of the privacy app."""

from __future__ import annotations

from django.db.models import QuerySet

from qaward.privacy.models import PersonIdentity


def people_with_id_number(id_number: str) -> QuerySet[PersonIdentity]:
    """Every recorded identity with this ID number, found through the blind index (no row is
    decrypted to search). Spelling differences (x/X, full-width digits, spaces) do not matter."""
    field = PersonIdentity._meta.get_field("id_number_index")
    return PersonIdentity.objects.filter(id_number_index=field.index_of(id_number))
