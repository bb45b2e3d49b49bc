"""Repayment (法第63条) and collection (法第78条) determinations, and the ledger of a receivable.
Pure functions, no Django import; money is int yen.

- 法第63条: a recipient who had means while assisted (資力があるにもかかわらず) returns, within the amount
  received, what the office sets — so the office may deduct what it allows (自立更生のための費用 etc.,
  each with a reason).
- 法第78条第1項: assistance obtained by 不実の申請その他不正な手段 is collected in full or part, plus up to
  40% of the collected amount (百分の四十を乗じて得た額以下). The surcharge rounds down to the yen
  (円未満切捨て, the office's rule; 国等の債権債務等の金額の端数計算に関する法律 第2条 for the national
  treasury follows the same direction).
- Mixed cases are split by date: months from the one in which the dishonest conduct began are 第78条,
  earlier months 第63条.
"""

from dataclasses import dataclass, field
from datetime import date

from hogo.common.wareki import wareki_month

ART63, ART78 = "63", "78"
SURCHARGE_CAP_PERCENT = 40

# The stated bounds of a determination (decision 0021).
# The kinds of assistance (法第11条第1項), by the codes the benefit ledger uses, and 期末一時扶助 (the
# ledger's own line for December's one-time item).
ASSISTANCE_CODES = {
    "living": "生活扶助",
    "education": "教育扶助",
    "housing": "住宅扶助",
    "medical": "医療扶助",
    "care": "介護扶助",
    "maternity": "出産扶助",
    "occupational": "生業扶助",
    "funeral": "葬祭扶助",
    "year_end": "期末一時扶助",
}
# One line is one month of one kind of assistance: 1億円 is above any month an office pays (the
# shared YEN_MAX of hogo.common.forms).
LINE_MAX = 100_000_000
# The whole determination: 10億円 is far above the largest reported cases (tens of millions) and,
# with the 40% surcharge, stays below the database's 32-bit integer (2,147,483,647) its sums are
# stored in.
TOTAL_MAX = 1_000_000_000
# Five years (the 時効 of 地方自治法第236条) of every kind of assistance, with room: more is no
# determination anyone types.
LINES_MAX = 600
DEDUCTION_REASON_MAX = 200
# The present 生活保護法 took effect in May 1950; no benefit month is earlier.
FIRST_MONTH = date(1950, 5, 1)


