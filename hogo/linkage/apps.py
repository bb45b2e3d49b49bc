from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class LinkageConfig(AppConfig):
    name = "hogo.linkage"
    label = "linkage"
    verbose_name = "他システムとの連携"

    def ready(self):
        from hogo.offices.menu import holds_any  # noqa: PLC0415 - uses models, importable once apps are loaded
        from hogo.offices.models import Role  # noqa: PLC0415

        register_menu_entry(
            MenuEntry("linkage_list", "連携データ", 112, holds_any(Role.CHIEF, Role.CLERK, Role.SUPERVISOR))
        )
        register_menu_entry(MenuEntry("linkage_waiting", "連携データの確認", 96, holds_any(Role.CASEWORKER)))
