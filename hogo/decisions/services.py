"""Every change in the application-to-decision flow: one function per use case, each in a
transaction, checking permission and writing the audit record. Approving and returning a draft
are the approvals app's (`hogo.approvals.services`); what a decision's last approval sets in
motion is `finalize` here, registered in DecisionsConfig.ready()."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.benefits.engine import InputError, calculate, parse_household
from hogo.common import versions
from hogo.common.bounds import NOTE_MAX
from hogo.common.wareki import wareki
from hogo.households import services as household_services
from hogo.households.models import Household

from . import deadlines, ledger, numbering, periods, signals
from .facts import addressee_from, engine_input, load_rows
from .models import (
    DOCUMENTS,
    Application,
    ChecklistItem,
    ChecklistItemTemplate,
    Consultation,
    ConsultationOutcome,
    Decision,
    DecisionKind,
    DecisionStatus,
    ItemStatus,
    LedgerAdjustment,
    NeedTest,
    SupportInquiryExemption,
)

ONE_TIME = ("year_end",)  # 期末一時扶助: paid in December only, not part of the monthly amounts a decision sets


def monthly_amounts(by_assistance: dict) -> dict:
    """The recurring monthly amounts a decision sets, from a need test's amounts by 扶助."""
    return {k: v for k, v in by_assistance.items() if k not in ONE_TIME}


def one_time_items(by_assistance: dict, as_of: date, effective_from: date) -> dict:
    """The one-time items a decision carries (decision 0016): the need test's 期末一時扶助 when the
    need test is for December and the decision takes effect by the end of that December, e.g.
    {"year_end": 14500, "month": "2026-12"}; {} otherwise. Paid once in that month, whole (not 日割:
    the engine's unconfirmed rule, decision 0006)."""
    items = {k: int(by_assistance[k]) for k in ONE_TIME if by_assistance.get(k)}
    if not items or as_of.month != 12 or effective_from > date(as_of.year, 12, 31):
        return {}
    return {**items, "month": f"{as_of.year}-12"}


ONE_TIME_LABELS = {"year_end": "期末一時扶助"}


def one_time_rows(one_time: dict) -> list[tuple[str, int]]:
    """A decision's one-time items as (label, amount)."""
    return [(ONE_TIME_LABELS[k], int(one_time[k])) for k in ONE_TIME if (one_time or {}).get(k)]


def one_time_month(one_time: dict) -> date | None:
    """The first day of the month a decision's one-time items are paid in."""
    return date.fromisoformat(one_time["month"] + "-01") if (one_time or {}).get("month") else None


ASSISTANCE_ROWS = [
    ("living", "生活扶助"),
    ("housing", "住宅扶助"),
    ("education", "教育扶助"),
    ("occupational", "生業扶助"),
    ("care", "介護扶助"),
    ("medical", "医療扶助"),
]

# The investigation items every office starts with; an office edits its own copy in the admin.
DEFAULT_CHECKLIST = [
    ("home_visit", "申請者宅への訪問調査", "局長通知 第12（申請後おおむね1週間以内）", 7),
    ("assets", "資産の調査（不動産・自動車・生命保険等）", "法第28条・第29条", None),
    ("deposit_inquiry", "預貯金の照会（金融機関）", "法第29条", None),
    ("support_inquiry", "扶養照会（扶養義務者）", "法第4条第2項・局長通知 第5（令和3年2月26日の運用見直し）", None),
    ("other_measures", "他法他施策の活用（年金・手当・障害・介護保険等）", "法第4条第2項", None),
    ("work_capacity", "稼働能力の活用（就労状況・求職活動）", "法第4条第1項", None),
]


NOT_CASEWORKING = "この世帯の相談・申請・起案を行う権限がありません。"


def _require_caseworking(actor, household: Household):
    household_services.require_edit(actor, household, NOT_CASEWORKING)


