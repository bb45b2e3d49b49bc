"""The month rule of 入院 as plain functions (no Django import), decision 0019.

局長通知 第7-2-(3)-ウ・エ (原文未確認; quoted by a secondary source, see the standards file
`inpatient_allowance.json`): a stay in hospital of less than one month changes nothing; for a longer
stay 入院患者日用品費 is counted from the first day of the month after the month of admission. One
month is counted by the calendar (民法第143条): a stay lasts a month when the discharge is on or after
the day corresponding to the admission day in the next month (the last day of that month when it
has no such day).
"""

import calendar
from datetime import date

# 身体障害者手帳 1〜7級, 精神障害者保健福祉手帳 1〜3級, 療育手帳 A・B (the names the offices use), keyed
# by the DisabilityKind values.
GRADES = {
    "physical": ("1級", "2級", "3級", "4級", "5級", "6級", "7級"),
    "mental": ("1級", "2級", "3級"),
    "intellectual": ("A", "B"),
}

RULE = (
    "局長通知 第7-2-(3)-ウ・エ: 1箇月未満の入院では変更しない。"
    "入院日の属する月の翌月の初日から入院患者日用品費を計上する（原文未確認）"
)


def month_after(day: date) -> date:
    """The first day of the month after `day`'s month."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def one_month_after(day: date) -> date:
    """The day corresponding to `day` in the next month (the last day of that month when it has none)."""
    nxt = month_after(day)
    return nxt.replace(day=min(day.day, calendar.monthrange(nxt.year, nxt.month)[1]))


def inpatient_from(admitted_on: date) -> date:
    """The first day 入院患者日用品費 may count for a stay from `admitted_on`."""
    return month_after(admitted_on)


def counts_as_inpatient(as_of: date, admitted_on: date, discharged_on: date | None) -> bool:
    """Whether a member admitted on `admitted_on` (discharged on `discharged_on`, when known) lives on
    入院患者日用品費 on `as_of`."""
    if discharged_on is not None and discharged_on < one_month_after(admitted_on):
        return False  # less than one month: nothing changes
    return inpatient_from(admitted_on) <= as_of and (discharged_on is None or as_of <= discharged_on)
