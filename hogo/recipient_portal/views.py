"""The recipient's pages: 利用開始, the TOTP step of the login, home, settings, submissions with their
receipts. Every page but 利用開始 and the TOTP step is `recipient_required`: the household comes from the
account, never from the URL (another household's submission is not found)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from hogo.common.refusals import put_errors_on_fields
from hogo.portal.activation import sign_in

from . import receipts, services
from .access import TOTP_DONE, account_of, needs_second_step, recipient_required
from .forms import FORMS, ActivationForm, CodeForm, LargeTextForm
from .models import RecipientAccount, SubmissionKind

SETUP_SECRET = "recipient_totp_setup"
KIND_INTRO = {
    "income": "働いて得た収入、年金、仕送りなどを、月ごと・人ごとに書きます。給与明細の写真もいっしょに送れます。",
    "assets": "預貯金や保険などの資産と、その金額を書きます。通帳の写真も送れます。",
    "change": "引っ越し、入院・退院、世帯の人数の変化、仕事の変化があったときに届け出ます（生活保護法第61条）。",
    "photo": "ケースワーカーに頼まれた書類の写真を送ります。",
}


def _safe_next(request, default="my_home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_http_methods(["GET", "POST"])
def activate(request):
    """利用開始: the login and code of the office's letter, and a passphrase twice."""
    form = ActivationForm(request.POST or None, initial={"login": request.GET.get("login", "")[:20]})
    done = "利用を始めました。次からはログインIDとこのパスワードでログインします。"
    if request.method == "POST" and form.is_valid() and sign_in(request, form, services.activate, "login", done):
        return redirect("my_home")
    return render(request, "recipient_portal/activate.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of the login for an account with TOTP on."""
    account = account_of(request.user)
    if account is None:
        raise PermissionDenied("このページは、生活保護を受けている世帯のアカウントで使います。")
    if not needs_second_step(request, account):
        return redirect(_safe_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verify_totp(account, form.cleaned_data["code"])
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            request.session[TOTP_DONE] = account.pk
            return redirect(_safe_next(request))
    return render(request, "recipient_portal/verify.html", {"form": form, "next": _safe_next(request, "")})


@recipient_required
@require_GET
def home(request):
    household = request.household
    return render(
        request,
        "recipient_portal/home.html",
        {
            "people": household.people.filter(active=True),
            "open_submissions": household.submissions.exclude(status__in=["recognised"])[:10],
        },
    )


def _qr_svg(text: str) -> str:
    import segno  # noqa: PLC0415

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", scale=5, border=2, xmldecl=False, svgns=True, title="QRコード")
    return out.getvalue().decode()


@recipient_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    account: RecipientAccount = request.recipient
    action = request.POST.get("action", "")
    code_form = CodeForm(request.POST if action in ("totp_confirm", "totp_off") else None)
    text_form = LargeTextForm(
        request.POST if action == "large_text" else None, initial={"large_text": account.large_text}
    )
    secret = request.session.get(SETUP_SECRET, "")
    if action == "large_text" and text_form.is_valid():
        services.set_large_text(account, text_form.cleaned_data["large_text"])
        messages.success(request, "文字の大きさを変えました。")
        return redirect("my_settings")
    if action == "totp_start" and not account.totp_secret:
        secret = services.new_totp_secret()
        request.session[SETUP_SECRET] = secret
    if action in ("totp_confirm", "totp_off") and code_form.is_valid():
        try:
            if action == "totp_confirm":
                services.enable_totp(account, secret, code_form.cleaned_data["code"])
            else:
                services.disable_totp(account, code_form.cleaned_data["code"])
        except ValidationError as exc:
            put_errors_on_fields(code_form, exc)
        else:
            request.session.pop(SETUP_SECRET, None)
            request.session[TOTP_DONE] = account.pk
            messages.success(
                request,
                "確認コードを使うようにしました。次のログインから6けたの数字を入力します。"
                if action == "totp_confirm"
                else "確認コードを使わないようにしました。",
            )
            return redirect("my_settings")
    setup = bool(secret) and not account.totp_secret and action in ("totp_start", "totp_confirm")
    return render(
        request,
        "recipient_portal/settings.html",
        {
            "account": account,
            "text_form": text_form,
            "code_form": code_form,
            "setup": setup,
            "secret": secret if setup else "",
            "qr": _qr_svg(services.totp_uri(account, secret)) if setup else "",
        },
    )


@recipient_required
@require_GET
def submissions(request):
    return render(
        request,
        "recipient_portal/submissions.html",
        {"submissions": request.household.submissions.all()[:50], "kinds": SubmissionKind.choices, "intro": KIND_INTRO},
    )


@recipient_required
@require_http_methods(["GET", "POST"])
def submission_new(request, kind):
    form_class = FORMS.get(kind)
    if form_class is None:
        raise Http404("見つかりません。")
    people = list(request.household.people.filter(active=True))
    form = form_class(request.POST or None, request.FILES or None, people=people)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submit(
                request.recipient,
                token=form.cleaned_data["token"],
                kind=kind,
                content=form.content(),
                period_label=form.period_label(),
                files=form.files_cleaned,
            )
        except ValidationError as exc:
            put_errors_on_fields(form, exc)
        else:
            messages.success(
                request, f"受け付けました。受付番号は {submission.number} です。受付票を保存してください。"
            )
            return redirect("my_submission", key=submission.key)
    return render(
        request,
        "recipient_portal/submission_form.html",
        {"form": form, "kind": kind, "title": SubmissionKind(kind).label, "intro": KIND_INTRO[kind]},
    )


@recipient_required
@require_GET
def submission(request, key):
    item = services.open_submission(request.household, key)
    return render(
        request,
        "recipient_portal/submission.html",
        {
            "submission": item,
            "rows": ["・".join(str(c) for c in row if c) for row in receipts.summary_rows(item)],
            "when": receipts.when(item.submitted_at),
        },
    )


@recipient_required
@require_GET
def receipt(request, key):
    item = services.open_submission(request.household, key)
    response = HttpResponse(receipts.receipt(item), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="receipt-{item.number}.pdf"'
    return response
