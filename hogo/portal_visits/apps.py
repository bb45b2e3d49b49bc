from django.apps import AppConfig


class PortalVisitsConfig(AppConfig):
    name = "hogo.portal_visits"
    label = "portal_visits"
    verbose_name = "訪問日程と近況報告（ポータル）"

    def ready(self):
        from . import transfer  # noqa: PLC0415 - registers the record types once apps are ready

        transfer.register()
