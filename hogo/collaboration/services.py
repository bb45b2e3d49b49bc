"""Every change in collaboration: one function per use case, in a transaction, permission checked,
audited. Agency members act only on conferences they belong to, after signing the pledge."""

import re
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common import versions
from hogo.common.wareki import age_on, wareki
from hogo.followups.models import FollowUp, Source, State
from hogo.households.models import Household, Income
from hogo.households.services import open_household_record, require_edit

from . import matching
from .backends import agencies_on_core
from .models import (
    Agency,
    AgencyMember,
    Assignment,
    CandidateDate,
    Conference,
    ConferenceMember,
    Consent,
    ConsentWithdrawal,
    DateAnswer,
    Evaluation,
    HouseholdIssue,
    Invitation,
    Material,
    NeedAssessment,
    Pledge,
    SupportPlan,
)

NOT_YOURS = "この世帯の連携・会議を扱う権限がありません。"
PLEDGE_TEXT = (
    "私は、この調整会議（生活保護法第27条の3）の構成員として、会議で知り得た被保護世帯の秘密を、"
    "正当な理由なく漏らしません（同条第6項）。構成員でなくなった後も同様とします。"
    "配布された資料は会議の目的以外に使わず、適切に管理します。"
)
MONITORING_WARNING = timedelta(days=14)


# --- issues, consent, need assessment -------------------------------------------------------


@transaction.atomic
def note_issue(actor, household: Household, *, code: str, note: str = "") -> HouseholdIssue:
    require_edit(actor, household, NOT_YOURS)
    code = (code or "").strip()
    if not code:
        raise ValidationError({"code": "課題を選ぶか入力してください。"})
    if HouseholdIssue.objects.filter(household=household, code=code, resolved_on__isnull=True).exists():
        raise ValidationError({"code": f"「{matching.issue_label(code)}」は既に記録されています。"})
    issue = HouseholdIssue.objects.create(
        household=household, code=code, note=(note or "").strip(), noted_by=actor, noted_on=timezone.localdate()
    )
    record(actor, Action.UPDATE, target=household, detail={"issue": code})
    return issue


def open_issues(household) -> list[str]:
    return list(household.issues.filter(resolved_on__isnull=True).values_list("code", flat=True))


def suggestions_for(household) -> list[matching.Suggestion]:
    agencies = [a.listed() for a in Agency.objects.filter(office=household.office, active=True)]
    return matching.suggest(open_issues(household), agencies)


def invitation_candidates(household) -> list[tuple[Agency, bool, str]]:
    """The office's agencies to choose from when calling a conference, as (agency, suggested, reason):
    those the matrix suggests (表26) first, in its order, with the reason to invite them written in;
    then the others by name."""
    suggestions = suggestions_for(household)
    order, reasons = {}, {}
    for place, suggestion in enumerate(suggestions):
        order.setdefault(suggestion.agency.id, place)
        topics = "」「".join(reason.split(":")[0] for reason in suggestion.reasons)
        reasons[suggestion.agency.id] = f"「{topics}」について助言・協力を依頼する"
    agencies = sorted(
        Agency.objects.filter(office=household.office, active=True),
        key=lambda a: (a.pk not in order, order.get(a.pk, 0), a.name),
    )
    return [(agency, agency.pk in order, reasons.get(agency.pk, "")) for agency in agencies]


@transaction.atomic
def record_consent(
    actor,
    household: Household,
    *,
    member,
    agencies,
    all_conference_members: bool,
    information: str,
    given_on: date,
    how: str,
) -> Consent:
    require_edit(actor, household, NOT_YOURS)
    errors = {}
    if member is None or member.household_id != household.pk:
        errors["member"] = "この世帯の世帯員を選んでください。"
    if not agencies and not all_conference_members:
        errors["agencies"] = "共有してよい関係機関を選ぶか「会議の構成員すべて」を選んでください。"
    if not (information or "").strip():
        errors["information"] = "共有してよい情報を入力してください。"
    if given_on is None or given_on > timezone.localdate():
        errors["given_on"] = "同意日を正しく入力してください（未来の日付は使えません）。"
    if any(a.office_id != household.office_id for a in agencies or []):
        errors["agencies"] = "他の事務所の関係機関は選べません。"
    if errors:
        raise ValidationError(errors)
    consent = Consent.objects.create(
        household=household,
        member=member,
        all_conference_members=all_conference_members,
        information=information.strip(),
        given_on=given_on,
        how=how,
        recorded_by=actor,
    )
    consent.agencies.set(agencies or [])
    record(
        actor,
        Action.CREATE,
        target=household,
        detail={"consent": consent.pk, "member": str(member.public_id)},
    )
    return consent


