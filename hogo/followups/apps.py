from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "hogo.followups"
    label = "followups"
    verbose_name = "確認事項と期限"

    def ready(self):
        from . import signals  # noqa: F401
