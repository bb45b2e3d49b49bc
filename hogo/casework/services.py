"""Every change to grades, visits, case records and photos: one function per use case, in a
transaction, permission checked, audited. Bad input raises ValidationError naming the field."""

import hashlib
import io
import warnings
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common import versions
from hogo.common.search_terms import index_text
from hogo.common.wareki import age_on, wareki
from hogo.followups.models import FollowUp, State
from hogo.followups.rules import ensure_rules
from hogo.followups.schedule import visit_interval_months
from hogo.followups.services import complete_by_work
from hogo.households.models import Household, Income, MedicalCare, Residence, VisitGrade
from hogo.households.scoping import may_edit
from hogo.households.services import open_household_record, require_edit
from hogo.households.signals import check_facts_changed
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import drafting, grading, records_text
from .models import Addendum, CaseRecord, GradeDecision, Photo, RecordKind, RecordTemplate, Visit, VisitStatus

NOT_YOURS = "この世帯の訪問・記録を扱う権限がありません。"
VISIT_RULE = "home_visit"


def grade_facts(household: Household, today: date | None = None) -> grading.GradeFacts:
    today = today or timezone.localdate()
    in_force = Prefetch("incomes", queryset=Income.objects.current())
    members = list(household.members.filter(Q(left_on__isnull=True) | Q(left_on__gt=today)).prefetch_related(in_force))

    def age(m):
        return age_on(m.birth_date, today)

    recent = CaseRecord.objects.filter(
        household=household, occurred_on__gte=today - timedelta(days=90), body__contains="【事故・トラブル】"
    ).exists()
    overdue = FollowUp.objects.filter(household=household, state=State.OPEN, due_on__lt=today).count()
    return grading.GradeFacts(
        household_type=household.household_type,
        in_institution=household.residence != Residence.HOME,
        members=len(members),
        children=sum(age(m) < 18 for m in members),
        elderly_alone=len(members) == 1 and age(members[0]) >= 75,
        working=any(i.kind == "earnings" for m in members for i in m.incomes.all()),
        seeking_work=any(m.able_to_work for m in members),
        mental_illness=any(m.disability_kind == "mental" for m in members),
        outpatient=any(m.medical_care == MedicalCare.OUTPATIENT for m in members),
        care_certified=any(m.care_level for m in members),
        recent_incident=recent,
        overdue_checks=overdue,
        cautions=bool(household.cautions.strip()),
    )


def annual_visit_plan(household: Household, today: date) -> dict | None:
    """The next twelve months of visits, from the household's open visit follow-up and the interval
    its grade has under the office's rule: {"months": interval, "dates": [...]}; None when no visit is
    due (the household is not in assistance, or the office has no visit rule)."""
    rule = next((r for r in ensure_rules(household.office) if r.code == VISIT_RULE and r.active), None)
    if rule is None:
        return None
    item = FollowUp.objects.filter(household=household, rule=rule, state__in=(State.OPEN, State.SNOOZED)).first()
    if item is None:
        return None
    months = visit_interval_months(rule.spec(), household.visit_grade, household.residence != "home")
    start = max(item.due_on, today)  # an overdue visit is due now
    return {"months": months, "dates": grading.annual_plan(start, months, today + timedelta(days=365))}


@transaction.atomic
def decide_grade(actor, household: Household, *, chosen: str, override_reason: str = "") -> GradeDecision:
    """Accept the recommended grade or choose another with a reason. The SV sees overrides."""
    require_edit(actor, household, NOT_YOURS)
    recommendation = grading.recommend(grade_facts(household))
    chosen = chosen or ""
    override_reason = (override_reason or "").strip()
    if chosen not in VisitGrade.values:
        raise ValidationError({"chosen": "格付けは一覧から選んでください。"})
    if not chosen and recommendation.grade != grading.INSTITUTION:
        raise ValidationError({"chosen": "居宅の世帯には格付けを選んでください。"})
    differs = chosen != (recommendation.grade if recommendation.grade != grading.INSTITUTION else "")
    if differs and not override_reason:
        raise ValidationError(
            {"override_reason": f"推奨（{recommendation.grade}）と異なる格付けにする理由を入力してください。"}
        )
    decision = GradeDecision.objects.create(
        household=household,
        recommended=recommendation.grade,
        reasons=[list(r) for r in recommendation.reasons],
        chosen=chosen,
        override_reason=override_reason if differs else "",
        decided_by=actor,
    )
    household.visit_grade = chosen
    household.save(update_fields=["visit_grade", "updated_at"])
    record(
        actor,
        Action.UPDATE,
        target=household,
        detail={"visit_grade": chosen, "recommended": recommendation.grade, "overridden": differs},
    )
    check_facts_changed.send(sender=Household, household=household)
    return decision


