"""Django settings for qaward, read from the environment.

Every value comes from an environment variable parsed strictly by ``environs``: a malformed
value stops the process at startup with a message naming the variable, instead of surfacing
later as odd behaviour. Variables: DEBUG, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS,
DATABASE_URL, MEDIA_ROOT, STATIC_ROOT, QAWARD_DEMO, TRUST_X_FORWARDED_PROTO, QAWARD_PRIVATE_ROOT,
QAWARD_FIELD_KEYS, QAWARD_INDEX_KEY, QAWARD_CLAMD_SOCKET / _TCP / _TIMEOUT / _REQUIRED,
QAWARD_SESSION_IDLE_MINUTES, QAWARD_SESSION_ABSOLUTE_HOURS, QAWARD_PASSWORD_MAX_AGE_DAYS,
QAWARD_INVITATION_MAX_AGE, QAWARD_SITE_URL (README.md lists them with defaults).

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
    "qaward.applications",
    "qaward.vetting",
    "qaward.publicity",
    "qaward.objections",
    "qaward.experts",
    "qaward.portal",
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
                "qaward.navigation.nav_items",
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

INSTALLED_APPS += ["qaward.audit"]
# Right after authentication, so request.user is known: keeps the current request (request id,
# client IP, browser) for audit events written while serving it and sets X-Request-ID.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "qaward.audit.context.AuditRequestMiddleware",
)
# The trail's Excel export refuses larger selections (narrow the filter instead).
AUDIT_EXPORT_MAX_ROWS = 100_000
# Appends to the hash chain are serialised by the database: on SQLite by transaction_mode
# "IMMEDIATE" (set above; qaward.audit refuses to record without it), on PostgreSQL by an
# advisory lock.

# --- Personal data: identifiers and encryption at rest (owned by qaward.privacy) ---------------

from qaward.privacy.keys import field_keys_from_env, index_key_from_env  # noqa: E402

INSTALLED_APPS += ["qaward.privacy"]
# Fernet keys of EncryptedTextField: the first encrypts, all decrypt (rotation: docs/privacy.md).
# Required in production; derived from SECRET_KEY for development and tests.
QAWARD_FIELD_KEYS = field_keys_from_env(
    env.list("QAWARD_FIELD_KEYS", default=[]), production=PRODUCTION, secret_key=SECRET_KEY
)
# HMAC key of the blind indexes (lookup by ID number without decrypting); not SECRET_KEY.
QAWARD_INDEX_KEY = index_key_from_env(
    env.str("QAWARD_INDEX_KEY", default=""), production=PRODUCTION, secret_key=SECRET_KEY
)

# --- Files: private storage, upload checks, virus scan (owned by qaward.documents) ------------

INSTALLED_APPS += ["qaward.documents"]

# Uploaded files live here, never under a served URL: the permission-checked view /files/<id>/
# streams them. Keep it out of anything the web server serves (MEDIA_ROOT is not served by
# Django; do not let the web server serve it wholesale either, or set this elsewhere).
QAWARD_PRIVATE_ROOT = env.path("QAWARD_PRIVATE_ROOT", default=MEDIA_ROOT / "private")
# STORAGES["private"] may later point at S3-like storage; code only uses storages["private"].
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "qaward.documents.storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": QAWARD_PRIVATE_ROOT,
            "base_url": None,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}

# Virus scanning through clamd: a unix socket path or host:port (not both); neither = files are
# stored as "not scanned". QAWARD_CLAMD_REQUIRED refuses uploads while the scanner is down
# (otherwise they are stored with scan status "error").
QAWARD_CLAMD_SOCKET = env.str("QAWARD_CLAMD_SOCKET", default="")
QAWARD_CLAMD_TCP = env.str("QAWARD_CLAMD_TCP", default="")
QAWARD_CLAMD_REQUIRED = env.bool("QAWARD_CLAMD_REQUIRED", default=False)
QAWARD_CLAMD_TIMEOUT = env.float("QAWARD_CLAMD_TIMEOUT", default=60.0)
if QAWARD_CLAMD_SOCKET and QAWARD_CLAMD_TCP:
    raise ImproperlyConfigured("Set QAWARD_CLAMD_SOCKET or QAWARD_CLAMD_TCP, not both.")
if QAWARD_CLAMD_TCP:
    _clamd_host, _, _clamd_port = QAWARD_CLAMD_TCP.rpartition(":")
    if not _clamd_host or not _clamd_port.isdigit() or not 0 < int(_clamd_port) < 65536:
        raise ImproperlyConfigured(
            f"QAWARD_CLAMD_TCP must be host:port (e.g. 127.0.0.1:3310), not {QAWARD_CLAMD_TCP!r}."
        )
if QAWARD_CLAMD_REQUIRED and not (QAWARD_CLAMD_SOCKET or QAWARD_CLAMD_TCP):
    raise ImproperlyConfigured("QAWARD_CLAMD_REQUIRED is set but no clamd is configured.")

# --- Login security: lockout, MFA, sessions, password policy, CSP (owned by qaward.accounts) ---

# 等保 level 3 (GB/T 22239-2019): complex passwords changed periodically, lockout after repeated
# failures, logout when idle, two factors for privileged users. Code: qaward.accounts.security.

INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ≥ 8 characters; no maximum, so passphrases of 64 characters and more are welcome.
    {"NAME": "qaward.accounts.security.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "qaward.accounts.security.passwords.CharacterClassValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # (Django's NumericPasswordValidator is left out: an all-digit password has one class.)
    # Not a check: stamps the date of every password change for the periodic-change rule.
    {"NAME": "qaward.accounts.security.passwords.PasswordChangeRecorder"},
]


def _non_negative_int(name: str, default: int, *, minimum: int = 0) -> int:
    value = env.int(name, default=default)
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


# Periodic password change: after this many days the user must choose a new password (0 = never).
QAWARD_PASSWORD_MAX_AGE_DAYS = _non_negative_int("QAWARD_PASSWORD_MAX_AGE_DAYS", 180)
# Logged out after this long without a request, and at the latest this long after logging in.
QAWARD_SESSION_IDLE_MINUTES = _non_negative_int("QAWARD_SESSION_IDLE_MINUTES", 30, minimum=1)
QAWARD_SESSION_ABSOLUTE_HOURS = _non_negative_int("QAWARD_SESSION_ABSOLUTE_HOURS", 12, minimum=1)
# The middleware enforces both limits with a message; the cookie and the stored session expire a
# little after the idle limit as a backstop, and with the browser.
SESSION_COOKIE_AGE = (QAWARD_SESSION_IDLE_MINUTES + 5) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lockout (django-axes): 5 failures for one username from one address lock that pair for 30
# minutes; another address, or another username, is not affected. Never permanent.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 30 / 60  # hours (axes reads a float as hours)
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout do not restart it, so the time the lockout page names holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "qaward.accounts.security.lockout.lockout_response"
# The client address is REMOTE_ADDR only (axes' default): X-Forwarded-For is set by the client and
# would let an attacker pick a fresh address per attempt. Behind a reverse proxy every client then
# shares the proxy's address, and a lockout covers that username from everywhere, which is stricter,
# not weaker; a deployment that rewrites REMOTE_ADDR from its proxy's header gets per-client locks.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
# Tests sign in with client.login()/force_login(), which give axes no request; the lockout tests
# switch axes on themselves (settings fixture). Every other run, development included, has it on.
AXES_ENABLED = not TESTING

# Second factor (django-otp): TOTP plus one-time backup codes, required of MFA_ROLES holders,
# superusers and staff (qaward.accounts.security.mfa.needs_mfa). Failed codes are throttled per
# device with exponential back-off (1 s, 2 s, 4 s … after each consecutive failure).
OTP_TOTP_ISSUER = "政府质量奖评审管理系统"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Off only in test runs, where most tests sign role holders in with force_login(); the MFA tests
# switch it on (tests/security). A subprocess test checks it is on in production.
QAWARD_MFA_ENFORCED = not TESTING

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "qaward.accounts.security.middleware.SessionLimitsMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("qaward.accounts.security.middleware.SessionLimitsMiddleware") + 1,
    "qaward.accounts.security.middleware.MFARequiredMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("qaward.accounts.security.middleware.MFARequiredMiddleware") + 1,
    "qaward.accounts.security.middleware.PasswordExpiryMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "csp.middleware.CSPMiddleware"
)
# Last, as django-axes asks: it turns a refused login into the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

# Content Security Policy (django-csp 4): only our own scripts, styles and images; no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# --- Roles and permissions: rules, registration, invitations (owned by qaward.accounts) --------

# Imports every app's rules.py, where the permission predicates are declared. Views check them with
# qaward.permissions (rules.has_perm directly, so superusers get no blanket pass).
INSTALLED_APPS += ["rules.apps.AutodiscoverRulesConfig"]

# How long an invitation link stays valid, in seconds (resending sends a fresh link).
QAWARD_INVITATION_MAX_AGE = env.int("QAWARD_INVITATION_MAX_AGE", default=7 * 24 * 3600)
if QAWARD_INVITATION_MAX_AGE <= 0:
    raise ImproperlyConfigured("QAWARD_INVITATION_MAX_AGE must be a positive number of seconds.")
# The site's own address (https://award.example.gov.cn), for links in mails sent outside a request;
# mails sent while serving a page use that page's address.
QAWARD_SITE_URL = env.str("QAWARD_SITE_URL", default="")

# Mail (invitations, password reset): EMAIL_URL such as submission://user:password@mail.example.gov.cn:587
# (STARTTLS) or smtps://…:465 (TLS), parsed by dj-email-url.
# Development prints mails on the console; production without EMAIL_URL is a start-up error, since
# invitations and password resets would otherwise vanish.
if _email_url := env.str("EMAIL_URL", default=""):
    globals().update(env.dj_email_url("EMAIL_URL"))
elif DEBUG or TESTING:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
else:
    raise ImproperlyConfigured(
        "EMAIL_URL is not set. Set it to the office's SMTP server, e.g. "
        "EMAIL_URL=submission://user:password@mail.example.gov.cn:587"
    )
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="qaward@localhost")

# --- Cache and rate limits (owned by qaward core) -----------------------------------------------

# Rate limits (django-ratelimit) count in the cache, so several app processes must share one:
# REDIS_URL (redis://127.0.0.1:6379/1), required in production. Development and tests keep the
# counts in process memory, which is correct only with one process.
if _redis_url := env.str("REDIS_URL", default=""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _redis_url}}
    # Django's own RedisCache (shared, atomic incr) is fine but not on django-ratelimit's list yet
    # (jsocol/django-ratelimit#283), which only warns.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
elif PRODUCTION:
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Production runs several processes, which must share one cache for rate "
        "limits, e.g. REDIS_URL=redis://127.0.0.1:6379/1"
    )
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "qaward"}}
    # django-ratelimit warns that process memory is not shared; without REDIS_URL there is one process.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
INSTALLED_APPS += ["django_ratelimit"]
# Turns the decorator's Ratelimited exception into RATELIMIT_VIEW's 429 page.
MIDDLEWARE.append("django_ratelimit.middleware.RatelimitMiddleware")
RATELIMIT_VIEW = "qaward.ratelimits.too_many_requests"
# Public forms (registration, objections, complaints): at most this many submissions per client
# address and hour. Behind a proxy, set RATELIMIT_IP_META_KEY to the header holding the client IP.
QAWARD_PUBLIC_FORM_RATE = env.str("QAWARD_PUBLIC_FORM_RATE", default="10/h")
if _ip_key := env.str("RATELIMIT_IP_META_KEY", default=""):
    RATELIMIT_IP_META_KEY = _ip_key

env.seal()
