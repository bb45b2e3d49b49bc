"""The demo data tells one consistent story (issue 17, decision 0005): a new user who follows the
README can try every journey — an application to decide, a debt to dun, a late declaration — and
nothing on the screens contradicts anything else (a 申請中 household without its application, a
child older than its mother, a record dated next year)."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from hogo.casework.models import CaseRecord
from hogo.common.wareki import age_on
from hogo.decisions.deadlines import STANDARD_DAYS
from hogo.decisions.models import Application, Consultation, Decision
from hogo.followups.models import FollowUp, State
from hogo.households.demo import Generator
from hogo.households.models import CaseworkerAssignment, Household, HouseholdType, Income, Member, StatusChange
from hogo.offices.models import Office, RoleAssignment
from hogo.receivables import rules, services
from hogo.receivables.models import Entry, Receivable

UNDER_ASSISTANCE = ("active", "suspended")


@pytest.fixture
def demo(db, capsys):
    call_command("demo", households=40, seed=5, as_json=True)
    capsys.readouterr()
    return timezone.localdate()


def test_each_office_has_a_household_in_every_status_a_journey_starts_from(demo):
    for office in Office.objects.all():
        statuses = set(Household.objects.filter(office=office).values_list("status", flat=True))
        assert {"consultation", "applying", "active", "suspended", "terminated"} <= statuses, office.name


def test_the_first_caseworker_of_each_office_has_an_application_to_decide(demo):
    for username in ("a-cw001", "b-cw001"):
        assert Application.objects.filter(
            household__assignments__caseworker__user__username=username,
            household__assignments__valid_to__isnull=True,
            decided_on__isnull=True,
        ).exists(), username


def test_every_applying_household_has_an_open_application_within_its_deadline_or_extended(demo):
    today = demo
    applying = list(Household.objects.filter(status="applying"))
    assert applying
    for household in applying:
        open_ = list(Application.objects.filter(household=household, decided_on__isnull=True))
        assert len(open_) == 1, household.case_number
        application = open_[0]
        assert application.received_on <= today
        assert (today - application.received_on).days <= STANDARD_DAYS or application.extension_reason
        assert application.deadline >= today, "the demo keeps no application past its deadline"
        assert application.checklist.exists()


def test_every_consultation_or_application_began_with_a_recorded_consultation(demo):
    for household in Household.objects.filter(status__in=("consultation", "applying")):
        assert Consultation.objects.filter(household=household, right_explained=True).exists(), household.case_number


def test_every_household_ever_assisted_has_an_approved_start_decision_effective_by_today(demo):
    today = demo
    for household in Household.objects.filter(status__in=(*UNDER_ASSISTANCE, "terminated")):
        start = Decision.objects.filter(household=household, kind="start", status="approved").get()
        assert start.effective_from <= today
        assert start.application is not None and start.application.decided_on is not None
        assert start.application.received_on <= start.effective_from or start.effective_from <= today


def test_start_decisions_were_approved_after_the_application_and_by_its_deadline(demo):
    for start in Decision.objects.filter(kind="start", status="approved").select_related("application"):
        approved_on = timezone.localtime(start.approved_at).date()
        assert start.application.received_on <= approved_on <= start.application.deadline
        assert start.application.decided_on == approved_on


def test_suspended_and_terminated_households_have_the_decision_that_put_them_there(demo):
    for status, kind in (("suspended", "suspension"), ("terminated", "termination")):
        households = list(Household.objects.filter(status=status))
        assert households, status
        for household in households:
            decision = Decision.objects.get(household=household, kind=kind, status="approved")
            change = household.status_changes.get(to_status=status)
            assert decision.effective_from == change.effective_date


def test_every_status_history_runs_from_a_consultation_through_the_application_to_the_current_status(demo):
    today = demo
    for household in Household.objects.prefetch_related("status_changes"):
        changes = sorted(household.status_changes.all(), key=lambda c: (c.effective_date, c.pk))
        assert (changes[0].from_status, changes[0].to_status) == ("", "consultation"), household.case_number
        for before, after in zip(changes, changes[1:], strict=False):
            assert after.from_status == before.to_status, household.case_number
        assert changes[-1].to_status == household.status
        assert changes[-1].effective_date <= today
        if household.status != "consultation":
            assert "applying" in [c.to_status for c in changes], household.case_number


def test_some_receivable_of_each_office_is_overdue_with_a_balance_so_dunning_can_be_tried(demo):
    today = demo
    for office in Office.objects.all():
        rows = services.overdue(office.pk, min_days=1, min_amount=1, kinds=[rules.ART63, rules.ART78], today=today)
        assert rows, office.name
        assert all(row["balance"] > 0 for row in rows)


def test_no_receivable_balance_goes_negative_and_its_entries_lie_between_its_creation_and_today(demo):
    today = demo
    receivables = list(Receivable.objects.prefetch_related("entries"))
    assert receivables
    for receivable in receivables:
        assert services.balance_of(receivable) >= 0
        assert all(receivable.created_on <= e.on <= today for e in receivable.entries.all())
        assert receivable.created_on < receivable.due_on
        start = Decision.objects.get(household=receivable.household, kind="start", status="approved")
        for line in receivable.determination.lines:
            assert start.effective_from.replace(day=1).isoformat() <= line["month"] <= today.isoformat()


def test_the_first_caseworker_has_an_income_declaration_past_due_and_not_received(demo):
    today = demo
    assert FollowUp.objects.filter(
        household__assignments__caseworker__user__username="a-cw001",
        household__assignments__valid_to__isnull=True,
        rule__closed_by="income",
        state=State.OPEN,
        due_on__lt=today,
    ).exists()


def test_no_date_meant_as_past_lies_in_the_future_or_before_the_office_staff_held_their_roles(demo):
    today = demo
    history_began = RoleAssignment.objects.order_by("valid_from").values_list("valid_from", flat=True).first()
    checks = [
        (StatusChange, "effective_date"),
        (Application, "received_on"),
        (Application, "decided_on"),
        (Consultation, "held_on"),
        (CaseRecord, "occurred_on"),
        (Income, "since"),
        (Member, "joined_on"),
        (Member, "birth_date"),
        (Receivable, "created_on"),
        (Entry, "on"),
        (FollowUp, "done_on"),
        (CaseworkerAssignment, "valid_from"),
    ]
    for model, field in checks:
        assert not model.objects.filter(**{f"{field}__gt": today}).exists(), f"{model.__name__}.{field}"
        if model is not Member:  # people were born before the office's history began
            assert not model.objects.filter(**{f"{field}__lt": history_began}).exists(), f"{model.__name__}.{field}"
    assert not Decision.objects.filter(approved_at__gt=timezone.now()).exists()


def test_the_generator_makes_children_younger_than_their_parents_and_parents_older_than_the_head():
    today = date(2026, 12, 2)
    generator = Generator(3, today)
    for household_type in (HouseholdType.OTHER, HouseholdType.DISABLED, HouseholdType.SINGLE_PARENT) * 700:
        people = generator.members(household_type)
        head_age = age_on(people[0][2], today)
        for relation, _sex, birth in people[1:]:
            if relation == "child":
                assert head_age - age_on(birth, today) >= 16, (household_type, people)
            if relation == "parent":
                assert age_on(birth, today) - head_age >= 16, (household_type, people)


def test_no_caseworker_handles_a_household_before_holding_the_role(demo):
    for assignment in CaseworkerAssignment.objects.select_related("household"):
        role = RoleAssignment.objects.get(
            staff_id=assignment.caseworker_id, office_id=assignment.household.office_id, role="caseworker"
        )
        assert role.valid_from <= assignment.valid_from


def test_records_incomes_and_checks_of_an_assisted_household_fall_inside_its_assistance(demo):
    today = demo
    starts = dict(
        Decision.objects.filter(kind="start", status="approved", household__status__in=UNDER_ASSISTANCE).values_list(
            "household_id", "effective_from"
        )
    )
    assert any(start >= today - timedelta(days=90) for start in starts.values()), "a recently started household"
    for household_id, start in starts.items():
        assert not CaseRecord.objects.filter(household_id=household_id, occurred_on__lt=start).exists()
        assert not FollowUp.objects.filter(household_id=household_id, done_on__lt=start).exists()
        # income is recognised by the month (認定開始月, the 1st): from the month the assistance began
        assert not Income.objects.filter(member__household_id=household_id, since__lt=start.replace(day=1)).exists()


def test_only_households_under_assistance_at_home_carry_a_visit_grade(demo):
    graded = Household.objects.exclude(visit_grade="")
    assert graded.exists()
    assert not graded.exclude(status__in=UNDER_ASSISTANCE).exists()
    assert not graded.exclude(residence="home").exists()


class _Rollback(Exception):
    pass


def test_the_demo_is_the_same_for_the_same_seed(db, capsys):
    with pytest.raises(_Rollback), transaction.atomic():
        call_command("demo", households=40, seed=5, as_json=True)
        first = _story()
        raise _Rollback
    assert not Household.objects.exists()
    call_command("demo", households=40, seed=5, as_json=True)
    capsys.readouterr()
    assert _story() == first


def _story():
    return (
        sorted(Household.objects.values_list("case_number", "status", "office__municipality_code")),
        sorted(StatusChange.objects.values_list("household__case_number", "to_status", "effective_date")),
        sorted(Application.objects.values_list("household__case_number", "received_on", "extended_days")),
        sorted(Receivable.objects.values_list("household__case_number", "kind", "due_on")),
        sorted(Entry.objects.values_list("receivable__household__case_number", "kind", "amount", "on")),
    )
