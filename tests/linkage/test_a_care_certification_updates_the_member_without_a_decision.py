"""要介護認定 data: the member's care level and the end of the certification are updated (記録を更新),
no amount changes and no decision is drafted; the same certification again changes nothing."""

from datetime import date

from hogo.audit.models import Action, AuditEntry
from hogo.decisions.models import Decision
from hogo.linkage import services
from hogo.linkage.models import Outcome

from ..decisions.change_helpers import head_of, under_start_decision
from .helpers import csv_bytes, with_number

HEADER = "宛名番号,氏名,氏名カナ,生年月日,被保険者番号,要介護状態区分,認定有効期間開始日,認定有効期間終了日"


def certification(member, level="要介護2", until="令和9年5月31日", extra=""):
    line = (
        f"{member.resident_number},{member.name},{member.name_kana},{member.birth_date.isoformat()},"
        f"1234567890,{level},令和8年6月1日,{until}"
    )
    return csv_bytes(HEADER, line) + extra.encode()


def test_a_certification_updates_the_care_level_and_its_end_without_a_decision(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = with_number(head_of(household), "400000000001")
    under_start_decision(household, cw)

    imported = services.import_file(sv, cast.office_a, "care_certification", "nintei.csv", certification(head))

    head.refresh_from_db()
    assert head.care_level == "care_2"
    assert head.care_certified_until == date(2027, 5, 31)
    [row] = imported.run.items.all()
    assert row.outcome == Outcome.APPLIED and row.decision is None
    assert row.change.startswith("要介護度 なし → 要介護2")
    assert not Decision.objects.filter(kind="change").exists()
    assert imported.counts["applied"] == 1
    audit = AuditEntry.objects.get(action=Action.UPDATE, target_id=str(head.public_id))
    assert audit.detail["linkage_run"] == str(imported.run.public_id)


def test_the_same_certification_again_changes_nothing(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = with_number(head_of(household), "400000000001")
    under_start_decision(household, cw)
    services.import_file(sv, cast.office_a, "care_certification", "a.csv", certification(head))

    again = services.import_file(sv, cast.office_a, "care_certification", "b.csv", certification(head, extra="\n"))

    [row] = again.run.items.all()
    assert row.outcome == Outcome.UNCHANGED


def test_a_certification_of_not_applicable_clears_the_care_level(cast):
    household, cw, sv = cast.households["own"], cast.users["cw"], cast.users["sv"]
    head = with_number(head_of(household), "400000000001")
    type(head).objects.filter(pk=head.pk).update(care_level="care_1")
    under_start_decision(household, cw)

    services.import_file(sv, cast.office_a, "care_certification", "c.csv", certification(head, level="非該当"))

    head.refresh_from_db()
    assert head.care_level == ""
