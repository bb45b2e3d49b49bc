"""Idempotency: the same file imported again is recognised by its SHA-256 and changes nothing (no new
run, row, income or decision); a different file with the same data, after the first draft is approved,
finds the amounts already recognised (変更なし) and drafts nothing."""

from hogo.approvals.services import approve
from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Income
from hogo.linkage.models import LinkageRow, LinkageRun, Outcome

from .helpers import import_pension, pension_line, pensioner


def test_the_same_file_twice_is_recognised_and_changes_nothing(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw)
    line = pension_line(head, annual=780_000)
    first = import_pension(sv, cast.office_a, line)
    counts = (LinkageRun.objects.count(), LinkageRow.objects.count(), Income.objects.count(), Decision.objects.count())

    second = import_pension(cast.users["clerk"], cast.office_a, line, name="another-name.csv")

    assert second.already and second.run == first.run
    assert second.counts == first.counts
    assert (
        LinkageRun.objects.count(),
        LinkageRow.objects.count(),
        Income.objects.count(),
        Decision.objects.count(),
    ) == counts


def test_the_same_file_for_another_office_is_not_taken_for_the_first(cast):
    stranger = "1,,ナカムラ ジロウ,1960-01-01,老齢基礎年金,780000,130000,2026-06,"
    first = import_pension(cast.users["sv"], cast.office_a, stranger)

    other = import_pension(cast.users["b_sv"], cast.office_b, stranger)

    assert not other.already and other.run != first.run
    assert other.run.office == cast.office_b and LinkageRun.objects.count() == 2


def test_a_new_file_with_the_same_data_after_approval_finds_nothing_to_change(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw)
    line = pension_line(head, annual=780_000)
    import_pension(sv, cast.office_a, line)
    decision = Decision.objects.get(kind="change")
    approve(sv, decision)
    approve(cast.users["chief"], decision)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.APPROVED
    incomes = Income.objects.count()

    again = import_pension(sv, cast.office_a, line, "")  # a trailing blank line: another file

    assert not again.already
    [row] = again.run.items.all()
    assert row.outcome == Outcome.UNCHANGED and row.decision is None
    assert Income.objects.count() == incomes
    assert Decision.objects.filter(kind="change").count() == 1
