"""The bulk form of drafting changes is all or nothing on permission: one household the actor may not
change refuses the whole call and drafts nothing; a household with a waiting draft is skipped with
the reason while the others are drafted."""

import pytest
from django.core.exceptions import PermissionDenied

from hogo.decisions import changes
from hogo.decisions.models import Decision
from tests.approvals.inbox_work import decision_draft

from .change_helpers import OCTOBER, enter_income, under_start_decision


@pytest.fixture
def two_changed(cast):
    own, mate = cast.households["own"], cast.households["mate"]
    for household, cw in ((own, cast.users["cw"]), (mate, cast.users["cw_mate"])):
        under_start_decision(household, cw)
        enter_income(cw, household)
    return own, mate


def test_one_household_of_another_caseworker_refuses_the_whole_call(cast, two_changed):
    own, mate = two_changed
    with pytest.raises(PermissionDenied):
        changes.draft_changes(cast.users["cw"], [own.pk, mate.pk], effective_from=OCTOBER)
    assert not Decision.objects.filter(kind="change").exists()


def test_the_teams_supervisor_drafts_both_and_a_waiting_draft_is_skipped_with_its_reason(cast, two_changed):
    own, mate = two_changed
    waiting = decision_draft(mate, cast.users["cw_mate"])

    result = changes.draft_changes(cast.users["sv"], [own.pk, mate.pk], effective_from=OCTOBER)

    assert [d.household_id for d in result.drafted] == [own.pk]
    assert result.skipped == {mate.pk: "決裁待ちの決定がある"}
    assert set(Decision.objects.filter(kind="change", status="draft")) == {waiting, result.drafted[0]}
