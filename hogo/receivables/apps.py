from django.apps import AppConfig

from hogo.common.registry import (
    HouseholdPanel,
    MenuEntry,
    StartPage,
    register_household_panel,
    register_menu_entry,
    register_start_page,
)


class ReceivablesConfig(AppConfig):
    name = "hogo.receivables"
    label = "receivables"
    verbose_name = "返還金・徴収金"

    def ready(self):
        from hogo.approvals.services import register_effect  # noqa: PLC0415 — models load after app configs

        from . import services  # noqa: PLC0415
        from .models import Determination  # noqa: PLC0415

        register_effect(Determination, services.open_receivables)
        self._contribute_to_inbox()
        self._contribute_to_pages()

    def _contribute_to_inbox(self):
        from hogo.approvals.inbox import register_inbox_source, register_returned_source  # noqa: PLC0415

        from . import inbox  # noqa: PLC0415 - uses models, importable once apps are loaded

        label = "返還金・徴収金の決定（法第63条・第78条）"
        register_inbox_source("determinations", label, inbox.waiting_determinations, order=20)
        register_returned_source("determinations", "返還金・徴収金の決定", inbox.returned_determinations, order=20)

    def _contribute_to_pages(self):
        from hogo.offices.menu import collects_only, holds_any  # noqa: PLC0415 - uses models, loaded after apps
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import household_panel  # noqa: PLC0415

        register_household_panel(
            HouseholdPanel("receivables", 40, "receivables/_household_panel.html", household_panel.context)
        )
        register_menu_entry(
            MenuEntry("receivable_list", "債権", 100, holds_any(Role.COLLECTOR, Role.CLERK, Role.CHIEF))
        )
        # the collection team works receivables, not cases
        register_start_page(StartPage("collection_team", "receivable_list", collects_only))
