from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class OfficesConfig(AppConfig):
    name = "hogo.offices"
    label = "offices"
    verbose_name = "福祉事務所・職員"

    def ready(self):
        from .menu import is_site_administrator  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_menu_entry(MenuEntry("admin:index", "管理", 130, is_site_administrator, current_on=()))

        # The acting office (docs/decisions/0013): offered only to staff with roles in two offices or more.
        from .acting import may_choose_office  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_menu_entry(
            MenuEntry("choose_office", "事務所の切り替え", 120, lambda request: may_choose_office(request.user))
        )
