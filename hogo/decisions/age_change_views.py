"""The month's changes by the calendar (`age_changes`): the list, and the button that drafts them."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hogo.audit.models import Action
from hogo.audit.services import record, shown
from hogo.common.forms import LabelledForm
from hogo.common.refusals import read_query, report_form
from hogo.common.wareki import wareki_month
from hogo.households.income_forms import MonthField
from hogo.offices.acting import acting_office
from hogo.offices.models import Role

from . import age_changes


class DueMonthForm(LabelledForm):
    month = MonthField(label="対象の月", required=False, help_text="その月の1日から変わるものを表示します")


def next_month():
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


def _office(request):
    """The acting office (the chosen one for staff of two offices; PermissionDenied until chosen)."""
    return acting_office(request, Role.CASEWORKER, Role.SUPERVISOR, denied=age_changes.NOT_CASEWORKING)


@login_required
@require_GET
def due_list(request):
    form = DueMonthForm(request.GET or None)
    month = read_query(request, form).get("month") or next_month()
    due = age_changes.due_in(request.user, month, _office(request))
    record(
        request.user,
        Action.LIST,
        detail={"view": "age_changes", "month": month.isoformat(), **shown(d.household.public_id for d in due)},
    )
    return render(
        request,
        "decisions/age_changes.html",
        {"form": form, "month": month, "month_text": wareki_month(month), "due": due},
    )


@login_required
@require_POST
def due_draft(request):
    form = DueMonthForm(request.POST)

    def done(result):
        return (
            f"変更決定を{len(result.drafted)}件起案しました（金額の変わらない世帯 {len(result.unchanged)}件、"
            f"起案しなかった世帯 {len(result.skipped)}件）。"
        )

    def act(month):
        return age_changes.draft_due(request.user, month or next_month(), _office(request))

    report_form(request, form, act, done)
    month = form.cleaned_data.get("month") if form.is_valid() else None
    query = f"?month={month:%Y-%m}" if month else ""
    return redirect(reverse("age_changes") + query)
