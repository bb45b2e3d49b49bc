from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry


class MedicalConfig(AppConfig):
    name = "hogo.medical"
    label = "medical"
    verbose_name = "医療扶助・介護扶助"

    def ready(self):
        from hogo.offices.menu import holds_any  # noqa: PLC0415 - uses models, importable once apps are loaded
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import views  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_household_panel(HouseholdPanel("medical", 52, "medical/_household_panel.html", views.household_panel))
        register_menu_entry(MenuEntry("medical_review_queue", "意見書の検討", 20, holds_any(Role.MEDICAL_ADVISOR)))
        from hogo.approvals.inbox import register_inbox_source, register_returned_source  # noqa: PLC0415

        from . import transport  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_inbox_source("transports", "移送費の決定", transport.waiting_transports, order=35)
        register_returned_source("transports", "移送費の決定", transport.returned_transports, order=35)
        register_menu_entry(MenuEntry("medical_tickets", "医療券・介護券", 115, holds_any(Role.CLERK, Role.SUPERVISOR)))
