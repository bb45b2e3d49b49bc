from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry


class CaseworkConfig(AppConfig):
    name = "hogo.casework"
    label = "casework"
    verbose_name = "訪問とケース記録"

    def ready(self):
        # Imported here: these use models, which can be imported only once every app is loaded.
        from hogo.approvals.inbox import register_inbox_source  # noqa: PLC0415
        from hogo.offices.menu import holds_any, works_cases  # noqa: PLC0415
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import household_panel, inbox  # noqa: PLC0415

        register_household_panel(
            HouseholdPanel("casework", 20, "casework/_household_panel.html", household_panel.context)
        )
        register_menu_entry(MenuEntry("visit_list", "訪問", 50, holds_any(Role.CASEWORKER)))
        register_menu_entry(MenuEntry("record_search", "記録検索", 60, works_cases))
        register_inbox_source("case_records", "署名待ちのケース記録", inbox.records_to_sign, order=30)