@transaction.atomic
def record_consultation(
    actor,
    household: Household,
    *,
    held_on: date,
    visitor_name: str,
    visitor_relation: str,
    said: str,
    explained: str,
    right_explained: bool,
    outcome: str,
    referred_to: str = "",
) -> Consultation:
    _require_caseworking(actor, household)
    errors = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "相談日が未来の日付です。"
    if not right_explained:
        errors["right_explained"] = "保護の申請が権利であることを説明し、記録してください。"
    if outcome == ConsultationOutcome.REFERRAL and not referred_to.strip():
        errors["referred_to"] = "つないだ先を入力してください。"
    if errors:
        raise ValidationError(errors)
    consultation = Consultation.objects.create(
        household=household,
        held_on=held_on,
        visitor_name=visitor_name.strip(),
        visitor_relation=visitor_relation.strip(),
        said=said.strip(),
        explained=explained.strip(),
        right_explained=right_explained,
        outcome=outcome,
        referred_to=referred_to.strip(),
        recorded_by=actor,
    )
    record(
        actor,
        Action.CREATE,
        target=household,
        detail={"consultation": str(consultation.public_id), "outcome": outcome},
    )
    return consultation


def _ensure_checklist_templates(office) -> list[ChecklistItemTemplate]:
    templates = list(ChecklistItemTemplate.objects.filter(office=office, active=True))
    if not templates and not ChecklistItemTemplate.objects.filter(office=office).exists():
        templates = ChecklistItemTemplate.objects.bulk_create(
            [
                ChecklistItemTemplate(office=office, code=code, label=label, basis=basis, due_days=due, order=i)
                for i, (code, label, basis, due) in enumerate(DEFAULT_CHECKLIST)
            ]
        )
    return templates


@transaction.atomic
def receive_application(
    actor,
    household: Household,
    *,
    received_on: date,
    applicant_name: str,
    applicant_relation: str,
    reason: str,
    documents: list[str],
) -> Application:
    """Register an application, open its investigation checklist and move the household to 申請中."""
    _require_caseworking(actor, household)
    errors = {}
    if received_on > timezone.localdate():
        errors["received_on"] = "申請日が未来の日付です。"
    unknown = set(documents) - {code for code, _ in DOCUMENTS}
    if unknown:
        errors["documents"] = f"不明な書類: {', '.join(sorted(unknown))}"
    if Application.objects.filter(household=household, decided_on__isnull=True).exists():
        errors["received_on"] = "この世帯には決定前の申請が既にあります。"
    if errors:
        raise ValidationError(errors)
    application = Application.objects.create(
        household=household,
        received_on=received_on,
        applicant_name=applicant_name.strip(),
        applicant_relation=applicant_relation.strip(),
        reason=reason.strip(),
        documents=sorted(set(documents)),
        recorded_by=actor,
    )
    signals.application_received.send(sender=Application, application=application)
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(
                application=application,
                code=t.code,
                label=t.label,
                basis=t.basis,
                due_on=received_on + timedelta(days=t.due_days) if t.due_days else None,
            )
            for t in _ensure_checklist_templates(household.office)
        ]
    )
    household_services.apply_decided_status(actor, household, "applying", received_on, "保護申請の受付")
    record(
        actor,
        Action.CREATE,
        target=application,
        detail={"received_on": received_on.isoformat(), "deadline": application.deadline.isoformat()},
    )
    return application


@transaction.atomic
def extend_deadline(actor, application: Application, *, days: int, reason: str) -> Application:
    """Extend the 14-day deadline up to 30 days, with the reason the notice must state (法第24条第6項)."""
    _require_caseworking(actor, application.household)
    errors = {}
    try:
        deadlines.decision_deadline(application.received_on, days)
    except ValueError as exc:
        errors["days"] = str(exc)
    if days == deadlines.STANDARD_DAYS:
        errors["days"] = "延長後の日数は15日から30日までです。"
    if not reason.strip():
        errors["reason"] = "延長の理由を入力してください（通知書に明示します）。"
    if application.decided_on:
        errors["days"] = "決定済みの申請の期限は変更できません。"
    if errors:
        raise ValidationError(errors)
    application.extended_days, application.extension_reason = days, reason.strip()
    application.save(update_fields=["extended_days", "extension_reason"])
    signals.application_deadline_extended.send(sender=Application, application=application)
    record(actor, Action.UPDATE, target=application, detail={"extended_days": days})
    return application


