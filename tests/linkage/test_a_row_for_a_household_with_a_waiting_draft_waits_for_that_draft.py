"""A row whose household already has a draft waiting for approval is not applied (one draft at a time):
it is an exception that records nothing, and once that draft is decided the caseworker applies it
with 「反映する」 (resolve to the matched member), which records the revision and drafts anew."""

from datetime import date

from hogo.approvals.services import approve
from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Income
from hogo.linkage import services
from hogo.linkage.models import Outcome

from .helpers import import_pension, pension_line, pensioner

JULY = date(2026, 7, 1)


def test_a_row_waits_while_a_draft_waits_and_is_applied_after_it_is_decided(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw)
    import_pension(sv, cast.office_a, pension_line(head, annual=726_000))
    june = Decision.objects.get(kind="change")
    incomes = Income.objects.count()

    imported = import_pension(sv, cast.office_a, pension_line(head, annual=732_000, month="2026-07"))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and row.reason == services.WAITING_DRAFT
    assert row.member == head
    assert Income.objects.count() == incomes
    assert Decision.objects.filter(kind="change").count() == 1

    approve(sv, june)
    approve(cast.users["chief"], june)
    services.resolve(cw, row, head)

    row.refresh_from_db()
    assert row.outcome == Outcome.DRAFTED
    july = Decision.objects.get(kind="change", status=DecisionStatus.DRAFT)
    assert row.decision == july and july.effective_from == JULY and july.drafted_by == cw
    assert Income.objects.current().get(member=head, until=None).monthly_amount == 61_000
    assert Income.objects.current().get(member=head, since=date(2026, 6, 1)).until == date(2026, 6, 1)
