"""The recipients' and partner agencies' site. Its own database; only portal apps installed.
It shares no tables with the core: the two exchange transfer bundles."""

from .base import *  # noqa: F403 - settings modules extend their base by design
from .base import BASE_APPS, VAR_DIR, env

ZONE = "portal"
INSTALLED_APPS = BASE_APPS + [
    "hogo.portal",  # the shell and partner agencies (issue 22)
    "hogo.recipient_portal",  # recipients: accounts, submissions and receipts (issue 23)
    "hogo.portal_visits",  # visit appointments and check-ins
    "hogo.portal_voice",  # certificates, notices, opinions, surveys, guides
    "hogo.portal_notify",  # e-mail and SMS/LINE out of the portal
]
ROOT_URLCONF = "hogo.urls_portal"
WSGI_APPLICATION = "hogo.wsgi.application"
DATABASES = {"default": env.db("PORTAL_DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}

# Partner agencies sign in here (issue 22): the portal's own login, home and 利用開始 pages.
LOGIN_URL = "portal_login"
LOGIN_REDIRECT_URL = "portal_home"
LOGOUT_REDIRECT_URL = "portal_login"
# The offices whose bundles this portal takes (団体コード, comma-separated in the environment; base.py
# reads HOGO_TRANSFER_SERVED_OFFICES the same way for both zones).
HOGO_TRANSFER_SERVED_OFFICES = env.list("HOGO_TRANSFER_SERVED_OFFICES", default=[])
# SMS and LINE providers for notifications out of the portal (decision 0039): off unless set; each URL's host
# must be in HOGO_OUTBOUND_ALLOWED (check hogo.E024).
HOGO_PORTAL_SMS_URL = env.str("HOGO_PORTAL_SMS_URL", default="")
HOGO_PORTAL_SMS_TOKEN = env.str("HOGO_PORTAL_SMS_TOKEN", default="")
HOGO_PORTAL_LINE_URL = env.str("HOGO_PORTAL_LINE_URL", default="")
HOGO_PORTAL_LINE_TOKEN = env.str("HOGO_PORTAL_LINE_TOKEN", default="")
