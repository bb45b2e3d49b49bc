from django.apps import AppConfig

from hogo.common.registry import MenuEntry, register_menu_entry


class ApprovalsConfig(AppConfig):
    name = "hogo.approvals"
    label = "approvals"
    verbose_name = "決裁"

    def ready(self):
        from . import menu  # noqa: PLC0415 — reads models, importable once every app is loaded

        register_menu_entry(
            MenuEntry("approval_inbox", "決裁待ち", 35, menu.shows_waiting, badge=menu.waiting_badge, badge_hint="件")
        )
        register_menu_entry(
            MenuEntry("returned_drafts", "差戻し", 36, menu.shows_returned, badge=menu.returned_badge, badge_hint="件")
        )
