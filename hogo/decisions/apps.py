from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry


class DecisionsConfig(AppConfig):
    name = "hogo.decisions"
    label = "decisions"
    verbose_name = "相談・申請・決定"

    def ready(self):
        from hogo.approvals.services import register_effect  # noqa: PLC0415 — models load after app configs

        from . import services  # noqa: PLC0415
        from .models import Decision  # noqa: PLC0415

        register_effect(Decision, services.finalize)
        self._contribute_to_inbox()
        self._contribute_to_pages()

    def _contribute_to_inbox(self):
        from hogo.approvals.inbox import register_inbox_source, register_returned_source  # noqa: PLC0415

        from . import inbox  # noqa: PLC0415 - uses models, importable once apps are loaded

        register_inbox_source("decisions", "決定の起案", inbox.waiting_decisions, order=10)
        register_inbox_source("recalc_runs", "一斉更正（一括承認）", inbox.runs_to_approve, order=40)
        register_returned_source("decisions", "決定の起案", inbox.returned_decisions, order=10)

    def _contribute_to_pages(self):
        from hogo.offices.menu import holds_any  # noqa: PLC0415 - uses models, importable once apps are loaded
        from hogo.offices.models import Role  # noqa: PLC0415

        from . import household_panel  # noqa: PLC0415

        register_household_panel(
            HouseholdPanel("decisions", 50, "decisions/_household_panel.html", household_panel.context)
        )
        office_figures = holds_any(Role.CHIEF, Role.CLERK, Role.SUPERVISOR)
        register_menu_entry(MenuEntry("decision_figures", "14日決定", 90, office_figures))
        register_menu_entry(MenuEntry("recalc_list", "一斉更正", 110, office_figures))
        works_cases = holds_any(Role.CASEWORKER, Role.SUPERVISOR)
        register_menu_entry(MenuEntry("age_changes", "年齢等の変更", 95, works_cases))
