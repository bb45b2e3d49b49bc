"""The caseworkers' system (マイナンバー利用事務系). Makes no outbound network calls."""

import copy

from .base import *  # noqa: F403 - settings modules extend their base by design
from .base import BASE_APPS, TEMPLATES

ZONE = "core"
INSTALLED_APPS = BASE_APPS + [
    "django.contrib.admin",
    "hogo.offices",
    "hogo.audit",
    "hogo.households",
    "hogo.benefits",
    "hogo.decisions",
    "hogo.followups",
    "hogo.casework",
    "hogo.collaboration",
    "hogo.knowledge",
    "hogo.receivables",
]
ROOT_URLCONF = "hogo.urls_core"
WSGI_APPLICATION = "hogo.wsgi.application"
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["OPTIONS"]["context_processors"].append("hogo.offices.context_processors.navigation")
TEMPLATES[0]["OPTIONS"]["context_processors"].append("hogo.followups.context_processors.notices")
