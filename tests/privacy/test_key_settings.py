"""Key configuration: development derives keys; production without valid keys does not start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from qaward.privacy.keys import field_keys_from_env, index_key_from_env

SECRET = "a-production-secret-key-that-is-long-enough-0123456789-abcdef"


@pytest.mark.unit
def test_development_derives_stable_keys_from_secret_key():
    keys = field_keys_from_env([], production=False, secret_key=SECRET)
    assert keys == field_keys_from_env([], production=False, secret_key=SECRET)
    Fernet(keys[0])  # a usable key
    assert keys != field_keys_from_env([], production=False, secret_key=SECRET + "x")
    index = index_key_from_env("", production=False, secret_key=SECRET)
    assert len(index) == 64 and index != SECRET


@pytest.mark.unit
def test_configured_keys_keep_their_order():
    new, old = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    assert field_keys_from_env([f" {new}", f"{old} ", ""], production=True, secret_key=SECRET) == [new, old]


@pytest.mark.unit
def test_production_needs_field_keys():
    with pytest.raises(ImproperlyConfigured, match="QAWARD_FIELD_KEYS is not set"):
        field_keys_from_env([], production=True, secret_key=SECRET)


@pytest.mark.unit
@pytest.mark.parametrize("production", [True, False])
def test_a_malformed_key_is_refused_without_echoing_it(production):
    good = Fernet.generate_key().decode()
    bad = "not-a-fernet-key-but-a-secret-anyway"
    with pytest.raises(ImproperlyConfigured) as exc:
        field_keys_from_env([good, bad], production=production, secret_key=SECRET)
    assert "key 2 of 2 is not a Fernet key" in str(exc.value)
    assert bad not in str(exc.value)


@pytest.mark.unit
def test_production_needs_a_separate_long_index_key():
    with pytest.raises(ImproperlyConfigured, match="QAWARD_INDEX_KEY is not set"):
        index_key_from_env("", production=True, secret_key=SECRET)
    with pytest.raises(ImproperlyConfigured, match="too short"):
        index_key_from_env("short", production=True, secret_key=SECRET)
    with pytest.raises(ImproperlyConfigured, match="must differ from SECRET_KEY"):
        index_key_from_env(SECRET, production=True, secret_key=SECRET)
    assert index_key_from_env("i" * 40, production=True, secret_key=SECRET) == "i" * 40


@pytest.mark.integration
def test_production_startup_stops_without_field_keys(tmp_path):
    """The settings module itself refuses to load, with the variable named."""
    repo = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QAWARD_", "PYTEST_", "DEBUG"))}
    env |= {
        "DEBUG": "false",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "award.example.gov.cn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'keys.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "PYTHONPATH": str(repo / "src"),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import qaward.settings"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "QAWARD_FIELD_KEYS is not set" in result.stderr
