from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "hogo.common"
    label = "common"
    verbose_name = "共通"
