from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hogo.audit"
    label = "audit"
    verbose_name = "監査ログ"

    def ready(self):
        from . import signals  # noqa: F401, PLC0415 — Django loads receivers in ready()
