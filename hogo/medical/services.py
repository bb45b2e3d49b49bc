"""The medical assistance work (issue 20, decision 0031): one function per use case, in a transaction,
checking who may act and writing the audit entry.

Who: the household's caseworker and the team's supervisor record requests, issue 意見書, enter replies,
decide periods, record care plans and correct tickets; the office's 嘱託医 reviews replies (and sees only
what that needs); clerks and supervisors run the monthly bulk issue.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Min, OuterRef, Sum
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import Event, record, record_many
from hogo.common.serials import next_serial
from hogo.common.wareki import wareki, wareki_month
from hogo.followups.services import complete_by_work
from hogo.households import lifecycle
from hogo.households.income_services import STARTS_ASSISTANCE, assistance_period
from hogo.households.models import Household, Member, StatusChange
from hogo.households.scoping import may_edit
from hogo.offices.models import Office, Role
from hogo.offices.queries import standing_of

from . import copay
from .models import (
    CarePlan,
    Institution,
    InstitutionKind,
    MedicalPeriod,
    MedicalRequest,
    Opinion,
    Review,
    Ticket,
    TicketKind,
    TicketRun,
    Verdict,
)

NOT_CASEWORKING = "この世帯の医療扶助を扱う権限がありません（担当CWと係の査察指導員が行います）。"
NOT_ADVISOR = "意見書の検討は、この事務所の嘱託医が行います。"
RUNNERS = (Role.CLERK, Role.SUPERVISOR)
NOT_RUNNER = "券の一括発行は、事務と査察指導員が行います。"
UNDER_ASSISTANCE = (lifecycle.ACTIVE,)
OPINION_RENEWAL_RULES = "medical_opinion*"  # hogo/followups/default_rules.json: inpatient and outpatient
KIND_LETTER = {TicketKind.MEDICAL: "M", TicketKind.DISPENSING: "D", TicketKind.CARE: "K"}


def first_of(day: date) -> date:
    return day.replace(day=1)


def last_of(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def require_caseworking(actor, household: Household) -> None:
    if not may_edit(actor, household):
        record(actor, Action.DENIED, target=household, detail={"medical": "caseworking"})
        raise PermissionDenied(NOT_CASEWORKING)


def is_advisor(actor, office_id: int) -> bool:
    return standing_of(actor).has_role(Role.MEDICAL_ADVISOR, office_id)


def may_run(actor, office_id: int) -> bool:
    standing = standing_of(actor)
    return any(standing.has_role(role, office_id) for role in RUNNERS)


def _designated(institution: Institution, day: date, field_name: str, errors: dict) -> None:
    if not institution.designated_on(day):
        errors[field_name] = (
            f"{institution.name}は{wareki(day)}に指定を受けていません（指定医療機関・指定介護機関ではありません）。"
        )


# --- 傷病届 → 意見書 → 回答 → 嘱託医 → 決定 --------------------------------------------------------------


@transaction.atomic
def record_request(
    actor, household: Household, *, member: Member, received_on: date, complaint: str, institution: Institution
) -> MedicalRequest:
    require_caseworking(actor, household)
    errors = {}
    if member.household_id != household.pk or (member.left_on and member.left_on < received_on):
        errors["member"] = "この世帯の世帯員を選んでください。"
    if institution.office_id != household.office_id or institution.kind == InstitutionKind.CARE:
        errors["institution"] = "この事務所の指定医療機関（病院・診療所・薬局）を選んでください。"
    else:
        _designated(institution, received_on, "institution", errors)
    if received_on > timezone.localdate():
        errors["received_on"] = "届出日は今日までの日付にしてください。"
    if not complaint.strip():
        errors["complaint"] = "症状・届出の内容を入力してください。"
    if errors:
        raise ValidationError(errors)
    request = MedicalRequest.objects.create(
        household=household,
        member=member,
        received_on=received_on,
        complaint=complaint.strip()[:200],
        institution=institution,
        recorded_by=actor,
    )
    record(actor, Action.CREATE, target=request, detail={"institution": institution.code})
    return request


def _next_number(prefix: str, model, field_name: str) -> str:
    return next_serial(model, field_name, prefix, 5)


@transaction.atomic
def issue_opinion(actor, request: MedicalRequest, *, issued_on: date | None = None, renewal_of=None) -> Opinion:
    """A 医療要否意見書 to the request's institution, numbered <office code><yymm>-<n>."""
    require_caseworking(actor, request.household)
    issued_on = issued_on or timezone.localdate()
    errors: dict = {}
    _designated(request.institution, issued_on, "institution", errors)
    if errors:
        raise ValidationError(errors)
    office = request.household.office
    Office.objects.select_for_update().filter(pk=office.pk).first()
    prefix = f"{office.municipality_code}{issued_on:%y%m}"
    opinion = Opinion.objects.create(
        reference=_next_number(prefix, Opinion, "reference"),
        request=request,
        issued_on=issued_on,
        renewal_of=renewal_of,
    )
    record(actor, Action.CREATE, target=opinion, detail={"reference": opinion.reference})
    return opinion


