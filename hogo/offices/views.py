"""事務所の切り替え: staff with roles in two offices or more choose the office they work in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from hogo.common.views import LoginView

from . import acting
from .forms import ActingOfficeForm


class StaffLoginView(LoginView):
    """The core's login: staff with roles in two offices or more choose the office they work in
    first (decision 0013)."""

    def get_default_redirect_url(self):
        if acting.may_choose_office(self.request.user):
            return reverse("choose_office")
        return super().get_default_redirect_url()


@login_required
@require_http_methods(["GET", "POST"])
def choose_office(request):
    if not acting.may_choose_office(request.user):
        raise Http404("事務所の切り替えは、複数の福祉事務所で役割を持つ職員が使います。")
    form = ActingOfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        office = acting.choose_office(request, form.cleaned_data["office"])
        messages.success(request, f"「{office.name}」で作業します。")
        return redirect("home")
    return render(
        request,
        "offices/choose_office.html",
        {"form": form, "choices": acting.offices_to_choose(request.user), "current": acting.chosen_office_id(request)},
    )
