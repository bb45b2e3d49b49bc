"""`hogo worker`: the background worker to run in production (hogo/common/worker.py, decision 0036).
Takes the same options as django-tasks-db's `db_worker`, whose tasks and queue it shares."""

from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from hogo.common.worker import SurvivingWorker
from hogo.common.worker import requeue_running as requeue_running_tasks


class Command(DbWorkerCommand):
    help = "バックグラウンド処理のワーカー（途中で止まったワーカーの処理を引き継ぎ、データベースの再起動に耐える）"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--requeue-running",
            action="store_true",
            help="Put every running task back in the queue, then stop (SQLite, after a crash, no worker running).",
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        requeue_running: bool = False,
        **options,
    ):
        self.configure_logging(verbosity)
        if requeue_running:
            self.stdout.write(f"{requeue_running_tasks(backend_name)}件を待ち行列に戻しました。")
            return
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = SurvivingWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()  # never with the autoreloader: a reload would cut a task short
