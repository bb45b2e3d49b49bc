"""Thin views of a household's incomes: the history, the entry form, one entry with what it changes,
and a correction (a new entry that supersedes the old one)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from hogo.common.refusals import save_through
from hogo.decisions import changes
from hogo.decisions.income_effect import effect_of

from . import income_services, services
from .income_forms import DETAIL_SUGGESTIONS, IncomeForm
from .scoping import may_edit


def _entered(income):
    return (
        f"{income.member.name}さんの{income.get_kind_display()}を登録しました。認定額と保護費の変化を確認してください。"
    )


@login_required
@require_GET
def income_list(request, public_id):
    household = services.open_household(request.user, public_id)
    history = list(income_services.history_of(household))
    return render(
        request,
        "households/incomes.html",
        {
            "household": household,
            "current": [i for i in history if i.in_force],
            "history": history,
            "may_edit": may_edit(request.user, household),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def income_new(request, public_id):
    household = services.open_household_for_edit(request.user, public_id)
    form = IncomeForm(request.POST or None, household=household, initial={"payment_interval": 1})
    income = save_through(
        request,
        form,
        lambda **data: income_services.record_income(
            request.user, household, income_services.IncomeEntry.from_form(data)
        ),
        _entered,
    )
    if income:
        return redirect("income_detail", public_id=income.public_id)
    return form_page(request, form, household, "収入を登録", "登録して認定額を見る")


def form_page(request, form, household, title, submit, corrected=None, declaration=None):
    """The income form page (also used by the declaration's entry view)."""
    return render(
        request,
        "households/income_form.html",
        {
            "form": form,
            "household": household,
            "title": title,
            "submit": submit,
            "corrected": corrected,
            "declaration": declaration,
            "suggestions": DETAIL_SUGGESTIONS,
        },
    )


def _with_names(lines, household) -> list[dict]:
    """The engine's lines with the member's name (the engine knows members by public id)."""
    names = {str(m.public_id): m.name for m in household.members.all()}
    return [
        {
            "label": line.label,
            "who": names.get(line.member, ""),
            "amount": line.amount,
            "working": line.working,
            "source": line.source,
            "verified": line.verified,
        }
        for line in lines
    ]


@login_required
@require_GET
def income_detail(request, public_id):
    income = income_services.open_income(request.user, public_id)
    household = income.member.household
    effect = effect_of(income)
    return render(
        request,
        "households/income_detail.html",
        {
            "income": income,
            "household": household,
            "effect": effect,
            "lines": _with_names(effect.income_lines(), household),
            "corrected_by": getattr(income, "superseded_by", None),
            "may_edit": may_edit(request.user, household),
            "change": changes.panel(request.user, household, income.since, request.path),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def income_correct(request, public_id):
    income = income_services.open_income(request.user, public_id)
    household = income.member.household
    services.require_edit(request.user, household)
    form = IncomeForm(request.POST or None, household=household, initial=IncomeForm.initial_from(income))
    corrected = save_through(
        request,
        form,
        lambda **data: income_services.correct_income(
            request.user, income, income_services.IncomeEntry.from_form(data)
        ),
        "訂正を登録しました。訂正前の記録も履歴に残ります。",
    )
    if corrected:
        return redirect("income_detail", public_id=corrected.public_id)
    return form_page(request, form, household, "収入の訂正", "訂正を登録する", corrected=income)
