"""The caseworkers' system (マイナンバー利用事務系). Makes no outbound network calls."""

from .base import *  # noqa: F403 - settings modules extend their base by design
from .base import BASE_APPS

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
    "hogo.demo",  # last: it seeds every other app and nothing depends on it
]
ROOT_URLCONF = "hogo.urls_core"
WSGI_APPLICATION = "hogo.wsgi.application"
