"""The third-party apps under their Japanese names in the admin (their own AppConfig has none, or an
English one). Only the app's title changes here: their models and fields are named by the catalogue in
hogo/common/locale (decision 0027). Kept out of apps.py so that hogo.common keeps its one AppConfig."""

from axes.apps import AppConfig as AxesAppConfig
from django_tasks_db.apps import TasksAppConfig


class AxesConfig(AxesAppConfig):
    verbose_name = "ログイン制限"


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = "バックグラウンド処理"
