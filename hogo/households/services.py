"""Every change to a household goes through one of these functions. Each runs in a
transaction, checks permission and writes the audit entry; bad input raises ValidationError
naming the field, and nothing is saved."""

from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common import versions
from hogo.common.bounds import check_lengths
from hogo.common.kana import normalize_kana_name, normalize_text, search_key
from hogo.common.wareki import wareki
from hogo.offices.acting import office_for
from hogo.offices.models import Office, Role, Staff
from hogo.offices.queries import caseworkers_of_teams, standing_of, teams_in_office

from . import lifecycle
from .models import CaseworkerAssignment, Household, Member, Relation, StatusChange
from .scoping import access_basis, households_visible_to, may_edit
from .signals import check_facts_changed

# Nobody verified has lived past 122; a birth date more than 120 years back is a typing error (1900
# for 1990), and the same bound holds for every year the system runs (decision 0021).
OLDEST_AGE = 120
REGISTERING_ROLES = (Role.CASEWORKER, Role.SUPERVISOR)
MAY_NOT_REGISTER = "世帯を登録できるのはケースワーカーと査察指導員です。"


@dataclass
class MemberInput:
    name: str
    name_kana: str
    birth_date: date
    sex: str
    relation: str
    disability_kind: str = ""
    disability_grade: str = ""
    care_level: str = ""
    school_stage: str = ""
    joined_on: date | None = None


@dataclass
class HouseholdInput:
    case_number: str
    address: str
    grade_area: str
    winter_region: str
    household_type: str
    postal_code: str = ""
    prefecture: str = ""
    municipality: str = ""
    rent: int = 0
    assistance_policy: str = ""
    cautions: str = ""


def validate_birth_date(value: date, today: date | None = None) -> None:
    today = today or timezone.localdate()
    if value > today:
        raise ValidationError("生年月日が未来の日付です。", code="future")
    earliest = earliest_birth_date(today)
    if value < earliest:
        raise ValidationError(
            f"生年月日が古すぎます（{OLDEST_AGE}年前の{wareki(earliest)}以降で入力してください）。",
            code="too_old",
        )


