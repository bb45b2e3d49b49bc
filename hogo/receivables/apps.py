from django.apps import AppConfig


class ReceivablesConfig(AppConfig):
    name = "hogo.receivables"
    label = "receivables"
    verbose_name = "返還金・徴収金"
