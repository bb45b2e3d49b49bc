"""Services of the core's end of visit appointments and check-ins (decision 0037). Everything a person or
a bundle changes is audited; the portal's answers are applied with no actor and the bundle they came in."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.casework.models import Visit, VisitStatus
from hogo.common.wareki import wareki
from hogo.followups.models import FollowUp, Source, State
from hogo.followups.schedule import add_months
from hogo.households.models import Household
from hogo.households.services import open_household, require_edit
from hogo.recipients.models import PortalAccount

from .models import Answer, Checkin, CheckinPlan, Interval, VisitAnswer

NOT_YOURS = "この世帯の近況報告を設定できるのは、担当のケースワーカーと査察指導員です。"
WINDOW_DAYS = 14  # a check-in can be answered on its day and the 13 days after
ANSWER_DUE_DAYS = 7  # the CW reads an ordinary self-report within a week; an urgent one today
STATUS_OF_ANSWER = {
    Answer.CONFIRM: VisitStatus.CONFIRMED,
    Answer.DECLINE: VisitStatus.DECLINED,
    Answer.OTHER_TIME: VisitStatus.DECLINED,
}
ANSWERABLE = (VisitStatus.PROPOSED, VisitStatus.CONFIRMED, VisitStatus.DECLINED)


def with_portal_account(households):
    """The households that have a portal account not ended."""
    return households.filter(Exists(PortalAccount.objects.filter(household=OuterRef("pk"), ended_at__isnull=True)))


def has_portal_account(household: Household) -> bool:
    return PortalAccount.objects.filter(household=household, ended_at__isnull=True).exists()


@transaction.atomic
def set_plan(actor, household: Household, *, interval_months: int, starts_on: date, active: bool, reason: str = ""):
    """Start, change or stop a household's check-ins. Stopping cancels its open check-in."""
    require_edit(actor, household, NOT_YOURS)
    if interval_months not in Interval.values:
        raise ValidationError({"interval_months": "間隔は一覧から選んでください。"})
    if starts_on is None:
        raise ValidationError({"starts_on": "最初の報告日を入力してください。"})
    plan = CheckinPlan.objects.select_for_update().filter(household=household).first()
    if active and not has_portal_account(household):
        raise ValidationError("この世帯はポータルを利用していません。先にポータルのアカウントを発行してください。")
    if plan is None:
        if starts_on < timezone.localdate():
            raise ValidationError({"starts_on": "最初の報告日が過去の日付です。"})
        plan = CheckinPlan(household=household)
    plan.interval_months, plan.starts_on, plan.active = interval_months, starts_on, active
    plan.reason, plan.updated_by = (reason or "").strip(), actor
    created = plan.pk is None
    plan.save()
    cancelled = []
    if not active:
        for checkin in plan.checkins.filter(answered_at__isnull=True, cancelled=False):
            checkin.cancelled = True
            checkin.save(update_fields=["cancelled"])
            cancelled.append(str(checkin.public_id))
    record(
        actor,
        Action.CREATE if created else Action.UPDATE,
        target=plan,
        detail={
            "interval_months": interval_months,
            "starts_on": starts_on.isoformat(),
            "active": active,
            "cancelled_checkins": cancelled,
        },
    )
    return plan


def _next_due(plan: CheckinPlan, today: date) -> date | None:
    """The latest due date on or before today that has no check-in yet, or None."""
    last = plan.checkins.order_by("-due_on").values_list("due_on", flat=True).first()
    due = add_months(last, plan.interval_months) if last else plan.starts_on
    if due > today:
        return None
    while add_months(due, plan.interval_months) <= today:  # days missed (the job did not run): the latest
        due = add_months(due, plan.interval_months)
    return due


def _followup(household, key: str, subject: str, title: str, due_on: date, warn_on: date, basis: str) -> FollowUp:
    item, _ = FollowUp.objects.get_or_create(
        household=household,
        key=key,
        defaults={
            "source": Source.CHECKIN,
            "subject_id": subject,
            "title": title[:120],
            "basis": basis,
            "due_on": due_on,
            "warn_on": warn_on,
        },
    )
    return item


