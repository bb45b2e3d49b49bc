"""Approved decisions never change; new decisions must fit the household's history."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from hogo.approvals import services as approvals
from hogo.common.models import InsertOnlyViolation
from hogo.decisions import periods, services
from hogo.decisions.models import ApprovalAction, Decision, NeedTest


@pytest.fixture
def approved(cast, drafted):
    decision = drafted[3]
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    decision.refresh_from_db()
    return drafted[0], decision


def test_an_approved_decision_cannot_be_edited_or_deleted(approved):
    _, decision = approved
    decision.amounts = {**decision.amounts, "living": 1}
    with pytest.raises(InsertOnlyViolation):
        decision.save()
    with pytest.raises(InsertOnlyViolation):
        decision.delete()
    assert Decision.objects.get(pk=decision.pk).amounts["living"] != 1


def test_need_tests_and_approval_actions_are_insert_only(approved):
    _, decision = approved
    test = decision.need_test
    with pytest.raises(InsertOnlyViolation):
        test.save()
    with pytest.raises(InsertOnlyViolation):
        ApprovalAction.objects.filter(decision=decision).first().delete()


def test_a_second_start_overlapping_the_first_is_refused(cast, approved):
    household, decision = approved
    from hogo.decisions.models import Application

    application = Application.objects.create(
        household=household,
        received_on=decision.effective_from,
        applicant_name="x",
        reason="x",
        recorded_by=cast.users["cw"],
    )
    with pytest.raises(ValidationError) as exc:
        services.draft_decision(
            cast.users["cw"],
            household,
            kind="start",
            effective_from=decision.effective_from + timedelta(days=5),
            reasons="重複",
            application=application,
            need_test=decision.need_test,
        )
    assert "既に保護が行われています" in exc.value.message_dict["effective_from"][0]


def test_a_change_before_the_current_decision_needs_a_reason(cast, approved):
    household, decision = approved
    earlier = decision.effective_from - timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        services.draft_decision(
            cast.users["cw"],
            household,
            kind="change",
            effective_from=earlier,
            reasons="収入減",
            need_test=decision.need_test,
        )
    assert "effective_from" in exc.value.message_dict


def test_a_retroactive_change_with_a_reason_fits_when_assistance_was_running(cast, approved):
    household, decision = approved
    later = decision.effective_from + timedelta(days=1)
    change = services.draft_decision(
        cast.users["cw"],
        household,
        kind="change",
        effective_from=later,
        reasons="家賃改定",
        need_test=decision.need_test,
    )
    assert change.kind == "change"


def test_termination_requires_assistance_in_force():
    with pytest.raises(ValueError):
        periods.check_fits("termination", date(2026, 4, 1), [])
    periods.check_fits("termination", date(2026, 5, 1), [("start", date(2026, 4, 1))])
    with pytest.raises(ValueError):
        periods.check_fits("change", date(2026, 6, 1), [("start", date(2026, 4, 1)), ("termination", date(2026, 5, 1))])


def test_a_decision_with_a_draft_pending_is_refused(cast, drafted):
    household, application, test, _ = drafted
    with pytest.raises(ValidationError) as exc:
        services.draft_decision(
            cast.users["cw"],
            household,
            kind="rejection",
            effective_from=application.received_on,
            reasons="x",
            application=application,
        )
    assert "決裁待ち" in exc.value.message_dict["kind"][0]


def test_the_need_test_is_re_explained_as_it_was_after_the_household_changed(cast, drafted, login):
    from django.urls import reverse

    from hogo.common.kana import search_key
    from hogo.households.models import Member

    household, _, test, _ = drafted
    Member.objects.create(
        household=household,
        name="木村 翔",
        name_kana="キムラ ショウ",
        search_name=search_key("木村 翔"),
        search_kana="キムラショウ",
        birth_date=date(2015, 5, 5),
        sex="male",
        relation="child",
    )
    household.rent = 80000
    household.save()
    stored = NeedTest.objects.get(pk=test.pk)
    assert len(stored.facts["members"]) == 1 and stored.facts["rent"] == 45000
    body = login(cast.users["cw"]).get(reverse("need_test_detail", args=[test.public_id])).content.decode()
    assert f"{test.minimum_cost_of_living:,}円" in body and "家賃 45,000円" in body
    assert "児童養育加算" not in body


def test_a_start_decision_waits_for_the_investigation(cast, applying):
    household, application = applying
    test = services.run_need_test(cast.users["cw"], household, as_of=application.received_on, application=application)
    with pytest.raises(ValidationError) as exc:
        services.draft_decision(
            cast.users["cw"],
            household,
            kind="start",
            effective_from=application.received_on,
            reasons="x",
            application=application,
            need_test=test,
        )
    assert "調査項目に未了があります" in exc.value.message_dict["application"][0]