@transaction.atomic
def enter_reply(
    actor,
    opinion: Opinion,
    *,
    replied_on: date,
    diagnosis: str,
    care: str,
    expected_months: int,
    doctor_name: str,
    doctor_remarks: str = "",
) -> Opinion:
    """The doctor's reply, entered once against the 意見書's reference."""
    require_caseworking(actor, opinion.household)
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    errors = {}
    if opinion.replied_on is not None:
        errors["replied_on"] = "この意見書の回答は記録済みです。"
    elif replied_on < opinion.issued_on or replied_on > timezone.localdate():
        errors["replied_on"] = "回答日は意見書の発行日から今日までの日付にしてください。"
    if not diagnosis.strip():
        errors["diagnosis"] = "傷病名を入力してください。"
    if care not in ("outpatient", "inpatient"):
        errors["care"] = "入院・入院外を選んでください。"
    if not 1 <= (expected_months or 0) <= 12:
        errors["expected_months"] = (
            "今後の診療見込み期間は1〜12か月で入力してください（意見書は最長でも1年ごとに求めます）。"
        )
    if errors:
        raise ValidationError(errors)
    opinion.replied_on, opinion.diagnosis, opinion.care = replied_on, diagnosis.strip()[:200], care
    opinion.expected_months, opinion.doctor_name = expected_months, doctor_name.strip()[:100]
    opinion.doctor_remarks, opinion.entered_by = doctor_remarks.strip(), actor
    opinion.save()
    record(actor, Action.UPDATE, target=opinion, detail={"reply": opinion.care, "months": expected_months})
    return opinion


def review_queue(actor):
    """Replies waiting for the 嘱託医 of the actor's offices: entered and not yet agreed or refused."""
    offices = standing_of(actor).offices_with(Role.MEDICAL_ADVISOR)
    opinions = Opinion.objects.filter(request__household__office_id__in=offices, replied_on__isnull=False)
    decided = Review.objects.filter(opinion=OuterRef("pk"), verdict__in=(Verdict.AGREE, Verdict.DISAGREE))
    return opinions.exclude(Exists(decided)).select_related("request__member", "request__institution")


@transaction.atomic
def review(actor, opinion: Opinion, *, verdict: str, remarks: str = "") -> Review:
    """The 嘱託医's review of a reply (insert-only: asking and then agreeing are two rows)."""
    if not is_advisor(actor, opinion.office_id):
        record(actor, Action.DENIED, target=opinion, detail={"review": verdict})
        raise PermissionDenied(NOT_ADVISOR)
    opinion = Opinion.objects.select_for_update().get(pk=opinion.pk)
    errors = {}
    if opinion.replied_on is None:
        errors["verdict"] = "主治医の回答がまだ記録されていません。"
    elif (latest := opinion.latest_review()) and latest.verdict != Verdict.ASK:
        errors["verdict"] = f"この意見書は既に「{latest.get_verdict_display()}」と検討済みです。"
    if verdict not in Verdict.values:
        errors["verdict"] = "判断を選んでください。"
    elif verdict != Verdict.AGREE and not remarks.strip():
        errors["remarks"] = "照会が必要・否とするときは、その理由を入力してください。"
    if errors:
        raise ValidationError(errors)
    made = Review.objects.create(opinion=opinion, verdict=verdict, remarks=remarks.strip(), reviewer=actor)
    record(actor, Action.UPDATE, target=opinion, detail={"review": verdict})
    return made


