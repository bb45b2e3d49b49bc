from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "hogo.portal"
    label = "portal"
    verbose_name = "ポータル"
