from django.apps import AppConfig

from hogo.common.registry import HouseholdPanel, MenuEntry, register_household_panel, register_menu_entry


class VoiceConfig(AppConfig):
    name = "hogo.voice"
    label = "voice"
    verbose_name = "証明書の申請・お知らせ・ご意見"

    def ready(self):
        from hogo.offices.menu import works_cases  # noqa: PLC0415

        from . import transfer, views  # noqa: PLC0415

        transfer.register()
        pages = ("voice_certificates", "voice_certificate", "voice_opinions", "voice_surveys", "voice_survey")
        pages += ("voice_guides", "voice_guide")
        register_menu_entry(MenuEntry("voice_certificates", "証明書・ご意見", 118, works_cases, current_on=pages))
        register_household_panel(HouseholdPanel("voice", 66, "voice/_household_panel.html", views.household_panel))
