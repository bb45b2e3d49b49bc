"""What the office does with the recipients' voice (decision 0038): fulfil a certificate request (a PDF
delivered through the portal, or posted), read opinions, run surveys and keep the plain-language guides.
Refusals follow hogo/common/refusals.py: ValidationError naming the field, PermissionDenied for authority."""

from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.households.models import Relation, Status, StatusChange
from hogo.households.scoping import households_visible_to, may_edit
from hogo.offices.acting import acting_office
from hogo.offices.models import Role
from hogo.offices.queries import standing_of

from . import documents
from .models import CertificateKind, CertificateRequest, Delivery, Guide, RequestState, Survey

NOT_FULFILLER = "証明書の交付は、世帯の担当CW・査察指導員、または事務所の事務担当が行います。"
NOT_LISTENER = "ご意見・アンケート・案内のページは、所長（課長）と査察指導員が扱います。"
LISTENERS = (Role.CHIEF, Role.SUPERVISOR)
MAX_QUESTIONS = 20
MAX_CHOICES = 10


# --- certificates ------------------------------------------------------------------------------------------


def visible_requests(actor):
    return CertificateRequest.objects.filter(household__in=households_visible_to(actor)).select_related(
        "household", "member"
    )


def may_fulfil(actor, household) -> bool:
    return may_edit(actor, household) or standing_of(actor).has_role(Role.CLERK, household.office_id)


def protection_since(household):
    """The day the household's current protection started: its latest change into 保護中 (after a 廃止 a
    new start counts), or None when it has none."""
    change = (
        StatusChange.objects.filter(household=household, to_status=Status.ACTIVE)
        .exclude(from_status__in=[Status.ACTIVE, Status.SUSPENDED])
        .order_by("-effective_date", "-pk")
        .first()
    )
    return change.effective_date if change else None


def head_name(household) -> str:
    head = household.members.filter(relation=Relation.HEAD, left_on__isnull=True).first()
    return head.name if head else ""


def certificate_number(request: CertificateRequest) -> str:
    return f"証明第{request.pk}号"


@transaction.atomic
def fulfil(actor, request: CertificateRequest, *, how: str) -> CertificateRequest:
    """`how`: "portal" (the PDF is delivered in the portal) or "post" (printed and posted). The PDF is made
    either way (the posted paper is its print); the portal is told by a `portal_notice`."""
    request = (
        CertificateRequest.objects.select_for_update(of=("self",))
        .select_related("household__office", "member")
        .get(pk=request.pk)
    )
    if not may_fulfil(actor, request.household):
        raise PermissionDenied(NOT_FULFILLER)
    if how not in (Delivery.PORTAL, Delivery.POST):
        raise ValidationError({"how": "交付の方法は「ポータルでPDF」か「郵送」です。"})
    if request.state != RequestState.OPEN:
        raise ValidationError({"how": "この申請は対応済みです。"})
    today = timezone.localdate()
    if request.household.status != Status.ACTIVE:
        raise ValidationError(
            {"how": f"この世帯は今、保護を受けていないため、{request.get_kind_display()}は出せません。"}
        )
    if request.kind == CertificateKind.MEDICAL:
        member = request.member
        if member is None or member.household_id != request.household_id:
            raise ValidationError({"member": "受診する人がこの世帯の世帯員ではないため、診療依頼書は出せません。"})
        if member.left_on is not None and member.left_on <= today:
            raise ValidationError(
                {"member": f"受診する人（{member.name}）は世帯を離れているため、診療依頼書は出せません。"}
            )
    request.pdf = documents.render(
        request,
        today=today,
        since=protection_since(request.household),
        head_name=head_name(request.household),
        number=certificate_number(request),
    )
    request.state = RequestState.ISSUED if how == Delivery.PORTAL else RequestState.POSTED
    request.fulfilled_by = actor
    request.fulfilled_at = timezone.now()
    request.save(update_fields=["pdf", "state", "fulfilled_by", "fulfilled_at"])
    record(actor, Action.UPDATE, target=request, detail={"certificate": request.kind, "fulfilled": request.state})
    return request


# --- opinions, surveys, guides ------------------------------------------------------------------------------


def listening_office(request):
    return acting_office(request, *LISTENERS, denied=NOT_LISTENER)


def parse_questions(text: str) -> list[dict]:
    """One question a line: `質問文` (free text) or `質問文 | 選択肢 / 選択肢 / …`."""
    questions = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        question, _, choices_text = line.partition("|")
        question = question.strip()
        choices = [c.strip() for c in choices_text.split("/") if c.strip()] if choices_text else []
        if not question:
            raise ValidationError({"questions": f"{number}行目: 質問の文がありません。"})
        if len(question) > 200:
            raise ValidationError({"questions": f"{number}行目: 質問は200字までです。"})
        if choices_text and len(choices) < 2:
            raise ValidationError({"questions": f"{number}行目: 選択肢は「/」で区切って2つ以上書いてください。"})
        if len(choices) > MAX_CHOICES or any(len(c) > 50 for c in choices) or len(set(choices)) != len(choices):
            raise ValidationError({"questions": f"{number}行目: 選択肢は重ならない50字以内のものを10個までです。"})
        questions.append({"key": f"q{len(questions) + 1}", "text": question, "choices": choices})
    if not questions:
        raise ValidationError({"questions": "質問を1つ以上書いてください。"})
    if len(questions) > MAX_QUESTIONS:
        raise ValidationError({"questions": f"質問は{MAX_QUESTIONS}個までです。"})
    return questions


def questions_text(questions: list[dict]) -> str:
    return "\n".join(q["text"] + (" | " + " / ".join(q["choices"]) if q["choices"] else "") for q in questions)


@transaction.atomic
def save_survey(actor, office, survey: Survey | None, *, title, intro, questions, opens_on, closes_on) -> Survey:
    parsed = parse_questions(questions)
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "終了日は開始日より後にしてください。"})
    if survey is not None and survey.answers.exists() and parsed != survey.questions:
        raise ValidationError({"questions": "回答が届いた後は質問を変えられません。新しいアンケートを作ってください。"})
    survey = survey or Survey(office=office, created_by=actor)
    survey.title, survey.intro, survey.questions = title, intro, parsed
    survey.opens_on, survey.closes_on = opens_on, closes_on
    created = survey.pk is None
    survey.save()
    record(actor, Action.CREATE if created else Action.UPDATE, target=survey, office_id=office.pk)
    return survey


def survey_results(survey: Survey) -> list[dict]:
    """Counts per choice, and the free-text answers without who wrote them (in a stable order)."""
    answers = list(survey.answers.values_list("answers", flat=True))
    out = []
    for q in survey.questions:
        values = [a.get(q["key"]) for a in answers if a.get(q["key"]) not in (None, "")]
        if q["choices"]:
            counts = Counter(values)
            out.append({**q, "counts": [(c, counts.get(c, 0)) for c in q["choices"]], "texts": []})
        else:
            out.append({**q, "counts": [], "texts": sorted(values)})
    return out


@transaction.atomic
def save_guide(actor, office, guide: Guide | None, *, title, body, order, published) -> Guide:
    guide = guide or Guide(office=office)
    created = guide.pk is None
    guide.title, guide.body, guide.order, guide.published, guide.updated_by = title, body, order, published, actor
    guide.save()
    record(actor, Action.CREATE if created else Action.UPDATE, target=guide, office_id=office.pk)
    return guide


def open_listened(model, office, public_id):
    obj = model.objects.filter(office=office, public_id=public_id).first()
    if obj is None:
        raise Http404("見つかりません。")
    return obj
