"""`hogo payments zengin RUN_ID --out FILE` writes the 全銀 file of an approved run, byte for byte the
service's; a run the chief has not approved is refused with the service's message and no file."""

import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hogo.payments import services

from .payment_helpers import approved_run, assisted, bank_account, payment_settings


@pytest.fixture
def ready(cast):
    payment_settings(cast.office_a)
    bank_account(cast.users["clerk"], assisted(cast))
    return cast


def _zengin(run_id, out, username="clerk"):
    call_command("payments", "zengin", str(run_id), "--out", str(out), "--as", username, stdout=StringIO())


def test_the_file_of_an_approved_run_is_the_services_bytes(ready, tmp_path):
    run = approved_run(ready)
    _zengin(run.public_id, tmp_path / "zengin.txt")
    data = (tmp_path / "zengin.txt").read_bytes()
    assert data == services.zengin_file(run)
    assert data[:1] == b"1" and len(data) == 4 * 122


def test_a_run_waiting_for_approval_is_refused_and_no_file_is_written(ready, tmp_path):
    out = StringIO()
    code = ready.office_a.municipality_code
    call_command("payments", "run", "--office", code, "--month", "2026-12", "--as", "clerk", stdout=out)
    run_id = out.getvalue().splitlines()[0]
    with pytest.raises(CommandError) as refused:
        _zengin(run_id, tmp_path / "zengin.txt")
    assert str(refused.value) == "決裁の済んだ支給だけを出力できます。"
    assert not (tmp_path / "zengin.txt").exists()


def test_a_clerk_of_another_office_does_not_find_the_run(ready, tmp_path):
    run = approved_run(ready)
    with pytest.raises(CommandError) as refused:
        _zengin(run.public_id, tmp_path / "zengin.txt", username="b_clerk")
    assert str(refused.value) == f"{run.public_id}: 支給が見つかりません。"
    assert not (tmp_path / "zengin.txt").exists()


def test_an_id_that_is_no_run_is_refused(ready, tmp_path):
    with pytest.raises(CommandError) as refused:
        _zengin(uuid.uuid4(), tmp_path / "zengin.txt")
    assert "支給が見つかりません。" in str(refused.value)
