from django.apps import AppConfig


class PortalNotifyConfig(AppConfig):
    name = "hogo.portal_notify"
    label = "portal_notify"
    verbose_name = "ポータルからの通知"

    def ready(self):
        from . import checks  # noqa: F401, PLC0415 - registers hogo.E024 once the apps are loaded
