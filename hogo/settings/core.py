"""The caseworkers' system (マイナンバー利用事務系). Makes no outbound network calls."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403 - settings modules extend their base by design
from .base import BASE_APPS, VAR_DIR, env

ZONE = "core"
INSTALLED_APPS = BASE_APPS + [
    "django.contrib.admin",
    "hogo.offices",
    "hogo.audit",
    "hogo.households",
    "hogo.benefits",
    "hogo.approvals",
    "hogo.decisions",
    "hogo.followups",
    "hogo.casework",
    "hogo.collaboration",
    "hogo.knowledge",
    "hogo.receivables",
    "hogo.linkage",
    "hogo.inquiries",
    "hogo.medical",
    "hogo.payments",
    "hogo.reports",  # statistics and exports (issue 24)
    "hogo.recipients",  # the core's end of the recipient portal (issue 23)
    "hogo.checkins",
    "hogo.voice",
    "hogo.demo",  # last: it seeds every other app and nothing depends on it
]
ROOT_URLCONF = "hogo.urls_core"
# Partner agencies use the portal (issue 22, decision 0033); an office that has decided to keep them on
# the core turns this on, with its decision recorded. Off, the core refuses an agency member's password.
HOGO_AGENCIES_ON_CORE = env.bool("HOGO_AGENCIES_ON_CORE", default=False)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "hogo.collaboration.backends.CoreStaffBackend",
]
WSGI_APPLICATION = "hogo.wsgi.application"

# The audit log's chain is keyed (HMAC) with a key kept outside the database, and its head is
# anchored nightly in an append-only file outside the database (decision 0022). No default for
# the key: the core refuses to start without it.
HOGO_AUDIT_KEY = env.str("HOGO_AUDIT_KEY")
if len(HOGO_AUDIT_KEY) < 32:
    raise ImproperlyConfigured("HOGO_AUDIT_KEY must be at least 32 characters (a random value, kept outside the DB)")
HOGO_AUDIT_ANCHOR_FILE = env.str("HOGO_AUDIT_ANCHOR_FILE", default=str(VAR_DIR / "audit-anchors.log"))