@transaction.atomic
def decide_period(actor, opinion: Opinion, *, starts_on: date, pharmacy: Institution | None = None) -> MedicalPeriod:
    """The caseworker's decision on an agreed 意見書: medical assistance from `starts_on` for the months the
    doctor expects (to the end of the last month); with a pharmacy, 調剤券 too."""
    household = opinion.household
    require_caseworking(actor, household)
    opinion = (
        Opinion.objects.select_for_update().select_related("request__member", "request__institution").get(pk=opinion.pk)
    )
    errors = {}
    latest = opinion.latest_review()
    if latest is None or latest.verdict != Verdict.AGREE:
        errors["starts_on"] = "嘱託医が「要」と検討した意見書だけが決定できます。"
    elif opinion.periods.exists():
        errors["starts_on"] = "この意見書による医療扶助は決定済みです（継続は新しい意見書で行います）。"
    if starts_on < opinion.request.received_on.replace(day=1):
        errors["starts_on"] = "開始日は傷病届の月より前にできません。"
    elif opinion.expected_months:
        ends_on = last_of(add_months(first_of(starts_on), opinion.expected_months - 1))
        overlapping = MedicalPeriod.objects.filter(
            member=opinion.request.member,
            institution=opinion.request.institution,
            starts_on__lte=ends_on,
            ends_on__gte=starts_on,
        ).first()
        if overlapping is not None:
            errors["starts_on"] = (
                f"同じ医療機関の医療扶助（{wareki(overlapping.starts_on)}〜{wareki(overlapping.ends_on)}）と重なります。"
                "継続は前の期間の終わりの翌日から決定してください。"
            )
    if pharmacy is not None:
        if pharmacy.office_id != household.office_id or pharmacy.kind != InstitutionKind.PHARMACY:
            errors["pharmacy"] = "この事務所の指定薬局を選んでください。"
        else:
            _designated(pharmacy, starts_on, "pharmacy", errors)
    if errors:
        raise ValidationError(errors)
    ends_on = last_of(add_months(first_of(starts_on), opinion.expected_months - 1))
    period = MedicalPeriod.objects.create(
        household=household,
        member=opinion.request.member,
        institution=opinion.request.institution,
        opinion=opinion,
        care=opinion.care,
        with_dispensing=pharmacy is not None,
        pharmacy=pharmacy,
        starts_on=starts_on,
        ends_on=ends_on,
        decided_by=actor,
    )
    Member.objects.filter(pk=period.member_id).update(medical_care=opinion.care)
    close_opinion_renewals(actor, period)
    record(
        actor,
        Action.CREATE,
        target=period,
        detail={"from": starts_on.isoformat(), "to": ends_on.isoformat(), "care": opinion.care},
    )
    return period


def close_opinion_renewals(actor, period: MedicalPeriod) -> list:
    """A decided period is where the periodic 意見書 renewal happened: the household's open renewal items (the
    rules "medical_opinion*") are done today, and the next one is scheduled from today."""
    note = (
        f"意見書 {period.opinion.reference} を嘱託医が「要」と検討し、医療扶助を決定しました"
        f"（{wareki(period.starts_on)}から{wareki(period.ends_on)}まで）。"
    )
    return complete_by_work(actor, period.household, OPINION_RENEWAL_RULES, timezone.localdate(), note)


def open_periods(household: Household, day: date):
    return household.medical_periods.filter(starts_on__lte=day, ends_on__gte=day).select_related(
        "member", "institution", "pharmacy"
    )


# --- tickets ---------------------------------------------------------------------------------------------


