"""What each demo sample says about the office's members is what its docstring promises: premiums for
those aged 65 or over (特別徴収 only from a pension of 18万円 a year or more), certifications and
certificates of members who have one, and three 住民異動 (a birth to a young mother, a death of a member
who is not the head, a move within the city)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hogo.common.wareki import age_on
from hogo.demo.load import load_demo
from hogo.households.circumstance_rules import GRADES
from hogo.households.demo import OFFICES
from hogo.households.models import Income, IncomeKind, Member
from hogo.linkage import demo, layouts
from hogo.offices.models import Office


@pytest.fixture
def office_a(db):
    load_demo(120, seed=1)
    return Office.objects.get(municipality_code=OFFICES[0].municipality_code)


def _rows(office, source):
    today = timezone.localdate()
    parsed = layouts.read_file(source, demo.SAMPLES[source](office, today, 1))
    numbers = [r.values["resident_number"] for r in parsed.rows]
    members = {
        m.resident_number: m for m in Member.objects.filter(household__office=office, resident_number__in=numbers)
    }
    return today, parsed.rows, members


def test_premiums_are_for_members_aged_65_and_deducted_only_from_a_pension_of_15000_yen_a_month_or_more(office_a):
    today, rows, members = _rows(office_a, layouts.CARE_PREMIUM)
    month = demo.next_month(today)
    seen = set()
    for row in rows:
        member = members[row.values["resident_number"]]
        assert age_on(member.birth_date, month) >= 65
        pension = max(
            (
                i.monthly_amount
                for i in Income.objects.current().filter(member=member, kind=IncomeKind.PENSION, since__lte=month)
                if i.until is None or i.until >= month
            ),
            default=0,
        )
        expected = layouts.DEDUCTED if pension >= 15_000 else layouts.ORDINARY
        assert row.values["collection"] == expected, member.name
        assert row.values["stage"] == 1 and row.values["month"] == month
        seen.add(expected)
    assert seen == {layouts.DEDUCTED, layouts.ORDINARY}


def test_certifications_are_for_certified_members_and_due_ones_are_renewed_from_the_day_after(office_a):
    today, rows, members = _rows(office_a, layouts.CARE_CERTIFICATION)
    renewed = 0
    for row in rows:
        member = members[row.values["resident_number"]]
        assert member.care_level
        until = member.care_certified_until
        if until <= today + timedelta(days=demo.DUE_DAYS):
            assert row.values["valid_from"] == until + timedelta(days=1)
            assert row.values["valid_until"] > until
            renewed += 1
    assert rows and renewed


def test_certificates_are_for_members_with_a_disability_and_exactly_one_grade_is_more_severe(office_a):
    _, rows, members = _rows(office_a, layouts.DISABILITY_CERTIFICATE)
    changed = []
    for row in rows:
        member = members[row.values["resident_number"]]
        assert row.values["certificate"] == member.disability_kind
        if row.values["grade"] != member.disability_grade:
            grades = GRADES[member.disability_kind]
            assert grades.index(row.values["grade"]) == grades.index(member.disability_grade) - 1
            changed.append(member)
    assert len(changed) == 1


def test_resident_changes_are_a_birth_to_a_young_mother_a_death_and_a_move_within_the_city(office_a):
    today, rows, members = _rows(office_a, layouts.RESIDENT_CHANGE)
    by_event = {row.values["event"]: row.values for row in rows}
    assert set(by_event) == {layouts.BIRTH, layouts.DEATH, layouts.MOVE}

    birth = by_event[layouts.BIRTH]
    head = Member.objects.get(resident_number=birth["head_number"])
    assert head.relation == "head" and birth["resident_number"] not in members
    women = head.household.members.filter(relation__in=("head", "spouse"), sex="female", left_on=None)
    assert any(20 <= age_on(m.birth_date, today) <= 45 for m in women)

    died = members[by_event[layouts.DEATH]["resident_number"]]
    assert died.relation != "head" and died.left_on is None

    move = by_event[layouts.MOVE]
    mover = members[move["resident_number"]]
    household = mover.household
    assert mover.relation == "head"
    assert move["new_address"].startswith(household.prefecture + household.municipality)
    assert move["new_address"] != household.address and len(move["new_postal_code"]) == 7
