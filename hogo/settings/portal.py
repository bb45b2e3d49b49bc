"""The recipients' and partner agencies' site. Its own database; only portal apps installed.
It shares no tables with the core: the two exchange transfer bundles."""

from .base import *  # noqa: F403 - settings modules extend their base by design
from .base import BASE_APPS, VAR_DIR, env

ZONE = "portal"
INSTALLED_APPS = BASE_APPS + ["hogo.portal"]
ROOT_URLCONF = "hogo.urls_portal"
WSGI_APPLICATION = "hogo.wsgi.application"
DATABASES = {"default": env.db("PORTAL_DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")}
