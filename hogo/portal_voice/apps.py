from django.apps import AppConfig


class PortalVoiceConfig(AppConfig):
    name = "hogo.portal_voice"
    label = "portal_voice"
    verbose_name = "証明書・お知らせ・ご意見（ポータル）"

    def ready(self):
        from . import transfer  # noqa: PLC0415

        transfer.register()
