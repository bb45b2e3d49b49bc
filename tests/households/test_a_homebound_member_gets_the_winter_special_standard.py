"""常時在宅（冬季加算の特別基準）: while a member must stay at home because of illness or disability, the
household's 冬季加算 is the 特別基準 — the normal amount ×1.3, rounded up to 10 yen (局長通知, 原文未確認)
— in the months that pay 冬季加算; not for a member in hospital or in a facility."""

from datetime import date

from hogo.decisions import changes

from .circumstance_helpers import add_member, record_change, under_start_decision

NOVEMBER = date(2026, 11, 1)
REGION_VI_ONE_PERSON = 2_630  # winter.json 2026-10: Ⅵ区, one person
SPECIAL = 3_420  # 2,630 × 1.3 = 3,419 → rounded up to 10 yen


def _winter(comparison) -> int:
    return sum(line.amount for line in comparison.calc.lines if line.code == "winter")


def test_a_homebound_member_makes_the_winter_addition_the_special_standard(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    normal = _winter(changes.compare(household, NOVEMBER))
    assert normal == REGION_VI_ONE_PERSON

    record_change(cw, household, "homebound", effective_from=NOVEMBER, source_document="doctor")

    november = changes.compare(household, NOVEMBER)
    assert november.facts["winter_special"] is True
    assert _winter(november) == SPECIAL
    assert november.changed


def test_outside_the_winter_months_nothing_changes(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    under_start_decision(household, cw)
    record_change(cw, household, "homebound", effective_from=date(2026, 6, 1))

    june = changes.compare(household, date(2026, 6, 1))
    assert _winter(june) == 0 and not june.changed


def test_a_homebound_member_in_hospital_does_not_make_it_special(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    wife = add_member(household, "山田 花子", birth_date=date(1952, 2, 1))
    under_start_decision(household, cw)
    record_change(cw, household, "homebound", member=wife, effective_from=NOVEMBER)
    record_change(cw, household, "hospital", member=wife, effective_from=date(2026, 10, 7))

    assert "winter_special" not in changes.compare(household, NOVEMBER).facts
