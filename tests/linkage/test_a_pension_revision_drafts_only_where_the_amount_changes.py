"""Drafts only where amounts change: a revision to the amount already recognised records nothing and
drafts nothing (変更なし); two pensions of one person in one file are both recognised, in one draft."""

from datetime import date

from hogo.decisions.models import Decision
from hogo.households.models import Income
from hogo.linkage.models import Outcome

from .helpers import JUNE, import_pension, pension_line, pensioner


def test_a_revision_to_the_amount_already_recognised_records_and_drafts_nothing(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)

    imported = import_pension(sv, cast.office_a, pension_line(head, annual=720_000))  # 120,000 ÷ 2

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.UNCHANGED
    assert row.change == "老齢基礎年金 月額 60,000円（変更なし）"
    assert row.decision is None
    assert Income.objects.filter(member=head).count() == 1
    assert not Decision.objects.filter(kind="change").exists()
    assert imported.counts["unchanged"] == 1 and imported.counts["drafted"] == 0


def test_two_pension_kinds_of_one_person_in_one_file_are_both_recognised_in_one_draft(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000)

    imported = import_pension(
        sv,
        cast.office_a,
        pension_line(head, annual=726_000),  # 60,500 a month
        pension_line(head, annual=12_000, kind="老齢厚生年金"),  # 1,000 a month, new
    )

    current = Income.objects.current().filter(member=head, since=JUNE).order_by("detail")
    assert sorted((i.detail, i.monthly_amount) for i in current) == [("老齢厚生年金", 1_000), ("老齢基礎年金", 60_500)]
    assert Income.objects.current().get(member=head, until=date(2026, 5, 1)).monthly_amount == 60_000
    [decision] = Decision.objects.filter(household=household, kind="change")
    rows = list(imported.run.items.order_by("line"))
    assert [r.outcome for r in rows] == [Outcome.DRAFTED, Outcome.DRAFTED]
    assert {r.decision for r in rows} == {decision}
    assert rows[0].new_total == rows[0].old_total - 1_500
    assert "老齢基礎年金 月額 60,000円 → 60,500円" in decision.reasons
    assert "老齢厚生年金 月額 なし → 1,000円" in decision.reasons
    assert imported.counts["drafted"] == 1  # one decision for the household


def test_a_pension_recorded_without_its_kind_is_ended_once_when_the_file_has_two_kinds(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = pensioner(household, cw, amount=60_000, detail="")
    [old] = Income.objects.filter(member=head)

    imported = import_pension(
        sv,
        cast.office_a,
        pension_line(head, annual=726_000),
        pension_line(head, annual=12_000, kind="老齢厚生年金"),
    )

    current = Income.objects.current().filter(member=head).order_by("since", "detail")
    assert [(i.detail, i.since, i.until, i.monthly_amount) for i in current] == [
        ("", date(2026, 4, 1), date(2026, 5, 1), 60_000),
        ("老齢厚生年金", JUNE, None, 1_000),
        ("老齢基礎年金", JUNE, None, 60_500),
    ]
    assert Income.objects.filter(supersedes=old).count() == 1
    assert {r.outcome for r in imported.run.items.all()} == {Outcome.DRAFTED}
