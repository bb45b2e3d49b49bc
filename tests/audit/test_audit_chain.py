"""The audit log is append-only and hash-chained; `hogo audit verify` finds tampering."""

import pytest
from django.core.management import call_command
from django.db import connection

from hogo.audit.context import audit_context
from hogo.audit.models import AuditEntry, AuditHead
from hogo.audit.services import record, verify
from hogo.common.models import InsertOnlyViolation


@pytest.fixture
def five_entries(db):
    with audit_context(source="127.0.0.1"):
        return [record(None, "view", target_type="household", target_id=f"h{i}") for i in range(5)]


def run_verify():
    with pytest.raises(SystemExit) as exc:
        call_command("audit", "verify")
    return exc.value.code


def test_an_untouched_chain_verifies(five_entries, capsys):
    call_command("audit", "verify")
    assert "OK: 5 entries" in capsys.readouterr().out


def test_an_edited_row_is_detected_and_named(five_entries, capsys):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET target_id = 'someone-else' WHERE seq = 3")
    assert run_verify() == 1
    assert "BROKEN at entry 3" in capsys.readouterr().err
    assert verify().broken_seq == 3


def test_a_deleted_row_in_the_middle_is_detected_and_named(five_entries, capsys):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = 2")
    assert run_verify() == 1
    assert "BROKEN at entry 2" in capsys.readouterr().err


def test_a_deleted_last_row_is_detected(five_entries, capsys):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = 5")
    assert run_verify() == 1
    assert "BROKEN at entry 5" in capsys.readouterr().err


def test_an_edited_detail_is_detected(five_entries):
    AuditEntry.objects.filter(seq=4).update(detail={"basis": "forged"})
    assert verify().broken_seq == 4


def test_entries_cannot_be_changed_or_deleted_through_the_model(five_entries):
    entry = AuditEntry.objects.get(seq=1)
    entry.source = "10.0.0.1"
    with pytest.raises(InsertOnlyViolation):
        entry.save()
    with pytest.raises(InsertOnlyViolation):
        entry.delete()


def test_the_chain_head_follows_the_last_entry(five_entries):
    head = AuditHead.objects.get(pk=1)
    assert head.last_seq == 5 and head.last_hash == five_entries[-1].hash
    assert five_entries[1].prev_hash == five_entries[0].hash
