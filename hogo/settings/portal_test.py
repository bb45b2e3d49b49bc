"""Test settings for the portal zone (tests/portal_zone): the portal's settings with a fixed key, fast
hashing, plain static storage and its own SQLite file, apart from the core's test database.
Run: pytest --ds=hogo.settings.portal_test tests/portal_zone"""

import os

os.environ.setdefault("HOGO_SECRET_KEY", "portal-test-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("HOGO_HTTPS", "false")
os.environ.setdefault("HOGO_ALLOW_DEMO", "true")

from .portal import *  # noqa: E402,F403
from .portal import DATABASES  # noqa: E402
from .testing import *  # noqa: E402,F403 - what both zones' test settings share
from .testing import media_root, test_database  # noqa: E402

test_database(DATABASES, "hogo-portal-test")
HOGO_TRANSFER_SERVED_OFFICES = ["131016"]  # the tests' office; each test may override it
MEDIA_ROOT = media_root("hogo-portal-test")