def earliest_birth_date(today: date) -> date:
    """The oldest birth date accepted today: OLDEST_AGE years back (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - OLDEST_AGE)
    except ValueError:
        return today.replace(year=today.year - OLDEST_AGE, day=28)


def normalize_postal_code(text: str) -> str:
    """「１０００００１」「1000001」「100-0001」 → 「100-0001」; anything else is returned as typed (and refused)."""
    cleaned = normalize_text(text or "").replace(" ", "").replace("ー", "-").replace("−", "-")
    if len(cleaned) == 7 and cleaned.isascii() and cleaned.isdigit():
        return f"{cleaned[:3]}-{cleaned[3:]}"
    return cleaned


def normalize_case_number(value: str) -> str:
    return normalize_text(value).replace(" ", "").upper()


def check_case_number_free(office: Office, case_number: str) -> None:
    if not case_number:
        raise ValidationError("ケース番号を入力してください。", code="required")
    if Household.objects.filter(office=office, case_number=case_number).exists():
        raise ValidationError(f"ケース番号「{case_number}」は既に使われています。", code="duplicate")


def _build_member(household: Household, data: MemberInput) -> Member:
    errors = {}
    name = normalize_text(data.name or "")
    if not name:
        errors["name"] = "氏名を入力してください。"
    try:
        kana = normalize_kana_name(data.name_kana or "")
    except ValueError as exc:
        errors["name_kana"] = str(exc)
        kana = ""
    if data.birth_date is None:
        errors["birth_date"] = "生年月日を入力してください。"
    else:
        try:
            validate_birth_date(data.birth_date)
        except ValidationError as exc:
            errors["birth_date"] = exc.messages[0]
    member = Member(
        household=household,
        name=name,
        name_kana=kana,
        search_name=search_key(name),
        search_kana=search_key(kana),
        birth_date=data.birth_date,
        sex=data.sex,
        relation=data.relation,
        disability_kind=data.disability_kind or "",
        disability_grade=normalize_text(data.disability_grade or ""),
        care_level=data.care_level or "",
        school_stage=data.school_stage or "",
        joined_on=data.joined_on,
    )
    try:
        member.full_clean(exclude=["household", "search_name", "search_kana", *errors])
    except ValidationError as exc:
        errors.update({field: msgs[0] for field, msgs in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return member


def _caseworker_choices_for(actor, office: Office, on: date):
    standing = standing_of(actor, on)
    if standing.has_role(Role.SUPERVISOR, office.pk):
        return caseworkers_of_teams(teams_in_office(standing.team_ids, office.pk), on)
    if standing.has_role(Role.CASEWORKER, office.pk):
        return Staff.objects.filter(pk=standing.staff.pk)
    return Staff.objects.none()


def caseworker_choices(actor, office: Office, on: date | None = None):
    """The caseworkers a new household of `office` may be given by this actor."""
    return _caseworker_choices_for(actor, office, on or timezone.localdate())


def registering_office(actor, office: Office | None = None, on: date | None = None) -> Office:
    """The office in which the actor registers households: `office`, where they must be a caseworker
    or supervisor, or without one the only office where they are (the view passes the acting office)."""
    return office_for(actor, office, REGISTERING_ROLES, denied=MAY_NOT_REGISTER, on=on)


@transaction.atomic
def register_household(
    actor,
    *,
    household: HouseholdInput,
    head: MemberInput,
    caseworker: Staff,
    office: Office | None = None,
    on: date | None = None,
) -> Household:
    """A new household at consultation (相談) in `office` (see `registering_office`), with its head
    and its caseworker."""
    on = on or timezone.localdate()
    office = registering_office(actor, office, on)
    if not _caseworker_choices_for(actor, office, on).filter(pk=caseworker.pk).exists():
        raise ValidationError({"caseworker": "この担当CWは選べません（自分又は自分の係のCWを選んでください）。"})
    errors = {}
    case_number = normalize_case_number(household.case_number or "")
    try:
        check_case_number_free(office, case_number)
    except ValidationError as exc:
        errors["case_number"] = exc.messages[0]
    hh = Household(
        office=office,
        case_number=case_number,
        postal_code=normalize_postal_code(household.postal_code or ""),
        prefecture=normalize_text(household.prefecture or ""),
        municipality=normalize_text(household.municipality or ""),
        rent=household.rent or 0,
        address=normalize_text(household.address or ""),
        grade_area=household.grade_area,
        winter_region=household.winter_region,
        household_type=household.household_type,
        assistance_policy=household.assistance_policy or "",
        cautions=household.cautions or "",
        status=lifecycle.CONSULTATION,
    )
    try:
        hh.full_clean(exclude=["office", "case_number", "status"], validate_constraints=False)
    except ValidationError as exc:
        errors.update({f: m[0] for f, m in exc.message_dict.items()})
    try:
        head_member = _build_member(hh, head)
        if head.relation != Relation.HEAD:
            errors["relation"] = "最初に登録する世帯員は世帯主です。"
    except ValidationError as exc:
        errors.update({f: m[0] for f, m in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            hh.save()
    except IntegrityError:
        raise ValidationError({"case_number": f"ケース番号「{case_number}」は既に使われています。"}) from None
    head_member.household = hh
    head_member.save()
    StatusChange.objects.create(
        household=hh,
        from_status="",
        to_status=lifecycle.CONSULTATION,
        effective_date=on,
        reason="相談受付",
        recorded_by=actor,
    )
    CaseworkerAssignment.objects.create(household=hh, caseworker=caseworker, valid_from=on, recorded_by=actor)
    record(
        actor,
        Action.CREATE,
        target=hh,
        detail={"case_number": case_number, "head": str(head_member.public_id), "caseworker": caseworker.pk},
    )
    return hh


def require_edit(actor, household: Household, message: str = "この世帯を変更する権限がありません。"):
    """Caseworkers of the caseload and the team's supervisor may change a household's case."""
    if not may_edit(actor, household):
        raise PermissionDenied(message)


@transaction.atomic
def add_member(actor, household: Household, data: MemberInput) -> Member:
    require_edit(actor, household)
    if data.relation == Relation.HEAD and household.members.filter(relation=Relation.HEAD).exists():
        raise ValidationError({"relation": "世帯主は既に登録されています。"})
    member = _build_member(household, data)
    member.save()
    record(actor, Action.CREATE, target=member, detail={"household": str(household.public_id)})
    return member


@transaction.atomic
def change_status(actor, household: Household, new_status: str, effective_date: date, reason: str) -> StatusChange:
    """Move the household along its lifecycle, recording the date and the reason."""
    require_edit(actor, household)
    household = Household.objects.select_for_update().get(pk=household.pk)
    errors = {}
    try:
        lifecycle.check_transition(household.status, new_status)
    except ValueError as exc:
        errors["new_status"] = str(exc)
    if new_status in lifecycle.SET_BY_DECISION and "new_status" not in errors:
        errors["new_status"] = (
            f"「{lifecycle.LABELS[new_status]}」には申請の受付又は決裁済みの決定によって変わります。"
            "相談・申請・決定の画面から行ってください。"
        )
    if not (reason or "").strip():
        errors["reason"] = "理由を入力してください。"
    if effective_date is None:
        errors["effective_date"] = "効力発生日を入力してください。"
    else:
        last = household.status_changes.order_by("-effective_date").first()
        if last and effective_date < last.effective_date:
            errors["effective_date"] = f"直前の状態変更（{wareki(last.effective_date)}）より前の日付にはできません。"
    if errors:
        raise ValidationError(errors)
    change = StatusChange.objects.create(
        household=household,
        from_status=household.status,
        to_status=new_status,
        effective_date=effective_date,
        reason=reason.strip(),
        recorded_by=actor,
    )
    old = household.status
    household.status = new_status
    household.save(update_fields=["status", "updated_at"])
    record(
        actor,
        Action.UPDATE,
        target=household,
        detail={"status": [old, new_status], "effective_date": effective_date.isoformat()},
    )
    return change


def apply_decided_status(
    actor, household: Household, new_status: str, effective_date: date, reason: str
) -> StatusChange:
    """The status a fully approved decision sets. The decision's own approval is the authority, so
    the approver need not be able to edit the household; the lifecycle still applies."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.status == new_status:
        return None
    try:
        lifecycle.check_transition(household.status, new_status)
    except ValueError as exc:
        raise ValidationError({"new_status": str(exc)}) from None
    change = StatusChange.objects.create(
        household=household,
        from_status=household.status,
        to_status=new_status,
        effective_date=effective_date,
        reason=reason,
        recorded_by=actor,
    )
    old = household.status
    household.status = new_status
    household.save(update_fields=["status", "updated_at"])
    record(
        actor,
        Action.UPDATE,
        target=household,
        detail={"status": [old, new_status], "effective_date": effective_date.isoformat(), "by": "decision"},
    )
    return change


