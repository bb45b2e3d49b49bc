"""Test settings: the core zone with a fixed key, fast hashing and plain static storage.
DATABASE_URL selects PostgreSQL (CI runs the suite on both)."""

import os

os.environ.setdefault("HOGO_SECRET_KEY", "test-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("HOGO_HTTPS", "false")
os.environ.setdefault("HOGO_ALLOW_DEMO", "true")
os.environ.setdefault("HOGO_AUDIT_KEY", "test-only-audit-key-not-secret-" + "a" * 32)

from .core import *  # noqa: E402,F403
from .core import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # nothing is collected in tests; WhiteNoise serves from the app folders
WHITENOISE_USE_FINDERS = True
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's shared-cache in-memory database: the browser tests' live server and the
    # test run then lock the database exactly as the web server and the worker do in production
    # (BEGIN IMMEDIATE), which the audit chain relies on.
    import tempfile

    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"hogo-test-{os.getpid()}.sqlite3")}
AXES_FAILURE_LIMIT = 3
# The core's agency screens are tested as an office that keeps them on the core would use them; the
# default (off: agencies use the portal) has its own tests (tests/collaboration/test_agencies_*).
HOGO_AGENCIES_ON_CORE = True

import tempfile as _tempfile  # noqa: E402

MEDIA_ROOT = _tempfile.mkdtemp(prefix="hogo-test-media-")
# Tests never anchor into the real var directory; tests of the anchor point it at their own file.
HOGO_AUDIT_ANCHOR_FILE = os.path.join(_tempfile.mkdtemp(prefix="hogo-test-anchor-"), "audit-anchors.log")
