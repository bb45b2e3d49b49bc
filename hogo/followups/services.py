"""Every change to follow-ups and declarations: one function per use case, in a transaction,
permission checked, audited. Bad input raises ValidationError naming the field; nothing is saved."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.kana import normalize_text
from hogo.common.wareki import wareki
from hogo.decisions.models import Decision
from hogo.households import income_services
from hogo.households.models import Household, Income
from hogo.households.services import open_household_record, require_edit

from . import schedule
from .generate import regenerate_chunk
from .models import Declaration, DeclarationKind, DeclaredIncome, FollowUp, Outcome, Recognition, Source, State
from .rules import DEFAULT_RECOGNITION_DAYS, ensure_rules, recognition_rule

OPEN_STATES = (State.OPEN, State.SNOOZED)
NOT_YOURS = "この世帯の確認事項・申告を扱う権限がありません。"
MAX_SNOOZE_DAYS = 90


def _check_day(field: str, label: str, value: date | None, today: date) -> None:
    if value is None:
        raise ValidationError({field: f"{label}を入力してください。"})
    if value > today:
        raise ValidationError({field: f"{label}が未来の日付です。"})


def recognition_due(household: Household, received_on: date) -> tuple[date, date, str]:
    rule = recognition_rule(household.office)
    days = rule.interval_days if rule else DEFAULT_RECOGNITION_DAYS
    warn = rule.warn_days if rule else 3
    due = received_on + timedelta(days=days)
    return due, due - timedelta(days=warn), (rule.basis if rule else "")


@transaction.atomic
def register_declaration(
    actor,
    household: Household,
    *,
    kind: str,
    received_on: date,
    channel: str,
    period_label: str = "",
    note: str = "",
) -> Declaration:
    """Register a declaration on receipt. Its recognition becomes a follow-up with a deadline, and
    the periodic check it answers (a monthly income declaration, the yearly assets declaration) is
    done on the day it was received."""
    require_edit(actor, household, NOT_YOURS)
    today = timezone.localdate()
    _check_day("received_on", "受付日", received_on, today)
    if kind not in DeclarationKind.values:
        raise ValidationError({"kind": "申告の種類は一覧から選んでください。"})
    declaration = Declaration(
        household=household,
        kind=kind,
        received_on=received_on,
        channel=channel,
        period_label=normalize_text(period_label or ""),
        note=(note or "").strip(),
        recorded_by=actor,
    )
    declaration.full_clean(exclude=["household", "recorded_by"])
    declaration.save()
    due, warn_on, basis = recognition_due(household, received_on)
    FollowUp.objects.create(
        household=household,
        source=Source.DECLARATION,
        key=f"declaration:{declaration.pk}",
        subject_id=str(declaration.public_id),
        title=f"{declaration.get_kind_display()}の認定",
        period_label=declaration.period_label,
        basis=basis,
        due_on=due,
        warn_on=warn_on,
    )
    answered = _close_checks_answered_by(household, kind, received_on, actor)
    record(
        actor,
        Action.CREATE,
        target=declaration,
        detail={
            "household": str(household.public_id),
            "kind": kind,
            "received_on": received_on.isoformat(),
            "closed_followups": answered,
        },
    )
    return declaration


def _close_checks_answered_by(household, kind, received_on, actor) -> list[str]:
    closing_rules = [r for r in ensure_rules(household.office) if r.closed_by == kind]
    closed = []
    for rule in closing_rules:
        items = FollowUp.objects.filter(household=household, rule=rule, state__in=OPEN_STATES)
        if rule.schedule in (schedule.MONTHLY_ON_DAY, schedule.YEARLY_ON):
            items = items.filter(warn_on__lte=received_on)  # a period's item, once its period has come
        for item in items:
            item.state, item.done_on, item.done_by = State.DONE, received_on, actor
            item.done_note = f"{DeclarationKind(kind).label}を受け付けました（{wareki(received_on)}）。"
            item.save(update_fields=["state", "done_on", "done_by", "done_note"])
            closed.append(str(item.public_id))
    return closed


@transaction.atomic
def recognise_declaration(
    actor,
    declaration: Declaration,
    *,
    outcome: str,
    recognised_on: date,
    decision: Decision | None = None,
    reason: str = "",
) -> Recognition:
    """Record how a declaration was recognised: reflected in a decision of the same household, or
    no change with the reason. The recognition follow-up is done at once, for the CW and the SV."""
    household = declaration.household
    require_edit(actor, household, NOT_YOURS)
    today = timezone.localdate()
    _check_day("recognised_on", "認定日", recognised_on, today)
    if recognised_on < declaration.received_on:
        raise ValidationError({"recognised_on": "認定日が受付日より前です。"})
    if Recognition.objects.filter(declaration=declaration).exists():
        raise ValidationError("この申告は既に認定されています。認定の記録は変更できません。")
    reason = (reason or "").strip()
    if outcome == Outcome.REFLECTED:
        if decision is None:
            raise ValidationError({"decision": "反映した決定を選んでください。"})
        if decision.household_id != household.pk:
            raise ValidationError({"decision": "別の世帯の決定は選べません。"})
    elif outcome == Outcome.NO_CHANGE:
        if not reason:
            raise ValidationError({"reason": "変更なしとする理由を入力してください。"})
        decision = None
    else:
        raise ValidationError({"outcome": "認定の結果は一覧から選んでください。"})
    recognition = Recognition.objects.create(
        declaration=declaration,
        outcome=outcome,
        decision=decision,
        reason=reason,
        recognised_on=recognised_on,
        recorded_by=actor,
    )
    FollowUp.objects.filter(household=household, key=f"declaration:{declaration.pk}", state__in=OPEN_STATES).update(
        state=State.DONE, done_on=recognised_on, done_by=actor, done_note=recognition.get_outcome_display()
    )
    record(
        actor,
        Action.UPDATE,
        target=declaration,
        detail={"recognised": outcome, "decision": str(decision.public_id) if decision else None},
    )
    return recognition


@transaction.atomic
def snooze(actor, item: FollowUp, *, until: date | None, reason: str) -> FollowUp:
    require_edit(actor, item.household, NOT_YOURS)
    reason = (reason or "").strip()
    today = timezone.localdate()
    errors = {}
    if not reason:
        errors["reason"] = "保留にする理由を入力してください。"
    if until is None:
        errors["until"] = "いつまで保留するかを入力してください。"
    elif until <= today:
        errors["until"] = "保留期限は明日以降の日付にしてください。"
    elif until > today + timedelta(days=MAX_SNOOZE_DAYS):
        errors["until"] = f"保留できるのは{MAX_SNOOZE_DAYS}日先までです。"
    if item.state not in OPEN_STATES:
        errors["__all__"] = "完了又は対象外の確認事項は保留できません。"
    if errors:
        raise ValidationError(errors)
    item.state, item.snoozed_until, item.snooze_reason = State.SNOOZED, until, reason
    item.save(update_fields=["state", "snoozed_until", "snooze_reason"])
    record(actor, Action.UPDATE, target=item, detail={"snoozed_until": until.isoformat(), "reason": reason})
    return item


@transaction.atomic
def complete(actor, item: FollowUp, *, done_on: date | None, note: str) -> FollowUp:
    """Mark a periodic check done where no other screen does it (a tax check, a visit until visits
    are recorded in Hogo). Items closed by their own work — applications, declarations and checks
    answered by a declaration — refuse, and say where to go."""
    require_edit(actor, item.household, NOT_YOURS)
    if item.source == Source.APPLICATION:
        raise ValidationError("申請の期限は、決定が決裁されると完了します。")
    if item.source == Source.DECLARATION:
        raise ValidationError("申告の認定は、申告の画面で認定すると完了します。")
    if item.rule_id and item.rule.closed_by:
        raise ValidationError(f"この確認事項は{DeclarationKind(item.rule.closed_by).label}を受け付けると完了します。")
    if item.state not in OPEN_STATES:
        raise ValidationError("この確認事項は既に完了又は対象外です。")
    today = timezone.localdate()
    _check_day("done_on", "実施日", done_on, today)
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "実施した内容を入力してください。"})
    item.state, item.done_on, item.done_note, item.done_by = State.DONE, done_on, note, actor
    item.save(update_fields=["state", "done_on", "done_note", "done_by"])
    record(actor, Action.UPDATE, target=item, detail={"done_on": done_on.isoformat()})
    regenerate_chunk([item.household_id], today)  # the next occurrence appears at once
    return item


def open_followup(actor, public_id) -> FollowUp:
    return open_household_record(actor, FollowUp, public_id, "確認事項が見つかりません。")


def open_declaration(actor, public_id) -> Declaration:
    return open_household_record(actor, Declaration, public_id, "申告が見つかりません。")


def complete_by_work(actor, household: Household, rule_code: str, done_on: date, note: str) -> list[FollowUp]:
    """Another app did the work a periodic check asks for (a visit was recorded): its open items are
    done on that day, and the next occurrence is generated at once. Runs inside the caller's
    transaction and permission check. A code ending in `*` names every rule whose code starts so
    ("medical_opinion*": the 意見書 renewals, inpatient and outpatient)."""
    by_code = Q(rule__code__startswith=rule_code[:-1]) if rule_code.endswith("*") else Q(rule__code=rule_code)
    items = list(FollowUp.objects.filter(by_code, household=household, state__in=OPEN_STATES))
    for item in items:
        item.state, item.done_on, item.done_note, item.done_by = State.DONE, done_on, note, actor
        item.save(update_fields=["state", "done_on", "done_note", "done_by"])
    regenerate_chunk([household.pk], timezone.localdate())
    return items


@transaction.atomic
def enter_declared_income(actor, declaration: Declaration, entry: income_services.IncomeEntry) -> Income:
    """Enter the figures of a received declaration (a pay slip) as an income of the household, linked
    to the declaration. The income service checks permission and every figure and audits the entry."""
    income = income_services.record_income(actor, declaration.household, entry)
    DeclaredIncome.objects.create(declaration=declaration, income=income)
    return income
