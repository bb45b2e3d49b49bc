from django.apps import AppConfig


class RecipientPortalConfig(AppConfig):
    name = "hogo.recipient_portal"
    label = "recipient_portal"
    verbose_name = "受給者ポータル"

    def ready(self):
        from . import transfer  # noqa: PLC0415 - the transfer registry, once apps are ready

        transfer.register()
