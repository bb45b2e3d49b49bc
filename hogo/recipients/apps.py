from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, register_household_panel


class RecipientsConfig(AppConfig):
    name = "hogo.recipients"
    label = "recipients"
    verbose_name = "受給者ポータルの利用"

    def ready(self):
        from . import transfer, views  # noqa: PLC0415 - models exist only once every app is loaded

        transfer.register()
        register_household_panel(
            HouseholdPanel("recipient_portal", 59, "recipients/_household_panel.html", views.household_panel)
        )