class RuleError(ValueError):
    """Input that the rules refuse; `field` names it."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass(frozen=True)
class Overpayment:
    month: date  # first day of the month the benefit was for
    assistance: str  # living, housing, education, medical …
    amount: int  # yen paid that should not have been


@dataclass(frozen=True)
class Deduction:
    amount: int
    reason: str


@dataclass
class Determination:
    lines63: list = field(default_factory=list)
    lines78: list = field(default_factory=list)
    deductions: list = field(default_factory=list)
    surcharge_percent: int = 0

    @property
    def overpaid63(self) -> int:
        return sum(line.amount for line in self.lines63)

    @property
    def deducted(self) -> int:
        return sum(d.amount for d in self.deductions)

    @property
    def principal63(self) -> int:
        return self.overpaid63 - self.deducted

    @property
    def principal78(self) -> int:
        return sum(line.amount for line in self.lines78)

    @property
    def surcharge78(self) -> int:
        return self.principal78 * self.surcharge_percent // 100  # 円未満切捨て

    @property
    def total(self) -> int:
        return self.principal63 + self.principal78 + self.surcharge78


def determine(
    lines: list[Overpayment],
    *,
    dishonest_from: date | None,
    deductions: list[Deduction] = (),
    surcharge_percent: int = 0,
    this_month: date | None = None,
) -> Determination:
    """The 法第63条 / 第78条 split of the overpaid lines. `this_month` (its first day): no line may be
    for a later month."""
    if not lines:
        raise RuleError("lines", "返還・徴収の対象になる月と扶助を1つ以上入力してください。")
    if len(lines) > LINES_MAX:
        raise RuleError("lines", f"対象の月・扶助は{LINES_MAX}行までです（{len(lines)}行）。")
    for line in lines:
        check_line(line, this_month)
    if sum(line.amount for line in lines) > TOTAL_MAX:
        raise RuleError("lines", f"返還・徴収の対象額の合計は{TOTAL_MAX:,}円までです。金額を確かめてください。")
    if not isinstance(surcharge_percent, int) or not 0 <= surcharge_percent <= SURCHARGE_CAP_PERCENT:
        raise RuleError(
            "surcharge_percent", f"加算金の割合は0から{SURCHARGE_CAP_PERCENT}パーセントまでです（法第78条第1項）。"
        )
    start = date(dishonest_from.year, dishonest_from.month, 1) if dishonest_from else None
    result = Determination(
        lines63=[line for line in lines if start is None or line.month < start],
        lines78=[line for line in lines if start is not None and line.month >= start],
        deductions=list(deductions),
        surcharge_percent=surcharge_percent,
    )
    if surcharge_percent and not result.lines78:
        raise RuleError("surcharge_percent", "加算金は法第78条の徴収金にだけ付けられます。")
    for deduction in result.deductions:
        if deduction.amount <= 0 or not deduction.reason.strip():
            raise RuleError("deductions", "控除は1円以上の金額と理由が必要です。")
        if len(deduction.reason) > DEDUCTION_REASON_MAX:
            raise RuleError("deductions", f"控除の理由は{DEDUCTION_REASON_MAX}文字以内です。")
    if result.deducted > result.overpaid63:
        raise RuleError(
            "deductions",
            f"控除（{result.deducted:,}円）が法第63条の返還対象額（{result.overpaid63:,}円）を超えています。"
            "法第78条の徴収金からは控除できません。",
        )
    return result


def check_line(line: Overpayment, this_month: date | None = None) -> None:
    """One overpaid month of one kind of assistance, within the stated bounds, or RuleError("lines")."""
    where = f"{wareki_month(line.month)} {ASSISTANCE_CODES.get(line.assistance, line.assistance)}"
    if line.assistance not in ASSISTANCE_CODES:
        codes = " / ".join(f"{code} {label}" for code, label in ASSISTANCE_CODES.items())
        raise RuleError("lines", f"{where}: 扶助の種類が分かりません。次のどれかです: {codes}。")
    if line.month < FIRST_MONTH:
        raise RuleError("lines", f"{where}: {wareki_month(FIRST_MONTH)}（現行法の施行）より前の月は対象になりません。")
    if this_month is not None and line.month > this_month:
        raise RuleError("lines", f"{where}: 今月（{wareki_month(this_month)}）より後の月は、まだ支給していません。")
    if not isinstance(line.amount, int) or line.amount <= 0:
        raise RuleError("lines", f"{where}: 金額は1円以上の整数です。")
    if line.amount > LINE_MAX:
        raise RuleError("lines", f"{where}: 1か月・1扶助の金額は{LINE_MAX:,}円までです（{line.amount:,}円）。")


# --- the ledger of one receivable -------------------------------------------------------------

PRINCIPAL, SURCHARGE, PAYMENT, OFFSET, WRITE_OFF = "principal", "surcharge", "payment", "offset", "write_off"
DEBITS = (PRINCIPAL, SURCHARGE)
CREDITS = (PAYMENT, OFFSET, WRITE_OFF)


@dataclass(frozen=True)
class Entry:
    kind: str
    amount: int  # always positive; the kind says which way it moves the balance
    on: date


def balance(entries: list[Entry]) -> int:
    """Principal + surcharge − payments (incl. offsets) − write-offs. Derived, never stored."""
    return sum(e.amount if e.kind in DEBITS else -e.amount for e in entries)


def check_credit(entries: list[Entry], kind: str, amount: int) -> None:
    """A payment, offset or write-off that may be applied now, or RuleError."""
    if kind not in CREDITS:
        raise RuleError("kind", "入金・充当・不納欠損のいずれかです。")
    if not isinstance(amount, int) or amount <= 0:
        raise RuleError("amount", "金額は1円以上の整数です。")
    if any(e.kind == WRITE_OFF for e in entries):
        raise RuleError("amount", "不納欠損処理をした債権には入金を記録できません。")
    left = balance(entries)
    if amount > left:
        raise RuleError("amount", f"金額（{amount:,}円）が残高（{left:,}円）を超えています。")


def check_plan(instalments: list[tuple[date, int]], outstanding: int) -> None:
    """An instalment plan must add up to the balance exactly, in due-date order."""
    if not instalments:
        raise RuleError("instalments", "分納の回を1つ以上入力してください。")
    if any(amount <= 0 for _, amount in instalments):
        raise RuleError("instalments", "各回の金額は1円以上です。")
    if [d for d, _ in instalments] != sorted(d for d, _ in instalments) or len({d for d, _ in instalments}) != len(
        instalments
    ):
        raise RuleError("instalments", "納期限は重ならないよう、早い順に入力してください。")
    total = sum(amount for _, amount in instalments)
    if total != outstanding:
        raise RuleError("instalments", f"分納の合計（{total:,}円）が残高（{outstanding:,}円）と一致しません。")


def check_offset(
    kind: str, amount: int, *, applied_in_writing: bool, monthly_limit: int, already_this_month: int
) -> None:
    """法第78条の2第1項: a collection may be taken from the benefit only for 法第77条の2 / 第78条第1項
    debts, only when the recipient applied (in writing, 厚生労働省令) before the benefit is handed over,
    and only where the office finds it does not hinder the recipient's living — here a monthly cap
    the office sets."""
    if kind != ART78:
        raise RuleError("kind", "保護金品からの徴収（法第78条の2）は法第78条の徴収金（及び第77条の2）に限られます。")
    if not applied_in_writing:
        raise RuleError(
            "applied_in_writing", "本人からの書面による申出がなければ、保護金品から徴収できません（法第78条の2第1項）。"
        )
    if already_this_month + amount > monthly_limit:
        raise RuleError(
            "amount",
            f"今月の徴収額（{already_this_month + amount:,}円）が事務所の定める上限（{monthly_limit:,}円）を超えます。"
            "生活の維持に支障がない範囲に限られます（法第78条の2第1項）。",
        )
