"""What an income entry changes: the engine run on the household's facts for the month the entry
takes effect, as they stood before it (without it, with the entry it corrected) and after it.
Nothing is saved and no decision is drafted here."""

from dataclasses import dataclass

from hogo.benefits.engine import Calculation, InputError, calculate, parse_household
from hogo.households.models import Income

from .facts import engine_input

INCOME_LINE_CODES = ("basic_deduction", "new_job_deduction", "minor_deduction")


@dataclass(frozen=True)
class IncomeEffect:
    month: object
    before: Calculation | None
    after: Calculation | None
    problem: str = ""

    @property
    def change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after.benefit - self.before.benefit

    @property
    def income_change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after.recognized_income - self.before.recognized_income

    @property
    def min_change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after.minimum_cost_of_living - self.before.minimum_cost_of_living

    def income_lines(self, member_id: str | None = None) -> list:
        """The engine's explanation lines of recognised income and its deductions (after the entry)."""
        if self.after is None:
            return []
        return [
            line
            for line in self.after.lines
            if (line.code.startswith("income_") or line.code in INCOME_LINE_CODES)
            and (member_id is None or line.member in (None, member_id))
        ]


def _run(household, month, **which) -> Calculation:
    return calculate(parse_household(engine_input(household, month, **which)))


def _corrections_of(income: Income):
    """The ids of the entries that corrected `income` later, in order."""
    current = income
    while (later := Income.objects.filter(supersedes=current).first()) is not None:
        yield later.pk
        current = later


def effect_of(income: Income) -> IncomeEffect:
    """Before and after `income`, for the month it takes effect (the first month of its period)."""
    household = income.member.household
    month = income.since
    back = [income.supersedes_id] if income.supersedes_id else []
    later = list(_corrections_of(income))
    try:
        before = _run(household, month, leave_out=[income.pk, *later], bring_back=back)
        after = _run(household, month, leave_out=later, bring_back=[income.pk])
    except InputError as exc:
        return IncomeEffect(month, None, None, f"計算できません（{exc}）。世帯の情報を確認してください。")
    return IncomeEffect(month, before, after)
