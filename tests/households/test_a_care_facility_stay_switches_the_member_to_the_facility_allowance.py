"""介護施設入所: from the day of admission the member lives on 介護施設入所者基本生活費 — the monthly
amount the office recorded (the 告示 amount is not confirmed here, so the calculation lists it as
unconfirmed) — instead of the 居宅 standard; the months before and after the stay are as they were."""

from datetime import date

from hogo.decisions import changes
from hogo.decisions.models import Decision

from .circumstance_helpers import OCTOBER, add_member, record_change, under_start_decision

FACILITY_AMOUNT = 9_800


def _facility_lines(comparison):
    return [line for line in comparison.calc.lines if line.code == "care_facility_allowance"]


def _with_wife(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1944, 2, 1))
    under_start_decision(household, cw)
    return household, cw, wife


def test_from_the_admission_the_member_gets_the_recorded_facility_allowance(cast):
    household, cw, wife = _with_wife(cast)
    record_change(
        cw,
        household,
        "facility",
        member=wife,
        amount=FACILITY_AMOUNT,
        effective_to=date(2027, 1, 31),
        source_document="facility_notice",
    )

    october = changes.compare(household, OCTOBER)

    assert [(line.member, line.amount) for line in _facility_lines(october)] == [(str(wife.public_id), FACILITY_AMOUNT)]
    assert october.facts["members"][1]["care_facility_allowance"] == FACILITY_AMOUNT
    assert any("介護施設入所者基本生活費" in item for item in october.calc.unconfirmed)
    class1 = [line for line in october.calc.lines if line.code == "class1"]
    assert str(wife.public_id) not in [line.member for line in class1]  # 居宅 standard: the husband only


def test_the_months_before_and_after_the_stay_are_as_they_were(cast):
    household, cw, wife = _with_wife(cast)
    at_home = changes.compare(household, date(2026, 9, 1)).amounts
    record_change(cw, household, "facility", member=wife, amount=FACILITY_AMOUNT, effective_to=date(2027, 1, 31))

    assert changes.compare(household, date(2026, 9, 1)).amounts == at_home
    assert not _facility_lines(changes.compare(household, date(2027, 2, 1)))


def test_the_change_decision_names_the_stay(cast):
    household, cw, wife = _with_wife(cast)
    record_change(cw, household, "facility", member=wife, amount=FACILITY_AMOUNT)

    changes.draft_change(cw, household, effective_from=OCTOBER)

    decision = Decision.objects.get(household=household, kind="change")
    assert (
        "令和8年10月分から 山田 花子さんの介護施設入所：令和8年10月1日入所（介護施設入所者基本生活費 月額 9,800円）"
        in decision.reasons
    )