@transaction.atomic
def assign_caseworker(actor, household: Household, caseworker: Staff, valid_from: date) -> CaseworkerAssignment:
    """Hand the household to another caseworker; the previous assignment ends the day before."""
    standing = standing_of(actor)
    if not (standing.has_role(Role.SUPERVISOR, household.office_id) and may_edit(actor, household)):
        raise PermissionDenied("担当CWを変更できるのは係の査察指導員です。")
    if not caseworkers_of_teams(standing.team_ids, valid_from).filter(pk=caseworker.pk).exists():
        raise ValidationError({"caseworker": "自分の係のケースワーカーを選んでください。"})
    current = (
        CaseworkerAssignment.objects.select_for_update().filter(household=household, valid_to__isnull=True).first()
    )
    if current:
        if current.caseworker_id == caseworker.pk:
            raise ValidationError({"caseworker": "既にこのケースワーカーが担当しています。"})
        if valid_from <= current.valid_from:
            raise ValidationError({"valid_from": "現在の担当開始日より後の日付を入力してください。"})
        current.valid_to = valid_from - timedelta(days=1)
        current.save(update_fields=["valid_to"])
    assignment = CaseworkerAssignment.objects.create(
        household=household, caseworker=caseworker, valid_from=valid_from, recorded_by=actor
    )
    record(
        actor,
        Action.UPDATE,
        target=household,
        detail={"caseworker": caseworker.pk, "valid_from": valid_from.isoformat()},
    )
    return assignment


@transaction.atomic
def update_always_know(
    actor, household: Household, *, assistance_policy: str, cautions: str, version: dict | None = None
) -> Household:
    """Edit the 援助方針 and 留意事項 shown on the always-know panel. `version`: what the form was
    loaded with (hogo.common.versions); a value someone else changed since is refused."""
    require_edit(actor, household)
    household.refresh_from_db(from_queryset=Household.objects.select_for_update())
    submitted = {"assistance_policy": (assistance_policy or "").strip(), "cautions": (cautions or "").strip()}
    check_lengths(Household, submitted)
    versions.refuse_if_changed(version, versions.watch(household, ALWAYS_KNOW_FIELDS), submitted)
    household.assistance_policy, household.cautions = submitted["assistance_policy"], submitted["cautions"]
    versions.save_fields(household, ALWAYS_KNOW_FIELDS)
    record(actor, Action.UPDATE, target=household, detail={"fields": ["assistance_policy", "cautions"]})
    return household


ALWAYS_KNOW_FIELDS = ("assistance_policy", "cautions")
MEMBER_CHECK_FIELDS = ("medical_care", "able_to_work", "care_certified_until", "disability_certificate_until")
CHECK_FIELDS = ("residence", "visit_grade", "latitude", "longitude")


