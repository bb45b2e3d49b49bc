from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class KnowledgeConfig(AppConfig):
    name = "hogo.knowledge"
    label = "knowledge"
    verbose_name = "ナレッジ"

    def ready(self):
        from hogo.offices.menu import works_cases  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_menu_entry(MenuEntry("knowledge_ask", "法令", 70, works_cases))
