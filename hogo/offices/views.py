"""事務所の切り替え: staff with roles in two offices or more choose the office they work in. The login, and
the change of one's own password."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods

from hogo.audit.models import Action
from hogo.audit.services import record
from hogo.common.passwords import CHANGE_REQUIRED, require_change_if_refused
from hogo.common.views import LoginView

from . import acting
from .forms import ActingOfficeForm, OwnPasswordForm


class StaffLoginView(LoginView):
    """The core's login: staff with roles in two offices or more choose the office they work in
    first (decision 0013). Where the demo is not allowed, a password the policy refuses must be
    changed first (decision 0024)."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if require_change_if_refused(self.request, form.get_user(), form.cleaned_data["password"]):
            messages.warning(self.request, "このパスワードは使えなくなりました。新しいパスワードに変更してください。")
            return redirect("password_change")
        return response

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


class OwnPasswordChangeView(auth_views.PasswordChangeView):
    """Anyone logged in changes their own password (decision 0024); this session stays logged in,
    the user's other sessions end (Django's session hash)."""

    form_class = OwnPasswordForm
    template_name = "offices/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            user = self.request.user
            record(user, Action.UPDATE, target_type="user", target_id=str(user.pk), detail={"changed": "password"})
        self.request.session.pop(CHANGE_REQUIRED, None)
        messages.success(self.request, "パスワードを変更しました。")
        return response
