"""The recipient's pages of visits and check-ins. Every slot and check-in is looked up within
request.household (another household's key is a 404)."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hogo.common.wareki import wareki
from hogo.recipient_portal.access import recipient_required

from .forms import CheckinForm, VisitAnswerForm
from .models import Checkin, CheckinAnswer, CheckinStatus, VisitAnswer, VisitSlot

LATE = (
    "受付の締切（{}）を過ぎたため、この近況報告には回答できません。"
    "お困りのことがあれば、担当のケースワーカーに電話でお知らせください。"
)


def _visits_page(request, bound=None, status=200):
    today = timezone.localdate()
    slots = list(
        VisitSlot.objects.filter(household=request.household, date__gte=today)
        .select_related("answer")
        .order_by("date", "slot", "pk")
    )
    for slot in slots:
        answer = getattr(slot, "answer", None)
        initial = {"answer": answer.answer, "wish": answer.wish} if answer else {}
        slot.form = bound if bound is not None and bound.slot_key == slot.key else VisitAnswerForm(initial=initial)
        slot.form.auto_id = f"id_{slot.pk}_%s"
        slot.my_answer = answer
    return render(request, "portal_visits/visits.html", {"slots": slots, "today": today}, status=status)


@require_GET
@recipient_required
def my_visits(request):
    return _visits_page(request)


@require_POST
@recipient_required
def my_visit_answer(request, key):
    slot = get_object_or_404(VisitSlot, key=key, household=request.household)
    if not slot.answerable or slot.date < timezone.localdate():
        messages.error(
            request, f"{wareki(slot.date)}の訪問は「{slot.get_status_display()}」のため、回答は変えられません。"
        )
        return redirect("my_visits")
    form = VisitAnswerForm(request.POST)
    if not form.is_valid():
        form.slot_key = slot.key
        return _visits_page(request, bound=form, status=400)
    answer, wish = form.cleaned_data["answer"], form.cleaned_data["wish"].strip()
    kept = VisitAnswer.objects.filter(slot=slot).first()
    if kept is None or (kept.answer, kept.wish) != (answer, wish):  # the same answer again changes nothing
        VisitAnswer.objects.update_or_create(
            slot=slot,
            defaults={
                "account": request.recipient,
                "answer": answer,
                "wish": wish,
                "answered_at": timezone.now(),
                "sent_at": None,
                "sent_bundle": "",
            },
        )
    messages.success(request, f"{wareki(slot.date)}の訪問について、回答を受け付けました。福祉事務所に届きます。")
    return redirect("my_visits")


def _checkins_page(request, bound=None, status=200):
    today = timezone.localdate()
    checkins = list(
        Checkin.objects.filter(household=request.household, due_on__lte=today)
        .select_related("answer")
        .order_by("-due_on", "-pk")[:6]
    )
    for checkin in checkins:
        checkin.my_answer = getattr(checkin, "answer", None)
        checkin.late = today > checkin.window_closes_on
        checkin.open = checkin.status == CheckinStatus.OPEN and checkin.my_answer is None and not checkin.late
        if checkin.open:
            checkin.form = bound if bound is not None and bound.checkin_key == checkin.key else CheckinForm()
            checkin.form.auto_id = f"id_{checkin.pk}_%s"
    return render(request, "portal_visits/checkins.html", {"checkins": checkins, "today": today}, status=status)


@require_GET
@recipient_required
def my_checkins(request):
    return _checkins_page(request)


@require_POST
@recipient_required
def my_checkin_answer(request, key):
    checkin = get_object_or_404(Checkin, key=key, household=request.household, due_on__lte=timezone.localdate())
    if CheckinAnswer.objects.filter(checkin=checkin).exists():
        messages.info(request, "この近況報告は、もう回答をいただいています。ありがとうございました。")
        return redirect("my_checkins")
    if checkin.status == CheckinStatus.CANCELLED:
        messages.error(request, "この近況報告は取りやめになりました。回答はいりません。")
        return redirect("my_checkins")
    if timezone.localdate() > checkin.window_closes_on:
        messages.error(request, LATE.format(wareki(checkin.window_closes_on)))
        return redirect("my_checkins")
    form = CheckinForm(request.POST)
    if not form.is_valid():
        form.checkin_key = checkin.key
        return _checkins_page(request, bound=form, status=400)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            CheckinAnswer.objects.create(
                checkin=checkin,
                account=request.recipient,
                health=data["health"],
                living=data["living"],
                changed=data["changed"],
                change_text=data["change_text"].strip() if data["changed"] else "",
                message=data["message"].strip(),
                answered_at=timezone.now(),
            )
    except IntegrityError:  # the same form sent twice at once: the first answer stands
        pass
    messages.success(request, "近況報告を受け付けました。ありがとうございました。ケースワーカーが読みます。")
    return redirect("my_checkins")