@transaction.atomic
def propose_visit(actor, household: Household, *, planned_on: date, slot: str = "", purpose: str = "") -> Visit:
    require_edit(actor, household, NOT_YOURS)
    if planned_on is None:
        raise ValidationError({"planned_on": "予定日を入力してください。"})
    if planned_on < timezone.localdate():
        raise ValidationError({"planned_on": "予定日が過去の日付です。"})
    visit = Visit.objects.create(
        household=household,
        planned_on=planned_on,
        slot=(slot or "").strip(),
        purpose=(purpose or "").strip(),
        created_by=actor,
    )
    record(actor, Action.CREATE, target=visit, detail={"planned_on": planned_on.isoformat()})
    return visit


@transaction.atomic
def set_visit_status(actor, visit: Visit, status: str) -> Visit:
    require_edit(actor, visit.household, NOT_YOURS)
    if status not in (
        VisitStatus.PROPOSED,
        VisitStatus.CONFIRMED,
        VisitStatus.DECLINED,
        VisitStatus.ABSENT,
        VisitStatus.CANCELLED,
    ):
        raise ValidationError({"status": "状態は一覧から選んでください（訪問済みは訪問記録で登録します）。"})
    if visit.status == VisitStatus.DONE:
        raise ValidationError("訪問済みの予定は変更できません。")
    visit.status = status
    visit.save(update_fields=["status"])
    record(actor, Action.UPDATE, target=visit, detail={"status": status})
    return visit


def template_items(office, kind: str) -> list[str]:
    template = RecordTemplate.objects.filter(office=office, kind=kind).first()
    return list(template.required_items) if template else records_text.DEFAULT_REQUIRED.get(kind, [])


@transaction.atomic
def record_visit(
    actor,
    household: Household,
    *,
    done_on: date,
    met: str,
    findings: list,
    policy: str = "",
    visit: Visit | None = None,
) -> CaseRecord:
    """A visit was made: the visit is stored with its checklist, a draft record is written from it
    for the CW to edit, and the household's visit follow-up is done with the next one scheduled."""
    require_edit(actor, household, NOT_YOURS)
    today = timezone.localdate()
    if done_on is None:
        raise ValidationError({"done_on": "訪問日を入力してください。"})
    if done_on > today:
        raise ValidationError({"done_on": "訪問日が未来の日付です。"})
    if visit is not None and (visit.household_id != household.pk or visit.status == VisitStatus.DONE):
        raise ValidationError("この訪問予定には記録できません。")
    checklist = {f.key: {"result": f.result, "note": f.note} for f in findings}
    if visit is None:
        visit = Visit(household=household, planned_on=done_on, created_by=actor)
    visit.status, visit.done_on, visit.checklist = VisitStatus.DONE, done_on, checklist
    visit.save()
    body = records_text.draft_visit_record(wareki(done_on), met, findings, policy)
    draft = CaseRecord.objects.create(
        household=household,
        kind=RecordKind.VISIT,
        occurred_on=done_on,
        body=body,
        visit=visit,
        author=actor,
        search_terms=index_text(body),
    )
    complete_by_work(actor, household, VISIT_RULE, done_on, "訪問を記録しました。")
    record(actor, Action.CREATE, target=draft, detail={"visit": str(visit.public_id), "draft": True})
    return draft


@transaction.atomic
def record_visit_with_photo(
    actor,
    household: Household,
    *,
    done_on: date,
    met: str,
    findings: list,
    policy: str = "",
    photo=None,
    photo_purpose: str = "room",
) -> CaseRecord:
    """A visit recorded from the visit sheet with the photo taken there: both are kept, or neither."""
    draft = record_visit(actor, household, done_on=done_on, met=met, findings=findings, policy=policy)
    if photo:
        attach_photo(actor, household, upload=photo, purpose=photo_purpose, visit=draft.visit)
    return draft