CHECKLIST_FIELDS = ("status", "done_on", "note", "exemption")


def checklist_watched(item: ChecklistItem) -> list[versions.Watched]:
    """What an item's form shows, named with the item (「資産の調査」の状況)."""
    return versions.watch(item, CHECKLIST_FIELDS, label_prefix=f"「{item.label}」の")


@transaction.atomic
def update_checklist_item(
    actor,
    item: ChecklistItem,
    *,
    status: str,
    done_on: date | None,
    note: str,
    exemption: str = "",
    version: dict | None = None,
) -> ChecklistItem:
    """`version`: what the item's form was loaded with; a value someone else saved since is refused."""
    application = item.application
    _require_caseworking(actor, application.household)
    item.refresh_from_db(from_queryset=ChecklistItem.objects.select_for_update())
    submitted = {"status": status, "done_on": done_on, "note": (note or "").strip(), "exemption": exemption or ""}
    versions.refuse_if_changed(version, checklist_watched(item), submitted)
    errors = {}
    if len(submitted["note"]) > NOTE_MAX:
        errors["note"] = f"メモは{NOTE_MAX:,}文字以内で入力してください（いま{len(submitted['note']):,}文字）。"
    if status == ItemStatus.DONE and done_on is None:
        errors["done_on"] = "実施日を入力してください。"
    if done_on and done_on > timezone.localdate():
        errors["done_on"] = "実施日が未来の日付です。"
    if done_on and done_on < application.received_on and item.code == "home_visit":
        errors["done_on"] = "申請日より前の訪問は申請後の訪問調査になりません。"
    if status == ItemStatus.NOT_NEEDED and not note.strip() and not exemption:
        errors["note"] = "不要とする理由を入力してください。"
    if item.code == "support_inquiry" and status == ItemStatus.NOT_NEEDED and not exemption:
        errors["exemption"] = "扶養照会を行わない理由（令和3年の運用見直しの類型）を選んでください。"
    if exemption == SupportInquiryExemption.OTHER and not note.strip():
        errors["note"] = "「その他」の理由を入力してください。"
    if errors:
        raise ValidationError(errors)
    item.status, item.done_on, item.note, item.exemption, item.updated_by = (
        status,
        done_on,
        note.strip(),
        exemption,
        actor,
    )
    versions.save_fields(item, [*CHECKLIST_FIELDS, "updated_by"])
    record(actor, Action.UPDATE, target=application, detail={"checklist": item.code, "status": status})
    return item


def need_test_of(household_id: int, facts: dict, calc, *, run_by_id: int, application=None) -> NeedTest:
    """The need test (unsaved) that keeps an engine run with the facts it ran on."""
    return NeedTest(
        household_id=household_id,
        application=application,
        as_of=calc.as_of,
        facts=facts,
        result=calc.as_record(),
        standards_version=calc.standards_version,
        minimum_cost_of_living=calc.minimum_cost_of_living,
        recognized_income=calc.recognized_income,
        benefit=calc.benefit,
        need=calc.need,
        run_by_id=run_by_id,
    )


@transaction.atomic
def run_need_test(actor, household: Household, *, as_of: date, application: Application | None = None) -> NeedTest:
    """Run the engine on the household's facts now and keep facts, result and standards version."""
    _require_caseworking(actor, household)
    facts = engine_input(household, as_of)
    try:
        calc = calculate(parse_household(facts))
    except InputError as exc:
        raise ValidationError({"as_of": f"計算できません（{exc}）。世帯の情報を確認してください。"}) from None
    test = need_test_of(household.pk, facts, calc, run_by_id=actor.pk, application=application)
    test.save()
    record(
        actor,
        Action.CREATE,
        target=household,
        detail={"need_test": str(test.public_id), "need": calc.need, "benefit": calc.benefit},
    )
    return test


