from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry
from hogo.followups.alerts import AlertSource, register_alert_source


class InquiriesConfig(AppConfig):
    name = "hogo.inquiries"
    label = "inquiries"
    verbose_name = "法第29条の照会"

    def ready(self):
        from hogo.offices.menu import holds_any  # noqa: PLC0415 - uses models, importable once apps are loaded
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import views  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_household_panel(
            HouseholdPanel("inquiries", 55, "inquiries/_household_panel.html", views.household_panel)
        )
        register_menu_entry(
            MenuEntry(
                "inquiry_office",
                "照会の送付",
                113,
                holds_any(Role.CLERK, Role.SUPERVISOR),
                current_on=("inquiry_office", "inquiry_figures"),
            )
        )
        register_menu_entry(MenuEntry("inquiry_figures", "照会の集計", 114, holds_any(Role.CHIEF)))
        # Replies not yet come near the 14-day deadline: in 「今日の仕事」 and 「係の状況」
        from . import alerts  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_alert_source(AlertSource("inquiries", alerts.LABEL, 10, alerts.alerts_for, alerts.team_alerts_for))
