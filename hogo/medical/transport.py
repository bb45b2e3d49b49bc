"""通院移送費 (issue 20, decision 0031): a request drafted by the caseworker and approved through the
approvals module along the office's route (supervisor, then chief by default).

- routine (`routine=True`): fare × 2 × trips a month, approved once and then paid every month it covers
  without re-deciding. A later approved routine transport of the same member to the same institution
  supersedes the earlier one from its start month (so a changed fare is never paid twice);
- occasional (`routine=False`): one month's claim, paid as the receipts' total.

A taxi or any means other than public transport or walking needs the doctor's reason (主治医の意見).
The inbox sources (決裁待ち・差戻し) are `waiting_transports` and `returned_transports`."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from hogo.approvals.inbox import Rows, returned_line, returned_to, waiting_for, waiting_line, with_head_name
from hogo.approvals.models import Status
from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.wareki import wareki_month
from hogo.households.models import Household, Member
from hogo.households.services import open_household_record

from .models import Institution, InstitutionKind, Transport
from .services import _assisted_in, first_of, last_of, require_caseworking

PUBLIC_TRANSPORT = "公共交通機関"
ON_FOOT = "徒歩"
MEANS = (PUBLIC_TRANSPORT, "タクシー", "自家用車", "福祉車両（介護タクシー等）", ON_FOOT)
NO_REASON_NEEDED = (PUBLIC_TRANSPORT, ON_FOOT)
MAX_TRIPS = 62  # twice a day at most, every day of a month
ROUTE_MAX, REASON_MAX = 200, 200


def needs_doctor_reason(means: str) -> bool:
    return means not in NO_REASON_NEEDED


@transaction.atomic
def request_transport(
    actor,
    household: Household,
    *,
    member: Member,
    institution: Institution,
    route: str,
    means: str,
    fare: int,
    trips: int,
    doctor_reason: str,
    routine: bool,
    starts_on: date,
    ends_on: date | None = None,
    receipts_total: int | None = None,
) -> Transport:
    """Draft a 移送費 decision (the household's caseworker or the team's supervisor); it waits for approval."""
    require_caseworking(actor, household)
    starts_on = first_of(starts_on)
    ends_on = first_of(ends_on) if ends_on is not None else None
    route, means, doctor_reason = (route or "").strip(), (means or "").strip(), (doctor_reason or "").strip()
    errors = {}
    if member.household_id != household.pk or (member.left_on and member.left_on < starts_on):
        errors["member"] = "この世帯の世帯員を選んでください。"
    if institution.office_id != household.office_id or institution.kind != InstitutionKind.MEDICAL:
        errors["institution"] = "この事務所の指定医療機関（病院・診療所）を選んでください。"
    elif not institution.designated_on(starts_on) and not institution.designated_on(last_of(starts_on)):
        errors["institution"] = f"{institution.name}は{wareki_month(starts_on)}に指定医療機関ではありません。"
    if not route:
        errors["route"] = "経路を入力してください（例: 自宅〜みなと駅〜市民病院前）。"
    elif len(route) > ROUTE_MAX:
        errors["route"] = f"経路は{ROUTE_MAX}文字以内で入力してください。"
    if means not in MEANS:
        errors["means"] = "交通手段を一覧から選んでください。"
    elif needs_doctor_reason(means) and not doctor_reason:
        errors["doctor_reason"] = f"{means}による移送には、主治医の意見（必要な理由）を入力してください。"
    if len(doctor_reason) > REASON_MAX:
        errors["doctor_reason"] = f"主治医の意見は{REASON_MAX}文字以内で入力してください。"
    if not _positive_int(fare):
        errors["fare"] = "片道の運賃は1円以上の整数（円）で入力してください。"
    if not _positive_int(trips) or trips > MAX_TRIPS:
        errors["trips"] = f"月の通院回数は1〜{MAX_TRIPS}回で入力してください。"
    if routine:
        if receipts_total is not None:
            errors["receipts_total"] = "領収書の合計は臨時の請求のときだけ入力します（定例は運賃×2×回数）。"
        if ends_on is not None and ends_on < starts_on:
            errors["ends_on"] = "終了月は開始月以後にしてください。"
    else:
        if receipts_total is None or not _positive_int(receipts_total):
            errors["receipts_total"] = "臨時の請求には、領収書の合計（1円以上）を入力してください。"
        if ends_on is not None and ends_on != starts_on:
            errors["ends_on"] = "臨時の請求は1か月分です（終了月は空欄か開始月と同じ月にしてください）。"
        ends_on = starts_on
    if errors:
        raise ValidationError(errors)
    made = Transport.objects.create(
        household=household,
        member=member,
        institution=institution,
        route=route,
        means=means,
        fare=fare,
        trips=trips,
        doctor_reason=doctor_reason,
        routine=bool(routine),
        starts_on=starts_on,
        ends_on=ends_on,
        receipts_total=receipts_total if not routine else None,
        drafted_by=actor,
    )
    record(
        actor,
        Action.CREATE,
        target=made,
        detail={"routine": made.routine, "monthly_amount": made.monthly_amount, "from": starts_on.isoformat()},
    )
    return made


def _positive_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def monthly_transport(household: Household, month: date) -> list[tuple[Transport, int]]:
    """What is paid for the month without re-deciding: per member and institution, the approved routine
    transport in force (the latest start on or before the month, if it has not ended), and every approved
    occasional claim of that month. Nothing while the household is not under assistance in the month or
    for a member who has left."""
    month = first_of(month)
    if not _assisted_in(household, month):
        return []
    approved = (
        household.transports.filter(status=Status.APPROVED, starts_on__lte=month)
        .select_related("member", "institution")
        .order_by("-starts_on", "-approved_at", "-id")
    )
    out, seen = [], set()
    for made in approved:
        if made.member.left_on and made.member.left_on < month:
            continue
        if made.routine:
            key = (made.member_id, made.institution_id)
            if key in seen:
                continue  # superseded by a later routine transport
            seen.add(key)
            if made.ends_on is not None and made.ends_on < month:
                continue
        elif made.starts_on != month:
            continue
        out.append((made, made.monthly_amount))
    out.sort(key=lambda pair: (not pair[0].routine, pair[0].member_id, pair[0].starts_on, pair[0].pk))
    return out


def monthly_total(household: Household, month: date) -> int:
    return sum(amount for _, amount in monthly_transport(household, month))


def open_transport(actor, public_id) -> Transport:
    """Read a 移送費 record (audited; 404 when its household is not the actor's to see)."""
    return open_household_record(
        actor, Transport, public_id, "移送費が見つかりません。", related=("member", "institution", "drafted_by")
    )


# --- the approval inbox (registered in apps.py) -----------------------------------------------------------


def _line(make):
    def line(made: Transport):
        kind = "定例" if made.routine else f"臨時・{wareki_month(made.starts_on)}"
        return make(
            made,
            title=f"移送費の決定（{kind}） {made.monthly_amount:,}円",
            url=reverse("transport_detail", kwargs={"public_id": made.public_id}),
        )

    return line


def _transports(queryset):
    return with_head_name(queryset.select_related("household", "drafted_by__staff"))


def waiting_transports(user) -> Rows:
    return Rows(_transports(waiting_for(user, Transport.objects.all())), _line(waiting_line))


def returned_transports(user) -> Rows:
    return Rows(_transports(returned_to(user, Transport.objects.all())), _line(returned_line))