@transaction.atomic
def withdraw_consent(actor, consent: Consent, *, withdrawn_on: date | None = None) -> ConsentWithdrawal:
    """Takes effect at once: materials shared from now on state that consent is not held."""
    require_edit(actor, consent.household, NOT_YOURS)
    if ConsentWithdrawal.objects.filter(consent=consent).exists():
        raise ValidationError("この同意は既に撤回されています。")
    withdrawal = ConsentWithdrawal.objects.create(
        consent=consent, withdrawn_on=withdrawn_on or timezone.localdate(), recorded_by=actor
    )
    record(actor, Action.UPDATE, target=consent.household, detail={"consent_withdrawn": consent.pk})
    return withdrawal


def active_consents(household, on: date | None = None):
    on = on or timezone.localdate()
    return (
        Consent.objects.filter(household=household, given_on__lte=on)
        .exclude(withdrawal__withdrawn_on__lte=on)
        .select_related("member")
        .prefetch_related("agencies")
    )


def consent_status(household, on: date | None = None) -> list[dict]:
    """Per current member: the consents in force (or none)."""
    consents = list(active_consents(household, on))
    return [
        {"member": m, "consents": [c for c in consents if c.member_id == m.pk]}
        for m in household.members.filter(left_on__isnull=True).order_by("pk")
    ]


@transaction.atomic
def assess_need(
    actor,
    household: Household,
    *,
    trigger: str,
    points: list,
    background: str,
    purpose: str,
    hold: bool,
    reason: str,
) -> NeedAssessment:
    require_edit(actor, household, NOT_YOURS)
    errors = {}
    if not (background or "").strip():
        errors["background"] = "表出している課題の背景を入力してください（表22）。"
    if not (reason or "").strip():
        errors["reason"] = "判断の理由を入力してください。"
    if errors:
        raise ValidationError(errors)
    suggestions = [
        {"agency": s.agency.id, "name": s.agency.name, "score": s.score, "reasons": s.reasons}
        for s in suggestions_for(household)
    ]
    assessment = NeedAssessment.objects.create(
        household=household,
        trigger=trigger,
        points=list(points or []),
        background=background.strip(),
        purpose=purpose,
        hold=hold,
        reason=reason.strip(),
        suggestions=suggestions,
        assessed_by=actor,
        assessed_on=timezone.localdate(),
    )
    record(actor, Action.CREATE, target=household, detail={"need_assessment": assessment.pk, "hold": hold})
    return assessment


# --- conferences ----------------------------------------------------------------------------


@transaction.atomic
def open_conference(
    actor, household: Household, *, purpose: str, invitations: list[tuple], assessment=None
) -> Conference:
    """`invitations`: [(agency, reason)]; each invited agency needs its reason, as in 表26/27."""
    require_edit(actor, household, NOT_YOURS)
    errors = {}
    if not (purpose or "").strip():
        errors["purpose"] = "会議の目的を入力してください。"
    if not invitations:
        errors["invitations"] = "招集する関係機関を1つ以上選んでください。"
    missing = [a.name for a, why in invitations if not (why or "").strip()]
    if missing:
        errors["invitations"] = "招集する目的を入力してください: " + "、".join(missing)
    if any(a.office_id != household.office_id for a, _ in invitations):
        errors["invitations"] = "他の事務所の関係機関は招集できません。"
    if errors:
        raise ValidationError(errors)
    conference = Conference.objects.create(
        household=household, purpose=purpose.strip(), assessment=assessment, created_by=actor
    )
    Invitation.objects.bulk_create(
        [Invitation(conference=conference, agency=a, reason=why.strip()) for a, why in invitations]
    )
    record(actor, Action.CREATE, target=conference, detail={"agencies": [a.pk for a, _ in invitations]})
    return conference