def _approved(household: Household, excluding: int | None = None) -> list[tuple[str, date]]:
    return list(
        Decision.objects.filter(household=household, status=DecisionStatus.APPROVED)
        .exclude(pk=excluding)
        .order_by("approved_at", "id")
        .values_list("kind", "effective_from")
    )


def _addressee(household: Household, as_of: date) -> dict:
    households, members, _ = load_rows([household.pk])
    return addressee_from(households[household.pk], members.get(household.pk, []), as_of)


@transaction.atomic
def draft_decision(
    actor,
    household: Household,
    *,
    kind: str,
    effective_from: date,
    reasons: str,
    application: Application | None = None,
    need_test: NeedTest | None = None,
    late_reason: str = "",
    retroactive_reason: str = "",
) -> Decision:
    """A caseworker's draft (起案). Amounts come from the need test and are frozen here."""
    _require_caseworking(actor, household)
    Household.objects.select_for_update().get(pk=household.pk)
    errors = {}
    if kind not in DecisionKind.values:
        errors["kind"] = "決定の種類を選んでください。"
    if not reasons.strip():
        errors["reasons"] = "理由を入力してください。"
    if kind in (DecisionKind.START, DecisionKind.REJECTION):
        if application is None or application.household_id != household.pk:
            errors["application"] = "開始・却下の決定には、この世帯の申請を選んでください。"
        elif application.decided_on:
            errors["application"] = "この申請は既に決定済みです。"
        elif kind == DecisionKind.START:
            pending = [i.label for i in application.checklist.all() if i.status == ItemStatus.PENDING]
            if pending:
                errors["application"] = (
                    "調査項目に未了があります（" + "、".join(pending) + "）。"
                    "急迫の場合は「不要（理由あり）」として理由を記録してください。"
                )
    if kind in (DecisionKind.START, DecisionKind.CHANGE):
        if need_test is None or need_test.household_id != household.pk:
            errors["need_test"] = "開始・変更の決定には、この世帯の要否判定を選んでください。"
        elif kind == DecisionKind.START and not need_test.need:
            errors["need_test"] = "要否判定が「否」のため、開始決定はできません（却下を検討してください）。"
    if application and kind in (DecisionKind.START, DecisionKind.REJECTION) and not errors.get("application"):
        if timezone.localdate() > application.deadline and not (late_reason or application.extension_reason).strip():
            errors["late_reason"] = (
                f"決定期限（{wareki(application.deadline)}）を過ぎています。"
                "遅れた理由を入力してください（通知書に明示します）。"
            )
    if kind in DecisionKind.values and not errors.get("kind"):
        try:
            periods.check_fits(kind, effective_from, _approved(household), retroactive_reason)
        except ValueError as exc:
            errors["effective_from"] = str(exc)
    pending = Decision.objects.filter(household=household, status=DecisionStatus.DRAFT).first()
    if pending:
        errors["kind"] = (
            f"決裁待ちの決定（{pending.get_kind_display()}）があります。先に決裁又は差戻しを済ませてください。"
        )
    if errors:
        raise ValidationError(errors)
    amounts, one_time = {}, {}
    if need_test is not None and kind in (DecisionKind.START, DecisionKind.CHANGE):
        by_assistance = need_test.result["benefit"]["by_assistance"]
        amounts = monthly_amounts(by_assistance)
        one_time = one_time_items(by_assistance, need_test.as_of, effective_from)
    decision = Decision.objects.create(
        household=household,
        kind=kind,
        application=application,
        need_test=need_test,
        effective_from=effective_from,
        amounts=amounts,
        benefit_total=sum(amounts.values()),
        one_time=one_time,
        reasons=reasons.strip(),
        late_reason=late_reason.strip(),
        retroactive_reason=retroactive_reason.strip(),
        snapshot=_addressee(household, effective_from),
        drafted_by=actor,
    )
    record(
        actor,
        Action.CREATE,
        target=decision,
        detail={
            "kind": kind,
            "effective_from": effective_from.isoformat(),
            "benefit_total": decision.benefit_total,
            **({"one_time": one_time} if one_time else {}),
        },
    )
    return decision


