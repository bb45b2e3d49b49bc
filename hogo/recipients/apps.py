from django.apps import AppConfig


class RecipientsConfig(AppConfig):
    name = "hogo.recipients"
    label = "recipients"
    verbose_name = "受給者ポータルの利用"
