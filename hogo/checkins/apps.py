from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hogo.checkins"
    label = "checkins"
    verbose_name = "訪問日程の調整と近況報告"

    def ready(self):
        from . import transfer  # noqa: PLC0415 - registers the record types once apps are ready

        transfer.register()
