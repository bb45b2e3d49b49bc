"""The 文書番号 of a decision notice (decision 0016): 年度 (era year) + the office's prefix + a running
number, e.g. 「8福保第12号」. Numbers run per office and 年度 (April to March, 地方自治法第208条),
start at 1, are assigned at the last approval and are never reused: `NoticeNumber` rows are
insert-only and (office, 年度, number) is unique in the database."""

from datetime import date

from django.utils import timezone

from hogo.common.wareki import era_of
from hogo.offices.models import Office

from .models import Decision, NoticeNumber


def fiscal_year(day: date) -> int:
    """The 年度 a day belongs to, as the Western year it starts in."""
    return day.year if day.month >= 4 else day.year - 1


def assign(decision: Decision) -> NoticeNumber:
    """Give an approved decision its number once (called inside the approval's transaction)."""
    existing = NoticeNumber.objects.filter(decision=decision).first()
    if existing is not None:
        return existing
    office = Office.objects.select_for_update().get(pk=decision.household.office_id)  # one numberer at a time
    approved_on = timezone.localtime(decision.approved_at).date() if decision.approved_at else timezone.localdate()
    year = fiscal_year(approved_on)
    last = NoticeNumber.objects.filter(office=office, fiscal_year=year).order_by("-serial").first()
    serial = last.serial + 1 if last else 1
    return NoticeNumber.objects.create(**number_fields(office, year, serial), decision=decision)


def number_fields(office: Office, year: int, serial: int) -> dict:
    """A number's fields, its text from the office's prefix and the 年度 in 和暦."""
    _, era_year = era_of(date(year, 4, 1))
    return {
        "office": office,
        "fiscal_year": year,
        "serial": serial,
        "text": f"{era_year}{office.notice_number_prefix}第{serial}号",
        "issuer": office.notice_head,
    }
