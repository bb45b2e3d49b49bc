from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "hogo.knowledge"
    label = "knowledge"
    verbose_name = "ナレッジ"