@dataclass
class Planned:
    """A ticket a run will issue, before it is numbered."""

    kind: str
    household: Household
    member: Member
    institution: Institution
    period: MedicalPeriod | None = None
    care_plan: CarePlan | None = None
    cost: int | None = None


@dataclass
class RunRefused(Exception):
    problems: list[str] = field(default_factory=list)


def _assisted_in(household: Household, month: date) -> bool:
    start, end = assistance_period(household)
    return household.status in UNDER_ASSISTANCE and (start is None or start <= month) and (end is None or month <= end)


def plan_month(office: Office, month: date) -> tuple[list[Planned], list[str]]:
    """What the month's run issues for the office, and what stops it (institutions not designated that month)."""
    month_end = last_of(month)
    planned, problems = [], []
    periods = (
        MedicalPeriod.objects.filter(household__office=office, starts_on__lte=month_end, ends_on__gte=month)
        .select_related("household", "member", "institution", "pharmacy")
        .order_by("institution__code", "household__case_number", "id")
    )
    issued = set(  # live tickets of the month issued alone (issue_ticket) are not issued again
        Ticket.objects.filter(household__office=office, month=month, void=False).values_list(
            "kind", "member_id", "institution_id"
        )
    )
    started = dict(  # as assistance_period: from the month of the first start (the end is the status)
        StatusChange.objects.filter(household__office=office, to_status__in=STARTS_ASSISTANCE)
        .values("household_id")
        .annotate(first=Min("effective_date"))
        .values_list("household_id", "first")
    )
    for period in periods:
        household = period.household
        if household.status not in UNDER_ASSISTANCE or (period.member.left_on and period.member.left_on < month):
            continue
        if household.pk in started and first_of(started[household.pk]) > month:
            continue
        for kind, institution in ((TicketKind.MEDICAL, period.institution), (TicketKind.DISPENSING, period.pharmacy)):
            if institution is None or (kind, period.member_id, institution.pk) in issued:
                continue
            if not institution.designated_on(month_end) and not institution.designated_on(month):
                problems.append(
                    f"{institution.name}（{institution.code}）は{wareki_month(month)}に指定を受けていません"
                    f"（ケース番号 {household.case_number}）。"
                )
                continue
            planned.append(Planned(kind, household, period.member, institution, period=period))
    # a member's newest plan begun by the month's end is the one in force (an older plan does not come
    # back when the newest ends); it counts when it has not ended before the month
    plans = (
        CarePlan.objects.filter(household__office=office, starts_on__lte=month_end)
        .select_related("household", "member")
        .order_by("household__case_number", "member_id", "-starts_on", "-id")
    )
    institutions = {i.pk: i for i in Institution.objects.filter(office=office, kind=InstitutionKind.CARE)}
    seen_members = set()
    for plan in plans:
        if plan.member_id in seen_members:
            continue
        seen_members.add(plan.member_id)
        if plan.ends_on is not None and plan.ends_on < month:
            continue
        if plan.household.status not in UNDER_ASSISTANCE or (plan.member.left_on and plan.member.left_on < month):
            continue
        if plan.household_id in started and first_of(started[plan.household_id]) > month:
            continue
        by_provider: dict[int, int] = {}
        for service in plan.services:
            by_provider[service["provider"]] = by_provider.get(service["provider"], 0) + int(service["cost"])
        for provider_id, cost in sorted(by_provider.items()):
            if (TicketKind.CARE, plan.member_id, provider_id) in issued:
                continue
            provider = institutions.get(provider_id)
            if provider is None or not provider.designated_on(month):
                name = provider.name if provider else f"機関 {provider_id}"
                problems.append(
                    f"{name}は{wareki_month(month)}に指定介護機関ではありません"
                    f"（ケース番号 {plan.household.case_number}）。"
                )
                continue
            planned.append(
                Planned(
                    TicketKind.CARE, plan.household, plan.member, provider, care_plan=plan, cost=copay.care_share(cost)
                )
            )
    return planned, problems


