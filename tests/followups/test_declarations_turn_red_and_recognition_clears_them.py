"""A declaration is registered on receipt; unrecognised after its deadline it is red for the CW
and on the SV's dashboard; recognising it clears it everywhere."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hogo.approvals import services as approvals
from hogo.decisions import services as decision_services
from hogo.decisions.models import Application
from hogo.followups import services
from hogo.followups.models import FollowUp, Recognition, Source, State
from hogo.followups.schedule import add_months
from tests.decisions.conftest import applying, drafted  # noqa: F401  (fixtures)


@pytest.fixture
def late_declaration(cast, rules, today):
    return services.register_declaration(
        cast.users["cw"],
        cast.households["own"],
        kind="income",
        received_on=today - timedelta(days=10),
        channel="paper",
        period_label="10月分",
        note="給与明細あり",
    )


def recognition_item(declaration):
    return FollowUp.objects.get(source=Source.DECLARATION, subject_id=str(declaration.public_id))


def test_a_declaration_received_ten_days_ago_and_not_recognised_is_overdue(late_declaration, today):
    item = recognition_item(late_declaration)
    assert item.due_on == late_declaration.received_on + timedelta(days=7)
    assert item.urgency(today) == "overdue"


def test_a_declaration_turns_amber_before_it_turns_red(cast, rules, today):
    declaration = services.register_declaration(
        cast.users["cw"], cast.households["own"], kind="assets", received_on=today - timedelta(days=4), channel="paper"
    )
    assert recognition_item(declaration).urgency(today) == "due"
    assert recognition_item(declaration).urgency(today - timedelta(days=3)) == "upcoming"


def test_the_caseworker_home_shows_it_red(cast, late_declaration, login):
    page = login(cast.users["cw"]).get(reverse("home")).content.decode()
    assert "収入申告の認定（10月分）" in page
    assert 'class="urgency--overdue"' in page
    assert "期限切れ" in page


def test_the_supervisor_dashboard_shows_it_red_under_the_caseworker(cast, late_declaration, login):
    response = login(cast.users["sv"]).get(reverse("team"))
    rows = {r["caseworker"].name: r for r in response.context["rows"]}
    assert rows["佐藤 一郎"]["declarations_overdue"] == 1
    assert [r.item.title for r in response.context["overdue"]] == ["収入申告の認定"]
    assert "担当 佐藤 一郎" in response.content.decode()


def test_a_supervisor_of_another_team_does_not_see_it(cast, late_declaration, login):
    response = login(cast.users["sv_other"]).get(reverse("team"))
    assert response.context["overdue"] == []


def test_recognising_it_as_no_change_clears_it_for_the_caseworker_and_the_supervisor(
    cast, late_declaration, login, today
):
    client = login(cast.users["cw"])
    response = client.post(
        reverse("declaration_detail", args=[late_declaration.public_id]),
        {"outcome": "no_change", "recognised_on": today.isoformat(), "reason": "認定中の額と同じ"},
    )
    assert response.status_code == 302
    assert recognition_item(late_declaration).state == State.DONE
    assert "収入申告の認定" not in client.get(reverse("home")).content.decode()
    sv = login(cast.users["sv"]).get(reverse("team"))
    assert sv.context["overdue"] == []
    assert {r["caseworker"].name: r for r in sv.context["rows"]}["佐藤 一郎"]["declarations_overdue"] == 0


def test_no_change_without_a_reason_is_refused_on_the_reason_field(cast, late_declaration, login, today):
    response = login(cast.users["cw"]).post(
        reverse("declaration_detail", args=[late_declaration.public_id]),
        {"outcome": "no_change", "recognised_on": today.isoformat(), "reason": ""},
    )
    assert response.status_code == 200
    assert "変更なしとする理由を入力してください。" in response.context["form"].errors["reason"]
    assert not Recognition.objects.exists()
    assert recognition_item(late_declaration).state == State.OPEN


def test_reflecting_it_needs_a_decision_of_the_same_household(cast, late_declaration, today):
    with pytest.raises(ValidationError) as refused:
        services.recognise_declaration(cast.users["cw"], late_declaration, outcome="reflected", recognised_on=today)
    assert "decision" in refused.value.message_dict


def test_reflecting_it_in_a_decision_of_another_household_is_refused(cast, late_declaration, drafted, today):
    _household, _application, _test, other_decision = drafted
    with pytest.raises(ValidationError) as refused:
        services.recognise_declaration(
            cast.users["cw"], late_declaration, outcome="reflected", recognised_on=today, decision=other_decision
        )
    assert refused.value.message_dict["decision"] == ["別の世帯の決定は選べません。"]


def test_reflecting_it_in_a_change_decision_closes_it(cast, rules, drafted, today):
    household, _application, test, start = drafted
    approvals.approve(cast.users["sv"], start)
    approvals.approve(cast.users["chief"], start)
    declaration = services.register_declaration(
        cast.users["cw"], household, kind="income", received_on=today - timedelta(days=2), channel="visit"
    )
    change = decision_services.draft_decision(
        cast.users["cw"],
        household,
        kind="change",
        effective_from=max(start.effective_from, today.replace(day=1)),
        reasons="収入申告による変更",
        need_test=test,
    )
    services.recognise_declaration(
        cast.users["cw"], declaration, outcome="reflected", recognised_on=today, decision=change
    )
    assert recognition_item(declaration).state == State.DONE
    assert declaration.recognition.decision == change


def test_a_recognition_cannot_be_recorded_twice(cast, late_declaration, today):
    services.recognise_declaration(
        cast.users["cw"], late_declaration, outcome="no_change", recognised_on=today, reason="同額"
    )
    with pytest.raises(ValidationError):
        services.recognise_declaration(
            cast.users["cw"], late_declaration, outcome="no_change", recognised_on=today, reason="再"
        )
    assert Recognition.objects.count() == 1


def test_a_declaration_cannot_be_received_in_the_future(cast, rules, today):
    with pytest.raises(ValidationError) as refused:
        services.register_declaration(
            cast.users["cw"],
            cast.households["own"],
            kind="income",
            received_on=today + timedelta(days=1),
            channel="paper",
        )
    assert "received_on" in refused.value.message_dict
    assert not FollowUp.objects.filter(source=Source.DECLARATION).exists()


def test_a_caseworker_of_another_team_cannot_register_one(cast, rules, today):
    with pytest.raises(PermissionDenied):
        services.register_declaration(
            cast.users["cw_other"], cast.households["own"], kind="income", received_on=today, channel="paper"
        )


def test_receiving_the_assets_declaration_completes_the_yearly_check_and_schedules_the_next(
    cast, rules, regenerate, today
):
    household = cast.households["own"]
    regenerate(household)
    check = FollowUp.objects.get(household=household, rule=rules["assets_declaration"], state=State.OPEN)
    services.register_declaration(cast.users["cw"], household, kind="assets", received_on=today, channel="paper")
    check.refresh_from_db()
    assert check.state == State.DONE and check.done_on == today
    regenerate(household)
    following = FollowUp.objects.get(household=household, rule=rules["assets_declaration"], state=State.OPEN)
    assert following.due_on == add_months(today, 12)


def test_the_monthly_income_check_is_completed_by_the_income_declaration(cast, rules, regenerate, today):
    household = cast.households["own"]
    from hogo.households.models import Income

    Income.objects.create(
        member=household.members.get(), kind="earnings", monthly_amount=60_000, since=today - timedelta(days=60)
    )
    regenerate(household)
    monthly = FollowUp.objects.get(household=household, rule=rules["income_declaration_earners"])
    services.register_declaration(cast.users["cw"], household, kind="income", received_on=today, channel="paper")
    monthly.refresh_from_db()
    assert monthly.state == State.DONE


def test_an_approved_start_decision_closes_the_application_deadline_at_once(cast, drafted):
    household, application, _test, decision = drafted
    item = FollowUp.objects.get(source=Source.APPLICATION, subject_id=str(application.public_id))
    assert item.state == State.OPEN
    approvals.approve(cast.users["sv"], decision)
    approvals.approve(cast.users["chief"], decision)
    item.refresh_from_db()
    assert Application.objects.get(pk=application.pk).decided_on is not None
    assert item.state == State.DONE
