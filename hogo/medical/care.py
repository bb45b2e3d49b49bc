"""介護扶助 (issue 20, decision 0031): a member's care plan as 介護扶助 pays it. The plan names the
居宅介護支援事業者 (for 施設入所, the facility), the services by provider with their monthly cost and the
区分支給限度基準額; 介護扶助 pays the 1割 the insurance does not (`copay.care_share`), and the monthly run
(`services.plan_month`) turns the plan in force into one 介護券 per provider.

Plans are insert-only: a new plan supersedes the member's earlier ones from its start (the run takes, for
each member, the plan with the latest start on or before the month)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.wareki import wareki
from hogo.households.models import Household, Member
from hogo.households.services import open_household_record

from . import copay
from .models import CarePlan, Institution, InstitutionKind
from .services import require_caseworking

SERVICE_NAME_MAX = 100
MAX_SERVICES = 20


@dataclass(frozen=True)
class ProviderShare:
    """One provider's line of a plan: the month's cost of its services and the part 介護扶助 pays."""

    provider: Institution | None
    provider_id: int
    services: tuple[str, ...]
    cost: int
    care_share: int


def _care_institution(office_id: int, institution, day: date) -> str | None:
    """Why `institution` cannot be named on a plan of the office starting `day`, or None."""
    if institution is None or institution.office_id != office_id or institution.kind != InstitutionKind.CARE:
        return "この事務所の指定介護機関を選んでください。"
    if not institution.designated_on(day):
        return f"{institution.name}は{wareki(day)}に指定介護機関ではありません。"
    return None


def _check_services(office_id: int, services, starts_on: date) -> tuple[list[dict], str | None]:
    """The services as stored ({"provider": id, "service": name, "cost": yen}), or the first problem."""
    if not isinstance(services, list | tuple) or not services:
        return [], "サービスを1つ以上入力してください（事業者・サービス・月の費用）。"
    if len(services) > MAX_SERVICES:
        return [], f"サービスは{MAX_SERVICES}行までです。"
    ids = {s.get("provider") for s in services if isinstance(s, dict)}
    providers = Institution.objects.in_bulk([i for i in ids if isinstance(i, int) and not isinstance(i, bool)])
    cleaned = []
    for n, service in enumerate(services, start=1):
        if not isinstance(service, dict):
            return [], f"サービスの{n}行目を入力してください。"
        provider_id, name, cost = (
            service.get("provider"),
            str(service.get("service") or "").strip(),
            service.get("cost"),
        )
        problem = _care_institution(office_id, providers.get(provider_id), starts_on)
        if problem:
            return [], f"サービスの{n}行目: {problem}"
        if not name:
            return [], f"サービスの{n}行目: サービスの種類を入力してください。"
        if len(name) > SERVICE_NAME_MAX:
            return [], f"サービスの{n}行目: サービスの種類は{SERVICE_NAME_MAX}文字以内で入力してください。"
        if not isinstance(cost, int) or isinstance(cost, bool) or cost <= 0:
            return [], f"サービスの{n}行目: 月の費用は1円以上の整数（円）で入力してください。"
        cleaned.append({"provider": provider_id, "service": name, "cost": cost})
    return cleaned, None


@transaction.atomic
def record_care_plan(
    actor,
    household: Household,
    *,
    member: Member,
    planner: Institution,
    in_facility: bool,
    limit_units: int,
    services: list[dict],
    starts_on: date,
    ends_on: date | None = None,
) -> CarePlan:
    """Record a member's care plan; it supersedes the member's earlier plans from `starts_on`."""
    require_caseworking(actor, household)
    errors = {}
    if member.household_id != household.pk or (member.left_on and member.left_on < starts_on):
        errors["member"] = "この世帯の世帯員を選んでください。"
    elif not member.care_level:
        errors["member"] = (
            f"{member.name}さんの要介護度が記録されていません（要介護・要支援の認定を先に記録してください）。"
        )
    problem = _care_institution(household.office_id, planner, starts_on)
    if problem:
        errors["planner"] = problem
    if not isinstance(limit_units, int) or isinstance(limit_units, bool) or limit_units <= 0:
        errors["limit_units"] = "区分支給限度基準額は1単位以上の整数で入力してください。"
    cleaned, problem = _check_services(household.office_id, services, starts_on)
    if problem:
        errors["services"] = problem
    if ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = "終了日は開始日より後の日付にしてください。"
    if errors:
        raise ValidationError(errors)
    plan = CarePlan.objects.create(
        household=household,
        member=member,
        planner=planner,
        in_facility=bool(in_facility),
        limit_units=limit_units,
        services=cleaned,
        starts_on=starts_on,
        ends_on=ends_on,
        recorded_by=actor,
    )
    record(
        actor,
        Action.CREATE,
        target=plan,
        detail={"member": member.pk, "providers": sorted({s["provider"] for s in cleaned}), "from": str(starts_on)},
    )
    return plan


def shares_of(plan: CarePlan) -> list[ProviderShare]:
    """Per provider (in the order they first appear): the month's cost and 介護扶助's 1割 — the same sum per
    provider as the 介護券 of the monthly run."""
    order: list[int] = []
    names: dict[int, list[str]] = {}
    costs: dict[int, int] = {}
    for service in plan.services:
        provider_id = service["provider"]
        if provider_id not in costs:
            order.append(provider_id)
            names[provider_id], costs[provider_id] = [], 0
        names[provider_id].append(service["service"])
        costs[provider_id] += int(service["cost"])
    providers = Institution.objects.in_bulk(order)
    return [ProviderShare(providers.get(i), i, tuple(names[i]), costs[i], copay.care_share(costs[i])) for i in order]


def plan_in_force(member: Member, day: date) -> CarePlan | None:
    """The member's plan on `day`: the latest start on or before it, if it has not ended."""
    plan = member.care_plans.filter(starts_on__lte=day).order_by("-starts_on", "-id").first()
    if plan is None or (plan.ends_on is not None and plan.ends_on < day):
        return None
    return plan


def open_care_plan(actor, public_id) -> CarePlan:
    """Read a care plan (audited; 404 when its household is not the actor's to see)."""
    return open_household_record(
        actor, CarePlan, public_id, "介護扶助の計画が見つかりません。", related=("member", "planner", "recorded_by")
    )
