"""Entering and correcting a member's income (issue 15, decision 0017).

One function per use case, each in a transaction: it checks that the actor may change the household,
checks every figure (naming the field), saves one insert-only entry and writes the audit record. A
correction is a new entry that supersedes the old one; both stay.
"""

from dataclasses import dataclass, fields
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.wareki import wareki_month

from . import income_rules, lifecycle
from .income_rules import OfficeIncomeRules, first_of_month
from .models import Household, Income, IncomeKind, IncomeRuleSetting, Member, SourceDocument, StatusChange
from .services import open_household_record, require_edit

PAY_SLIP_FIELDS = ("income_tax", "resident_tax", "social_insurance", "commuting", "other_expenses")
AMOUNT_FIELDS = ("monthly_amount", "payment_amount", *PAY_SLIP_FIELDS)
STARTS_ASSISTANCE = (lifecycle.APPLYING, lifecycle.ACTIVE)
ENDS_ASSISTANCE = (lifecycle.TERMINATED, lifecycle.REJECTED)


@dataclass
class IncomeEntry:
    """What a caseworker enters for one income (the form's cleaned data)."""

    member: Member
    kind: str
    monthly_amount: int | None = None
    since: date | None = None
    until: date | None = None
    received_on: date | None = None
    detail: str = ""
    payer: str = ""
    source_document: str = ""
    payment_amount: int | None = None
    payment_interval: int = 1
    income_tax: int = 0
    resident_tax: int = 0
    social_insurance: int = 0
    commuting: int = 0
    other_expenses: int = 0
    new_job: bool = False
    note: str = ""
    confirm_large: bool = False
    recent_amounts: tuple[int, ...] = ()  # varying earnings: the gross of the last months, oldest first

    @classmethod
    def from_form(cls, data: dict) -> "IncomeEntry":
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        for name in PAY_SLIP_FIELDS:
            values[name] = values.get(name) or 0
        values["payment_interval"] = values.get("payment_interval") or 1
        return cls(**values)


def rules_of(office) -> OfficeIncomeRules:
    """The office's income settings, or the defaults (decision 0017)."""
    setting = IncomeRuleSetting.objects.filter(office=office).first()
    if setting is None:
        return OfficeIncomeRules()
    return OfficeIncomeRules(
        earnings_month=setting.earnings_month,
        averaging_months=setting.averaging_months,
        pension_rounding=setting.pension_rounding,
        plausible_monthly_max=setting.plausible_monthly_max,
    )


def assistance_period(household: Household) -> tuple[date | None, date | None]:
    """The months (first days) an income of this household may fall in: from the month of the
    application (or the start of assistance) to the month it ended, when the case is terminated or
    rejected. None where the record does not say."""
    changes = StatusChange.objects.filter(household=household)
    started = changes.filter(to_status__in=STARTS_ASSISTANCE).order_by("effective_date").first()
    start = first_of_month(started.effective_date) if started else None
    end = None
    if household.status in ENDS_ASSISTANCE:
        ended = changes.filter(to_status=household.status).order_by("-effective_date").first()
        end = first_of_month(ended.effective_date) if ended else None
    return start, end


