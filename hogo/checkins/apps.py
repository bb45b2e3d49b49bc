from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "hogo.checkins"
    label = "checkins"
    verbose_name = "訪問日程の調整と近況報告"
