"""The background worker (django-tasks-db) really runs the audit verification and anchoring jobs."""

import json

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus

from hogo.audit.services import record
from hogo.audit.tasks import anchor_audit_chain, verify_audit_chain


@pytest.mark.django_db(transaction=True)
def test_the_worker_verifies_the_chain_from_the_queue():
    record(None, "view", target_type="household", target_id="x")
    result = verify_audit_chain.enqueue()
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"ok": True, "checked": 1, "broken_seq": None, "problem": ""}


@pytest.mark.django_db(transaction=True)
def test_the_worker_anchors_the_verified_head_outside_the_database(settings, tmp_path):
    settings.HOGO_AUDIT_ANCHOR_FILE = str(tmp_path / "audit-anchors.log")
    entry = record(None, "view", target_type="household", target_id="x")
    result = anchor_audit_chain.enqueue()
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["anchored"] == {"seq": 1, "hash": entry.hash}
    assert json.loads((tmp_path / "audit-anchors.log").read_text())["hash"] == entry.hash