def suggest_record(actor, household: Household, *, kind: str, notes: str) -> tuple[str, str]:
    """A draft record written from the caseworker's notes by the office's text service — only a
    suggestion, nothing is saved — and the request audited. (draft, why none could be made)."""
    require_edit(actor, household, NOT_YOURS)
    try:
        draft, problem = drafting.draft_from_notes(notes, template_items(household.office, kind)), ""
    except drafting.DraftUnavailable as exc:
        draft, problem = "", str(exc)
    record(actor, Action.CREATE, target=household, detail={"draft_requested": True, "ok": bool(draft)})
    return draft, problem


@transaction.atomic
def create_record(actor, household: Household, *, kind: str, occurred_on: date, body: str, members=()) -> CaseRecord:
    require_edit(actor, household, NOT_YOURS)
    errors = {}
    if kind not in RecordKind.values:
        errors["kind"] = "記録の種類は一覧から選んでください。"
    if occurred_on is None or occurred_on > timezone.localdate():
        errors["occurred_on"] = "日付を正しく入力してください（未来の日付は使えません）。"
    if not (body or "").strip():
        errors["body"] = "記録の本文を入力してください。"
    known = {str(m) for m in household.members.values_list("public_id", flat=True)}
    if any(str(m) not in known for m in members):
        errors["members"] = "この世帯の世帯員ではない人が含まれています。"
    if errors:
        raise ValidationError(errors)
    created = CaseRecord.objects.create(
        household=household,
        kind=kind,
        occurred_on=occurred_on,
        body=body.strip(),
        members=[str(m) for m in members],
        author=actor,
        search_terms=index_text(body),
    )
    record(actor, Action.CREATE, target=created)
    return created


RECORD_EDIT_FIELDS = ("body",)


def _editable_record(actor, case_record: CaseRecord) -> None:
    require_edit(actor, case_record.household, NOT_YOURS)
    if case_record.signed:
        raise ValidationError("査察指導員が確認した記録は変更できません。追記してください。")


@transaction.atomic
def update_record(
    actor, case_record: CaseRecord, *, body: str, confirm: bool = False, version: dict | None = None
) -> CaseRecord:
    """The author edits a draft; confirming checks the office's required items for the record type.
    `version`: what the edit form was loaded with; a body changed since (another tab) is refused."""
    case_record.refresh_from_db(from_queryset=CaseRecord.objects.select_for_update())
    _editable_record(actor, case_record)
    if case_record.author_id != actor.pk:
        raise PermissionDenied("記録を編集できるのは作成者です。")
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "記録の本文を入力してください。"})
    if confirm:
        missing = records_text.missing_items(body, template_items(case_record.household.office, case_record.kind))
        if missing:
            raise ValidationError({"body": "必須の記載項目が未記入です: " + "、".join(f"【{m}】" for m in missing)})
        case_record.confirmed_at = timezone.now()
    versions.refuse_if_changed(version, versions.watch(case_record, RECORD_EDIT_FIELDS), {"body": body})
    case_record.body, case_record.search_terms = body, index_text(body)
    versions.save_fields(case_record, ["body", "search_terms", "confirmed_at"], signed_at__isnull=True)
    record(actor, Action.UPDATE, target=case_record, detail={"confirmed": confirm})
    return case_record


def may_sign(actor, household: Household) -> bool:
    """Supervisors of the household's team sign its records."""
    return standing_of(actor).has_role(Role.SUPERVISOR, household.office_id) and may_edit(actor, household)


@transaction.atomic
def sign_record(actor, case_record: CaseRecord) -> CaseRecord:
    if not may_sign(actor, case_record.household):
        raise PermissionDenied("記録を確認（署名）できるのは係の査察指導員です。")
    if case_record.signed:
        raise ValidationError("この記録は既に確認されています。")
    if case_record.confirmed_at is None:
        raise ValidationError("CWが確定する前の下書きは確認できません。")
    case_record.signed_by, case_record.signed_at = actor, timezone.now()
    case_record.save()
    record(actor, Action.UPDATE, target=case_record, detail={"signed": True})
    return case_record


