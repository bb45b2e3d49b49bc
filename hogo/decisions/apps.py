from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "hogo.decisions"
    label = "decisions"
    verbose_name = "相談・申請・決定"
