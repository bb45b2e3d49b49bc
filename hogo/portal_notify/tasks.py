"""The worker's half of notifications out of the portal: one task per delivery (hogo/portal_notify/delivery.py)."""

from django_tasks import task

from . import delivery


@task()
def deliver(delivery_id: int) -> str:
    return delivery.send(delivery_id)