@transaction.atomic
def add_candidate_date(actor, conference: Conference, starts_at) -> CandidateDate:
    require_edit(actor, conference.household, NOT_YOURS)
    if starts_at is None or starts_at < timezone.now():
        raise ValidationError({"starts_at": "候補日時は今より後にしてください。"})
    return CandidateDate.objects.create(conference=conference, starts_at=starts_at)


@transaction.atomic
def add_member(actor, conference: Conference, member: AgencyMember) -> ConferenceMember:
    require_edit(actor, conference.household, NOT_YOURS)
    if not conference.invitations.filter(agency=member.agency).exists():
        raise ValidationError({"member": "招集していない関係機関の担当者は加えられません。"})
    if ConferenceMember.objects.filter(conference=conference, member=member, left_on__isnull=True).exists():
        raise ValidationError({"member": "既に構成員です。"})
    membership = ConferenceMember.objects.create(conference=conference, member=member, joined_on=timezone.localdate())
    record(actor, Action.UPDATE, target=conference, detail={"member_added": member.pk})
    return membership


@transaction.atomic
def remove_member(actor, membership: ConferenceMember) -> ConferenceMember:
    """Access ends at once (today)."""
    require_edit(actor, membership.conference.household, NOT_YOURS)
    membership.left_on = timezone.localdate()
    membership.save(update_fields=["left_on"])
    record(actor, Action.UPDATE, target=membership.conference, detail={"member_left": membership.member_id})
    return membership


def town_of(address: str) -> str:
    """The address up to the town name, without block and building (住所は町名まで)."""
    return re.split(r"[0-9０-９一二三四五六七八九十]+丁目|[0-9０-９]", address or "", maxsplit=1)[0].strip()


def shareable_facts(household) -> list[tuple[str, str]]:
    return [
        ("composition", "世帯構成（続柄・年齢）"),
        ("issues", "世帯の課題"),
        ("health", "健康・障害・介護の状況"),
        ("income", "収入の種類（金額なし）"),
        ("policy", "援助方針"),
        ("area", "住所（町名まで）"),
        ("names", "氏名"),
    ]


def _fact_text(household, key: str) -> str:
    in_force = Prefetch("incomes", queryset=Income.objects.current())
    members = list(household.members.filter(left_on__isnull=True).order_by("pk").prefetch_related(in_force))
    today = timezone.localdate()
    if key == "composition":
        return "、".join(
            f"{m.get_relation_display()}（{age_on(m.birth_date, today)}歳・{m.get_sex_display()}）" for m in members
        )
    if key == "names":
        return "、".join(f"{m.get_relation_display()} {m.name}" for m in members)
    if key == "issues":
        return "、".join(
            i.label + (f"（{i.note}）" if i.note else "") for i in household.issues.filter(resolved_on__isnull=True)
        )
    if key == "health":
        parts = []
        for m in members:
            bits = [
                x
                for x in (
                    m.get_disability_kind_display() if m.disability_kind else "",
                    m.get_care_level_display() if m.care_level else "",
                    m.get_medical_care_display() if m.medical_care else "",
                )
                if x
            ]
            if bits:
                parts.append(f"{m.get_relation_display()}: {'・'.join(bits)}")
        return "、".join(parts) or "特記なし"
    if key == "income":
        kinds = sorted({i.get_kind_display() for m in members for i in m.incomes.all()})
        return "、".join(kinds) + "（保護費のほか）" if kinds else "保護費のみ"
    if key == "policy":
        return household.assistance_policy or "（未記入）"
    if key == "area":
        return town_of(household.address)
    raise ValidationError({"facts": f"「{key}」は資料に含められる項目ではありません。"})


