from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "hogo.casework"
    label = "casework"
    verbose_name = "訪問とケース記録"