@transaction.atomic
def run_daily(today: date) -> dict:
    """The daily job: open the check-ins due (households still on the portal), and raise an alert for each
    check-in whose window closed unanswered. Running it twice a day changes nothing."""
    opened = missed = 0
    plans = CheckinPlan.objects.filter(active=True, household__in=with_portal_account(Household.objects.all()))
    for plan in plans.select_related("household"):
        due = _next_due(plan, today)
        if due is None:
            continue
        checkin = Checkin.objects.create(
            plan=plan,
            household=plan.household,
            due_on=due,
            window_closes_on=due + timedelta(days=WINDOW_DAYS - 1),
        )
        record(None, Action.CREATE, target=checkin, detail={"due_on": due.isoformat(), "from": "daily"})
        opened += 1
    late = Checkin.objects.filter(answered_at__isnull=True, cancelled=False, window_closes_on__lt=today)
    for checkin in late.select_related("household"):
        key = f"checkin-missed:{checkin.public_id}"
        if FollowUp.objects.filter(household=checkin.household, key=key).exists():
            continue
        item = _followup(
            checkin.household,
            key,
            str(checkin.public_id),
            "近況報告の回答がありません（電話か訪問で様子を確認）",
            today,
            today,
            f"ポータルの近況報告（{wareki(checkin.due_on)}〜{wareki(checkin.window_closes_on)}）に回答がありませんでした。",
        )
        record(None, Action.CREATE, target=item, detail={"checkin": str(checkin.public_id), "from": "daily"})
        missed += 1
    return {"checkins_opened": opened, "checkins_missed": missed}


def summary(checkin: Checkin) -> str:
    parts = [f"体調: {checkin.get_health_display()}", f"暮らし: {checkin.get_living_display()}"]
    parts.append(f"変化: {'あり' if checkin.changed else 'なし'}")
    return "・".join(parts)


def apply_checkin_answer(checkin: Checkin, *, answered_at: datetime, fields: dict, account: str, bundle_id: str):
    """A self-report from the portal: kept on the check-in and turned into a follow-up for the CW (urgent
    when the health is poor, living is hard or something changed). An answer already kept stands."""
    if checkin.answered_at is not None:
        return None
    for name, value in fields.items():
        setattr(checkin, name, value)
    checkin.answered_at, checkin.account = answered_at, account
    today = timezone.localdate()
    urgent = checkin.urgent
    title = ("【至急】" if urgent else "") + f"近況報告の確認（{summary(checkin)}）"
    item = _followup(
        checkin.household,
        f"checkin:{checkin.public_id}",
        str(checkin.public_id),
        title,
        today if urgent else today + timedelta(days=ANSWER_DUE_DAYS),
        today,
        "ポータルで受給者が回答した近況報告です。内容を読み、必要なら連絡・訪問してください。",
    )
    checkin.followup = item
    checkin.save()
    # an answer given in time but carried after the window closed: the alert is not needed any more
    FollowUp.objects.filter(
        household=checkin.household, key=f"checkin-missed:{checkin.public_id}", state=State.OPEN
    ).update(state=State.WITHDRAWN)
    record(
        None,
        Action.UPDATE,
        target=checkin,
        detail={
            "answered": True,
            "urgent": urgent,
            "followup": str(item.public_id),
            "from": "portal",
            "bundle": bundle_id,
        },
    )
    return checkin


def apply_visit_answer(visit: Visit, *, answer: str, wish: str, answered_at: datetime, account: str, bundle_id: str):
    """The recipient's answer to a visit, from the portal: kept (the latest replaces an older one) and the
    visit set 日程確定 or 辞退・日程変更の希望 — unless the visit is done, missed or cancelled meanwhile,
    which the CW's decision keeps."""
    kept = VisitAnswer.objects.filter(visit=visit).first()
    if kept is not None and kept.answered_at >= answered_at:
        return kept  # the same answer again, or an older one: nothing changes
    VisitAnswer.objects.update_or_create(
        visit=visit,
        defaults={
            "answer": answer,
            "wish": wish,
            "answered_at": answered_at,
            "account": account,
            "bundle_id": bundle_id,
        },
    )
    before = visit.status
    status = STATUS_OF_ANSWER[answer]
    if before in ANSWERABLE and before != status:
        visit.status = status
        visit.save(update_fields=["status"])
    record(
        None,
        Action.UPDATE,
        target=visit,
        detail={
            "portal_answer": answer,
            "status": visit.status,
            "status_before": before,
            "from": "portal",
            "bundle": bundle_id,
        },
    )
    return visit


def open_checkin(actor, public_id) -> Checkin:
    """A check-in for display (its household read and audited the usual way)."""
    household_id = Checkin.objects.filter(public_id=public_id).values_list("household__public_id", flat=True).first()
    if household_id is None:
        raise Http404("近況報告が見つかりません。")
    household = open_household(actor, household_id)
    checkin = Checkin.objects.select_related("plan", "followup").get(public_id=public_id)
    checkin.household = household
    return checkin