def approved_rows(household_id: int, until=None) -> list[ledger.Approved]:
    """The household's approved decisions in approval order, as the ledger reads them."""
    rows = Decision.objects.filter(household_id=household_id, status=DecisionStatus.APPROVED)
    if until is not None:
        rows = rows.filter(approved_at__lt=until)
    return [ledger.approved_from(d) for d in rows.order_by("approved_at", "id")]


def _record_differences(decision: Decision):
    """A decision that reaches back before the month it is approved in changes what past months
    were owed: keep each difference as an extra payment or a repayment candidate."""
    this_month = timezone.localdate().replace(day=1)
    if decision.effective_from >= this_month:
        return []
    before = approved_rows(decision.household_id, until=decision.approved_at)
    after = before + [ledger.approved_from(decision)]
    first_paid = min((d.effective_from for d in before if d.kind in ledger.PAYING), default=decision.effective_from)
    diffs = ledger.differences(before, after, max(decision.effective_from, first_paid), this_month)
    return LedgerAdjustment.objects.bulk_create(
        [
            LedgerAdjustment(
                decision=decision,
                household_id=decision.household_id,
                month=month,
                assistance=kind,
                amount=amount,
                kind=LedgerAdjustment.Kind.EXTRA_PAYMENT if amount > 0 else LedgerAdjustment.Kind.REPAYMENT_CANDIDATE,
            )
            for month, kind, amount in diffs
        ]
    )


def finalize(actor, decision: Decision):
    """What the last approval of a decision sets in motion (registered with the approvals app)."""
    others = _approved(decision.household, excluding=decision.pk)
    periods.check_fits(decision.kind, decision.effective_from, others, decision.retroactive_reason)
    _record_differences(decision)
    numbering.assign(decision)
    household = decision.household
    new_status = {
        DecisionKind.START: "active",
        DecisionKind.SUSPENSION: "suspended",
        DecisionKind.TERMINATION: "terminated",
        DecisionKind.REJECTION: "rejected",
    }.get(decision.kind)
    if decision.kind == DecisionKind.CHANGE and household.status == "suspended":
        new_status = "active"  # a change after a suspension resumes assistance
    if new_status:
        household_services.apply_decided_status(
            actor, household, new_status, decision.effective_from, f"{decision.get_kind_display()}決定"
        )
    application = Application.objects.filter(pk=decision.application_id, decided_on__isnull=True).first()
    if application:
        application.decided_on = timezone.localdate()
        application.save(update_fields=["decided_on"])
        signals.application_decided.send(sender=Application, application=application)


def open_decision(actor, public_id) -> Decision:
    """Read a decision; it is visible exactly when its household is (404 and audited otherwise)."""
    decision = (
        Decision.objects.select_related("household__office", "need_test", "application")
        .filter(public_id=public_id)
        .first()
    )
    if decision is None:
        record(actor, Action.DENIED, target_type=Decision.audit_type, target_id=str(public_id))
        raise Http404("決定が見つかりません。")
    household_services.open_household(actor, decision.household.public_id)
    return decision


def open_application(actor, public_id) -> Application:
    """Read an application; visible exactly when its household is."""
    application = Application.objects.select_related("household__office").filter(public_id=public_id).first()
    if application is None:
        record(actor, Action.DENIED, target_type=Application.audit_type, target_id=str(public_id))
        raise Http404("申請が見つかりません。")
    household_services.open_household(actor, application.household.public_id)
    return application
