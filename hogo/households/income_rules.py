"""Income recognition rules as plain functions (no Django import): which month an income is recognised
in, how a payment for several months becomes a monthly figure, how varying earnings are averaged, and
the plausibility bound. Each rule is named, with its source; where the source text could not be read
here the rule is an office setting (`IncomeRuleSetting`) whose default is marked 原文未確認.
Decision 0017 explains each one.
"""

from dataclasses import dataclass
from datetime import date

# 次官通知 第8-1（原文未確認）: the income is recognised as a monthly amount — an amount that can be
# estimated almost surely as such; otherwise the standard is the income of about the previous three
# months. Default of the office setting `averaging_months`.
AVERAGING_MONTHS_DEFAULT = 3

RECEIVED_MONTH = "received"  # recognised in the month it is received
NEXT_MONTH = "next"  # recognised in the month after it is received
EARNINGS_MONTH_RULES = (RECEIVED_MONTH, NEXT_MONTH)

FLOOR = "floor"  # 1円未満切り捨て
ROUND_HALF_UP = "round"  # 四捨五入
ROUNDINGS = (FLOOR, ROUND_HALF_UP)

PLAUSIBLE_MONTHLY_MAX_DEFAULT = 500_000


@dataclass(frozen=True)
class Rule:
    """A named rule with its source, as the page and the decision record cite it."""

    name: str
    source: str
    confirmed: bool

    @property
    def citation(self) -> str:
        return self.source if self.confirmed else f"{self.source}（原文未確認・事務所の設定）"


RULES = {
    "earnings_month": Rule(
        "就労収入の認定月",
        "次官通知 第8-1 収入の認定の原則（収入は月額で認定）。受け取った月か翌月かは事務所の取扱い",
        confirmed=False,
    ),
    "averaging": Rule(
        "変動する収入の平均",
        "次官通知 第8-1: 確実に推定できないときは前3箇月間程度の収入額を標準とする",
        confirmed=False,
    ),
    "pension_monthly": Rule(
        "年金の月額",
        "年金は2か月分を偶数月に支給（国民年金法第18条第3項・厚生年金保険法第36条第3項）。"
        "1か月分ずつ認定し、端数は事務所の設定（既定: 1円未満切り捨て）",
        confirmed=False,
    ),
    "plausible": Rule(
        "高額な月額の確認",
        "入力誤りの防止のための事務所の設定（既定: 月額50万円を超えるときは確認を求める）",
        confirmed=True,
    ),
}


@dataclass(frozen=True)
class OfficeIncomeRules:
    """An office's settings for the rules above; the defaults when the office set nothing."""

    earnings_month: str = RECEIVED_MONTH
    averaging_months: int = AVERAGING_MONTHS_DEFAULT
    pension_rounding: str = FLOOR
    plausible_monthly_max: int = PLAUSIBLE_MONTHLY_MAX_DEFAULT


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after `month` (count may be negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def recognition_month(kind: str, received_on: date, rules: OfficeIncomeRules = OfficeIncomeRules()) -> date:
    """The month (its first day) in which an income received on `received_on` is recognised.

    Earnings follow the office's `earnings_month` rule (the month received, or the month after);
    every other income is recognised in the month it is received (a pension paid in June for April
    and May is recognised from June, one month's part each month)."""
    if rules.earnings_month not in EARNINGS_MONTH_RULES:
        raise ValueError(f"earnings_month: {rules.earnings_month!r}")
    month = first_of_month(received_on)
    if kind == "earnings" and rules.earnings_month == NEXT_MONTH:
        return add_months(month, 1)
    return month


def monthly_from_payment(amount: int, months: int, rounding: str = FLOOR) -> int:
    """The monthly figure of a payment that covers `months` months (a pension: every two months).
    Integer yen only; the remainder follows the office's rounding rule."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValueError("amount: a non-negative whole number of yen")
    if months < 1:
        raise ValueError("months: at least 1")
    if rounding == FLOOR:
        return amount // months
    if rounding == ROUND_HALF_UP:
        return (2 * amount + months) // (2 * months)
    raise ValueError(f"rounding: {rounding!r}")


def averaged_earnings(amounts: list[int], months: int = AVERAGING_MONTHS_DEFAULT) -> int:
    """The monthly figure for varying earnings: the mean of the last `months` months given (the
    latest last), 1円未満切り捨て. Fewer months than asked: the mean of those there are."""
    if not amounts:
        raise ValueError("amounts: at least one month")
    if months < 1:
        raise ValueError("months: at least 1")
    if any(isinstance(a, bool) or not isinstance(a, int) or a < 0 for a in amounts):
        raise ValueError("amounts: non-negative whole numbers of yen")
    recent = amounts[-months:]
    return sum(recent) // len(recent)


def needs_confirmation(monthly_amount: int, rules: OfficeIncomeRules = OfficeIncomeRules()) -> bool:
    """Whether an amount is far above a plausible monthly income and must be confirmed explicitly."""
    return monthly_amount > rules.plausible_monthly_max


def periods_overlap(a_from: date, a_to: date | None, b_from: date, b_to: date | None) -> bool:
    """Two month periods (open-ended when the end is None) share at least one month."""
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)


def in_period(month: date, since: date, until: date | None) -> bool:
    """Whether an income recognised from `since` to `until` (months) counts in `month`."""
    month = first_of_month(month)
    return first_of_month(since) <= month and (until is None or month <= first_of_month(until))
