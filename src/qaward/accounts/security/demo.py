"""MFA for the demo accounts, so that a visitor sees the second factor work without a phone.

Each demo account gets a confirmed TOTP device (its secret is random and shown nowhere, so the
login still stops at the verification page) and a stock of ordinary one-time backup codes. The
login page's demo box shows the next unused code of each account. Nothing here weakens MFA: a
code works once, exactly as in production; ``load_demo`` tops the stock up again.
"""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.security.mfa import BACKUP_DEVICE_NAME, TOTP_DEVICE_NAME, unique_codes

DEMO_BACKUP_CODES = 20


@transaction.atomic
def provision_demo_mfa(*, user, codes: int = DEMO_BACKUP_CODES) -> list[str]:
    """Give ``user`` a TOTP device and ``codes`` unused backup codes; returns what it created,
    in words, so that a second run over a full stock creates nothing."""
    created: list[str] = []
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
        created.append("TOTP device")
    device = StaticDevice.objects.filter(user=user, confirmed=True).order_by("id").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    missing = codes - device.token_set.count()
    if missing > 0:
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=code) for code in unique_codes(missing)
        )
        created.append(f"{missing} backup codes")
    return created


def next_demo_code(user) -> str:
    """The oldest unused backup code of ``user`` (empty when none is left)."""
    token = (
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("id")
        .values_list("token", flat=True)
        .first()
    )
    return token or ""