@transaction.atomic
def share_materials(actor, conference: Conference, *, facts: list[str]) -> Material:
    """Build the materials from the facts the CW chose — nothing else — and state the basis for
    sharing: consent where held, otherwise the members' confidentiality duty (法第27条の3第6項)."""
    household = conference.household
    require_edit(actor, household, NOT_YOURS)
    if not facts:
        raise ValidationError({"facts": "資料に含める項目を選んでください（必要最小限）。"})
    labels = dict(shareable_facts(household))
    content = "\n".join(f"【{labels[key]}】{_fact_text(household, key)}" for key in facts if key in labels)
    unknown = [key for key in facts if key not in labels]
    if unknown:
        raise ValidationError({"facts": f"「{'」「'.join(unknown)}」は資料に含められる項目ではありません。"})
    consents = list(active_consents(household))
    if consents:
        basis = "同意あり: " + "、".join(
            f"{c.member.name}（{wareki(c.given_on)}、{c.get_how_display()}）" for c in consents
        )
    else:
        basis = "本人の同意なし。構成員の守秘義務（生活保護法第27条の3第6項）に基づき共有する。"
    material = Material.objects.create(
        conference=conference, facts=list(facts), content=content, consent_basis=basis, created_by=actor
    )
    record(actor, Action.CREATE, target=conference, detail={"material": material.pk, "facts": facts})
    return material


MEETING_FIELDS = ("held_on", "minutes", "conclusions")


@transaction.atomic
def record_meeting(
    actor,
    conference: Conference,
    *,
    held_on: date,
    attended: list[int],
    minutes: str,
    conclusions: str,
    version: dict | None = None,
) -> Conference:
    """The meeting's date, attendance, minutes and conclusions. `version`: what the form was loaded
    with; minutes someone else saved since are refused (decision 0021)."""
    require_edit(actor, conference.household, NOT_YOURS)
    conference.refresh_from_db(from_queryset=Conference.objects.select_for_update())
    if held_on is None or held_on > timezone.localdate():
        raise ValidationError({"held_on": "開催日を正しく入力してください（未来の日付は使えません）。"})
    if not (minutes or "").strip():
        raise ValidationError({"minutes": "会議録を入力してください。"})
    submitted = {"held_on": held_on, "minutes": minutes.strip(), "conclusions": (conclusions or "").strip()}
    versions.refuse_if_changed(version, versions.watch(conference, MEETING_FIELDS), submitted)
    conference.held_on, conference.minutes, conference.conclusions = (
        submitted["held_on"],
        submitted["minutes"],
        submitted["conclusions"],
    )
    versions.save_fields(conference, MEETING_FIELDS)
    for invitation in conference.invitations.all():
        invitation.attended = invitation.agency_id in set(attended or [])
        invitation.save(update_fields=["attended"])
    record(actor, Action.UPDATE, target=conference, detail={"held_on": held_on.isoformat()})
    return conference


# --- agency members -------------------------------------------------------------------------


def agency_member_of(user) -> AgencyMember | None:
    """The user's partner-agency membership in force today — None on a core where agencies use the portal."""
    if not user.is_authenticated or not agencies_on_core():
        return None
    member = AgencyMember.objects.filter(user=user).select_related("agency__office").first()
    today = timezone.localdate()
    if member and member.valid_from <= today and (member.valid_to is None or member.valid_to >= today):
        return member
    return None


def conferences_of(member: AgencyMember):
    return Conference.objects.filter(memberships__member=member, memberships__left_on__isnull=True).distinct()


def open_for_member(user, public_id, *, need_pledge: bool) -> tuple[Conference, AgencyMember]:
    """A conference as a partner-agency member sees it: only while a member and, for the
    materials, only after signing the pledge. Every view and every refusal is audited."""
    member = agency_member_of(user)
    conference = Conference.objects.select_related("household").filter(public_id=public_id).first()
    problem = None
    if member is None or conference is None:
        problem = "not_member"
    elif not ConferenceMember.objects.filter(conference=conference, member=member, left_on__isnull=True).exists():
        problem = (
            "left" if ConferenceMember.objects.filter(conference=conference, member=member).exists() else "not_member"
        )
    elif need_pledge and not Pledge.objects.filter(conference=conference, member=member).exists():
        problem = "no_pledge"
    if problem:
        record(
            user,
            Action.DENIED,
            target_type=Conference.audit_type,
            target_id=str(public_id),
            office_id=conference.household.office_id if conference else None,
            detail={"why": problem},
        )
        if problem == "no_pledge":
            raise PermissionDenied("資料を見るには、先に守秘義務の誓約に署名してください。")
        raise Http404("会議が見つかりません。")
    record(
        user,
        Action.VIEW,
        target=conference,
        detail={"agency_member": member.pk, "materials": need_pledge},
    )
    return conference, member


