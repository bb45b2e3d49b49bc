from django.apps import AppConfig

from hogo.common.registry import (
    HouseholdPanel,
    MenuEntry,
    StartPage,
    register_household_panel,
    register_menu_entry,
    register_start_page,
)


class CollaborationConfig(AppConfig):
    name = "hogo.collaboration"
    label = "collaboration"
    verbose_name = "関係機関との連携"

    def ready(self):
        # Imported here: these use models, which can be imported only once every app is loaded.
        from . import household_panel  # noqa: PLC0415
        from .menu import is_agency_member  # noqa: PLC0415

        register_household_panel(
            HouseholdPanel("collaboration", 30, "collaboration/_household_panel.html", household_panel.context)
        )
        register_menu_entry(MenuEntry("agency_home", "参加している会議", 10, is_agency_member, current_on=()))
        register_start_page(StartPage("partner_agency", "agency_home", is_agency_member))  # only their conferences
        from . import transfer  # noqa: PLC0415 - uses models

        transfer.register()  # agencies through the portal: the core's end of the bundles
