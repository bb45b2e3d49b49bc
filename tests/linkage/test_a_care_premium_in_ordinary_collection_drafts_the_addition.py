"""介護保険料 data: 普通徴収 (the recipient pays) is recorded as the member's premium from the month and
drafts the change for 介護保険料加算; the same premium again changes nothing; 特別徴収 (taken from the
pension) is only noted when no premium is in force, and ends one in force (amount 0) from the month."""

from datetime import date

from hogo.decisions.models import Decision
from hogo.households import circumstance_services
from hogo.households.circumstance_services import CircumstanceEntry
from hogo.households.models import Circumstance, CircumstanceDocument, CircumstanceKind
from hogo.linkage import services
from hogo.linkage.models import Outcome

from ..decisions.change_helpers import STARTED, head_of, under_start_decision
from .helpers import JUNE, csv_bytes, with_number

HEADER = "宛名番号,氏名,氏名カナ,生年月日,被保険者番号,保険料段階,年額,月額,徴収方法,適用年月"


def premium_file(member, *, monthly=3_000, collection="普通徴収", month="令和8年6月", extra=""):
    line = (
        f"{member.resident_number},{member.name},{member.name_kana},{member.birth_date.isoformat()},"
        f"1234567890,4,{monthly * 12},{monthly},{collection},{month}"
    )
    return csv_bytes(HEADER, line) + extra.encode()


def import_premium(actor, office, data):
    return services.import_file(actor, office, "care_premium", "kaigo.csv", data)


def household_with_number(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), "200000000001")
    return household, head, cw


def test_an_ordinary_premium_is_recorded_and_drafts_the_addition_from_the_month(cast):
    household, head, cw = household_with_number(cast)
    start = under_start_decision(household, cw)

    imported = import_premium(cast.users["sv"], cast.office_a, premium_file(head))

    fact = Circumstance.objects.get(member=head, kind=CircumstanceKind.CARE_PREMIUM)
    assert (fact.amount, fact.effective_from) == (3_000, JUNE)
    assert fact.source_document == CircumstanceDocument.LINKAGE
    [row] = imported.run.items.all()
    assert row.outcome == Outcome.DRAFTED
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.drafted_by == cw and decision.effective_from == JUNE
    assert decision.benefit_total == start.benefit_total + 3_000
    assert (row.old_total, row.new_total) == (start.benefit_total, start.benefit_total + 3_000)
    assert "介護保険料加算（普通徴収）月額 なし → 3,000円" in decision.reasons


def test_the_same_ordinary_premium_again_changes_nothing(cast):
    household, head, cw = household_with_number(cast)
    under_start_decision(household, cw)
    import_premium(cast.users["sv"], cast.office_a, premium_file(head))

    again = import_premium(cast.users["sv"], cast.office_a, premium_file(head, extra="\n"))

    assert not again.already  # another file with the same data
    [row] = again.run.items.all()
    assert row.outcome == Outcome.UNCHANGED and row.change == "介護保険料（普通徴収）月額 3,000円（変更なし）"
    assert Circumstance.objects.filter(member=head, kind=CircumstanceKind.CARE_PREMIUM).count() == 1
    assert Decision.objects.filter(household=household, kind="change").count() == 1


def test_a_deducted_premium_with_none_in_force_is_only_noted(cast):
    household, head, cw = household_with_number(cast)
    under_start_decision(household, cw)

    imported = import_premium(cast.users["sv"], cast.office_a, premium_file(head, collection="特別徴収"))

    [row] = imported.run.items.all()
    assert row.outcome == Outcome.UNCHANGED
    assert row.change.startswith("特別徴収（年金から差し引き）")
    assert not Circumstance.objects.filter(member=head).exists()
    assert not Decision.objects.filter(kind="change").exists()


def test_a_deducted_premium_ends_the_ordinary_premium_in_force_from_the_month(cast):
    household, head, cw = household_with_number(cast)
    entry = CircumstanceEntry(
        kind=CircumstanceKind.CARE_PREMIUM,
        member=head,
        effective_from=STARTED,
        amount=3_000,
        source_document=CircumstanceDocument.CARE_PREMIUM_NOTICE,
    )
    circumstance_services.record_circumstance(cw, household, entry)
    start = under_start_decision(household, cw)

    imported = import_premium(cast.users["sv"], cast.office_a, premium_file(head, collection="特別徴収", month="R8.7"))

    facts = Circumstance.objects.filter(member=head, kind=CircumstanceKind.CARE_PREMIUM).order_by("effective_from")
    assert [(f.effective_from, f.amount) for f in facts] == [(STARTED, 3_000), (date(2026, 7, 1), 0)]
    [row] = imported.run.items.all()
    assert row.outcome == Outcome.DRAFTED
    assert "特別徴収に変わったため介護保険料加算 3,000円を終了" in row.change
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.effective_from == date(2026, 7, 1)
    assert decision.benefit_total == start.benefit_total - 3_000
