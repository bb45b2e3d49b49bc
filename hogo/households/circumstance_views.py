"""Thin views of a household's changes of circumstances: the list, the entry form, and one recorded
change with the comparison against the decision in force (and the button that drafts the change
decision, as on the income page)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from hogo.common.refusals import save_through
from hogo.decisions import changes

from . import circumstance_rules, circumstance_services, services
from .circumstance_forms import CircumstanceForm
from .scoping import may_edit


def _recorded(fact):
    return f"{fact.get_kind_display()}を記録しました。今の決定との比較を確認してください。"


@login_required
@require_GET
def circumstance_list(request, public_id):
    household = services.open_household(request.user, public_id)
    return render(
        request,
        "households/circumstances.html",
        {
            "household": household,
            "history": circumstance_services.history_of(household),
            "may_edit": may_edit(request.user, household),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def circumstance_new(request, public_id):
    household = services.open_household_for_edit(request.user, public_id)
    form = CircumstanceForm(request.POST or None, household=household)
    fact = save_through(
        request,
        form,
        lambda **data: circumstance_services.record_circumstance(
            request.user, household, circumstance_services.CircumstanceEntry.from_form(data)
        ),
        _recorded,
    )
    if fact:
        return redirect("circumstance_detail", public_id=fact.public_id)
    return render(request, "households/circumstance_form.html", {"form": form, "household": household})


@login_required
@require_GET
def circumstance_detail(request, public_id):
    fact = circumstance_services.open_circumstance(request.user, public_id)
    household = fact.household
    return render(
        request,
        "households/circumstance_detail.html",
        {
            "fact": fact,
            "household": household,
            "may_edit": may_edit(request.user, household),
            "hospital_rule": circumstance_rules.RULE,
            "change": changes.panel(request.user, household, fact.takes_effect_on, request.path),
        },
    )
