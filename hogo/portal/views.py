"""The portal's pages. Partner agencies (issue 22): sign in, 利用開始 with the office's one-time code, the
conferences a member belongs to, a conference's dates, pledge and — after the pledge — its materials."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from hogo.common.refusals import message_of

from . import services
from .activation import sign_in
from .forms import ActivationForm, DateAnswersForm, PortalLoginForm
from .models import PortalDateAnswer


def index(request):
    """The portal zone's front page."""
    return render(request, "portal/index.html")


class PortalLogin(LoginView):
    template_name = "portal/login.html"
    authentication_form = PortalLoginForm
    redirect_authenticated_user = True


def activate(request):
    """利用開始: the member's login name, the one-time code from the office, and a new password."""
    form = ActivationForm(request.POST or None)
    done = "利用を開始しました。次からはログイン名とこのパスワードでログインします。"
    if request.method == "POST" and form.is_valid() and sign_in(request, form, services.activate, "username", done):
        return redirect("portal_home")
    return render(request, "portal/activate.html", {"form": form})


@login_required
def home(request):
    from hogo.recipient_portal.access import account_of  # noqa: PLC0415 - a recipient's home is theirs

    if account_of(request.user) is not None:
        return redirect("my_home")
    member = services.member_of(request.user)
    conferences = list(services.conferences_of(member).order_by("-pk")) if member else []
    pledged = set(member.pledges.values_list("conference_id", flat=True)) if member else set()
    return render(
        request, "portal/agency_home.html", {"member": member, "conferences": conferences, "pledged": pledged}
    )


@login_required
@require_GET
def conference(request, key):
    conference, member, membership = services.open_for_member(request.user, key)
    signed = services.has_signed(conference, member)
    candidates = list(conference.candidates.all())
    answers = dict(
        PortalDateAnswer.objects.filter(member=member, candidate__in=candidates).values_list(
            "candidate_id", "available"
        )
    )
    return render(
        request,
        "portal/agency_conference.html",
        {
            "conference": conference,
            "member": member,
            "membership": membership,
            "signed": signed,
            "pledge_text": services.PLEDGE_TEXT,
            "materials": list(conference.materials.all()) if signed else [],
            "form": DateAnswersForm(candidates=candidates, answers=answers),
        },
    )


@login_required
@require_POST
def pledge(request, key):
    try:
        services.sign_pledge(request.user, key)
    except ValidationError as exc:
        messages.error(request, message_of(exc))
    else:
        messages.success(request, "誓約に署名しました。資料を見られます。")
    return redirect("portal_conference", key=key)


@login_required
@require_POST
def dates(request, key):
    conference, _member, _ = services.open_for_member(request.user, key)
    form = DateAnswersForm(request.POST, candidates=list(conference.candidates.all()))
    if form.is_valid():
        try:
            services.answer_dates(request.user, key, form.answers())
        except ValidationError as exc:
            messages.error(request, message_of(exc))
        else:
            messages.success(request, "日程の回答を受け付けました。福祉事務所に届けます。")
    else:
        messages.error(request, "回答を読み取れませんでした。もう一度選んでください。")
    return redirect("portal_conference", key=key)