@transaction.atomic
def sign_pledge(user, public_id) -> Pledge:
    conference, member = open_for_member(user, public_id, need_pledge=False)
    if Pledge.objects.filter(conference=conference, member=member).exists():
        raise ValidationError("既に署名しています。")
    pledge = Pledge.objects.create(conference=conference, member=member, text=PLEDGE_TEXT)
    record(user, Action.CREATE, target=conference, detail={"pledge": pledge.pk})
    return pledge


@transaction.atomic
def answer_date(user, candidate: CandidateDate, available: bool) -> DateAnswer:
    conference, member = open_for_member(user, candidate.conference.public_id, need_pledge=False)
    answer, _ = DateAnswer.objects.update_or_create(
        candidate=candidate, member=member, defaults={"available": available}
    )
    return answer


@transaction.atomic
def answer_dates(user, answers: list[tuple[CandidateDate, bool]]) -> list[DateAnswer]:
    """A member's answers to several candidate dates at once: all are recorded, or none."""
    return [answer_date(user, candidate, available) for candidate, available in answers]


# --- support plans --------------------------------------------------------------------------


@transaction.atomic
def create_plan(
    actor,
    household: Household,
    *,
    conference: Conference | None,
    basic_info: str,
    purpose: str,
    issues: str,
    period_from: date,
    period_to: date,
    next_monitoring_on: date,
    assignments: list[dict],
    contingencies: str = "",
    meeting_dates: str = "",
    based_on: int | None = None,
) -> SupportPlan:
    """A new version of the household's plan. Every assignment needs an owner (担当者). The
    monitoring date and each assignment's end become follow-ups; the previous version's open
    follow-ups are handed over to this one. `based_on`: the version the form was written from (0
    for none); when someone made a newer one meanwhile, this one is refused with what it says."""
    require_edit(actor, household, NOT_YOURS)
    Household.objects.select_for_update().filter(pk=household.pk).first()  # one new version at a time
    errors = {}
    for field, value, label in (
        ("purpose", purpose, "支援の目的"),
        ("issues", issues, "解決すべき課題"),
        ("basic_info", basic_info, "基本情報"),
    ):
        if not (value or "").strip():
            errors[field] = f"{label}を入力してください。"
    if period_from and period_to and period_to < period_from:
        errors["period_to"] = "計画の期間の終わりが始まりより前です。"
    if not next_monitoring_on:
        errors["next_monitoring_on"] = "次回モニタリング予定日を入力してください。"
    if not assignments:
        errors["assignments"] = "役割分担を1つ以上入力してください。"
    for number, a in enumerate(assignments, start=1):
        if not (a.get("person") or "").strip():
            errors["assignments"] = f"{number}行目の役割に担当者がいません。担当者を入れてください。"
        elif not (a.get("task") or "").strip():
            errors["assignments"] = f"{number}行目の役割に実施することがありません。"
        elif a.get("agency") is not None and a["agency"].office_id != household.office_id:
            errors["assignments"] = f"{number}行目: 他の事務所の関係機関です。"
        elif not a.get("valid_from") or not a.get("valid_to") or a["valid_to"] < a["valid_from"]:
            errors["assignments"] = f"{number}行目の期間が正しくありません。"
    if errors:
        raise ValidationError(errors)
    version = (SupportPlan.objects.filter(household=household).aggregate(v=Max("version"))["v"] or 0) + 1
    if based_on is not None and based_on != version - 1:
        _refuse_newer_plan(household, based_on, version - 1)
    plan = SupportPlan.objects.create(
        household=household,
        conference=conference,
        version=version,
        basic_info=basic_info.strip(),
        purpose=purpose.strip(),
        issues=issues.strip(),
        period_from=period_from,
        period_to=period_to,
        contingencies=(contingencies or "").strip(),
        meeting_dates=(meeting_dates or "").strip(),
        next_monitoring_on=next_monitoring_on,
        created_by=actor,
    )
    rows = Assignment.objects.bulk_create(
        [
            Assignment(
                plan=plan,
                agency=a.get("agency"),
                person=a["person"].strip(),
                task=a["task"].strip(),
                for_whom=(a.get("for_whom") or "").strip(),
                frequency=(a.get("frequency") or "").strip(),
                valid_from=a["valid_from"],
                valid_to=a["valid_to"],
            )
            for a in assignments
        ]
    )
    FollowUp.objects.filter(
        household=household, source=Source.SUPPORT_PLAN, state__in=(State.OPEN, State.SNOOZED)
    ).update(state=State.DONE, done_on=timezone.localdate(), done_note=f"第{version}版の支援計画に引き継ぎました。")
    items = [
        FollowUp(
            household=household,
            source=Source.SUPPORT_PLAN,
            key=f"plan:{plan.pk}:monitoring",
            subject_id=str(plan.public_id),
            title="支援計画のモニタリング",
            period_label=f"第{version}版",
            due_on=next_monitoring_on,
            warn_on=next_monitoring_on - MONITORING_WARNING,
            basis="支援計画（表25）の次回モニタリング予定日",
        )
    ]
    for row in Assignment.objects.filter(plan=plan).select_related("agency"):
        who = row.agency.name if row.agency_id else "福祉事務所"
        items.append(
            FollowUp(
                household=household,
                source=Source.SUPPORT_PLAN,
                key=f"plan:{plan.pk}:assignment:{row.pk}",
                subject_id=str(plan.public_id),
                title=f"役割の期限: {who}（{row.person}）",
                period_label=row.task[:40],
                due_on=row.valid_to,
                warn_on=row.valid_to - MONITORING_WARNING,
                basis="支援計画（表25）の役割分担",
            )
        )
    FollowUp.objects.bulk_create(items)
    record(actor, Action.CREATE, target=plan, detail={"version": version, "assignments": len(rows)})
    return plan


