"""住民異動 are never applied silently: each row waits for the household's caseworker (CWの確認待ち) and
nothing changes until `resident.confirm`; then a birth adds a member with the 続柄 the caseworker gives,
a death records the member's departure from the next day, and a 転居 records the move."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hogo.common.kana import search_key
from hogo.decisions.models import Decision
from hogo.households.models import Circumstance, CircumstanceKind, Member
from hogo.linkage import resident, services
from hogo.linkage.models import Outcome
from hogo.linkage.resident import Confirmation

from ..decisions.change_helpers import head_of, under_start_decision
from .helpers import csv_bytes, with_number

HEADER = "異動種別,異動日,宛名番号,氏名,氏名カナ,生年月日,性別,世帯主の宛名番号,異動後の郵便番号,異動後の住所"
HEAD_NUMBER = "500000000001"


def import_changes(cast, *lines):
    data = csv_bytes(HEADER, *lines)
    return services.import_file(cast.users["clerk"], cast.office_a, "resident_change", "idou.csv", data)


def household_of_two(cast):
    household, cw = cast.households["own"], cast.users["cw"]
    head = with_number(head_of(household), HEAD_NUMBER)
    spouse = Member.objects.create(
        household=household,
        name="山田 花子",
        name_kana="ヤマダ ハナコ",
        search_name=search_key("山田 花子"),
        search_kana=search_key("ヤマダ ハナコ"),
        birth_date=date(1952, 8, 1),
        sex="female",
        relation="spouse",
        resident_number="500000000002",
    )
    under_start_decision(household, cw)
    return household, head, spouse


BIRTH = f"出生,2026-06-10,500000000009,山田 一郎,ヤマダ イチロウ,2026-06-10,男,{HEAD_NUMBER},,"
DEATH = "死亡,令和8年6月20日,500000000002,山田 花子,ヤマダ ハナコ,1952-08-01,女,,,"
MOVE = f"転居,2026-07-01,{HEAD_NUMBER},山田 太郎,ヤマダ タロウ,1950-05-01,男,,1050011,東京都みなと市二丁目2番2号"


def test_each_resident_change_waits_for_confirmation_and_changes_nothing_before(cast):
    household, head, spouse = household_of_two(cast)

    imported = import_changes(cast, BIRTH, DEATH, MOVE)

    rows = list(imported.run.items.order_by("line"))
    assert [r.outcome for r in rows] == [Outcome.TO_CONFIRM] * 3
    assert all(r.household == household for r in rows)
    assert [r.member for r in rows] == [None, spouse, head]
    assert imported.counts["to_confirm"] == 3
    assert household.members.count() == 2
    assert not Circumstance.objects.exists()
    assert not Decision.objects.filter(kind="change").exists()
    assert set(services.rows_waiting_for(cast.users["cw"])) == set(rows)
    assert services.rows_waiting_for(cast.users["cw_other"]) == []


def test_a_confirmed_birth_adds_the_child_with_the_relation_given_and_drafts_the_change(cast):
    household, head, spouse = household_of_two(cast)
    [row] = import_changes(cast, BIRTH).run.items.all()
    cw = cast.users["cw"]

    confirmed = resident.confirm(cw, row, Confirmation(relation="child"))

    child = household.members.get(name="山田 一郎")
    assert (child.relation, child.birth_date, child.joined_on, child.sex) == (
        "child",
        date(2026, 6, 10),
        date(2026, 6, 10),
        "male",
    )
    assert child.resident_number == "500000000009"
    row.refresh_from_db()
    assert row.outcome == Outcome.CONFIRMED and row.handled_by == cw
    decision = confirmed.drafted.decision
    assert decision is not None and row.decision == decision
    assert decision.drafted_by == cw and decision.effective_from == date(2026, 6, 10)


def test_a_birth_is_not_confirmed_without_the_relation(cast):
    household_of_two(cast)
    [row] = import_changes(cast, BIRTH).run.items.all()

    with pytest.raises(ValidationError) as refused:
        resident.confirm(cast.users["cw"], row, Confirmation())

    assert "relation" in refused.value.message_dict
    row.refresh_from_db()
    assert row.outcome == Outcome.TO_CONFIRM
    assert Member.objects.filter(name="山田 一郎").count() == 0


def test_a_confirmed_death_records_the_departure_from_the_next_day(cast):
    household, head, spouse = household_of_two(cast)
    [row] = import_changes(cast, DEATH).run.items.all()

    resident.confirm(cast.users["cw"], row, Confirmation())

    departure = Circumstance.objects.get(kind=CircumstanceKind.DEPARTURE)
    assert departure.member == spouse and departure.effective_from == date(2026, 6, 21)
    decision = Decision.objects.get(household=household, kind="change")
    assert decision.effective_from == date(2026, 6, 21)


def test_a_confirmed_move_records_the_new_address_with_what_the_caseworker_adds(cast):
    household, head, spouse = household_of_two(cast)
    household.prefecture, household.municipality = "東京都", "みなと市"
    household.save(update_fields=["prefecture", "municipality"])
    [row] = import_changes(cast, MOVE).run.items.all()

    resident.confirm(cast.users["cw"], row, Confirmation(new_grade_area="1-2", rent=42_000))

    move = Circumstance.objects.get(kind=CircumstanceKind.MOVE)
    assert move.effective_from == date(2026, 7, 1)
    assert move.new_address == "東京都みなと市二丁目2番2号"
    assert move.new_postal_code.replace("-", "") == "1050011"
    assert (move.new_prefecture, move.new_municipality) == ("東京都", "みなと市")  # the register does not say
    assert (move.new_grade_area, move.amount) == ("1-2", 42_000)
    row.refresh_from_db()
    assert row.outcome == Outcome.CONFIRMED


def test_a_caseworker_of_another_caseload_may_not_confirm_and_a_row_is_confirmed_once(cast):
    household_of_two(cast)
    [row] = import_changes(cast, DEATH).run.items.all()

    with pytest.raises(PermissionDenied):
        resident.confirm(cast.users["cw_other"], row, Confirmation())
    assert not Circumstance.objects.exists()

    resident.confirm(cast.users["cw"], row, Confirmation())
    with pytest.raises(ValidationError):
        resident.confirm(cast.users["cw"], row, Confirmation())
    assert Circumstance.objects.count() == 1


def test_a_confirmed_move_in_adds_the_member_and_a_move_out_records_the_departure(cast):
    household, head, spouse = household_of_two(cast)
    move_in = f"転入,2026-06-05,500000000010,山田 次郎,ヤマダ ジロウ,1980-02-02,1,{HEAD_NUMBER},,"
    move_out = "転出,2026-06-30,500000000002,山田 花子,ヤマダ ハナコ,1952-08-01,女,,,"
    arriving, leaving = import_changes(cast, move_in, move_out).run.items.order_by("line")

    resident.confirm(cast.users["cw"], arriving, Confirmation(relation="child"))
    resident.confirm(cast.users["cw"], leaving, Confirmation())

    son = household.members.get(name="山田 次郎")
    assert (son.joined_on, son.sex, son.resident_number) == (date(2026, 6, 5), "male", "500000000010")
    departure = Circumstance.objects.get(kind=CircumstanceKind.DEPARTURE)
    assert departure.member == spouse and departure.effective_from == date(2026, 7, 1)
