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
        # what waits for a caseworker: in 「今日の仕事」 and 「係の状況」, not one more menu link
        from hogo.followups.alerts import AlertSource, register_alert_source  # noqa: PLC0415 - with the alerts below

        from . import alerts  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_alert_source(AlertSource("linkage", alerts.LABEL, 20, alerts.alerts_for, alerts.team_alerts_for))
