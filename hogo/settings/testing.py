"""What both zones' test settings share (hogo/settings/test.py for the core, portal_test.py for the portal):
fast hashing, plain static storage served from the app folders, and a test database in its own file."""

import os
import tempfile
from pathlib import Path

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # nothing is collected in tests; WhiteNoise serves from the app folders
WHITENOISE_USE_FINDERS = True
AXES_FAILURE_LIMIT = 3
# Signing keys and quarantined bundles in folders of the run's own, never the checkout's var/: CI runs the
# SQLite and the PostgreSQL suites at once in one checkout, and a key's id is its second of creation.
HOGO_TRANSFER_KEYS_DIR = Path(tempfile.mkdtemp(prefix="hogo-test-keys-"))
HOGO_TRANSFER_QUARANTINE_DIR = Path(tempfile.mkdtemp(prefix="hogo-test-quarantine-"))


def test_database(databases: dict, prefix: str) -> None:
    """No kept connections; on SQLite a file, not Django's shared-cache in-memory database: the browser
    tests' live server and the test run then lock the database exactly as the web server and the worker do
    in production (BEGIN IMMEDIATE), which the audit chain relies on."""
    databases["default"]["CONN_MAX_AGE"] = 0
    if databases["default"]["ENGINE"] == "django.db.backends.sqlite3":
        name = os.path.join(tempfile.gettempdir(), f"{prefix}-{os.getpid()}.sqlite3")
        databases["default"]["TEST"] = {"NAME": name}


def media_root(prefix: str) -> str:
    return tempfile.mkdtemp(prefix=f"{prefix}-media-")
