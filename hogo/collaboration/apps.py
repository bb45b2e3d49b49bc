from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "hogo.collaboration"
    label = "collaboration"
    verbose_name = "関係機関との連携"
