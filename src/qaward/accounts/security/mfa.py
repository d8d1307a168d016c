"""Second factor (django-otp): who needs it, TOTP setup, verification, one-time backup codes.

等保 level 3 asks two factors of privileged users: holders of any role in ``MFA_ROLES``, superusers
and anyone who may enter the Django admin. TOTP is the factor; static tokens are the backup codes,
each usable once. Both device types throttle failed attempts (exponential back-off per device).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime

import segno
from django.contrib.auth import SESSION_KEY
from django.db import transaction
from django.middleware.csrf import rotate_token
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.models import MFA_ROLES
from qaward.accounts.security.events import record_event

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup codes"
# Backup codes are shown once, right after they are made: kept in the session until then.
NEW_BACKUP_CODES_KEY = "qaward_new_backup_codes"


def needs_mfa(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    from qaward.accounts.domain.queries import active_roles

    return active_roles(user).filter(role__in=MFA_ROLES).exists()


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def remaining_backup_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise_code(raw: str) -> str:
    """Users copy codes with spaces or hyphens and in either case; tokens are compared bare."""
    return "".join(raw.split()).replace("-", "").lower()


# --- Setup -----------------------------------------------------------------------------------


@transaction.atomic
def start_totp_setup(*, user) -> TOTPDevice:
    """The user's unconfirmed TOTP device, created on first visit and reused after, so reloading
    the setup page keeps showing the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_display(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app that cannot scan."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> SafeString:
    """The provisioning URI as an inline SVG QR code, drawn here: the secret never leaves the
    server for a chart service, and the markup needs no script or style attribute (CSP)."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=4, dark="#000", light="#fff", svgclass="qa-qr", lineclass=None
    )
    # segno emits only numbers and path data here: the label is inside the percent-encoded URI,
    # which is not part of the drawing.
    return mark_safe(svg)


@transaction.atomic
def enable_totp(*, request, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app. On success the session counts as verified,
    fresh backup codes are made, and they are returned (to be shown once); None on a wrong code."""
    user = request.user
    if device.user_id != user.pk or device.confirmed:
        return None
    if not device.verify_token(normalise_code(token)):
        record_event("auth.mfa_failed", user=user, request=request, stage="setup")
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    codes = _replace_backup_codes(user)
    _mark_verified(request, device)
    record_event("auth.mfa_enabled", user=user, request=request, device="totp")
    return codes


@transaction.atomic
def regenerate_backup_codes(*, request) -> list[str]:
    """New backup codes for the (verified) user; the old ones stop working."""
    codes = _replace_backup_codes(request.user)
    record_event("auth.backup_codes_generated", user=request.user, request=request, count=len(codes))
    return codes


def _replace_backup_codes(user, count: int = BACKUP_CODE_COUNT) -> list[str]:
    device = backup_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    device.token_set.all().delete()
    codes = unique_codes(count)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def unique_codes(count: int) -> list[str]:
    codes: list[str] = []
    while len(codes) < count:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    return codes


def format_backup_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


# --- Verification ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    verified: bool
    used_backup_code: bool = False
    throttled_until: datetime | None = None


def verify_second_factor(*, request, code: str) -> Verification:
    """Check a TOTP code (six digits) or a backup code against the user's devices."""
    user = request.user
    token = normalise_code(code)
    is_backup = not (len(token) == 6 and token.isdigit())
    device = backup_device(user) if is_backup else confirmed_totp_device(user)
    if device is None:
        record_event("auth.mfa_failed", user=user, request=request, stage="verify")
        return Verification(verified=False, used_backup_code=is_backup)

    allowed, info = device.verify_is_allowed()
    if not allowed:
        # No new failure is counted: django-otp refuses without looking at the code.
        record_event("auth.mfa_failed", user=user, request=request, stage="throttled")
        return Verification(
            verified=False, used_backup_code=is_backup, throttled_until=(info or {}).get("locked_until")
        )

    with transaction.atomic():
        matched = verify_token(user, device.persistent_id, token)
        if matched is None:
            record_event("auth.mfa_failed", user=user, request=request, stage="verify")
            return Verification(verified=False, used_backup_code=is_backup)
        _mark_verified(request, matched)
        if is_backup:
            record_event(
                "auth.backup_code_used", user=user, request=request, remaining=remaining_backup_codes(user)
            )
        else:
            record_event("auth.mfa_verified", user=user, request=request, device="totp")
    return Verification(verified=True, used_backup_code=is_backup)


def _mark_verified(request, device) -> None:
    otp_login(request, device)
    # The session just gained privilege: give it a new key and CSRF token (no fixation).
    if SESSION_KEY in request.session:
        request.session.cycle_key()
    rotate_token(request)


def describe_wait(until: datetime | None, now: datetime) -> int:
    """Whole seconds left before the next attempt is allowed (at least 1)."""
    if until is None:
        return 1
    return max(1, int((until - now).total_seconds() + 0.999))
