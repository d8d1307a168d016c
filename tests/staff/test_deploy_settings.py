"""Settings come from the environment: the production profile passes `check --deploy`, and bad
or missing values stop the process with a message naming the variable."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
CONFIG_VARS = (
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL",
    "MEDIA_ROOT", "STATIC_ROOT", "QAWARD_DEMO", "TRUST_X_FORWARDED_PROTO",
    "QAWARD_FIELD_KEYS", "QAWARD_INDEX_KEY", "QAWARD_PASSWORD_MAX_AGE_DAYS",
    "QAWARD_SESSION_IDLE_MINUTES", "QAWARD_SESSION_ABSOLUTE_HOURS", "EMAIL_URL", "DEFAULT_FROM_EMAIL",
    "REDIS_URL", "QAWARD_PUBLIC_FORM_RATE", "RATELIMIT_IP_META_KEY",
)  # fmt: skip


def manage(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py as production would: no pytest marker, only the given configuration."""
    dropped = {*CONFIG_VARS, "PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base |= {
        "DJANGO_SETTINGS_MODULE": "qaward.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=base | env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "award.example.gov.cn",
    "CSRF_TRUSTED_ORIGINS": "https://award.example.gov.cn",
    "QAWARD_FIELD_KEYS": Fernet.generate_key().decode(),
    "QAWARD_INDEX_KEY": secrets.token_urlsafe(48),
    "EMAIL_URL": "submission://award:secret@mail.example.gov.cn:587",
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}


def test_check_deploy_is_clean_in_production(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    # Only django-ratelimit's warning about Django's own RedisCache is silenced (see settings).
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_production_cookies_and_headers(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.X_FRAME_OPTIONS)"
    )
    result = manage(tmp_path, "shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["__Host-sessionid", "__Host-csrftoken", "True", "True", "DENY"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DEBUG": "maybe"}, '"DEBUG" invalid'),
        ({"QAWARD_DEMO": "sometimes"}, '"QAWARD_DEMO" invalid'),
        ({"DATABASE_URL": "nonsense://"}, '"DATABASE_URL" invalid'),
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "django-insecure-" + "x" * 60}, "SECRET_KEY is insecure"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is insecure"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_bad_configuration_stops_startup(tmp_path, env, named):
    result = manage(tmp_path, "check", **(PRODUCTION | env))
    assert result.returncode != 0
    assert named in result.stderr


def test_debug_runs_without_a_secret_key(tmp_path):
    result = manage(tmp_path, "check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_production_without_a_mail_server_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_URL"}
    result = manage(tmp_path, "check", **env)
    assert result.returncode != 0
    assert "EMAIL_URL is not set" in result.stderr


def test_production_without_a_shared_cache_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage(tmp_path, "check", **env)
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr
