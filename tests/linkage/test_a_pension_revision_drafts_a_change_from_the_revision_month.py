"""A pension revision from 情報連携: the pension is recognised at the new amount from the revision month
(the entry before it ends the month before, as a correction, so what was recognised stays visible),
and exactly one change decision is drafted in the name of the household's caseworker."""

from datetime import date

from hogo.decisions.models import Decision, DecisionStatus
from hogo.households.models import Income, SourceDocument
from hogo.linkage.models import LinkageRun, Outcome

from .helpers import JUNE, import_pension, pension_line, pensioner


def test_a_revision_recognises_the_new_amount_from_the_revision_month_and_ends_the_old_the_month_before(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)
    [old] = Income.objects.filter(member=head)

    import_pension(sv, cast.office_a, pension_line(head, annual=780_000))

    current = Income.objects.current().filter(member=head).order_by("since")
    assert [(i.since, i.until, i.monthly_amount) for i in current] == [
        (date(2026, 4, 1), date(2026, 5, 1), 60_000),
        (JUNE, None, 65_000),  # 130,000 paid every two months
    ]
    ended, new = current
    assert ended.supersedes == old and ended.detail == "老齢基礎年金"
    assert new.payment_amount == 130_000 and new.payment_interval == 2
    assert new.source_document == SourceDocument.LINKAGE
    assert "年額 780,000円" in new.note
    assert not Income.objects.current().filter(pk=old.pk).exists()


def test_a_revision_drafts_exactly_one_change_decision_by_the_households_caseworker(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)

    imported = import_pension(sv, cast.office_a, pension_line(head, annual=780_000))

    decision = Decision.objects.get(household=household, kind="change")
    assert decision.status == DecisionStatus.DRAFT
    assert decision.drafted_by == cw  # not the supervisor who imported the file
    assert decision.effective_from == JUNE
    assert decision.reasons.splitlines()[0] == (
        "令和8年6月から 老齢基礎年金 月額 60,000円 → 65,000円（年金（情報連携）のデータ）"
    )
    [row] = imported.run.items.all()
    assert row.outcome == Outcome.DRAFTED and row.decision == decision
    assert row.member == head and row.household == household
    start = Decision.objects.get(household=household, kind="start")
    assert (row.old_total, row.new_total) == (start.benefit_total, start.benefit_total - 5_000)
    assert decision.benefit_total == row.new_total
    assert imported.counts == {
        "rows": 1,
        "matched": 1,
        "drafted": 1,
        "unchanged": 0,
        "applied": 0,
        "exceptions": 0,
        "to_confirm": 0,
    }
    assert LinkageRun.objects.get().drafted == 1


def test_a_revision_recognised_in_its_own_month_already_is_replaced_not_ended(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)
    [old] = Income.objects.filter(member=head)

    import_pension(sv, cast.office_a, pension_line(head, annual=780_000, month="2026-04"))

    [current] = Income.objects.current().filter(member=head)
    assert current.supersedes == old and current.since == date(2026, 4, 1) and current.monthly_amount == 65_000


def test_a_revision_before_the_start_of_assistance_is_an_exception_and_records_nothing(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)
    household.status_changes.update(effective_date=date(2026, 4, 1))

    imported = import_pension(sv, cast.office_a, pension_line(head, annual=780_000, month="2026-03"))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and "保護の開始（令和8年4月）より前" in row.reason
    assert Income.objects.filter(member=head).count() == 1
    assert not Decision.objects.filter(kind="change").exists()
