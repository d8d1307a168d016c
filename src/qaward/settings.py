"""Django settings for qaward, read from the environment.

Every value comes from an environment variable parsed strictly by ``environs``: a malformed
value stops the process at startup with a message naming the variable, instead of surfacing
later as odd behaviour. Variables: DEBUG, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS,
DATABASE_URL, MEDIA_ROOT, STATIC_ROOT, QAWARD_DEMO, TRUST_X_FORWARDED_PROTO.

Defaults suit a developer checkout (SQLite and files under ``<repo>/var``). For a non-editable
install, set DATABASE_URL, MEDIA_ROOT and STATIC_ROOT explicitly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from environs import Env

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parents[1]
VAR_DIR = REPO_DIR / "var"

env = Env()

DEBUG = env.bool("DEBUG", default=False)

# pytest sets PYTEST_VERSION (pytest ≥ 8.2) and Django's runner is invoked as `manage.py test`.
# Test runs use plain HTTP (test client, live server), so they get the same relaxed transport
# settings as DEBUG; the production profile itself is covered by a `check --deploy` test that
# runs in a subprocess without these markers.
TESTING = "PYTEST_VERSION" in os.environ or sys.argv[1:2] == ["test"]
PRODUCTION = not DEBUG and not TESTING

# --- Secret key -------------------------------------------------------------------------------

_DEV_SECRET_KEY = "django-insecure-qaward-development-key-never-use-in-production"


def _is_insecure_secret(key: str) -> bool:
    # Mirrors Django's security.W009 so a weak key fails at startup, not only in `check --deploy`.
    return key.startswith("django-insecure-") or len(key) < 50 or len(set(key)) < 5


SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off, set the SECRET_KEY environment variable to a "
            "random string of at least 50 characters, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif PRODUCTION and _is_insecure_secret(SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is insecure: with DEBUG off it must be at least 50 characters with at least "
        "5 distinct characters and must not start with 'django-insecure-'."
    )

# --- Hosts and origins ------------------------------------------------------------------------

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if PRODUCTION and not ALLOWED_HOSTS:
    # Django would answer every request with 400; say why at startup instead.
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is empty. With DEBUG off, set ALLOWED_HOSTS to a comma-separated list "
        "of the host names this site is served under, e.g. ALLOWED_HOSTS=award.example.gov.cn"
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode lists the demo accounts and their passwords on the login page.
QAWARD_DEMO = env.bool("QAWARD_DEMO", default=False)

# --- Applications -----------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # django-bootstrap-static: its import name is `bootstrap` (static files under bootstrap/).
    "bootstrap",
    "qaward.accounts",
    "qaward.programs",
    "qaward.staff",
]

AUTH_USER_MODEL = "accounts.User"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware minus Accept-Language: Chinese unless the user switches.
    "qaward.middleware.ChineseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "qaward.urls"
WSGI_APPLICATION = "qaward.wsgi.application"
ASGI_APPLICATION = "qaward.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------

_DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'qaward.sqlite3'}"
DATABASES = {"default": env.dj_db_url("DATABASE_URL", default=_DEFAULT_DATABASE_URL)}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_name = str(DATABASES["default"].get("NAME") or "")
    if _sqlite_name and _sqlite_name != ":memory:" and not _sqlite_name.startswith("file:"):
        Path(_sqlite_name).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # IMMEDIATE takes the write lock when a transaction starts, so concurrent writers
            # wait (busy_timeout) instead of failing with "database is locked" mid-transaction.
            "transaction_mode": "IMMEDIATE",
            # WAL lets readers proceed while one process writes (runserver + management commands).
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ---------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    # Fixtures create many users; a deliberately slow hash would dominate the test run.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "login"

# --- Internationalisation ---------------------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ----------------------------------------------------------------

STATIC_URL = "static/"
# Project-wide assets (site.css) live in the package, outside any app.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")

# --- Security ---------------------------------------------------------------------------------

# Always on: they cost nothing over plain HTTP.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# htmx sends the token from the page (hx-headers on <body>), so scripts never need the cookie.
CSRF_COOKIE_HTTPONLY = True

# HTTPS-only settings. Browsers reject Secure and __Host- cookies over plain HTTP on most hosts,
# so development and test runs keep the default names and flags.
if PRODUCTION:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 63072000  # two years, the minimum the HSTS preload list accepts
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # __Host- cookies must be Secure, path /, and carry no Domain: they cannot be set or
    # overwritten by a sibling subdomain.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Behind a TLS-terminating proxy Django sees plain HTTP; without this header it would redirect
# forever. Enable only when the proxy overwrites X-Forwarded-Proto on every request.
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Audit log (owned by qaward.audit) --------------------------------------------------------

# --- Personal data: identifiers and encryption at rest (owned by qaward.privacy) ---------------

# --- Files: private storage, upload checks, virus scan (owned by qaward.documents) ------------

# --- Login security: lockout, MFA, sessions, password policy, CSP (owned by qaward.accounts) ---

# --- Roles and permissions: rules, registration, invitations (owned by qaward.accounts) --------

env.seal()
