from django.apps import AppConfig

from hogo.common.registry import (
    HomeSection,
    HouseholdPanel,
    MenuEntry,
    register_home_section,
    register_household_panel,
    register_menu_entry,
)


class FollowupsConfig(AppConfig):
    name = "hogo.followups"
    label = "followups"
    verbose_name = "確認事項と期限"

    def ready(self):
        # Imported here: these use models, which can be imported only once every app is loaded.
        from hogo.offices.menu import holds_any, is_office_staff  # noqa: PLC0415
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import home_section, household_panel, menu, signals  # noqa: F401, PLC0415 - signals connects receivers

        register_household_panel(
            HouseholdPanel("followups", 10, "followups/_household_followups.html", household_panel.context)
        )
        register_home_section(HomeSection("work_today", 10, "followups/_work_today.html", home_section.context))
        register_menu_entry(MenuEntry("team", "係の状況", 40, holds_any(Role.SUPERVISOR)))
        register_menu_entry(
            MenuEntry("notices", "お知らせ", 120, is_office_staff, badge=menu.unread_notices, badge_hint="件未読")
        )
