"""Bulk approval of a run: the supervisor approves at their step every draft of the run except those
whose change is large (over 10 % of the monthly total) and not yet looked at by the caseworker; once the
caseworker marks such a row reviewed, it goes with the rest. Only supervisors and chiefs approve a run
in bulk, and only supervisors, chiefs and clerks import."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.approvals.models import ActionKind
from hogo.decisions.models import Decision, DecisionStatus
from hogo.linkage import services
from hogo.linkage.models import LinkageRun

from .helpers import import_pension, pension_line, pensioner


@pytest.fixture
def run(cast):
    """A run with a large change for cw's household (60,000 → 65,000 against a benefit of 11,900) and a
    small one for cw_mate's (60,000 → 60,500)."""
    big = pensioner(cast.households["own"], cast.users["cw"], number="100000000001")
    small = pensioner(cast.households["mate"], cast.users["cw_mate"], number="100000000002")
    imported = import_pension(
        cast.users["sv"], cast.office_a, pension_line(big, annual=780_000), pension_line(small, annual=726_000)
    )
    return imported.run


def row_of(run, household):
    return run.items.get(household=household)


def approvals_of(decision) -> int:
    return decision.actions.filter(action=ActionKind.APPROVE).count()


def test_a_large_change_is_held_for_the_caseworkers_look(cast, run):
    big, small = row_of(run, cast.households["own"]), row_of(run, cast.households["mate"])

    assert big.review == "月額が10%を超えて変わる" and big.waiting_review
    assert small.review == "" and not small.waiting_review
    assert list(services.approvable(run)) == [small.decision]
    assert big in services.rows_waiting_for(cast.users["cw"])


def test_the_supervisor_approves_all_but_the_large_change_not_yet_looked_at(cast, run):
    big, small = row_of(run, cast.households["own"]), row_of(run, cast.households["mate"])

    counts = services.approve_run(cast.users["sv"], run)

    assert counts == {"approved": 1, "refused": 0}
    assert approvals_of(small.decision) == 1
    assert approvals_of(big.decision) == 0


def test_after_the_caseworkers_look_the_large_change_is_approved_too(cast, run):
    big = row_of(run, cast.households["own"])
    services.approve_run(cast.users["sv"], run)

    services.mark_reviewed(cast.users["cw"], big)
    counts = services.approve_run(cast.users["sv"], run)

    assert counts == {"approved": 1, "refused": 1}  # the other waits for the chief's step now
    assert approvals_of(big.decision) == 1
    big.refresh_from_db()
    assert big.handled_by == cast.users["cw"] and not big.waiting_review


def test_the_chief_then_approves_both_at_the_last_step(cast, run):
    services.mark_reviewed(cast.users["cw"], row_of(run, cast.households["own"]))
    services.approve_run(cast.users["sv"], run)

    counts = services.approve_run(cast.users["chief"], run)

    assert counts == {"approved": 2, "refused": 0}
    assert set(Decision.objects.filter(kind="change").values_list("status", flat=True)) == {DecisionStatus.APPROVED}
    assert not services.approvable(run).exists()


def test_only_the_households_caseworker_marks_a_large_change_reviewed(cast, run):
    big, small = row_of(run, cast.households["own"]), row_of(run, cast.households["mate"])

    with pytest.raises(PermissionDenied):
        services.mark_reviewed(cast.users["cw_other"], big)
    with pytest.raises(ValidationError):
        services.mark_reviewed(cast.users["cw_mate"], small)  # nothing to look at
    big.refresh_from_db()
    assert big.waiting_review


def test_a_caseworker_may_not_approve_a_run_in_bulk(cast, run):
    with pytest.raises(PermissionDenied):
        services.approve_run(cast.users["cw"], run)
    assert not Decision.objects.filter(actions__action=ActionKind.APPROVE, kind="change").exists()


def test_a_caseworker_may_not_import_a_file(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])

    with pytest.raises(PermissionDenied):
        import_pension(cast.users["cw"], cast.office_a, pension_line(head, annual=780_000))
    assert not LinkageRun.objects.exists()


def test_a_supervisor_of_another_office_may_not_import_or_approve_for_this_one(cast, run):
    with pytest.raises(PermissionDenied):
        services.approve_run(cast.users["b_sv"], run)
    with pytest.raises(PermissionDenied):
        import_pension(
            cast.users["b_sv"], cast.office_a, "1,,ナカムラ ジロウ,1960-01-01,老齢基礎年金,780000,130000,2026-06,"
        )
    assert LinkageRun.objects.count() == 1
