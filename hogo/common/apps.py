from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "hogo.common"
    label = "common"
    verbose_name = "共通"

    def ready(self):
        from . import checks  # noqa: F401, PLC0415 — registers the outbound allow-list checks (issue 22)
