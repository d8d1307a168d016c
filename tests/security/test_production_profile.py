"""The switches that test runs turn off (django-axes, MFA enforcement) are on in production and in
development, and the middleware stands in the order the controls need."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.integration

# The production environment the deploy test uses, so that both follow the same required variables.
from staff.test_deploy_settings import PRODUCTION, manage  # noqa: E402

PRINT_SETTINGS = """
import json
from django.conf import settings as s
print(json.dumps({
    "axes": s.AXES_ENABLED, "mfa": s.QAWARD_MFA_ENFORCED, "middleware": s.MIDDLEWARE,
    "backends": s.AUTHENTICATION_BACKENDS, "limit": s.AXES_FAILURE_LIMIT,
    "params": s.AXES_LOCKOUT_PARAMETERS, "cooloff": s.AXES_COOLOFF_TIME,
    "idle": s.QAWARD_SESSION_IDLE_MINUTES, "absolute": s.QAWARD_SESSION_ABSOLUTE_HOURS,
    "max_age": s.QAWARD_PASSWORD_MAX_AGE_DAYS,
}))
"""


def settings_in(tmp_path, **env: str) -> dict:
    result = manage(tmp_path, "shell", "--no-imports", "-c", PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("env", [PRODUCTION, {"DEBUG": "true"}], ids=["production", "development"])
def test_controls_are_on_outside_tests(tmp_path, env):
    s = settings_in(tmp_path, **env)
    assert s["axes"] is True
    assert s["mfa"] is True
    assert s["limit"] == 5
    assert s["params"] == [["username", "ip_address"]]
    assert s["cooloff"] == 0.5  # hours: never None, so never permanent
    assert (s["idle"], s["absolute"], s["max_age"]) == (30, 12, 180)

    middleware = s["middleware"]
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    otp = middleware.index("django_otp.middleware.OTPMiddleware")
    limits = middleware.index("qaward.accounts.security.middleware.SessionLimitsMiddleware")
    mfa = middleware.index("qaward.accounts.security.middleware.MFARequiredMiddleware")
    expiry = middleware.index("qaward.accounts.security.middleware.PasswordExpiryMiddleware")
    messages = middleware.index("django.contrib.messages.middleware.MessageMiddleware")
    assert auth < otp < limits < mfa < expiry
    assert messages < limits
    assert "csp.middleware.CSPMiddleware" in middleware
    assert middleware.index("axes.middleware.AxesMiddleware") > expiry
    assert s["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert "rules.permissions.ObjectPermissionBackend" in s["backends"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"QAWARD_SESSION_IDLE_MINUTES": "0"}, "QAWARD_SESSION_IDLE_MINUTES must be at least 1"),
        ({"QAWARD_PASSWORD_MAX_AGE_DAYS": "-1"}, "QAWARD_PASSWORD_MAX_AGE_DAYS must be at least 0"),
        ({"QAWARD_SESSION_ABSOLUTE_HOURS": "soon"}, '"QAWARD_SESSION_ABSOLUTE_HOURS" invalid'),
    ],
)
def test_bad_limits_stop_startup(tmp_path, env, named):
    result = manage(tmp_path, "check", **({"DEBUG": "true"} | env))
    assert result.returncode != 0
    assert named in result.stderr
