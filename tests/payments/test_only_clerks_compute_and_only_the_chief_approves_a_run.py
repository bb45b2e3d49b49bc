"""A run is computed by a clerk (or the chief) of the office and approved by the office's chief only, never by
the one who drafted it; every refusal is audited."""

import pytest
from django.core.exceptions import PermissionDenied

from hogo.approvals import services as approvals
from hogo.audit.models import AuditEntry
from hogo.payments import services
from hogo.payments.models import PaymentRun

from .payment_helpers import DECEMBER, decided, payment_settings


@pytest.fixture
def office(cast):
    payment_settings(cast.office_a)
    decided(cast.households["own"], cast.users["cw"], living=80_000)
    return cast.office_a


@pytest.mark.parametrize("who", ["cw", "sv", "admin", "b_clerk", "b_chief"])
def test_computing_a_run_is_refused_to_anyone_but_the_offices_clerks_and_chief_and_audited(cast, office, who):
    actor = cast.users[who]
    with pytest.raises(PermissionDenied):
        services.compute_run(actor, office, DECEMBER)
    assert not PaymentRun.objects.exists()
    assert AuditEntry.objects.filter(actor_id=actor.pk, action="denied", office_id=office.pk).exists()


def test_the_clerk_computes_a_run(cast, office):
    run = services.compute_run(cast.users["clerk"], office, DECEMBER)
    assert run.status == "draft"
    assert run.payments.count() == 1


@pytest.mark.parametrize("who", ["clerk", "sv", "b_chief", "cw"])
def test_approval_by_anyone_but_the_offices_chief_is_refused_and_audited(cast, office, who):
    run = services.compute_run(cast.users["clerk"], office, DECEMBER)
    actor = cast.users[who]
    with pytest.raises(PermissionDenied):
        approvals.approve(actor, run)
    run.refresh_from_db()
    assert run.status == "draft"
    assert not run.actions.exists()
    assert AuditEntry.objects.filter(actor_id=actor.pk, action="denied", target_id=str(run.public_id)).exists()


def test_a_run_the_chief_computed_does_not_leave_the_office_unable_to_pay(cast, office):
    try:
        run = services.compute_run(cast.users["chief"], office, DECEMBER)
    except PermissionDenied:
        return  # the chief only approves: fine
    with pytest.raises(PermissionDenied):
        approvals.approve(cast.users["chief"], run)
    approvals.return_for_redrafting(cast.users["chief"], run, "事務員が計算し直してください。")
    run = services.recompute(cast.users["clerk"], run)
    approvals.approve(cast.users["chief"], run)
    run.refresh_from_db()
    assert run.status == "approved"


def test_the_offices_chief_approves_the_clerks_run(cast, office):
    run = services.compute_run(cast.users["clerk"], office, DECEMBER)
    approvals.approve(cast.users["chief"], run)
    run.refresh_from_db()
    assert run.status == "approved"
    assert run.frozen
