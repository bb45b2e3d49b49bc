"""Settings shared by both zones. Every value that differs between machines comes from the
environment (django-environ); nothing secret is written here."""

import ipaddress
import os
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("HOGO_VAR_DIR", BASE_DIR / "var"))

env = environ.Env()
if os.environ.get("HOGO_ENV_FILE"):
    env.read_env(os.environ["HOGO_ENV_FILE"])

DEBUG = env.bool("HOGO_DEBUG", default=False)
SECRET_KEY = env.str("HOGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("HOGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
HTTPS = env.bool("HOGO_HTTPS", default=True)

LANGUAGE_CODE = "ja"
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

BASE_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "hogo.common.third_party_apps.AxesConfig",  # axes, with its Japanese name in the admin
    "django_tasks",
    "hogo.common.third_party_apps.TasksDatabaseConfig",  # django_tasks_db, likewise
    "hogo.common",
    "hogo.transfer",  # signed bundles between the zones: both ends
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hogo.audit.middleware.audit_context_middleware",
    "hogo.common.memo.read_only_memo_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hogo.common.passwords.change_required_middleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hogo.common.middleware.security_headers",
    "hogo.common.refusals.RefusalMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'hogo.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("HOGO_DB_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = env.bool(
        "HOGO_PG_SERVER_SIDE_BINDING", default=True
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids lock upgrades
    # failing under concurrent writers.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "hogo.common.passwords.PublishedPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle expiry: the cookie is renewed on every request and dies after this many idle minutes.
SESSION_COOKIE_AGE = env.int("HOGO_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Login throttling (django-axes, decision 0024): within the cool-off window, lock a username+address
# pair after AXES_FAILURE_LIMIT failures, and an address after HOGO_LOGIN_ADDRESS_FAILURE_LIMIT failures
# whatever the usernames (one guess each at many accounts). axes compares every combination with one
# limit; hogo.common.login_throttle gives each its own, and a success clears only its own account's count.
AXES_FAILURE_LIMIT = env.int("HOGO_LOGIN_FAILURE_LIMIT", default=5)
HOGO_LOGIN_ADDRESS_FAILURE_LIMIT = env.int("HOGO_LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.int("HOGO_LOGIN_COOLOFF_MINUTES", default=15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]
AXES_HANDLER = "hogo.common.login_throttle.LoginThrottle"
# The client's address: X-Forwarded-For is believed only from these reverse proxies (addresses or CIDR
# ranges); empty, the peer's address is the client's. The audit log's `source` uses the same function.
HOGO_TRUSTED_PROXIES = [
    str(ipaddress.ip_network(p, strict=False)) for p in env.list("HOGO_TRUSTED_PROXIES", default=[])
]
AXES_CLIENT_IP_CALLABLE = "hogo.audit.context.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "common/locked_out.html"
AXES_VERBOSE = False

# Secure headers. HTTPS is on unless HOGO_HTTPS=false (only for a local demo over http).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("HOGO_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env.bool("HOGO_HSTS_PRELOAD", default=HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("HOGO_BEHIND_PROXY", default=False) else None
CSRF_TRUSTED_ORIGINS = env.list("HOGO_CSRF_TRUSTED_ORIGINS", default=[])

# Uploaded photos: private files, served only through an audited view (no MEDIA_URL).
MEDIA_ROOT = VAR_DIR / "media"
HOGO_PHOTO_MAX_BYTES = env.int("HOGO_PHOTO_MAX_MB", default=10) * 1024 * 1024
# Pixels, checked from the header before decoding: a 100 KB PNG can declare 400 million (decision 0023).
HOGO_PHOTO_MAX_PIXELS = env.int("HOGO_PHOTO_MAX_MEGAPIXELS", default=40) * 1_000_000
# The recipient portal's address, printed on the activation letter and in its QR code (issue 23).
HOGO_PORTAL_URL = env.str("HOGO_PORTAL_URL", default="https://portal.example.lg.jp/")
# The only hosts Hogo connects to (issue 22): comma-separated host:port ([v6addr]:port), e.g.
# "10.1.2.3:25,llm.office.internal:8000". Loopback is always allowed; nothing else is. The drafting
# endpoint and the mail relay must be on it (hogo/common/outbound.py, checks in hogo/common/checks.py).
HOGO_OUTBOUND_ALLOWED = env.list("HOGO_OUTBOUND_ALLOWED", default=[])
# An OpenAI-compatible endpoint for drafting case records from a caseworker's notes. Off unless set;
# no network call is made otherwise.
HOGO_DRAFT_ENDPOINT = env.str("HOGO_DRAFT_ENDPOINT", default="")
HOGO_DRAFT_MODEL = env.str("HOGO_DRAFT_MODEL", default="")
HOGO_DRAFT_API_KEY = env.str("HOGO_DRAFT_API_KEY", default="")

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Daily digests: printed to the console unless an SMTP server (inside the office network) is set.
EMAIL_HOST = env.str("HOGO_EMAIL_HOST", default="")
EMAIL_PORT = env.int("HOGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("HOGO_EMAIL_USER", default="")
EMAIL_HOST_PASSWORD = env.str("HOGO_EMAIL_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("HOGO_EMAIL_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("HOGO_EMAIL_FROM", default="hogo@localhost")
EMAIL_BACKEND = env.str(
    "HOGO_EMAIL_BACKEND",
    default="hogo.common.outbound.SMTPBackend"  # Django's SMTP backend, only to an allowed relay
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("HOGO_LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Transfer bundles between the zones (hogo.transfer, docs/transfer/README.md): this zone's private signing
# keys (files, 0600) and the folder where a refused bundle is kept with its reason. The portal serves the
# offices listed here (the core serves its Office rows). Limits are checked from the zip's headers first.
HOGO_TRANSFER_KEYS_DIR = Path(env.str("HOGO_TRANSFER_KEYS_DIR", default=str(VAR_DIR / "keys")))
HOGO_TRANSFER_QUARANTINE_DIR = Path(env.str("HOGO_TRANSFER_QUARANTINE_DIR", default=str(VAR_DIR / "quarantine")))
HOGO_TRANSFER_SERVED_OFFICES = env.list("HOGO_TRANSFER_SERVED_OFFICES", default=[])
HOGO_TRANSFER_MAX_BUNDLE_BYTES = env.int("HOGO_TRANSFER_MAX_BUNDLE_MB", default=512) * 1024 * 1024
HOGO_TRANSFER_MAX_UNCOMPRESSED_BYTES = env.int("HOGO_TRANSFER_MAX_UNCOMPRESSED_MB", default=2048) * 1024 * 1024
HOGO_TRANSFER_MAX_ENTRIES = env.int("HOGO_TRANSFER_MAX_ENTRIES", default=50_000)
HOGO_TRANSFER_MAX_PDF_BYTES = env.int("HOGO_TRANSFER_MAX_PDF_MB", default=20) * 1024 * 1024

# Demo data (`hogo demo`) is refused unless this is on: never in production.
HOGO_ALLOW_DEMO = env.bool("HOGO_ALLOW_DEMO", default=False)