def check_facts_watched(household: Household, members) -> list[versions.Watched]:
    """The values the check-facts form shows: the household's, and each current member's (keyed as
    the form names them, `<public_id>__<field>`)."""
    watched = versions.watch(household, CHECK_FIELDS)
    for member in members:
        watched += versions.watch(
            member, MEMBER_CHECK_FIELDS, prefix=f"{member.public_id}__", label_prefix=f"{member.name}の"
        )
    return watched


@transaction.atomic
def update_check_facts(
    actor,
    household: Household,
    *,
    residence: str,
    visit_grade: str,
    members: dict,
    latitude=None,
    longitude=None,
    version: dict | None = None,
) -> Household:
    """Edit the facts periodic checks depend on: where the household lives, its visit grade, and per
    current member medical care, work capacity and certificate dates. `members` maps a member's
    public_id to its values. Listeners (follow-ups) recompute the household's checks at once."""
    require_edit(actor, household)
    household.refresh_from_db(from_queryset=Household.objects.select_for_update())
    current = {str(m.public_id): m for m in household.members.select_for_update().filter(left_on__isnull=True)}
    submitted = {
        "residence": residence,
        "visit_grade": visit_grade or "",
        "latitude": latitude,
        "longitude": longitude,
        **{f"{key}__{field}": value for key, values in members.items() for field, value in values.items()},
    }
    versions.refuse_if_changed(version, check_facts_watched(household, current.values()), submitted)
    household.residence, household.visit_grade = residence, visit_grade or ""
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": "緯度と経度は両方入力してください（位置を消すときは両方とも空に）。"})
    household.latitude, household.longitude = latitude, longitude
    # Only what this form sets: a row registered before a bound was stated stays savable here.
    household.clean_fields(exclude=[f.name for f in Household._meta.fields if f.name not in CHECK_FIELDS])
    unknown = set(members) - set(current)
    if unknown:
        raise ValidationError("この世帯の世帯員ではない人が含まれています。")
    changed = []
    for key, values in members.items():
        member = current[key]
        for field in MEMBER_CHECK_FIELDS:
            setattr(
                member,
                field,
                values.get(field) or (False if field == "able_to_work" else None if field.endswith("_until") else ""),
            )
        member.full_clean(exclude=["household", "search_name", "search_kana"])
        changed.append(member)
    versions.save_fields(household, CHECK_FIELDS)
    for member in changed:
        versions.save_fields(member, MEMBER_CHECK_FIELDS)
    record(
        actor,
        Action.UPDATE,
        target=household,
        detail={"fields": ["residence", "visit_grade", "position", *[f"member.{f}" for f in MEMBER_CHECK_FIELDS]]},
    )
    check_facts_changed.send(sender=Household, household=household)
    return household


def open_household(actor, public_id) -> Household:
    """Read a household for display. Every read is audited with its basis; a household the
    actor may not see is a 404, and the attempt is audited too."""
    household = households_visible_to(actor).filter(public_id=public_id).select_related("office").first()
    if household is None:
        # The attempt is recorded against the office that owns the id (if any), so that
        # office's supervisors can see it.
        owner_office = Household.objects.filter(public_id=public_id).values_list("office_id", flat=True).first()
        record(
            actor,
            Action.DENIED,
            target_type=Household.audit_type,
            target_id=str(public_id),
            office_id=owner_office,
        )
        raise Http404("世帯が見つかりません。")
    record(actor, Action.VIEW, target=household, detail={"basis": access_basis(actor, household)})
    return household


def open_household_record(
    actor, model, public_id, not_found: str = "見つかりません。", *, via: str = "household", related: tuple = ()
):
    """Read a record that belongs to a household (a visit, a case record, a declaration, an income …):
    visible exactly when its household is; the read is audited with the basis of access, and so is a
    refusal (as a 404). `via` is the path from the record to its household (an income's is
    "member__household"); `related` are further relations the page shows."""
    obj = (
        model.objects.select_related(f"{via}__office", *related)
        .filter(public_id=public_id, **{f"{via}__in": households_visible_to(actor)})
        .first()
    )
    if obj is None:
        owner = model.objects.filter(public_id=public_id).values_list(f"{via}__office_id", flat=True).first()
        record(actor, Action.DENIED, target_type=model.audit_type, target_id=str(public_id), office_id=owner)
        raise Http404(not_found)
    household = attrgetter(via.replace("__", "."))(obj)
    record(actor, Action.VIEW, target=obj, detail={"basis": access_basis(actor, household)})
    return obj


def open_household_for_edit(actor, public_id, message: str = "この世帯を変更する権限がありません。") -> Household:
    """Open (and audit) a household the actor is about to change; 403 when they may only read it."""
    household = open_household(actor, public_id)
    require_edit(actor, household, message)
    return household
