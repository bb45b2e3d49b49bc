"""`hogo demo`: two offices, staff by the standards, synthetic households in national
proportions, idempotent for the same seed."""

import json
from collections import Counter

import pytest
from django.core.management import call_command

from hogo.households.models import Household, Member
from hogo.offices.models import Office, RoleAssignment


@pytest.fixture
def demo_accounts(db, capsys):
    call_command("demo", households=1000, seed=7, as_json=True)
    return json.loads(capsys.readouterr().out)


def test_demo_makes_two_offices_with_staff_by_the_standards(demo_accounts):
    assert Office.objects.count() == 2
    roles = Counter((a["office"], a["role"]) for a in demo_accounts)
    for office in Office.objects.all():
        households = Household.objects.filter(office=office).count()
        assert households == 500
        assert roles[(office.name, "caseworker")] == 7  # one per 80 households, rounded up
        assert roles[(office.name, "supervisor")] == 1  # one per ~7 caseworkers
        assert roles[(office.name, "chief")] == 1 and roles[(office.name, "clerk")] == 1
    assert set(demo_accounts[0]) >= {"username", "role", "office"}


def test_every_demo_household_has_a_head_and_a_caseworker_of_its_office(demo_accounts):
    assert Member.objects.filter(relation="head").count() == Household.objects.count()
    for household in Household.objects.select_related("office").prefetch_related("assignments__caseworker")[:50]:
        caseworker = household.assignments.get().caseworker
        assert RoleAssignment.objects.filter(staff=caseworker, office=household.office, role="caseworker").exists()


def test_household_types_follow_national_proportions(demo_accounts):
    share = Counter(Household.objects.values_list("household_type", flat=True))
    total = sum(share.values())
    assert 0.50 <= share["elderly"] / total <= 0.60
    assert 0.20 <= (share["disabled"] + share["sick"]) / total <= 0.30
    assert 0.02 <= share["single_parent"] / total <= 0.07
    assert 0.12 <= share["other"] / total <= 0.20


def test_ages_fit_the_household_type(demo_accounts):
    from django.utils import timezone

    from hogo.common.wareki import age_on

    today = timezone.localdate()
    for member in Member.objects.filter(relation="head").select_related("household"):
        age = age_on(member.birth_date, today)
        if member.household.household_type == "elderly":
            assert age >= 65
        elif member.household.household_type == "single_parent":
            assert 20 <= age <= 50
            assert member.household.members.filter(relation="child").exists()
        else:
            assert 18 <= age <= 64


def test_running_again_with_the_same_seed_creates_nothing(demo_accounts, capsys):
    before = (Household.objects.count(), Member.objects.count(), RoleAssignment.objects.count())
    call_command("demo", households=1000, seed=7, as_json=True)
    again = json.loads(capsys.readouterr().out)
    assert (Household.objects.count(), Member.objects.count(), RoleAssignment.objects.count()) == before
    assert not any(a["created"] for a in again)


def test_demo_is_refused_unless_allowed(db, settings):
    from django.core.management.base import CommandError

    settings.HOGO_ALLOW_DEMO = False
    with pytest.raises(CommandError):
        call_command("demo", households=10)


def test_households_under_assistance_have_their_approved_start_decision(demo_accounts):
    from hogo.decisions.models import Decision

    under = Household.objects.filter(status__in=["active", "suspended"])
    starts = Decision.objects.filter(kind="start", status="approved", household__in=under)
    assert starts.count() == under.count()
    start = starts.select_related("need_test").first()
    one_time = start.need_test.result["benefit"]["by_assistance"].get("year_end", 0)
    assert start.benefit_total == sum(start.amounts.values()) == start.need_test.benefit - one_time
    assert start.one_time.get("year_end", 0) == one_time  # December's item rides on the decision (decision 0016)
    assert start.notice_number.text.endswith("号")
    assert start.actions.filter(action="approve").count() == 2
