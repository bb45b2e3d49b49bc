"""The background worker (django-tasks-db) really runs the audit verification job."""

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus

from hogo.audit.services import record
from hogo.audit.tasks import verify_audit_chain


@pytest.mark.django_db(transaction=True)
def test_the_worker_verifies_the_chain_from_the_queue():
    record(None, "view", target_type="household", target_id="x")
    result = verify_audit_chain.enqueue()
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"ok": True, "checked": 1, "broken_seq": None, "problem": ""}
