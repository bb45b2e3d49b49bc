"""Test settings for the portal zone (tests/portal_zone): the portal's settings with a fixed key, fast
hashing, plain static storage and its own SQLite file, apart from the core's test database.
Run: pytest --ds=hogo.settings.portal_test tests/portal_zone"""

import os

os.environ.setdefault("HOGO_SECRET_KEY", "portal-test-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("HOGO_HTTPS", "false")
os.environ.setdefault("HOGO_ALLOW_DEMO", "true")

from .portal import *  # noqa: E402,F403
from .portal import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # nothing is collected in tests; WhiteNoise serves from the app folders
WHITENOISE_USE_FINDERS = True
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"hogo-portal-test-{os.getpid()}.sqlite3")
    }
AXES_FAILURE_LIMIT = 3
HOGO_TRANSFER_SERVED_OFFICES = ["131016"]  # the tests' office; each test may override it

import tempfile as _tempfile  # noqa: E402

MEDIA_ROOT = _tempfile.mkdtemp(prefix="hogo-portal-test-media-")
