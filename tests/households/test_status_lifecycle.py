"""Status changes only along the lifecycle, through the service, with date and reason."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.households import lifecycle, services
from hogo.households.models import StatusChange


def test_a_consultation_can_be_closed_and_reopened_by_hand_with_history(cast):
    household = cast.households["unassigned"]
    sv = cast.users["sv"]
    services.change_status(sv, household, "consultation_closed", date(2026, 4, 1), "他法で対応")
    services.change_status(sv, household, "consultation", date(2026, 4, 10), "再相談")
    household.refresh_from_db()
    assert household.status == "consultation"
    history = list(
        StatusChange.objects.filter(household=household)
        .order_by("effective_date", "id")
        .values_list("from_status", "to_status", "reason")
    )
    assert history[-2:] == [
        ("consultation", "consultation_closed", "他法で対応"),
        ("consultation_closed", "consultation", "再相談"),
    ]


@pytest.mark.parametrize("household,new", [("unassigned", "applying"), ("own", "suspended"), ("own", "terminated")])
def test_statuses_set_by_applications_and_decisions_are_refused_by_hand(cast, household, new):
    with pytest.raises(ValidationError) as exc:
        services.change_status(cast.users["sv"], cast.households[household], new, date(2026, 5, 1), "手入力")
    assert "決定" in exc.value.message_dict["new_status"][0]


@pytest.mark.parametrize(
    "current,new",
    [("consultation", "active"), ("active", "applying"), ("terminated", "active"), ("applying", "suspended")],
)
def test_a_transition_outside_the_lifecycle_is_refused(current, new):
    with pytest.raises(ValueError):
        lifecycle.check_transition(current, new)


def test_every_status_can_be_left_somehow():
    for status in lifecycle.LABELS:
        assert lifecycle.allowed_next(status), status


def test_a_change_needs_a_reason_and_saves_nothing_without_one(cast):
    household = cast.households["unassigned"]
    with pytest.raises(ValidationError) as exc:
        services.change_status(cast.users["sv"], household, "consultation_closed", date(2026, 5, 1), "  ")
    assert "reason" in exc.value.message_dict
    household.refresh_from_db()
    assert household.status == "consultation" and household.status_changes.count() == 1


def test_a_change_dated_before_the_last_one_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        services.change_status(
            cast.users["sv"], cast.households["unassigned"], "consultation_closed", date(2019, 1, 1), "x"
        )
    assert "effective_date" in exc.value.message_dict


def test_a_clerk_cannot_change_status(cast):
    with pytest.raises(PermissionDenied):
        services.change_status(
            cast.users["clerk"], cast.households["unassigned"], "consultation_closed", date(2026, 5, 1), "x"
        )
