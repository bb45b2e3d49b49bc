"""障害者手帳 data: a new grade is a dated fact from the first day of the month of issue, and the engine
then pays 障害者加算 (身体2級: the higher level) from that month only, so a change is drafted; a renewal
with the grade already recognised only updates the certificate's renewal date (記録を更新)."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision
from hogo.households.models import Circumstance, CircumstanceDocument, CircumstanceKind, Member
from hogo.linkage import services
from hogo.linkage.models import Outcome

from ..decisions.change_helpers import head_of, under_start_decision
from .helpers import JUNE, csv_bytes, with_number

HEADER = "宛名番号,氏名,氏名カナ,生年月日,手帳の種類,等級,交付日,有効期限"


def certificate(member, *, kind="身体障害者手帳", grade="2", issued="2026-06-15", until="2031-06-30"):
    line = f"{member.resident_number},{member.name},{member.name_kana},{member.birth_date.isoformat()}"
    return csv_bytes(HEADER, f"{line},{kind},{grade},{issued},{until}")


def import_certificates(cast, data):
    return services.import_file(cast.users["sv"], cast.office_a, "disability_certificate", "techo.csv", data)


def test_a_new_grade_is_recorded_from_the_month_of_issue_and_drafts_the_disability_addition(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "300000000001")
    start = under_start_decision(household, cw)

    imported = import_certificates(cast, certificate(head))

    fact = Circumstance.objects.get(member=head, kind=CircumstanceKind.DISABILITY)
    assert (fact.certificate, fact.grade, fact.effective_from) == ("physical", "2級", JUNE)
    assert fact.source_document == CircumstanceDocument.LINKAGE
    [row] = imported.run.items.all()
    assert row.outcome == Outcome.DRAFTED
    assert row.change == "令和8年6月から 身体障害 なし → 2級"
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.drafted_by == cw and decision.effective_from == JUNE
    assert decision.benefit_total > start.benefit_total  # 障害者加算
    assert (row.old_total, row.new_total) == (start.benefit_total, decision.benefit_total)
    head.refresh_from_db()
    assert head.disability_certificate_until == date(2031, 6, 30)


def test_the_addition_is_not_given_for_the_months_before_the_certificate(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "300000000001")
    start = under_start_decision(household, cw)

    import_certificates(cast, certificate(head))

    may = changes.compare(household, date(2026, 5, 1))
    assert not may.changed and may.new_total == start.benefit_total
    assert changes.compare(household, JUNE).new_total > start.benefit_total


def test_a_grade_that_gives_no_addition_is_recorded_without_a_decision(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "300000000001")
    under_start_decision(household, cw)

    imported = import_certificates(cast, certificate(head, grade="5級"))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.APPLIED and row.decision is None
    assert Circumstance.objects.filter(member=head, kind=CircumstanceKind.DISABILITY, grade="5級").exists()
    assert not Decision.objects.filter(kind="change").exists()


def test_a_renewal_with_the_same_grade_only_updates_the_renewal_date(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "300000000001")
    Member.objects.filter(pk=head.pk).update(
        disability_kind="physical", disability_grade="2級", disability_certificate_until=date(2026, 6, 30)
    )
    under_start_decision(household, cw)

    imported = import_certificates(cast, certificate(head, grade="2級", issued="令和8年6月20日"))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.APPLIED
    head.refresh_from_db()
    assert head.disability_certificate_until == date(2031, 6, 30)
    assert (head.disability_kind, head.disability_grade) == ("physical", "2級")
    assert not Circumstance.objects.filter(member=head).exists()
    assert not Decision.objects.filter(kind="change").exists()
