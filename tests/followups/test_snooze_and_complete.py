"""Snoozing needs a reason; completing is allowed only where no other screen does the work, and
the next occurrence appears at once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hogo.audit.models import AuditEntry
from hogo.followups import services
from hogo.followups.models import FollowUp, State
from hogo.followups.schedule import add_months


@pytest.fixture
def visit(cast, rules, regenerate):
    regenerate(cast.households["own"])
    return FollowUp.objects.get(household=cast.households["own"], rule=rules["home_visit"], state=State.OPEN)


def test_snoozing_without_a_reason_is_refused(cast, visit, today):
    with pytest.raises(ValidationError) as refused:
        services.snooze(cast.users["cw"], visit, until=today + timedelta(days=7), reason="  ")
    assert refused.value.message_dict["reason"] == ["保留にする理由を入力してください。"]
    visit.refresh_from_db()
    assert visit.state == State.OPEN


def test_snoozing_without_a_reason_in_the_browser_names_the_field(cast, visit, login, today):
    response = login(cast.users["cw"]).post(
        reverse("followup_snooze", args=[visit.public_id]),
        {"until": (today + timedelta(days=7)).isoformat(), "reason": ""},
    )
    assert response.status_code == 200
    assert "保留にする理由を入力してください。" in response.content.decode()


def test_a_snoozed_item_leaves_the_list_until_its_date(cast, visit, login, today):
    visit.due_on = visit.warn_on = today - timedelta(days=1)
    visit.save()
    services.snooze(cast.users["cw"], visit, until=today + timedelta(days=3), reason="入院中のため退院後に訪問")
    assert "家庭訪問" not in login(cast.users["cw"]).get(reverse("home")).content.decode()
    from hogo.followups.queries import work_today

    rows, _ = work_today(cast.users["cw"], today + timedelta(days=3))
    assert visit.pk in [r.item.pk for r in rows]
    assert AuditEntry.objects.filter(target_type="followup", target_id=str(visit.public_id)).exists()


def test_completing_a_visit_schedules_the_next_from_the_grade(cast, visit, today):
    household = cast.households["own"]
    household.visit_grade = "B"
    household.save()
    services.complete(cast.users["cw"], visit, done_on=today, note="居宅訪問。生活状況に変化なし。")
    nxt = FollowUp.objects.get(household=household, rule=visit.rule, state=State.OPEN)
    assert nxt.due_on == add_months(today, 2)


def test_a_check_answered_by_a_declaration_cannot_be_ticked_off(cast, rules, regenerate, today):
    regenerate(cast.households["own"])
    assets = FollowUp.objects.get(household=cast.households["own"], rule=rules["assets_declaration"], state=State.OPEN)
    with pytest.raises(ValidationError, match="資産申告を受け付けると完了します"):
        services.complete(cast.users["cw"], assets, done_on=today, note="済")


def test_completing_needs_what_was_done(cast, visit, today):
    with pytest.raises(ValidationError) as refused:
        services.complete(cast.users["cw"], visit, done_on=today, note="")
    assert "note" in refused.value.message_dict


def test_a_chief_may_read_but_not_snooze(cast, visit, today):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.snooze(cast.users["chief"], visit, until=today + timedelta(days=2), reason="理由")