@transaction.atomic
def add_addendum(actor, case_record: CaseRecord, *, body: str) -> Addendum:
    require_edit(actor, case_record.household, NOT_YOURS)
    if not case_record.signed:
        raise ValidationError("確認前の記録は本文を直してください（追記は確認済みの記録に付けます）。")
    if not (body or "").strip():
        raise ValidationError({"body": "追記の内容を入力してください。"})
    addendum = Addendum.objects.create(record=case_record, body=body.strip(), author=actor)
    CaseRecord.objects.filter(pk=case_record.pk).update(
        search_terms=index_text(case_record.body + "\n" + "\n".join(case_record.addenda.values_list("body", flat=True)))
    )
    record(actor, Action.UPDATE, target=case_record, detail={"addendum": addendum.pk})
    return addendum


ACCEPTED_FORMATS = {"JPEG": "jpeg", "PNG": "png", "HEIF": "heic"}


def _too_many_pixels(size: str = "") -> ValidationError:
    limit = settings.HOGO_PHOTO_MAX_PIXELS // 10_000
    return ValidationError({"image": f"写真の画素数が多すぎます{size}。{limit:,}万画素までです（decision 0023）。"})


def _decoded_photo(upload) -> Image.Image:
    """The upload as RGB pixels, refused on the `image` field when it is not a JPEG, PNG or HEIC or
    has more pixels than HOGO_PHOTO_MAX_PIXELS. The size is read from the header and checked before
    any pixel is decoded: a small file can declare a huge image (a decompression bomb)."""
    try:
        with warnings.catch_warnings():  # Pillow's own bomb check warns, then raises: both are a refusal
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError):
        raise ValidationError({"image": "画像として読めません。JPEG・PNG・HEIC の写真を選んでください。"}) from None
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError({"image": f"写真の形式（{image.format}）は使えません。JPEG・PNG・HEIC だけです。"})
    if image.width * image.height > settings.HOGO_PHOTO_MAX_PIXELS:
        raise _too_many_pixels(f"（{image.width}×{image.height}）")
    kind = image.format
    try:
        image.load()
        rgb = image if image.mode == "RGB" else image.convert("RGB")
    except (OSError, Image.DecompressionBombError):
        raise ValidationError({"image": "画像として読めません。JPEG・PNG・HEIC の写真を選んでください。"}) from None
    rgb.format = kind
    return rgb


@transaction.atomic
def attach_photo(
    actor,
    household: Household,
    *,
    upload,
    purpose: str,
    caption: str = "",
    visit: Visit | None = None,
    declaration=None,
) -> Photo:
    """Check type and size, drop EXIF (and with it any GPS position) by re-encoding as JPEG."""
    require_edit(actor, household, NOT_YOURS)
    register_heif_opener()
    if upload is None:
        raise ValidationError({"image": "写真を選んでください。"})
    if upload.size > settings.HOGO_PHOTO_MAX_BYTES:
        raise ValidationError(
            {
                "image": f"写真が大きすぎます（{upload.size // 1024 // 1024}MB）。"
                f"{settings.HOGO_PHOTO_MAX_BYTES // 1024 // 1024}MBまでです。"
            }
        )
    if purpose not in ("room", "document"):
        raise ValidationError({"purpose": "写真の目的は一覧から選んでください。"})
    if declaration is not None and declaration.household_id != household.pk:
        raise ValidationError({"declaration": "別の世帯の申告には添付できません。"})
    image = _decoded_photo(upload)
    ImageOps.exif_transpose(image, in_place=True)  # in place: at most two copies of the pixels at once
    kind, image.info = image.format, {}  # nothing of the original's metadata (a JPEG comment) is kept
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)  # a new file: no EXIF, no GPS, no maker notes
    data = out.getvalue()
    photo = Photo(
        household=household,
        visit=visit,
        declaration=declaration,
        purpose=purpose,
        caption=(caption or "").strip(),
        original_type=ACCEPTED_FORMATS[kind],
        width=image.width,
        height=image.height,
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=actor,
    )
    photo.image.save("photo.jpg", ContentFile(data), save=False)
    photo.save()
    record(actor, Action.CREATE, target=photo, detail={"purpose": purpose, "bytes": len(data)})
    return photo


def open_record(actor, public_id) -> CaseRecord:
    return open_household_record(actor, CaseRecord, public_id, "記録が見つかりません。")


def open_visit(actor, public_id) -> Visit:
    return open_household_record(actor, Visit, public_id, "訪問予定が見つかりません。")


def open_photo(actor, public_id) -> Photo:
    return open_household_record(actor, Photo, public_id, "写真が見つかりません。")
