from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class ReportsConfig(AppConfig):
    name = "hogo.reports"
    label = "reports"
    verbose_name = "統計"

    def ready(self):
        from hogo.offices.menu import works_cases  # noqa: PLC0415

        register_menu_entry(
            MenuEntry("report_index", "統計", 117, works_cases, current_on=("report_index", "report_run"))
        )
