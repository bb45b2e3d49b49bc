"""Who a row is about: the member with the row's 宛名番号, else the one member with its kana name and
birth date. Never guessed: two candidates, a closed case or a member who has left are exceptions for a
caseworker, who settles an ambiguous row by choosing the member (then it is applied as at import). A dry
run matches and computes everything and saves nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.decisions.models import Decision
from hogo.households.models import Income, Member
from hogo.linkage import matching, services
from hogo.linkage.models import LinkageRun, Outcome

from ..decisions.change_helpers import head_of
from ..factories import make_household
from .helpers import import_pension, pension_line, pensioner, with_number


def twin_of(cast, **more):
    """Another household of the office whose head has the own head's kana name and birth date."""
    household = make_household(
        cast.office_a, cast.staff["cw"], head_name="山田 太郎", head_kana="ヤマダ タロウ", **more
    )
    return head_of(household)


def test_a_row_with_a_number_is_matched_by_it_even_when_the_kana_names_two_members(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])
    twin_of(cast)

    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000))

    [row] = imported.run.items.all()
    assert row.member == head and row.outcome == Outcome.DRAFTED


def test_a_row_without_a_number_is_matched_by_kana_and_birth_date(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])
    line = pension_line(head, annual=780_000, number=False).replace("ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")

    imported = import_pension(cast.users["sv"], cast.office_a, line)

    [row] = imported.run.items.all()
    assert row.member == head and row.household == cast.households["own"]
    assert row.outcome == Outcome.DRAFTED


def test_two_members_with_the_kana_and_birth_date_make_an_exception_with_both_as_candidates(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])
    twin = twin_of(cast)
    incomes = Income.objects.count()

    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, number=False))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and row.reason == matching.AMBIGUOUS
    assert sorted(row.candidates) == sorted([head.pk, twin.pk])
    assert row.member is None
    assert Income.objects.count() == incomes
    assert not Decision.objects.filter(kind="change").exists()
    assert imported.counts["exceptions"] == 1 and imported.counts["matched"] == 0
    assert services.rows_waiting_for(cast.users["cw"]) == [row]


def test_the_caseworker_settles_an_ambiguous_row_and_it_is_applied_and_drafted(cast):
    cw = cast.users["cw"]
    head = pensioner(cast.households["own"], cw)
    twin_of(cast)
    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, number=False))
    [row] = imported.run.items.all()

    services.resolve(cw, row, head)

    row.refresh_from_db()
    assert row.outcome == Outcome.DRAFTED and row.member == head and row.handled_by == cw
    decision = Decision.objects.get(kind="change")
    assert row.decision == decision and decision.drafted_by == cw
    assert Income.objects.current().get(member=head, until=None).monthly_amount == 65_000
    imported.run.refresh_from_db()
    assert (imported.run.exceptions, imported.run.drafted) == (0, 1)


def test_an_ambiguous_row_is_settled_only_with_a_candidate_by_a_caseworker_who_may_change_it(cast):
    head = pensioner(cast.households["own"], cast.users["cw"])
    twin_of(cast)
    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000, number=False))
    [row] = imported.run.items.all()

    with pytest.raises(ValidationError):
        services.resolve(cast.users["cw"], row, head_of(cast.households["mate"]))
    with pytest.raises(PermissionDenied):
        services.resolve(cast.users["cw_other"], row, head)
    row.refresh_from_db()
    assert row.outcome == Outcome.EXCEPTION
    assert Income.objects.filter(member=head).count() == 1


def test_a_member_of_a_closed_case_is_an_exception_not_a_refusal(cast):
    closed = twin_of(cast, status="terminated")
    with_number(closed, "100000000077")

    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(closed, annual=780_000))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and row.reason == matching.CLOSED
    assert row.candidates == [closed.pk]
    assert not Income.objects.filter(member=closed).exists()


def test_a_member_who_left_before_the_revision_is_an_exception(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = pensioner(household, cw)
    Member.objects.filter(pk=head.pk).update(left_on=date(2026, 5, 15))

    imported = import_pension(cast.users["sv"], cast.office_a, pension_line(head, annual=780_000))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.EXCEPTION and row.reason == matching.LEFT


def test_a_dry_run_saves_nothing_but_returns_the_counts(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = pensioner(household, cw)
    twin = pensioner(cast.households["mate"], cast.users["cw_mate"], number="100000000002")
    incomes = Income.objects.count()
    lines = (
        pension_line(head, annual=780_000),
        pension_line(twin, annual=720_000),
        "9,,ナカムラ ジロウ,1960-01-01,老齢基礎年金,780000,130000,2026-06,",
    )

    dry = import_pension(cast.users["sv"], cast.office_a, *lines, dry_run=True)

    assert dry.dry_run and not dry.already
    assert dry.counts == {
        "rows": 3,
        "matched": 2,
        "drafted": 1,
        "unchanged": 1,
        "applied": 0,
        "exceptions": 1,
        "to_confirm": 0,
    }
    assert not LinkageRun.objects.exists()
    assert Income.objects.count() == incomes
    assert not Decision.objects.filter(kind="change").exists()
    real = import_pension(cast.users["sv"], cast.office_a, *lines)
    assert not real.already and real.counts == dry.counts
