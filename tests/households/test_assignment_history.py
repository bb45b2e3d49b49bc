"""Caseworker assignments keep their history; the SV hands a household over."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.households import services
from hogo.households.scoping import caseload_of


def test_handing_over_ends_the_old_assignment_the_day_before(cast):
    household = cast.households["own"]
    services.assign_caseworker(cast.users["sv"], household, cast.staff["cw_mate"], date(2026, 4, 1))
    history = list(
        household.assignments.order_by("valid_from").values_list("caseworker__user__username", "valid_from", "valid_to")
    )
    assert history == [("cw", date(2020, 4, 1), date(2026, 3, 31)), ("cw_mate", date(2026, 4, 1), None)]
    assert household in caseload_of(cast.users["cw_mate"], on=date(2026, 4, 1))
    assert household not in caseload_of(cast.users["cw"], on=date(2026, 4, 1))
    assert household in caseload_of(cast.users["cw"], on=date(2026, 3, 31))


def test_only_a_supervisor_of_the_team_may_hand_over(cast):
    with pytest.raises(PermissionDenied):
        services.assign_caseworker(cast.users["cw"], cast.households["own"], cast.staff["cw_mate"], date(2026, 4, 1))
    with pytest.raises(PermissionDenied):
        services.assign_caseworker(
            cast.users["sv_other"], cast.households["own"], cast.staff["cw_other"], date(2026, 4, 1)
        )


def test_a_caseworker_outside_the_team_cannot_receive_it(cast):
    with pytest.raises(ValidationError):
        services.assign_caseworker(cast.users["sv"], cast.households["own"], cast.staff["cw_other"], date(2026, 4, 1))
