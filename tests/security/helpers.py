"""Helpers shared by the login-security tests."""

from __future__ import annotations

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Quality-Award-2026"


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def give_mfa(user, *, codes: tuple[str, ...] = ("abcd2345", "efgh6723")) -> TOTPDevice:
    """A confirmed authenticator and the given backup codes for ``user``."""
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="backup codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=static, token=code)
    return device


def log_in(client, username: str, password: str = PASSWORD, **extra):
    """Log in through the real login page (the way axes and the signals see it)."""
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)
