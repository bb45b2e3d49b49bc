"""Shared steps of the linkage tests: files in each source's layout, and households under an approved
start decision with a pension recognised (the way the demo and a caseworker record them)."""

from datetime import date

from hogo.households.models import Member
from hogo.linkage import services

from ..decisions.change_helpers import STARTED, enter_income, head_of, under_start_decision

JUNE = date(2026, 6, 1)
PENSION_HEADER = "宛名番号,氏名,氏名カナ,生年月日,年金の種類,年額,1回の支給額,改定年月,支払者"


def csv_bytes(header: str, *lines: str, encoding: str = "utf-8") -> bytes:
    return "\n".join([header, *lines]).encode(encoding)


def with_number(member: Member, number: str) -> Member:
    Member.objects.filter(pk=member.pk).update(resident_number=number)
    member.refresh_from_db()
    return member


def pensioner(household, cw, *, number="100000000001", amount=60_000, detail="老齢基礎年金"):
    """The household's head with a pension recognised from the start, under an approved start decision."""
    head = with_number(head_of(household), number)
    enter_income(cw, household, kind="pension", amount=amount, since=STARTED, detail=detail, payer="")
    under_start_decision(household, cw)
    return head


def pension_line(member: Member, *, annual: int, month: str = "2026-06", kind="老齢基礎年金", number=True) -> str:
    payment = annual // 6
    num = member.resident_number if number else ""
    return f"{num},{member.name},{member.name_kana},{member.birth_date.isoformat()},{kind},{annual},{payment},{month},"


def import_pension(actor, office, *lines: str, dry_run=False, name="pension.csv", **kw):
    data = csv_bytes(PENSION_HEADER, *lines, **kw)
    return services.import_file(actor, office, "pension", name, data, dry_run=dry_run)
