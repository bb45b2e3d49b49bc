"""The nightly regeneration: no duplicates, due dates move with the facts, items withdraw when a
rule stops applying, renewals close their item, and applications' deadlines open and close."""

from datetime import date, timedelta

import pytest

from hogo.decisions import services as decision_services
from hogo.followups.generate import regenerate_all
from hogo.followups.models import FollowUp, Source, State
from hogo.households.models import Income, MedicalCare


def open_titles(household):
    return sorted(FollowUp.objects.filter(household=household, state=State.OPEN).values_list("title", flat=True))


def test_running_twice_creates_nothing_new(cast, rules, regenerate):
    first = regenerate(*cast.households.values())
    count = FollowUp.objects.count()
    second = regenerate(*cast.households.values())
    assert first["created"] > 0
    assert second == {"created": 0, "updated": 0, "withdrawn": 0, "closed": 0}
    assert FollowUp.objects.count() == count


def test_a_household_under_assistance_gets_its_periodic_checks(cast, rules, regenerate):
    regenerate(cast.households["own"])
    assert open_titles(cast.households["own"]) == sorted(
        ["資産申告", "収入申告（定期）", "家庭訪問", "扶養義務者の扶養能力の再確認", "課税調査（課税台帳との照合）"]
    )


def test_a_consultation_household_gets_no_periodic_checks(cast, rules, regenerate):
    regenerate(cast.households["unassigned"])
    assert open_titles(cast.households["unassigned"]) == []


def test_a_new_earning_moves_the_household_to_monthly_income_declarations(cast, rules, regenerate, today):
    household = cast.households["own"]
    regenerate(household)
    Income.objects.create(
        member=household.members.get(), kind="earnings", monthly_amount=50_000, since=today - timedelta(days=40)
    )
    counts = regenerate(household)
    assert counts["withdrawn"] == 1  # 収入申告（定期）
    assert "収入申告（就労収入）" in open_titles(household)
    assert "収入申告（定期）" not in open_titles(household)


def test_changing_the_visit_grade_moves_the_open_visit(cast, rules, regenerate, today):
    household = cast.households["own"]
    FollowUp.objects.create(
        household=household,
        rule=rules["home_visit"],
        source=Source.RULE,
        key="rule:past",
        title="家庭訪問",
        due_on=today - timedelta(days=10),
        warn_on=today - timedelta(days=10),
        state=State.DONE,
        done_on=today - timedelta(days=10),
    )
    household.visit_grade = "D"
    household.save()
    regenerate(household)
    visit = FollowUp.objects.get(household=household, rule=rules["home_visit"], state=State.OPEN)
    assert visit.due_on > today + timedelta(days=150)
    household.visit_grade = "A"
    household.save()
    counts = regenerate(household)
    visit.refresh_from_db()
    assert counts["updated"] == 1 and counts["created"] == 0
    assert visit.due_on <= today + timedelta(days=25)
    assert FollowUp.objects.filter(household=household, rule=rules["home_visit"], state=State.OPEN).count() == 1


def test_a_renewed_certificate_closes_the_old_item_and_opens_the_next(cast, rules, regenerate, today):
    household = cast.households["own"]
    head = household.members.get()
    head.care_level, head.care_certified_until = "care_1", today + timedelta(days=20)
    head.save()
    regenerate(household)
    old = FollowUp.objects.get(household=household, rule=rules["care_certification"])
    assert old.urgency(today) == "due"
    head.care_certified_until = today + timedelta(days=385)
    head.save()
    counts = regenerate(household)
    old.refresh_from_db()
    assert counts["closed"] == 1 and old.state == State.DONE and old.done_note == "期限日が更新されました。"
    assert (
        FollowUp.objects.get(household=household, rule=rules["care_certification"], state=State.OPEN).due_on
        == head.care_certified_until
    )


def test_a_rule_that_no_longer_applies_is_withdrawn_not_deleted(cast, rules, regenerate):
    household = cast.households["own"]
    head = household.members.get()
    head.medical_care = MedicalCare.INPATIENT
    head.save()
    regenerate(household)
    assert "医療要否意見書（入院）の更新" in open_titles(household)
    head.medical_care = MedicalCare.OUTPATIENT
    head.save()
    regenerate(household)
    assert FollowUp.objects.get(household=household, rule=rules["medical_opinion_inpatient"]).state == State.WITHDRAWN
    assert "医療要否意見書（通院）の更新" in open_titles(household)


@pytest.fixture
def application(cast, today):
    household = cast.households["unassigned"]
    from hogo.households.models import CaseworkerAssignment

    CaseworkerAssignment.objects.create(household=household, caseworker=cast.staff["cw"], valid_from=date(2020, 4, 1))
    return decision_services.receive_application(
        cast.users["cw"],
        household,
        received_on=today - timedelta(days=12),
        applicant_name="木村 陽子",
        applicant_relation="本人",
        reason="失業",
        documents=["application_form"],
    )


def test_receiving_an_application_opens_its_fourteen_day_item_at_once(application, today):
    item = FollowUp.objects.get(source=Source.APPLICATION, subject_id=str(application.public_id))
    assert item.due_on == application.received_on + timedelta(days=14)
    assert item.urgency(today) == "due"


def test_extending_the_deadline_moves_the_item(cast, application, today):
    decision_services.extend_deadline(
        cast.users["cw"], application, days=30, reason="扶養義務者の調査に日時を要するため"
    )
    item = FollowUp.objects.get(source=Source.APPLICATION, subject_id=str(application.public_id))
    assert item.due_on == application.received_on + timedelta(days=30)
    assert item.urgency(today) == "upcoming"


def test_a_decided_application_closes_its_item_on_the_next_run_too(cast, application, today):
    type(application).objects.filter(pk=application.pk).update(decided_on=today)  # as an import would
    regenerate_all(today, [cast.office_a.pk])
    item = FollowUp.objects.get(source=Source.APPLICATION, subject_id=str(application.public_id))
    assert item.state == State.DONE and item.done_on == today
