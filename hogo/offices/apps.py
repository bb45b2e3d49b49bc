from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "hogo.offices"
    label = "offices"
    verbose_name = "福祉事務所・職員"