def issue_month(actor, office: Office, month: date) -> TicketRun:
    """The month's bulk issue: every ticket of the month or none (RunRefused lists what stops it); a
    second run for the month is refused. 本人支払額 from the engine per household (copay.self_pay)."""
    if not may_run(actor, office.pk):
        record(actor, Action.DENIED, office_id=office.pk, detail={"ticket_run": month.isoformat()})
        raise PermissionDenied(NOT_RUNNER)
    month = first_of(month)
    if TicketRun.objects.filter(office=office, month=month).exists():
        raise ValidationError({"month": f"{wareki_month(month)}分の一括発行は済んでいます（訂正は券ごとに行います）。"})
    planned, problems = plan_month(office, month)
    if problems:
        raise RunRefused(problems)
    pays = copay.self_pays({p.household.pk: p.household for p in planned}, month)
    left = _left_to_charge(pays, month)
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = TicketRun.objects.create(office=office, month=month, run_by=actor, count=len(planned))
        except IntegrityError:
            raise ValidationError({"month": f"{wareki_month(month)}分の一括発行は済んでいます。"}) from None
        Office.objects.select_for_update().filter(pk=office.pk).first()
        numbers = _numbers(office, month, planned)
        tickets = []
        for plan, number in zip(planned, numbers, strict=True):
            self_pay, basis = _charge(plan, pays, left)
            tickets.append(
                Ticket(
                    number=number,
                    kind=plan.kind,
                    household=plan.household,
                    member=plan.member,
                    institution=plan.institution,
                    month=month,
                    period=plan.period,
                    care_plan=plan.care_plan,
                    self_pay=self_pay,
                    self_pay_basis=basis[:300],
                    cost=plan.cost,
                    run=run,
                    issued_by=actor,
                )
            )
        Ticket.objects.bulk_create(tickets, batch_size=2000)
        record(
            actor,
            Action.CREATE,
            target=run,
            office_id=office.pk,
            detail={"month": month.isoformat(), "count": len(tickets)},
        )
        record_many(
            actor,
            [
                Event(Action.CREATE, Ticket.audit_type, str(t.public_id), office.pk, {"run": str(run.public_id)})
                for t in tickets
            ],
        )
    return run


def _left_to_charge(pays: dict, month: date) -> dict[int, int]:
    """Per household: the month's 本人支払額 not yet carried by a live ticket of the month (a ticket issued
    alone before the run, or an earlier ticket of the same run)."""
    charged = dict(
        Ticket.objects.filter(household_id__in=list(pays), month=month, void=False)
        .values("household_id")
        .annotate(total=Sum("self_pay"))
        .values_list("household_id", "total")
    )
    return {h: max(0, excess - charged.get(h, 0)) for h, (excess, _basis) in pays.items()}


def _charge(plan: Planned, pays: dict, left: dict[int, int]) -> tuple[int, str]:
    """The household's 本人支払額 is charged once a month: on its tickets in order (医療券 first), each
    taking what is left, a 介護券 no more than its cost; never on a 調剤券."""
    if plan.kind == TicketKind.DISPENSING:
        return 0, "本人支払額は医療券に計上"
    excess, basis = pays.get(plan.household.pk, (0, ""))
    remaining = left.get(plan.household.pk, 0)
    self_pay = min(remaining, plan.cost) if plan.cost is not None else remaining
    left[plan.household.pk] = remaining - self_pay
    if excess and self_pay < excess:
        basis = f"{basis}（月額のうち{excess - self_pay:,}円は同じ月の他の券に計上）"
    return self_pay, basis


def _numbers(office: Office, month: date, planned: list[Planned]) -> list[str]:
    """<office code><yymm><M|D|K><5-digit number of the month and kind>."""
    counters: dict[str, int] = {}
    out = []
    for plan in planned:
        prefix = f"{office.municipality_code}{month:%y%m}{KIND_LETTER[plan.kind]}"
        if prefix not in counters:
            last = _next_number(prefix, Ticket, "number")
            counters[prefix] = int(last[len(prefix) :]) - 1
        counters[prefix] += 1
        out.append(f"{prefix}{counters[prefix]:05d}")
    return out


