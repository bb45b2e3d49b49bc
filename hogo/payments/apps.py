from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry


class PaymentsConfig(AppConfig):
    name = "hogo.payments"
    label = "payments"
    verbose_name = "保護費の支給"

    def ready(self):
        # Deferred: each of these imports models, which exist only once every app is loaded.
        from hogo.approvals.inbox import register_inbox_source, register_returned_source  # noqa: PLC0415
        from hogo.approvals.services import register_effect  # noqa: PLC0415
        from hogo.offices.menu import holds_any  # noqa: PLC0415
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import inbox, services, views  # noqa: PLC0415
        from .models import PaymentRun  # noqa: PLC0415

        register_effect(PaymentRun, services.on_approved)
        register_household_panel(
            HouseholdPanel("payments", 58, "payments/_household_panel.html", views.household_panel)
        )
        register_menu_entry(MenuEntry("payment_office", "保護費の支給", 116, holds_any(Role.CLERK, Role.CHIEF)))
        register_inbox_source("payment_runs", "保護費の支給", inbox.waiting_runs, order=60)
        register_returned_source("payment_runs", "保護費の支給", inbox.returned_runs, order=60)
