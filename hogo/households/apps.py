from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "hogo.households"
    label = "households"
    verbose_name = "世帯"