@transaction.atomic
def correct_ticket(actor, ticket: Ticket, *, self_pay: int, cost: int | None, reason: str) -> Ticket:
    """A correction: a new ticket with the corrected amounts that replaces (and voids) the old one."""
    require_caseworking(actor, ticket.household)
    ticket = Ticket.objects.select_for_update().select_related("household__office", "institution").get(pk=ticket.pk)
    errors = {}
    if ticket.void:
        errors["reason"] = "この券は既に無効です。最新の券を訂正してください。"
    if not reason.strip():
        errors["reason"] = "訂正の理由を入力してください。"
    if self_pay < 0:
        errors["self_pay"] = "本人支払額は0円以上です。"
    elif cost is not None and self_pay > cost:
        errors["self_pay"] = f"本人支払額（{self_pay:,}円）が費用（{cost:,}円）を超えています。"
    if errors:
        raise ValidationError(errors)
    ticket.void, ticket.void_reason = True, f"訂正: {reason.strip()}"[:200]
    ticket.save(update_fields=["void", "void_reason"])
    office = ticket.household.office
    Office.objects.select_for_update().filter(pk=office.pk).first()
    prefix = f"{office.municipality_code}{ticket.month:%y%m}{KIND_LETTER[ticket.kind]}"
    new = Ticket.objects.create(
        number=_next_number(prefix, Ticket, "number"),
        kind=ticket.kind,
        household=ticket.household,
        member=ticket.member,
        institution=ticket.institution,
        month=ticket.month,
        period=ticket.period,
        care_plan=ticket.care_plan,
        self_pay=self_pay,
        self_pay_basis=f"訂正（{reason.strip()[:100]}）",
        cost=cost,
        replaces=ticket,
        issued_by=actor,
    )
    record(actor, Action.CREATE, target=new, detail={"replaces": ticket.number, "self_pay": self_pay})
    return new


@transaction.atomic
def issue_ticket(actor, period: MedicalPeriod, month: date) -> Ticket:
    """One 医療券 outside the monthly run (a period decided after it): the same rules, checked here."""
    household = period.household
    require_caseworking(actor, household)
    month = first_of(month)
    errors = {}
    if not (first_of(period.starts_on) <= month <= period.ends_on):
        errors["month"] = "対象月が医療扶助の期間の外です。"
    elif not _assisted_in(household, month):
        errors["month"] = f"{wareki_month(month)}は保護の期間ではありません。"
    member = period.member
    if member.household_id != household.pk or (member.left_on and member.left_on < month):
        errors["member"] = f"{member.name}さんは{wareki_month(month)}にこの世帯の世帯員ではありません。"
    if not period.institution.designated_on(month):
        errors["institution"] = f"{period.institution.name}は{wareki_month(month)}に指定医療機関ではありません。"
    if Ticket.objects.filter(
        kind=TicketKind.MEDICAL, member=member, institution=period.institution, month=month, void=False
    ).exists():
        errors["month"] = f"{wareki_month(month)}分の医療券は発行済みです（訂正は券の画面から）。"
    if errors:
        raise ValidationError(errors)
    pays = copay.self_pays({household.pk: household}, month)
    planned = Planned(TicketKind.MEDICAL, household, member, period.institution, period=period)
    excess, basis = _charge(planned, pays, _left_to_charge(pays, month))
    office = household.office
    Office.objects.select_for_update().filter(pk=office.pk).first()
    prefix = f"{office.municipality_code}{month:%y%m}M"
    ticket = Ticket.objects.create(
        number=_next_number(prefix, Ticket, "number"),
        kind=TicketKind.MEDICAL,
        household=household,
        member=member,
        institution=period.institution,
        month=month,
        period=period,
        self_pay=excess,
        self_pay_basis=basis[:300],
        issued_by=actor,
    )
    record(actor, Action.CREATE, target=ticket, detail={"month": month.isoformat()})
    return ticket