def _check_amounts(entry: IncomeEntry, errors: dict) -> None:
    for name in AMOUNT_FIELDS:
        value = getattr(entry, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = "円単位の整数で入力してください。"
        elif value < 0:
            errors[name] = "負の金額は入力できません。"


def _monthly_amount(entry: IncomeEntry, rules: OfficeIncomeRules, errors: dict) -> int | None:
    if entry.payment_amount is not None and "payment_amount" not in errors:
        if entry.payment_interval < 1 or entry.payment_interval > 12:
            errors["payment_interval"] = "支給の間隔は1〜12か月で入力してください。"
            return None
        return income_rules.monthly_from_payment(entry.payment_amount, entry.payment_interval, rules.pension_rounding)
    if entry.recent_amounts:
        if entry.kind != IncomeKind.EARNINGS:
            errors["recent_amounts"] = "直近の月額の平均は就労収入にだけ使えます。"
        elif entry.monthly_amount is not None:
            errors["monthly_amount"] = "月額か直近の月額のどちらか一方を入力してください。"
        else:
            return income_rules.averaged_earnings(list(entry.recent_amounts), rules.averaging_months)
        return None
    if entry.monthly_amount is None:
        errors.setdefault("monthly_amount", "月額（又は1回の支給額・直近の月額）を入力してください。")
    return entry.monthly_amount


def _period(entry: IncomeEntry, household: Household, rules: OfficeIncomeRules, errors: dict):
    since = entry.since
    if since is None and entry.received_on is not None:
        since = income_rules.recognition_month(entry.kind, entry.received_on, rules)
    if since is None:
        errors["since"] = "認定開始月（又は受け取った日）を入力してください。"
        return None, None
    since = first_of_month(since)
    until = first_of_month(entry.until) if entry.until else None
    if until is not None and until < since:
        errors["until"] = "認定終了月は認定開始月より後にしてください。"
    start, end = assistance_period(household)
    if start is not None and since < start:
        errors["since"] = f"認定開始月が保護の期間（{wareki_month(start)}から）より前です。"
    if end is not None and since > end:
        errors["since"] = f"認定開始月が保護の期間（{wareki_month(end)}まで）より後です。"
    elif end is not None and (until is None or until > end):
        errors["until"] = f"保護は{wareki_month(end)}に終わっています。認定終了月をそれまでにしてください。"
    return since, until


def _check_member(entry: IncomeEntry, household: Household, since: date | None, errors: dict) -> None:
    member = entry.member
    if not isinstance(member, Member) or member.household_id != household.pk:
        errors["member"] = "この世帯の世帯員を選んでください。"
    elif member.left_on is not None and since is not None and first_of_month(member.left_on) < since:
        errors["member"] = f"{member.name}さんは認定開始月より前に世帯を離れています。"


def _check_overlap(entry: IncomeEntry, since, until, replacing: Income | None, errors: dict) -> None:
    same = (
        Income.objects.current()
        .filter(member=entry.member, kind=entry.kind, payer=entry.payer.strip(), detail=entry.detail.strip())
        .filter(Q(until__isnull=True) | Q(until__gte=since))
    )
    if until is not None:
        same = same.filter(since__lte=until)
    if replacing is not None:
        same = same.exclude(pk=replacing.pk)
    clash = same.order_by("since").first()
    if clash is not None:
        to = wareki_month(clash.until) if clash.until else "継続中"
        errors["since"] = (
            f"同じ収入（{clash.get_kind_display()}・{clash.payer or '支払者なし'}）が"
            f"{wareki_month(clash.since)}〜{to}に登録済みです。訂正はその収入の「訂正する」から入力してください。"
        )


def _note_of(entry: IncomeEntry, monthly: int) -> str:
    """The CW's note; for averaged earnings, the months averaged as well (the evidence of the figure)."""
    note = entry.note.strip()
    if entry.recent_amounts:
        months = "・".join(f"{amount:,}円" for amount in entry.recent_amounts)
        averaged = f"直近の月額（{months}）の平均 {monthly:,}円（{income_rules.RULES['averaging'].citation}）"
        note = f"{note}\n{averaged}" if note else averaged
    return note


@transaction.atomic
def record_income(actor, household: Household, entry: IncomeEntry, *, supersedes: Income | None = None) -> Income:
    """Enter one income of a member (or, with `supersedes`, a correction of an entry in force)."""
    require_edit(actor, household)
    errors: dict[str, str] = {}
    if entry.kind not in IncomeKind.values:
        errors["kind"] = "収入の種類を一覧から選んでください。"
    if entry.source_document not in SourceDocument.values:
        errors["source_document"] = "確認した書類を一覧から選んでください。"
    if isinstance(entry.member, Member):
        # Serialises entries for one member, so two overlapping entries cannot both pass the check.
        Member.objects.select_for_update().filter(pk=entry.member.pk).first()
    rules = rules_of(household.office)
    _check_amounts(entry, errors)
    monthly = _monthly_amount(entry, rules, errors)
    since, until = _period(entry, household, rules, errors)
    _check_member(entry, household, since, errors)
    if entry.kind != IncomeKind.EARNINGS:
        for name in PAY_SLIP_FIELDS:
            if getattr(entry, name):
                errors[name] = "控除は就労収入にだけ入力できます。"
        if entry.new_job:
            errors["new_job"] = "新規就労は就労収入にだけ指定できます。"
    elif monthly is not None and not errors.keys() & set(PAY_SLIP_FIELDS):
        if sum(getattr(entry, name) for name in PAY_SLIP_FIELDS) > monthly:
            errors["monthly_amount"] = "税・社会保険料・必要経費の合計が総支給額を超えています。"
    if monthly is not None and "monthly_amount" not in errors and "payment_amount" not in errors:
        if income_rules.needs_confirmation(monthly, rules) and not entry.confirm_large:
            errors["confirm_large"] = (
                f"月額 {monthly:,}円は{rules.plausible_monthly_max:,}円を超えています。"
                "金額を確かめ、「この金額で正しい」にチェックしてください。"
            )
    if supersedes is not None:
        if supersedes.member.household_id != household.pk:
            raise Http404("収入が見つかりません。")
        if Income.objects.filter(supersedes=supersedes).exists():
            errors["__all__"] = "この収入は既に訂正されています。最新の記録から訂正してください。"
    if not errors and since is not None:
        _check_overlap(entry, since, until, supersedes, errors)
    if errors:
        raise ValidationError(errors)
    income = Income(
        member=entry.member,
        kind=entry.kind,
        detail=entry.detail.strip(),
        payer=entry.payer.strip(),
        monthly_amount=monthly,
        payment_amount=entry.payment_amount,
        payment_interval=entry.payment_interval if entry.payment_amount is not None else 1,
        since=since,
        until=until,
        source_document=entry.source_document,
        new_job=entry.new_job,
        note=_note_of(entry, monthly),
        supersedes=supersedes,
        recorded_by=actor,
        **{name: getattr(entry, name) for name in PAY_SLIP_FIELDS},
    )
    try:
        with transaction.atomic():
            income.save()
    except IntegrityError:
        raise ValidationError({"__all__": "この収入は既に訂正されています。最新の記録から訂正してください。"}) from None
    record(
        actor,
        Action.CREATE,
        target=income,
        detail={
            "household": str(household.public_id),
            "member": str(entry.member.public_id),
            "kind": income.kind,
            "monthly_amount": monthly,
            "since": since.isoformat(),
            **({"supersedes": str(supersedes.public_id)} if supersedes else {}),
        },
    )
    return income


def correct_income(actor, income: Income, entry: IncomeEntry) -> Income:
    """A correction: a new entry that supersedes `income` (which stays, as history)."""
    return record_income(actor, income.member.household, entry, supersedes=income)


def open_income(actor, public_id) -> Income:
    """Read one income entry: visible exactly when its household is (audited, a refusal a 404)."""
    return open_household_record(
        actor,
        Income,
        public_id,
        "収入が見つかりません。",
        via="member__household",
        related=("supersedes", "recorded_by__staff"),
    )


def history_of(household: Household):
    """Every income entry of the household, corrections included, newest first."""
    return (
        Income.objects.filter(member__household=household)
        .annotate(in_force=~Exists(Income.objects.filter(supersedes=OuterRef("pk"))))
        .select_related("member", "supersedes", "recorded_by__staff")
        .order_by("-recorded_at", "-id")
    )
