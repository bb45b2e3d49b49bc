from django.apps import AppConfig


class ApprovalsConfig(AppConfig):
    name = "hogo.approvals"
    label = "approvals"
    verbose_name = "決裁"
