from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class HouseholdsConfig(AppConfig):
    name = "hogo.households"
    label = "households"
    verbose_name = "世帯"

    def ready(self):
        # Imported here: these use models, which can be imported only once every app is loaded.
        from hogo.offices.menu import holds_any, is_office_staff, works_cases  # noqa: PLC0415
        from hogo.offices.models import Role  # noqa: PLC0415

        register_menu_entry(MenuEntry("home", "ホーム", 20, is_office_staff))
        register_menu_entry(MenuEntry("household_search", "世帯検索", 30, works_cases))
        register_menu_entry(MenuEntry("household_new", "新規登録", 80, holds_any(Role.CASEWORKER, Role.SUPERVISOR)))
