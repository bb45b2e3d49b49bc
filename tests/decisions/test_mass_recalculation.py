"""一斉更正: the engine runs for every household under assistance; a change decision is drafted only
where the amounts change; chunks are idempotent; the real worker runs them."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from hogo.approvals import services as approvals
from hogo.audit.services import verify
from hogo.decisions import recalc
from hogo.decisions.models import Decision, RecalcResult, RecalcRun
from hogo.households.models import Household


@pytest.fixture
def assisted(cast, drafted):
    household, _, test, decision = drafted
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    decision.refresh_from_db()
    return household, decision


def next_plain_month(day: date) -> date:
    """The first day of the next month after `day` that is not December (no 期末一時扶助)."""
    month = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return next_plain_month(month) if month.month == 12 else month


def lower_rent(household):
    Household.objects.filter(pk=household.pk).update(rent=30000)


def run_for(cast, as_of):
    run = recalc.start_recalc(cast.users["clerk"], cast.office_a, as_of, "基準改定", enqueue=False)
    ids = list(
        RecalcRun.objects.get(pk=run.pk)
        .office.households.filter(status__in=recalc.UNDER_ASSISTANCE)
        .values_list("id", flat=True)
    )
    return run, ids


def test_a_change_is_drafted_only_where_the_amount_changes(cast, assisted):
    household, start = assisted
    lower_rent(household)  # the rent went down after the start decision
    run, ids = run_for(cast, next_plain_month(start.effective_from))
    counts = recalc.process_chunk(run, ids)
    result = RecalcResult.objects.get(run=run, household=household)
    assert result.outcome == "changed" and result.old_total - result.new_total == 15000
    draft = result.decision
    assert draft.kind == "change" and draft.status == "draft" and draft.drafted_by == cast.users["clerk"]
    assert draft.amounts["housing"] == 30000 and draft.snapshot["head_name"] == "木村 陽子"
    assert result.exception == "月額が10%を超えて変わる"
    run.refresh_from_db()
    assert counts["changed"] == run.changed == 1 and run.processed == run.total
    assert run.status == "done"
    assert verify().ok


def december_after(day: date) -> date:
    return date(day.year + (day.month == 12 and day.day > 1), 12, 1)


def test_a_december_recalculation_drafts_the_one_time_allowance_beside_unchanged_monthly_amounts(cast, assisted):
    household, start = assisted
    Decision.objects.filter(pk=start.pk).update(one_time={})  # a start from a month other than December
    december = december_after(start.effective_from)
    run, ids = run_for(cast, december)
    recalc.process_chunk(run, ids)
    result = RecalcResult.objects.get(run=run, household=household)
    assert result.outcome == "changed" and result.old_total == result.new_total  # decision 0016
    draft = result.decision
    assert draft.amounts == start.amounts
    assert draft.one_time == {"year_end": 14500, "month": f"{december.year}-12"}  # 1級地-1, one person
    assert draft.reasons.endswith(f"（一斉更正 令和{december.year - 2018}年12月1日）")  # 和暦, as on the notice


def test_a_december_recalculation_drafts_nothing_when_the_decision_in_force_carries_the_allowance(cast, assisted):
    household, start = assisted
    december = december_after(start.effective_from)
    Decision.objects.filter(pk=start.pk).update(one_time={"year_end": 14500, "month": f"{december.year}-12"})
    run, ids = run_for(cast, december)
    recalc.process_chunk(run, ids)
    assert RecalcResult.objects.get(run=run, household=household).outcome == "unchanged"


def test_an_unchanged_household_gets_no_draft(cast, assisted):
    household, start = assisted
    run, ids = run_for(cast, next_plain_month(start.effective_from))
    recalc.process_chunk(run, ids)
    result = RecalcResult.objects.get(run=run, household=household)
    assert result.outcome == "unchanged" and result.decision is None
    assert not Decision.objects.filter(household=household, status="draft").exists()


def test_running_a_chunk_twice_drafts_nothing_twice(cast, assisted):
    household, start = assisted
    lower_rent(household)
    run, ids = run_for(cast, next_plain_month(start.effective_from))
    recalc.process_chunk(run, ids)
    recalc.process_chunk(run, ids)
    assert Decision.objects.filter(household=household, status="draft").count() == 1
    assert RecalcResult.objects.filter(run=run, household=household).count() == 1


def test_a_second_run_skips_households_with_a_draft_pending(cast, assisted):
    household, start = assisted
    lower_rent(household)
    first, ids = run_for(cast, next_plain_month(start.effective_from))
    recalc.process_chunk(first, ids)
    second, ids = run_for(cast, next_plain_month(start.effective_from))
    recalc.process_chunk(second, ids)
    assert RecalcResult.objects.get(run=second, household=household).outcome == "skipped"
    assert Decision.objects.filter(household=household, status="draft").count() == 1


def test_only_chief_and_clerk_start_a_run(cast):
    with pytest.raises(PermissionDenied):
        recalc.start_recalc(cast.users["cw"], cast.office_a, date(2027, 4, 1), "基準改定")
    with pytest.raises(PermissionDenied):
        recalc.start_recalc(cast.users["b_chief"], cast.office_a, date(2027, 4, 1), "基準改定")


@pytest.mark.django_db(transaction=True)
def test_the_background_worker_runs_the_chunks(cast, assisted):
    household, start = assisted
    lower_rent(household)
    run = recalc.start_recalc(cast.users["clerk"], cast.office_a, next_plain_month(start.effective_from), "家賃改定")
    assert RecalcRun.objects.get(pk=run.pk).status == "running"
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    run.refresh_from_db()
    assert run.status == "done" and run.changed >= 1 and run.processed == run.total


def test_bulk_approval_goes_step_by_step_and_leaves_exceptions(cast, assisted):
    household, start = assisted
    lower_rent(household)
    run, ids = run_for(cast, next_plain_month(start.effective_from))
    recalc.process_chunk(run, ids)
    draft = RecalcResult.objects.get(run=run, household=household).decision
    RecalcResult.objects.filter(run=run, household=household).update(exception="")
    assert recalc.approve_run(cast.users["sv"], run) == {"approved": 1, "refused": 0}
    assert recalc.approve_run(cast.users["chief"], run) == {"approved": 1, "refused": 0}
    draft.refresh_from_db()
    assert draft.status == "approved"


ROLE_ACCESS = {
    # role: (list GET, detail GET, approve POST)
    "cw": (403, 404, 404),
    "sv": (200, 200, 302),
    "chief": (200, 200, 302),
    "clerk": (200, 200, 403),
    "admin": (403, 404, 404),
    "b_chief": (200, 404, 404),
    "b_clerk": (200, 404, 404),
}


@pytest.mark.parametrize("role", sorted(ROLE_ACCESS))
def test_recalc_screens_answer_by_role_and_office(cast, assisted, login, role):
    from django.urls import reverse

    run, ids = run_for(cast, date(2027, 1, 1))
    recalc.process_chunk(run, ids)
    client = login(cast.users[role])
    expected = ROLE_ACCESS[role]
    got = (
        client.get(reverse("recalc_list")).status_code,
        client.get(reverse("recalc_detail", args=[run.public_id])).status_code,
        client.post(reverse("recalc_approve", args=[run.public_id])).status_code,
    )
    assert got == expected


def test_a_clerk_starts_a_run_from_the_screen(cast, assisted, login):
    from django.urls import reverse

    response = login(cast.users["clerk"]).post(reverse("recalc_list"), {"as_of": "2027-01-01", "reason": "基準改定"})
    run = RecalcRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("recalc_detail", args=[run.public_id])
    assert run.total >= 1 and run.requested_by == cast.users["clerk"]
