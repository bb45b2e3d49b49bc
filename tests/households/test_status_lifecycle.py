"""Status changes only along the lifecycle, through the service, with date and reason."""
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.households import lifecycle, services
from hogo.households.models import StatusChange


def test_consultation_moves_to_application_then_active(cast):
    household = cast.households["unassigned"]
    sv = cast.users["sv"]
    services.change_status(sv, household, "applying", date(2026, 4, 1), "申請書を受理")
    services.change_status(sv, household, "active", date(2026, 4, 10), "保護開始決定")
    household.refresh_from_db()
    assert household.status == "active"
    history = list(StatusChange.objects.filter(household=household).order_by("effective_date", "id")
                   .values_list("from_status", "to_status", "reason"))
    assert history[-2:] == [("consultation", "applying", "申請書を受理"), ("applying", "active", "保護開始決定")]


@pytest.mark.parametrize("current,new", [("consultation", "active"), ("active", "applying"), ("terminated", "active"),
                                         ("applying", "suspended")])
def test_a_transition_outside_the_lifecycle_is_refused(current, new):
    with pytest.raises(ValueError):
        lifecycle.check_transition(current, new)


def test_every_status_can_be_left_somehow():
    for status in lifecycle.LABELS:
        assert lifecycle.allowed_next(status), status


def test_a_change_needs_a_reason_and_saves_nothing_without_one(cast):
    household = cast.households["own"]
    with pytest.raises(ValidationError) as exc:
        services.change_status(cast.users["cw"], household, "suspended", date(2026, 5, 1), "  ")
    assert "reason" in exc.value.message_dict
    household.refresh_from_db()
    assert household.status == "active" and household.status_changes.count() == 1


def test_a_change_dated_before_the_last_one_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        services.change_status(cast.users["cw"], cast.households["own"], "suspended", date(2019, 1, 1), "収入増")
    assert "effective_date" in exc.value.message_dict


def test_a_clerk_cannot_change_status(cast):
    with pytest.raises(PermissionDenied):
        services.change_status(cast.users["clerk"], cast.households["own"], "suspended", date(2026, 5, 1), "収入増")
