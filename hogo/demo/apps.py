from django.apps import AppConfig


class DemoConfig(AppConfig):
    """`hogo demo`: synthetic demo data across the apps. Nothing imports this app; it imports them."""

    name = "hogo.demo"
    label = "demo"
    verbose_name = "デモデータ"
