"""The background worker that survives (`hogo worker`, decision 0036): django-tasks-db's worker plus
what a queue shared by several machines needs when a worker dies or the database restarts.

- **A claim is a lease held by a live connection (PostgreSQL).** A worker claims a task in one
  transaction and, in the same transaction, takes a session advisory lock keyed by the task's id. The
  lock lives exactly as long as the worker's database session: a worker that is SIGKILLed, loses its
  machine or its network has its session ended by the server, and the lock goes with it. Every worker
  looks now and then for running tasks whose lock nobody holds (`SELECT … FOR UPDATE SKIP LOCKED`, then
  `pg_try_advisory_lock`) and puts them back in the queue. No timeout to tune, no clock to trust.
- **A lost connection is not a failed task.** When the database goes away (restart, fail-over) the
  task's transaction is rolled back by the server; the worker closes its connection, waits for the
  database with a growing pause, and puts the task back in the queue instead of marking it failed. The
  loop itself never dies of a connection error.
- **A task is attempted at most MAX_ATTEMPTS times** (each claim is counted in `worker_ids`): a task
  that kills every worker that takes it is marked failed instead of going round for ever.

Taking a task over is safe because each of Hogo's chunked tasks is one transaction that a second run
cannot double: a 一斉更正 chunk writes its results (unique per run and household) with its effects and
skips households already done; a follow-up regeneration chunk re-plans from the current items and inserts
only what is missing (unique per household and key). A chunk whose worker died either committed entirely,
and runs again as a no-op, or not at all (tests/scale: a kill test for each).

On SQLite (one machine, evaluation) there are no advisory locks: a task whose worker was killed stays
「実行中」 until `hogo worker --requeue-running` is run with no other worker running."""

import logging
import os
import random
import time

from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection, transaction
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger("hogo.worker")

MAX_ATTEMPTS = 5
# How often a worker looks for tasks whose worker died (seconds); a lookup is one small query.
ORPHAN_CHECK_SECONDS = float(os.environ.get("HOGO_WORKER_ORPHAN_CHECK_SECONDS", "10"))
# The longest pause between attempts to reach a database that went away.
MAX_RECONNECT_PAUSE = 5.0

LOCK_SQL = "SELECT pg_try_advisory_lock(hashtextextended(%s, 0))"
UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtextextended(%s, 0))"


def lost_connection(exc: BaseException) -> bool:
    """True for an error that says the database went away (or answered too late), not that the task is wrong."""
    if isinstance(exc, InterfaceError):
        return True
    # On PostgreSQL an OperationalError is a lost or reset connection, a restart, a deadlock or a timeout:
    # each is worth another attempt. On SQLite it is a locked file or a wrong schema: not retried.
    return isinstance(exc, OperationalError) and connection.vendor == "postgresql"


def uses_leases() -> bool:
    return connection.vendor == "postgresql"


def _try_lock(task_id) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(LOCK_SQL, [str(task_id)])
        return bool(cursor.fetchone()[0])


def _unlock(task_id) -> None:
    with connection.cursor() as cursor:
        cursor.execute(UNLOCK_SQL, [str(task_id)])


def requeue_orphans(backend_name: str) -> list[str]:
    """Put back in the queue every running task of this backend whose worker's session is gone
    (PostgreSQL). Returns their ids."""
    if not uses_leases():
        return []
    requeued = []
    with transaction.atomic():
        running = (
            DBTaskResult.objects.running()
            .filter(backend_name=backend_name)
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)
        )
        for task_id in running:
            if not _try_lock(task_id):
                continue  # its worker is alive and holds it
            try:
                DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.READY, started_at=None
                )
                requeued.append(str(task_id))
            finally:
                _unlock(task_id)
    for task_id in requeued:
        logger.warning("Task id=%s lost its worker: back in the queue", task_id)
    return requeued


def requeue_running(backend_name: str) -> int:
    """Every running task back in the queue: for SQLite after a crash, with no worker running."""
    return (
        DBTaskResult.objects.running()
        .filter(backend_name=backend_name)
        .update(status=TaskResultStatus.READY, started_at=None)
    )


