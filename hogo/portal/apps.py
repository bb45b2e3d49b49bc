from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "hogo.portal"
    label = "portal"
    verbose_name = "ポータル"

    def ready(self):
        from . import transfer  # noqa: PLC0415 - registers the record types once the apps are loaded

        transfer.register()
