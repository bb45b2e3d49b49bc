from django.apps import AppConfig


class BenefitsConfig(AppConfig):
    name = "hogo.benefits"
    label = "benefits"
    verbose_name = "保護費の計算"