class SurvivingWorker(Worker):
    """django-tasks-db's Worker with leases, orphan takeover and reconnection (see the module)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._next_orphan_check = 0.0
        self._pause = 0.5

    def run(self) -> None:
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # a thundering herd, not a secret
        while self.running:
            try:
                task_result = self._claim_next()
                finished = self.batch and task_result is None and not self._anything_running()
            except DatabaseError as exc:
                if not lost_connection(exc):
                    raise
                self._wait_for_database(exc)
                continue
            self._pause = 0.5
            if task_result is not None:
                self.run_task(task_result)
            elif finished:
                logger.info("No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info(
                    "Run maximum tasks (%d) on worker=%s - exiting gracefully.", self._run_tasks, self.worker_id
                )
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval if not self.batch else max(self.interval, 0.2))

    def _anything_running(self) -> bool:
        """In batch mode a worker leaves only when no other worker's task may still come back to the queue."""
        if not uses_leases():
            return False
        return self._ours(DBTaskResult.objects.running()).exists()

    def _ours(self, tasks):
        tasks = tasks.filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        return tasks

    def _claim_next(self) -> DBTaskResult | None:
        close_old_connections()
        if uses_leases() and time.monotonic() >= self._next_orphan_check:
            requeue_orphans(self.backend_name)
            self._next_orphan_check = time.monotonic() + ORPHAN_CHECK_SECONDS
        tasks = self._ours(DBTaskResult.objects.ready())
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except OperationalError as exc:
                if is_locked_database_exception(exc):
                    return None
                raise
            if task_result is None:
                return None
            task_result.claim(self.worker_id)
            if uses_leases() and not _try_lock(task_result.pk):
                transaction.set_rollback(True)  # another session holds its lease (a hash collision): leave it
                return None
        if len(task_result.worker_ids) > MAX_ATTEMPTS:
            task_result.set_failed(
                RuntimeError(f"{MAX_ATTEMPTS}回試みても終わりませんでした（ワーカーが途中で止まる）。")
            )
            self._release(task_result.pk)
            return None
        return task_result

    def _release(self, task_id) -> None:
        if uses_leases() and connection.connection is not None:
            try:
                _unlock(task_id)
            except DatabaseError:
                connection.close()  # the session and its locks are gone anyway

    def _wait_for_database(self, exc: BaseException) -> None:
        logger.warning("Database unavailable (%s); retrying in %.1f s", str(exc).strip()[:200], self._pause)
        connection.close()
        time.sleep(self._pause)
        self._pause = min(self._pause * 2, MAX_RECONNECT_PAUSE)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run the task; a lost database connection puts it back in the queue instead of failing it."""
        try:
            self.running_task = True
            task = db_task_result.task
            task_result = db_task_result.task_result
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            db_task_result.set_successful(value)
            task_finished.send(sender=backend_type, task_result=db_task_result.task_result)
        except BaseException as exc:  # as django-tasks-db: every failure is recorded
            if isinstance(exc, (SystemExit, KeyboardInterrupt)):  # a forced stop interrupts, it does not fail
                self._give_back(db_task_result, exc)
                raise
            if isinstance(exc, DatabaseError) and lost_connection(exc):
                self._give_back(db_task_result, exc)
            else:
                try:
                    db_task_result.set_failed(exc)
                    task_finished.send(
                        sender=type(db_task_result.task.get_backend()), task_result=db_task_result.task_result
                    )
                except DatabaseError as again:
                    if not lost_connection(again):
                        raise
                    self._give_back(db_task_result, again)
                except Exception:
                    logger.exception("Task id=%s failed unexpectedly", db_task_result.id)
        finally:
            self._release(db_task_result.pk)
            self.running_task = False
            self._run_tasks += 1

    def _give_back(self, db_task_result: DBTaskResult, exc: BaseException) -> None:
        """The database went away during the task: whatever the task's transaction held was rolled back by
        the server. On PostgreSQL closing the connection ends our lease: the next orphan check (ours, at
        once, or another worker's) puts the task back, and only if no other worker has taken it since. On
        SQLite nobody else takes running tasks over: put it back ourselves once the database answers."""
        logger.warning("Task id=%s interrupted (%r): back in the queue", db_task_result.id, exc)
        connection.close()
        if uses_leases():
            self._next_orphan_check = 0.0
            return
        while True:
            try:
                DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.READY, started_at=None
                )
                self._pause = 0.5
                return
            except DatabaseError as again:
                if not lost_connection(again):
                    raise
                if not self.running:
                    return  # a stopping worker leaves it to the others' orphan check
                self._wait_for_database(again)
