from django.apps import AppConfig


class PortalNotifyConfig(AppConfig):
    name = "hogo.portal_notify"
    label = "portal_notify"
    verbose_name = "ポータルからの通知"