PLAN_FIELDS = (
    "basic_info",
    "purpose",
    "issues",
    "period_from",
    "period_to",
    "contingencies",
    "meeting_dates",
    "next_monitoring_on",
)


def _refuse_newer_plan(household, based_on: int, latest: int):
    plans = {p.version: p for p in SupportPlan.objects.filter(household=household, version__in=(based_on, latest))}
    if latest not in plans:
        raise ValidationError({"based_on": "支援計画の版が合いません。画面を開き直してください。"})
    newest, base = plans[latest], plans.get(based_on)
    changed = [
        w
        for w in versions.watch(newest, PLAN_FIELDS)
        if base is None or versions.fingerprint(w.value) != versions.fingerprint(getattr(base, w.field))
    ]
    raise versions.StaleEdit(
        versions.stale_messages(
            changed, f"この画面を開いた後に、第{latest}版の支援計画が作られました。保存していません。"
        ),
        str(latest),
        field="based_on",
    )


@transaction.atomic
def evaluate_plan(
    actor,
    plan: SupportPlan,
    *,
    evaluator: str,
    evaluated_on: date,
    economic: str = "",
    daily_life: str = "",
    social_life: str = "",
    remaining: str = "",
    plan_must_change: bool = False,
) -> Evaluation:
    require_edit(actor, plan.household, NOT_YOURS)
    if not (evaluator or "").strip():
        raise ValidationError({"evaluator": "評価担当者を入力してください。"})
    if evaluated_on is None or evaluated_on > timezone.localdate():
        raise ValidationError({"evaluated_on": "記入日を正しく入力してください。"})
    evaluation = Evaluation.objects.create(
        plan=plan,
        evaluator=evaluator.strip(),
        evaluated_on=evaluated_on,
        economic=economic,
        daily_life=daily_life,
        social_life=social_life,
        remaining=remaining,
        plan_must_change=plan_must_change,
        recorded_by=actor,
    )
    FollowUp.objects.filter(
        household=plan.household, key=f"plan:{plan.pk}:monitoring", state__in=(State.OPEN, State.SNOOZED)
    ).update(state=State.DONE, done_on=evaluated_on, done_note="評価を記録しました。")
    record(actor, Action.UPDATE, target=plan, detail={"evaluation": evaluation.pk})
    return evaluation


