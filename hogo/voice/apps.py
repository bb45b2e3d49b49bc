from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "hogo.voice"
    label = "voice"
    verbose_name = "証明書の申請・お知らせ・ご意見"
