"""Test settings: the core zone with a fixed key, fast hashing and plain static storage.
DATABASE_URL selects PostgreSQL (CI runs the suite on both)."""

import os

os.environ.setdefault("HOGO_SECRET_KEY", "test-only-key-not-secret-" + "x" * 40)
os.environ.setdefault("HOGO_HTTPS", "false")
os.environ.setdefault("HOGO_ALLOW_DEMO", "true")
os.environ.setdefault("HOGO_AUDIT_KEY", "test-only-audit-key-not-secret-" + "a" * 32)

from .core import *  # noqa: E402,F403
from .core import DATABASES  # noqa: E402
from .testing import *  # noqa: E402,F403 - what both zones' test settings share
from .testing import media_root, test_database  # noqa: E402

test_database(DATABASES, "hogo-test")
# The core's agency screens are tested as an office that keeps them on the core would use them; the
# default (off: agencies use the portal) has its own tests (tests/collaboration/test_agencies_*).
HOGO_AGENCIES_ON_CORE = True

import tempfile as _tempfile  # noqa: E402

MEDIA_ROOT = media_root("hogo-test")
# Tests never anchor into the real var directory; tests of the anchor point it at their own file.
HOGO_AUDIT_ANCHOR_FILE = os.path.join(_tempfile.mkdtemp(prefix="hogo-test-anchor-"), "audit-anchors.log")