def basic_info_of(household) -> str:
    """表25 item 1 from the household's record, for the CW to complete."""
    lines = [
        f"【世帯】{_fact_text(household, 'composition')}",
        f"【住まい】{household.get_residence_display()}（{town_of(household.address)}）",
        f"【健康・障害の状況】{_fact_text(household, 'health')}",
        f"【収入・公的給付】{_fact_text(household, 'income')}",
        f"【生活保護の状況】{household.get_status_display()}",
        f"【課題】{_fact_text(household, 'issues') or '（なし）'}",
    ]
    return "\n".join(lines)


def assignment_history(household):
    """Every assignment of every plan version, with its dates: who did what, and until when."""
    return (
        Assignment.objects.filter(plan__household=household)
        .select_related("agency", "plan")
        .order_by("-valid_from", "plan__version")
    )


# --- reading (staff) -------------------------------------------------------------------------


def open_conference_for_staff(actor, public_id) -> Conference:
    return open_household_record(actor, Conference, public_id, "会議が見つかりません。")


def open_plan(actor, public_id) -> SupportPlan:
    return open_household_record(actor, SupportPlan, public_id, "支援計画が見つかりません。")


# --- learning ---------------------------------------------------------------------------------


def decade(age: int) -> str:
    return f"{age // 10 * 10}代" if age >= 20 else ("10代" if age >= 10 else "10歳未満")


@transaction.atomic
def anonymised_example(actor, conference: Conference) -> dict:
    """A finished conference as a case example for the knowledge base: people become Aさん, Bさん …
    (with decade and sex), names, addresses, case numbers and dates are removed or generalised."""
    household = conference.household
    require_edit(actor, household, NOT_YOURS)
    if conference.held_on is None:
        raise ValidationError("開催済みの会議だけを事例にできます。")
    today = timezone.localdate()
    members = list(household.members.order_by("pk"))
    aliases = {}
    for index, m in enumerate(members):
        alias = f"{chr(ord('A') + index)}さん"
        aliases[m.name] = alias
        for part in m.name.split():
            aliases.setdefault(part, alias)

    def scrub(text: str) -> str:
        for name in sorted(aliases, key=len, reverse=True):
            text = text.replace(name, aliases[name])
        text = text.replace(household.case_number, "（ケース番号）")
        if household.address:
            text = text.replace(household.address, "（住所）").replace(town_of(household.address), "（地域）")
        text = re.sub(r"(令和|平成|昭和)?\s*[0-9０-９元]+年\s*[0-9０-９]+月\s*[0-9０-９]+日", "（日付）", text)
        text = re.sub(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "（日付）", text)
        text = re.sub(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}", "（電話番号）", text)
        return text

    example = {
        "keywords": [i.label for i in household.issues.all()],
        "household": "、".join(
            f"{aliases[m.name]}（{m.get_relation_display()}・{decade(age_on(m.birth_date, today))}"
            f"{m.get_sex_display()}性）"
            for m in members
            if m.left_on is None
        ),
        "purpose": scrub(conference.purpose),
        "agencies": [
            {
                "agency": i.agency.get_kind_display() if i.agency.kind != "other" else i.agency.name,
                "reason": scrub(i.reason),
            }
            for i in conference.invitations.select_related("agency")
        ],
        "minutes": scrub(conference.minutes),
        "conclusions": scrub(conference.conclusions),
    }
    record(actor, Action.CREATE, target=conference, detail={"anonymised_example": True})
    return example
