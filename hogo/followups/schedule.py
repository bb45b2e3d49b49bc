"""When a periodic check falls due. Pure functions, no Django import.

A rule says how often something must be checked; a household's facts say whether the rule applies
and from when. `occurrence` returns the next due item of one rule for one household (or several,
for rules tied to dates such as certificate expiries). Month arithmetic keeps the day of the month
and falls back to the month's last day (31 January + 1 month = 28/29 February), the way a
"12 months from the last declaration" period is read in practice; the day is never moved for
weekends or holidays, because the item is a reminder, not a legal period.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from hogo.common.wareki import wareki_month, wareki_year

EVERY_MONTHS = "every_months"
MONTHLY_ON_DAY = "monthly_on_day"
YEARLY_ON = "yearly_on"
VISIT_GRADE = "visit_grade"
BEFORE_DATE = "before_date"
AFTER_RECEIPT = "after_receipt"

SCHEDULES = {
    EVERY_MONTHS: "前回から一定の月数ごと",
    MONTHLY_ON_DAY: "毎月決まった日まで",
    YEARLY_ON: "毎年決まった日まで",
    VISIT_GRADE: "訪問格付けの間隔ごと",
    BEFORE_DATE: "世帯員の期限日の前",
    AFTER_RECEIPT: "受付から一定の日数以内",
}

# Facts a rule may test, by name. The Django side computes them for each household.
FACTS = {
    "under_assistance": "保護中（停止中を含む）",
    "recipient_this_or_last_year": "今年又は前年に保護を受けていた",
    "has_earnings": "就労収入のある世帯員がいる",
    "no_earnings": "就労収入のある世帯員がいない",
    "has_pension": "年金を受けている世帯員がいる",
    "able_to_work": "稼働能力のある（求職中の）世帯員がいる",
    "inpatient": "入院中の世帯員がいる",
    "outpatient": "通院中の世帯員がいる",
    "at_home": "居宅で暮らしている",
    "in_institution": "入院又は施設入所中",
    "care_certified": "要介護・要支援認定を受けた世帯員がいる",
    "disability_certificate": "障害者手帳の期限がある世帯員がいる",
}
# Member dates a BEFORE_DATE rule may count back from.
DATE_FIELDS = {
    "care_certified_until": "要介護認定の有効期間満了日",
    "disability_certificate_until": "障害者手帳の有効期限（再認定日）",
}
GRADES = ("A", "B", "C", "D")
# 局長通知 第12: a household at home is visited at least twice a year, a household in a hospital or
# facility at least once a year. An office's grade intervals may be shorter, never longer.
FLOOR_MONTHS_AT_HOME = 6
FLOOR_MONTHS_IN_INSTITUTION = 12
MAX_INTERVAL_MONTHS = 60
MAX_INTERVAL_DAYS = 366
MAX_WARN_DAYS = 366


@dataclass(frozen=True)
class RuleSpec:
    id: int
    schedule: str
    applies_when: tuple[str, ...] = ()
    interval_months: int | None = None
    interval_days: int | None = None
    day: int | None = None
    month: int | None = None
    date_field: str = ""
    grade_months: dict = field(default_factory=dict)
    warn_days: int = 14
    effective_from: date = date(2000, 1, 1)


@dataclass(frozen=True)
class HouseholdFacts:
    household_id: int
    facts: frozenset[str]
    anchor: date  # from when periodic checks count: the start of assistance
    visit_grade: str = ""
    dates: dict = field(default_factory=dict)  # date_field -> [(subject, date)]


class Occurrence(NamedTuple):
    key: str
    due_on: date
    warn_on: date
    period_label: str = ""
    reschedules: bool = False  # an open item of the same rule moves to this due date


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def day_in_month(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


INSTITUTION = "institution"  # the grade_months key for households in a hospital or facility


def visit_interval_months(rule: RuleSpec, grade: str, in_institution: bool) -> int:
    """Months between visits: the grade's interval at home, the office's interval for residents of
    a hospital or facility; never longer than the national floor, and the floor when unset."""
    if in_institution:
        return min(int(rule.grade_months.get(INSTITUTION) or FLOOR_MONTHS_IN_INSTITUTION), FLOOR_MONTHS_IN_INSTITUTION)
    configured = rule.grade_months.get(grade) if grade else None
    return min(int(configured), FLOOR_MONTHS_AT_HOME) if configured else FLOOR_MONTHS_AT_HOME


def applies(rule: RuleSpec, household: HouseholdFacts) -> bool:
    return all(name in household.facts for name in rule.applies_when)


def occurrences(rule: RuleSpec, household: HouseholdFacts, last_done: date | None, today: date) -> list[Occurrence]:
    """The items this rule wants open for the household today. Items due before the rule took
    effect are never generated, so adding a rule does not flood everyone with overdue work."""
    if rule.schedule == AFTER_RECEIPT or not applies(rule, household):
        return []
    warn = timedelta(days=rule.warn_days)
    found: list[Occurrence] = []
    if rule.schedule in (EVERY_MONTHS, VISIT_GRADE):
        if rule.schedule == EVERY_MONTHS:
            months = rule.interval_months
        else:
            months = visit_interval_months(rule, household.visit_grade, "in_institution" in household.facts)
        due = add_months(max(last_done or household.anchor, rule.effective_from), months)
        found.append(Occurrence(f"{due.isoformat()}", due, due - warn, reschedules=True))
    elif rule.schedule == MONTHLY_ON_DAY:
        due = day_in_month(today.year, today.month, rule.day)
        if due >= household.anchor:
            found.append(Occurrence(f"{today:%Y-%m}", due, due - warn, wareki_month(today)))
    elif rule.schedule == YEARLY_ON:
        due = day_in_month(today.year, rule.month, rule.day)
        found.append(Occurrence(f"{today.year}", due, due - warn, wareki_year(today)))
    elif rule.schedule == BEFORE_DATE:
        for subject, until in household.dates.get(rule.date_field, ()):
            found.append(Occurrence(f"{subject}:{until.isoformat()}", until, until - warn))
    return [o for o in found if o.due_on >= rule.effective_from]


def urgency(due_on: date, warn_on: date, today: date) -> str:
    """overdue (red), due (amber: inside the warning period) or upcoming."""
    if today > due_on:
        return "overdue"
    if today >= warn_on:
        return "due"
    return "upcoming"


def rule_problems(spec: dict) -> dict[str, str]:
    """What is wrong with a rule's settings, by field; empty when it can be saved."""
    problems: dict[str, str] = {}
    schedule = spec.get("schedule")
    if schedule not in SCHEDULES:
        return {"schedule": "周期の種類を一覧から選んでください。"}
    unknown = [name for name in spec.get("applies_when") or [] if name not in FACTS]
    if unknown:
        problems["applies_when"] = (
            f"世帯の項目「{'」「'.join(unknown)}」はありません。使えるのは {', '.join(FACTS)} です。"
        )
    months, days = spec.get("interval_months"), spec.get("interval_days")
    day, month = spec.get("day"), spec.get("month")
    if schedule == EVERY_MONTHS and not (isinstance(months, int) and 1 <= months <= MAX_INTERVAL_MONTHS):
        problems["interval_months"] = f"間隔（月）は1から{MAX_INTERVAL_MONTHS}までです。"
    if schedule == AFTER_RECEIPT and not (isinstance(days, int) and 1 <= days <= MAX_INTERVAL_DAYS):
        problems["interval_days"] = f"期限（日）は1から{MAX_INTERVAL_DAYS}までです。"
    if schedule == MONTHLY_ON_DAY and not (isinstance(day, int) and 1 <= day <= 31):
        problems["day"] = "日は1から31までです（月末を超える日はその月の末日になります）。"
    if schedule == YEARLY_ON:
        if not (isinstance(month, int) and 1 <= month <= 12):
            problems["month"] = "月は1から12までです。"
        elif not (isinstance(day, int) and 1 <= day <= calendar.monthrange(2025, month)[1]):
            problems["day"] = f"{month}月{day}日は毎年ある日ではありません。"
    if schedule == BEFORE_DATE and spec.get("date_field") not in DATE_FIELDS:
        problems["date_field"] = (
            f"期限日の項目「{spec.get('date_field') or ''}」はありません。使えるのは {', '.join(DATE_FIELDS)} です。"
        )
    if schedule == VISIT_GRADE:
        grades = spec.get("grade_months") or {}
        if not isinstance(grades, dict) or not grades:
            problems["grade_months"] = '格付けごとの間隔（月）を入れてください（例: {"A": 1, "B": 2}）。'
        else:

            def allowed(grade, months):
                limit = FLOOR_MONTHS_IN_INSTITUTION if grade == INSTITUTION else FLOOR_MONTHS_AT_HOME
                return (grade in GRADES or grade == INSTITUTION) and isinstance(months, int) and 1 <= months <= limit

            bad = [g for g, m in grades.items() if not allowed(g, m)]
            if bad:
                problems["grade_months"] = (
                    f"「{'」「'.join(bad)}」の設定が不正です。"
                    "格付けは A〜D と institution（入院・入所）で、間隔は居宅が"
                    f"1〜{FLOOR_MONTHS_AT_HOME}か月、入院・入所が1〜{FLOOR_MONTHS_IN_INSTITUTION}か月です"
                    "（局長通知 第12: 居宅は年2回以上、入院・入所は年1回以上の訪問）。"
                )
    warn = spec.get("warn_days")
    if not (isinstance(warn, int) and 0 <= warn <= MAX_WARN_DAYS):
        problems["warn_days"] = f"事前に知らせる日数は0から{MAX_WARN_DAYS}までです。"
    elif schedule == EVERY_MONTHS and isinstance(months, int) and warn > months * 28:
        problems["warn_days"] = "事前に知らせる日数が間隔より長くなっています。"
    elif schedule == AFTER_RECEIPT and isinstance(days, int) and warn > days:
        problems["warn_days"] = "事前に知らせる日数が期限の日数より長くなっています。"
    return problems
