"""Field validators for accounts, with Chinese messages (English msgids, translated in locale/)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A mainland mobile number (11 digits starting with 1), or a landline with its area code
# (0431-88886666, 043188886666), optionally with an extension (-801). ASCII digits only: a
# full-width digit would defeat later matching and masking.
_PHONE = re.compile(r"(?:\+?86[- ]?)?(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(?:-[0-9]{1,6})?)")


def validate_phone_number(value: str) -> None:
    if not _PHONE.fullmatch((value or "").strip()):
        raise ValidationError(
            _(
                "Enter a mobile number (11 digits, e.g. 13912345678) or a landline number with "
                "its area code (e.g. 0431-88886666)."
            ),
            code="phone_format",
        )
