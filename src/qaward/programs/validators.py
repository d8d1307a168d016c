"""Field validators with Chinese messages (English msgids, translated in locale/)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from qaward.programs.rulebook_link import known_rulebook_ids

# Province-level prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门).
GB2260_PROVINCE_PREFIXES = frozenset(
    {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37"}
    | {"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
    | {"71", "81", "82"}
)

# [0-9], not \d: \d also matches full-width digits such as ２２００００.
_SIX_DIGITS = re.compile(r"[0-9]{6}")


def validate_gb2260_code(value: str) -> None:
    """A GB/T 2260 administrative division code: six ASCII digits under a real province."""
    if not _SIX_DIGITS.fullmatch(value or ""):
        raise ValidationError(
            _("The division code must be exactly 6 digits (GB/T 2260), e.g. 220000."),
            code="gb2260_format",
        )
    if value[:2] not in GB2260_PROVINCE_PREFIXES:
        raise ValidationError(
            _("“%(prefix)s” is not a province code in GB/T 2260; check the first two digits."),
            code="gb2260_province",
            params={"prefix": value[:2]},
        )


def validate_rulebook_id(value: str) -> None:
    """The id must name a shipped rulebook."""
    ids = known_rulebook_ids()
    if value in ids:
        return
    raise ValidationError(
        _("There is no rulebook “%(value)s”. Available rulebooks: %(ids)s."),
        code="unknown_rulebook",
        params={"value": value, "ids": "、".join(ids) or "—"},
    )
